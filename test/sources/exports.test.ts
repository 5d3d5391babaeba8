import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDatetime } from '../../src/engine/values/datetime.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import { load, rowCounts, tempFile } from './support.js';

const sample = (...p: string[]) => sharedPath('sentinel', 'sample-data', ...p);
const ticks = (iso: string) => parseDatetime(iso)!;

// Every real export: the table it lands in and its row count (counted independently).
const realFiles: [string[], Record<string, number>][] = [
  [['azure-sentinel', 'Event.SemperisDirectoryServicesProtector.json'], { Event: 205 }],
  [['azure-sentinel', 'SecurityEvent.RiskIQ_scenrio.json'], { SecurityEvent: 4 }],
  [['msticpy', 'SecurityEvent.all_events_25rows_226cols.json'], { SecurityEvent: 25 }],
  [['msticpy', 'SecurityEvent.all_events_25rows_226cols.jsonl'], { SecurityEvent: 25 }],
  [['msticpy', 'failed_logons.SecurityEvent4625.csv'], { SecurityEvent: 4 }],
  [['msticpy', 'host_logons.SecurityEvent4624.csv'], { SecurityEvent: 14 }],
  [['msticpy', 'processes_on_host.SecurityEvent4688.csv'], { SecurityEvent: 363 }],
  [['msticpy', 'win_proc_test.SecurityEvent4688_1000rows.csv'], { SecurityEvent: 1000 }],
];

for (const [parts, counts] of realFiles) {
  test(
    `exports: ${parts.join('/')} loads as ${JSON.stringify(counts)}`,
    { skip: skipWithoutShared },
    async () => {
      const loaded = await load(sample(...parts));
      assert.deepEqual(rowCounts(loaded), counts);
      assert.equal(
        loaded.issues.filter((i) => i.severity === 'error').length,
        0,
        JSON.stringify(loaded.issues),
      );
    },
  );
}

test(
  'exports: the msticpy 5058 row keeps Sentinel types and values',
  { skip: skipWithoutShared },
  async () => {
    for (const name of [
      'SecurityEvent.all_events_25rows_226cols.json',
      'SecurityEvent.all_events_25rows_226cols.jsonl',
    ]) {
      const { tables } = await load(sample('msticpy', name));
      const table = tables.get('SecurityEvent')!;
      assert.equal(table.schema.name, 'SecurityEvent');
      const row = table.rows.find((r) => r['EventID'] === 5058)!;
      assert.equal(row['TimeGenerated'], ticks('2019-02-11T08:41:13.980Z'));
      assert.equal(row['Level'], '8');
      assert.equal(row['Task'], 12292);
      assert.equal(row['Activity'], '5058 - Key file operation.');
      assert.equal(row['SubjectLogonId'], '');
      assert.equal(row['TenantId'], '52b1ab41-869e-4138-9e40-2a4457f09bf0');
      assert.match(
        row['EventData'] as string,
        /^<EventData xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">/,
      );
      assert.match(row['EventData'] as string, /<Data Name="SubjectLogonId">0x3e7<\/Data>/);
      assert.equal(Object.getPrototypeOf(row), null);
    }
  },
);

test('exports: CSV values take the column types', { skip: skipWithoutShared }, async () => {
  const { tables } = await load(sample('msticpy', 'failed_logons.SecurityEvent4625.csv'));
  const row = tables.get('SecurityEvent')!.rows[0]!;
  assert.equal(row['TimeGenerated'], ticks('2019-02-14T04:23:55.400Z'));
  assert.equal(row['EventID'], 4625);
  assert.equal(row['LogonType'], 4);
  assert.equal(row['LogonProcessName'], 'Advapi  ');
  assert.equal(row['TargetLogonId'], '');
});

test(
  'exports: the portal display form of datetimes, with its [UTC] header',
  { skip: skipWithoutShared },
  async () => {
    const { tables, issues } = await load(
      sample('azure-sentinel', 'Event.SemperisDirectoryServicesProtector.json'),
    );
    assert.equal(tables.get('Event')!.rows[0]!['TimeGenerated'], ticks('2021-07-08T16:00:30.210Z'));
    assert.ok(!issues.some((i) => /TimeGenerated/.test(i.message)), JSON.stringify(issues));
  },
);

test(
  'exports: a malformed time in a real export is reported with its line, the row kept',
  { skip: skipWithoutShared },
  async () => {
    const { tables, issues } = await load(sample('azure-sentinel', 'SecurityEvent.RiskIQ_scenrio.json'));
    const bad = issues.find((i) => /TimeGenerated/.test(i.message))!;
    assert.match(bad.message, /2 value\(s\) not convertible to datetime/);
    assert.ok(bad.position.line! > 1);
    assert.equal(tables.get('SecurityEvent')!.rows.length, 4);
  },
);

test('exports: a file of no known table gets inferred types', async () => {
  const path = tempFile(
    'custom_logins.csv',
    'User,Count,When,Ratio,Flag,Data\n' +
      'alice,3,2024-01-02T03:04:05Z,0.5,true,"{""a"":1}"\n' +
      'bob,,2024-01-03 00:00:00,2,false,"[1,2]"\n' +
      'carol,12345678901234,2024-01-04,1e3,TRUE,\n',
  );
  const { tables } = await load(path);
  const table = tables.get('custom_logins')!;
  assert.deepEqual(
    table.schema.columns.map((c) => `${c.name}:${c.type}`),
    ['User:string', 'Count:long', 'When:datetime', 'Ratio:real', 'Flag:bool', 'Data:string'],
  );
  assert.deepEqual(
    table.rows.map((r) => r['Count']),
    [3n, null, 12345678901234n],
  );
  assert.equal(table.rows[2]!['When'], ticks('2024-01-04'));
});

