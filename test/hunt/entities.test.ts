import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entitiesOf } from '../../src/hunt/entities.js';

test('entity mappings pick identifiers from result columns', () => {
  const mappings = [
    { entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'Account' }] },
    {
      entityType: 'Host',
      fieldMappings: [
        { identifier: 'HostName', columnName: 'Computer' },
        { identifier: 'AzureID', columnName: 'Missing' },
      ],
    },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'IpAddress' }] },
  ];
  const row = { Account: 'CONTOSO\\alice', Computer: 'WS1', IpAddress: '' };
  assert.deepEqual(entitiesOf(mappings, row), [
    { type: 'Account', fields: { FullName: 'CONTOSO\\alice' } },
    { type: 'Host', fields: { HostName: 'WS1' } },
  ]);
  assert.deepEqual(entitiesOf([], row), []);
});
