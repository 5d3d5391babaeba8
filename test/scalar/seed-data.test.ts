// The seed rule's scalar steps over the real Sentinel export in ../shared: parse_xml of every
// EventData, member access to .EventData.Data, the has phrase and the !in filter.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  bindBinary,
  bindFunction,
  bindListComparison,
  bindMember,
  parseLiteral,
} from '../../src/engine/scalar/index.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import { ctx, expectBound } from './support.js';

interface Row {
  EventID: number;
  Activity: string;
  EventData: string;
}

describe('seed rule steps over the msticpy SecurityEvent export', { skip: skipWithoutShared }, () => {
  const rows = (): Row[] =>
    JSON.parse(
      readFileSync(
        sharedPath('sentinel', 'sample-data', 'msticpy', 'SecurityEvent.all_events_25rows_226cols.json'),
        'utf8',
      ),
    ) as Row[];
  const parse = expectBound(bindFunction('parse_xml', [{ type: 'string' }]));
  const eventData = expectBound(bindMember({ type: 'dynamic' }, 'EventData'));
  const data = expectBound(bindMember({ type: 'dynamic' }, 'Data'));

  test('every non-empty EventData parses, and every Data item has an @Name', () => {
    for (const row of rows()) {
      if (row.EventData === '') continue;
      const parsed = parse.evaluate([row.EventData], ctx);
      assert.notEqual(parsed, null, `EventID ${row.EventID}`);
      // Some events carry <UserData> instead of <EventData>.
      if (!row.EventData.startsWith('<EventData')) continue;
      const items = data.evaluate([eventData.evaluate([parsed], ctx)], ctx);
      assert.notEqual(items, null, `EventID ${row.EventID}`);
      const list = Array.isArray(items) ? items : [items];
      for (const item of list) assert.equal(typeof (item as Record<string, unknown>)['@Name'], 'string');
    }
  });

  test('the 5058 event: fields, the has phrase and the SYSTEM logon filter', () => {
    const row = rows().find((r) => r.EventID === 5058)!;
    assert.equal(
      expectBound(
        bindBinary('==', { type: 'string' }, { type: 'string', constant: '5058 - Key file operation.' }),
      ).evaluate([row.Activity, '5058 - Key file operation.'], ctx),
      true,
    );
    const items = data.evaluate(
      [eventData.evaluate([parse.evaluate([row.EventData], ctx)], ctx)],
      ctx,
    ) as Record<string, string>[];
    const fields = new Map(items.map((i) => [i['@Name'], i['#text']]));
    assert.equal(fields.get('KeyType'), '%%2499');
    assert.equal(fields.get('SubjectLogonId'), '0x3e7');
    const has = expectBound(
      bindBinary('has', { type: 'string' }, { type: 'string', constant: 'Microsoft\\Crypto\\Keys\\' }),
    );
    assert.equal(has.evaluate([fields.get('KeyFilePath')!, 'Microsoft\\Crypto\\Keys\\'], ctx), true);
    const notIn = expectBound(
      bindListComparison('!in', { type: 'string' }, [
        { type: 'string', constant: '0x3e7' },
        { type: 'string', constant: '0x3e4' },
      ]),
    );
    assert.equal(notIn.evaluate([fields.get('SubjectLogonId')!, '0x3e7', '0x3e4'], ctx), false);
    const filterList = parseLiteral(
      'dynamic',
      '["TSSecKeySet1", "iisCngWasKey", "iisCngConfigurationKey", "ConfigMgrPrimaryKey"]',
    );
    const keyNotIn = expectBound(
      bindListComparison('!in', { type: 'string' }, [{ type: 'dynamic', constant: filterList }]),
    );
    assert.equal(keyNotIn.evaluate([fields.get('KeyName')!, filterList], ctx), true);
  });
});
