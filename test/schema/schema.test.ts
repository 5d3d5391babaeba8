// kqlhunt's table schemas: generated from Sentinel's schema files, complete, and reproducible.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { generateSchemaFiles } from '../../scripts/schema/generate.js';
import { builtinHiddenColumns, builtinTables, withTables } from '../../src/schema/index.js';
import { projectRoot } from '../support/shared.js';
import { sharedDir, sharedPath, skipWithoutShared } from '../support/shared.js';

function tsvRows(): string[][] {
  return readFileSync(sharedPath('sentinel', 'schemas', 'SecurityEvent.columns.merged.tsv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(1)
    .map((l) => l.split('\t'));
}

describe('built-in table schemas', () => {
  test('the committed files are what the generator writes', { skip: skipWithoutShared }, () => {
    for (const [file, text] of generateSchemaFiles(sharedDir)) {
      assert.equal(readFileSync(join(projectRoot, 'src', 'schema', file), 'utf8'), text, `${file} is stale`);
    }
  });

  test(
    'SecurityEvent has every typed column of the merged list, hidden ones included',
    { skip: skipWithoutShared },
    () => {
      const se = builtinTables.get('SecurityEvent');
      assert.ok(se);
      const names = new Set(se.columns.map((c) => c.name));
      const typed = tsvRows().filter((r) => (r[1] ?? '').trim() !== '' || (r[2] ?? '').trim() !== '');
      for (const r of typed) assert.ok(names.has(r[0]!), `missing ${r[0]}`);
      assert.equal(se.columns.length, typed.length);
      for (const hidden of ['TenantId', 'MG', 'TimeCollected', 'EventOriginId']) {
        assert.ok(builtinHiddenColumns.get('SecurityEvent')?.includes(hidden), hidden);
      }
    },
  );

  test('SecurityEvent follows the real export column order', { skip: skipWithoutShared }, () => {
    const se = builtinTables.get('SecurityEvent')!;
    const positioned = tsvRows()
      .filter((r) => (r[4] ?? '').trim() !== '' && se.columns.some((c) => c.name === r[0]))
      .sort((a, b) => Number(a[4]) - Number(b[4]))
      .map((r) => r[0]);
    assert.deepEqual(
      se.columns.slice(0, positioned.length).map((c) => c.name),
      positioned,
    );
  });

  const types: readonly [string, string, string][] = [
    ['SecurityEvent', 'TimeGenerated', 'datetime'],
    ['SecurityEvent', 'EventID', 'int'],
    ['SecurityEvent', 'TenantId', 'guid'],
    ['SecurityEvent', '_BilledSize', 'real'],
    ['SecurityEvent', 'EventData', 'string'],
    ['WindowsEvent', 'Data', 'dynamic'],
    ['WindowsEvent', '_ResourceId', 'string'],
    ['Event', 'EventLevel', 'int'],
    ['Event', 'Type', 'string'],
  ];
  for (const [table, column, type] of types) {
    test(`${table}.${column} is ${type}`, () => {
      assert.equal(builtinTables.get(table)?.columns.find((c) => c.name === column)?.type, type);
    });
  }

  test('extra tables are added, and replace a built-in of the same name', () => {
    const tables = withTables([
      { name: 'SigninLogs', columns: [{ name: 'UserPrincipalName', type: 'string' }] },
      { name: 'Event', columns: [{ name: 'Only', type: 'long' }] },
    ]);
    assert.deepEqual(
      tables.map((t) => t.name),
      ['SecurityEvent', 'WindowsEvent', 'Event', 'SigninLogs'],
    );
    assert.deepEqual(tables.find((t) => t.name === 'Event')?.columns, [{ name: 'Only', type: 'long' }]);
  });
});