test('exports: JSON objects and arrays make a dynamic column; mixed values a string one', async () => {
  const path = tempFile('things.jsonl', '{"a":{"x":1},"b":1,"c":"x"}\n{"a":[1],"b":"two","c":5}\n');
  const { tables } = await load(path);
  const table = tables.get('things')!;
  assert.deepEqual(
    table.schema.columns.map((c) => `${c.name}:${c.type}`),
    ['a:dynamic', 'b:string', 'c:string'],
  );
  assert.equal(table.rows[1]!['c'], '5');
  assert.equal(Object.getPrototypeOf(table.rows[0]!['a']), null);
});

test('exports: the Log Analytics API shape, known and unknown tables', async () => {
  // The long is beyond 2^53: written as text so that it reaches the loader exactly.
  const api = (name: string) =>
    JSON.stringify({
      tables: [
        {
          name,
          columns: [
            { name: 'TimeGenerated', type: 'datetime' },
            { name: 'EventID', type: 'int' },
            { name: 'Extra', type: 'dynamic' },
            { name: 'Big', type: 'long' },
          ],
          rows: [['2020-01-01T00:00:00Z', 4624, '{"k":[1,2]}', 'BIG']],
        },
      ],
    }).replace('"BIG"', '9007199254740993');
  const known = await load(tempFile('api1.json', api('SecurityEvent')));
  assert.deepEqual(rowCounts(known), { SecurityEvent: 1 });
  assert.equal(known.tables.get('SecurityEvent')!.rows[0]!['EventID'], 4624);

  const unknown = await load(tempFile('query_result.json', api('PrimaryResult')));
  const table = unknown.tables.get('query_result')!;
  assert.deepEqual(
    table.schema.columns.map((c) => c.type),
    ['datetime', 'int', 'dynamic', 'long'],
  );
  const row = table.rows[0]!;
  assert.equal(row['Big'], 9007199254740993n);
  assert.deepEqual(JSON.parse(JSON.stringify(row['Extra'])), { k: [1, 2] });
});

test('exports: rows route by their Type column; `_string` union columns fill their column', async () => {
  const path = tempFile(
    'mixed.jsonl',
    '{"Type":"SecurityEvent","EventID":4624,"ProcessId_string":"0x10","TimeGenerated":"2021-01-01T00:00:00Z"}\n' +
      '{"Type":"Event","EventID":7045,"EventLog":"System"}\n' +
      '{"Type":"Heartbeat","Computer":"a","Seq":1}\n',
  );
  const loaded = await load(path);
  assert.deepEqual(rowCounts(loaded), { SecurityEvent: 1, Event: 1, Heartbeat: 1 });
  assert.equal(loaded.tables.get('SecurityEvent')!.rows[0]!['ProcessId'], '0x10');
  assert.equal(loaded.tables.get('Heartbeat')!.schema.columns.find((c) => c.name === 'Seq')!.type, 'long');
});

// Hostile inputs: each costs only the bad record, which is reported with file and position.
test('exports: broken CSV quoting costs one line, reported, and the rest loads', async () => {
  const path = tempFile(
    'SecurityEvent.broken.csv',
    'EventID,Computer,CommandLine\n4688,a,"ok"\n4688,b,"never closed\n4688,c,fine\n4688,d,"x""y"\n',
  );
  const { tables, issues } = await load(path);
  assert.deepEqual(
    tables.get('SecurityEvent')!.rows.map((r) => r['Computer']),
    ['a', 'c', 'd'],
  );
  const issue = issues.find((i) => i.severity === 'error')!;
  assert.equal(issue.file, path);
  assert.equal(issue.position.line, 3);
  assert.equal(tables.get('SecurityEvent')!.rows[2]!['CommandLine'], 'x"y');
});

test('exports: a deeply nested element of a JSON array is refused; the others load', async () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const path = tempFile('nested.json', `[\n{"n":1},\n{"n":${deep}},\n{"n":3}\n]`);
  const { tables, issues } = await load(path);
  assert.deepEqual(
    tables.get('nested')!.rows.map((r) => r['n']),
    [1n, 3n],
  );
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.position.line, 3);
  assert.match(issues[0]!.message, /nested deeper/);
});

test('exports: a huge JSON line is refused with its line number; the next lines load', async () => {
  const path = tempFile('huge.jsonl', `{"n":1}\n{"n":"${'x'.repeat(5000)}"}\n{"n":3}\n`);
  const { tables, issues } = await load(path, {
    limits: {
      ...(await import('../../src/sources/exports/records.js')).defaultRecordLimits,
      maxLineChars: 1000,
    },
  });
  assert.equal(tables.get('huge')!.rows.length, 2);
  assert.equal(issues.length, 1);
  assert.equal(issues[0]!.position.line, 2);
  assert.match(issues[0]!.message, /longer than 1000/);
});

test('exports: an invalid JSON line is reported; the others load', async () => {
  const path = tempFile('bad.jsonl', '{"n":1}\n{"n":\n{"n":3}\n[1]\n');
  const { tables, issues } = await load(path);
  assert.equal(tables.get('bad')!.rows.length, 2);
  assert.deepEqual(
    issues.map((i) => i.position.line),
    [2, 4],
  );
});
