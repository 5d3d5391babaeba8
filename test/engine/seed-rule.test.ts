// The seed rule over real Sentinel data (../shared), stage by stage, and over variants of its one
// 5058 event that exercise each filter.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { errorCodes, type Table } from '../../src/engine/index.js';
import { securityEvent } from '../../src/schema/index.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import { grid, header, runKql } from './support/run.js';
import { seedQueryFrom, securityEventsFromJson, tableFromRecords } from './support/sample-tables.js';

const SAMPLE = ['sentinel', 'sample-data', 'msticpy', 'SecurityEvent.all_events_25rows_226cols.json'];

function load(): { table: Table; tables: Map<string, Table>; query: string } {
  const table = securityEventsFromJson(sharedPath(...SAMPLE));
  const query = seedQueryFrom(readFileSync(sharedPath('seed', 'seed-page.txt'), 'utf8'));
  return { table, tables: new Map([['SecurityEvent', table]]), query };
}

/** The query up to (not including) the first line that starts with `marker`. */
function cutBefore(query: string, marker: string): string {
  const at = query.indexOf(marker);
  assert.ok(at > 0, `marker ${marker} not in the query`);
  return query.slice(0, at).trimEnd();
}

const EVENT_FIELDS = [
  'SubjectUserSid',
  'SubjectUserName',
  'SubjectDomainName',
  'SubjectLogonId',
  'ProviderName',
  'AlgorithmName',
  'KeyName',
  'KeyType',
  'KeyFilePath',
  'Operation',
  'ReturnCode',
];

describe('seed rule over the msticpy SecurityEvent sample', { skip: skipWithoutShared }, () => {
  test('stage 1: where Activity keeps the one 5058 event', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| extend EventData'), tables);
    assert.equal(r.rows.length, 1);
    assert.equal(r.rows[0]![r.columns.findIndex((c) => c.name === 'EventID')], 5058);
  });

  test('stage 2: parse_xml(...).EventData.Data is the array of Data elements', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| mv-expand') + '\n| project EventData', tables);
    assert.deepEqual(header(r), ['EventData:dynamic']);
    const data = r.rows[0]![0] as { '@Name': string; '#text': string }[];
    assert.equal(data.length, 11);
    assert.deepEqual(
      data[3],
      Object.assign(Object.create(null), { '@Name': 'SubjectLogonId', '#text': '0x3e7' }),
    );
  });

  test('stage 3: mv-expand gives one row per Data element', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| evaluate bag_unpack'), tables);
    assert.equal(r.rows.length, 11);
  });

  test('stage 4: bag_unpack replaces EventData by @Name and #text', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| extend Key'), tables);
    const names = r.columns.map((c) => c.name);
    assert.ok(!names.includes('EventData'));
    assert.deepEqual(names.slice(-2), ['#text', '@Name']);
    assert.equal(r.rows.length, 11);
  });

  test('stage 5: Key and Value from column_ifexists', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| evaluate pivot') + '\n| project Key, Value', tables);
    assert.deepEqual(header(r), ['Key:string', 'Value:string']);
    assert.deepEqual(
      grid(r).map((row) => row[0]),
      EVENT_FIELDS,
    );
  });

  test('cut before the SubjectLogonId filter: one row, every EventData field its own column', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| where KeyType'), tables);
    assert.deepEqual(header(r), [
      'TimeGenerated:datetime',
      'Computer:string',
      'EventID:int',
      ...EVENT_FIELDS.map((f) => `${f}:string`),
    ]);
    assert.deepEqual(grid(r), [
      [
        '2019-02-11T08:41:13.9800000Z',
        'MSTICAlertsWin1',
        5058,
        'S-1-5-18',
        'MSTICAlertsWin1$',
        'WORKGROUP',
        '0x3e7',
        'Microsoft Software Key Storage Provider',
        'UNKNOWN',
        'c260b835-354f-49a2-9e96-e76a64474394',
        '%%2499',
        'C:\\ProgramData\\Microsoft\\Crypto\\Keys\\f01394738d0384c2478ba2b077683867_7ebe08ca-7480-4baa-a7a2-b4097b24d8cb',
        '%%2458',
        '0x0',
      ],
    ]);
  });

  test('through the SubjectLogonId and KeyName filters: no rows (the event is by SYSTEM, 0x3e7)', async () => {
    const { tables, query } = load();
    const r = await runKql(cutBefore(query, '| extend ProcessId'), tables);
    assert.equal(r.rows.length, 0);
  });

  test('the whole rule returns no rows, and warns that the data gave no ClientProcessId', async () => {
    const { tables, query } = load();
    const r = await runKql(query, tables);
    assert.equal(r.rows.length, 0);
    assert.equal(r.warnings?.length, 1);
    const w = r.warnings![0]!;
    assert.equal(w.code, errorCodes.unresolvedName);
    assert.match(w.message, /^Failed to resolve scalar expression named 'ClientProcessId'/);
    assert.equal(query.slice(w.span!.start, w.span!.end), 'ClientProcessId');
  });
});

/** A 5058 event like the sample's, with Data elements of our choosing. */
function event5058(data: Record<string, string>, time = '2024-01-01T00:00:00Z'): Record<string, unknown> {
  const xml =
    '<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">' +
    Object.entries(data)
      .map(([k, v]) => (v === '' ? `<Data Name="${k}"/>` : `<Data Name="${k}">${v}</Data>`))
      .join('') +
    '</EventData>';
  return {
    TimeGenerated: time,
    Computer: 'HOST1',
    EventID: 5058,
    Activity: '5058 - Key file operation.',
    EventData: xml,
  };
}

const userRead = {
  SubjectUserSid: 'S-1-5-21-1',
  SubjectUserName: 'alice',
  SubjectDomainName: 'CONTOSO',
  SubjectLogonId: '0x1a2b3c',
  ClientProcessId: '4242',
  ClientCreationTime: '2024-01-01T00:00:00Z',
  ProviderName: 'Microsoft Software Key Storage Provider',
  AlgorithmName: 'UNKNOWN',
  KeyName: 'c260b835-354f-49a2-9e96-e76a64474394',
  KeyType: '%%2499',
  KeyFilePath: 'C:\\ProgramData\\Microsoft\\Crypto\\Keys\\f0139',
  Operation: '%%2458',
  ReturnCode: '0x0',
};

describe('seed rule over events with ClientProcessId (current Windows)', { skip: skipWithoutShared }, () => {
  const run = async (records: Record<string, unknown>[]) => {
    const query = seedQueryFrom(readFileSync(sharedPath('seed', 'seed-page.txt'), 'utf8'));
    return runKql(query, new Map([['SecurityEvent', tableFromRecords(securityEvent, records)]]));
  };

  test('a user reading a machine key is reported, with ProcessId', async () => {
    const r = await run([event5058(userRead)]);
    assert.equal(r.rows.length, 1);
    const col = (name: string) => r.rows[0]![r.columns.findIndex((c) => c.name === name)];
    assert.equal(col('ProcessId'), '4242');
    assert.equal(col('SubjectUserName'), 'alice');
  });

  const quiet: [string, Record<string, string>][] = [
    ['SYSTEM (0x3e7)', { ...userRead, SubjectLogonId: '0x3e7' }],
    ['LOCAL SERVICE (0x3e4)', { ...userRead, SubjectLogonId: '0x3e4' }],
    ['a user key (KeyType %%2500)', { ...userRead, KeyType: '%%2500' }],
    [
      'a key outside Microsoft\\Crypto\\Keys',
      { ...userRead, KeyFilePath: 'C:\\Users\\a\\AppData\\Microsoft\\CryptoKeys\\x' },
    ],
    ['a listed key name', { ...userRead, KeyName: 'TSSecKeySet1' }],
  ];
  for (const [name, data] of quiet) {
    test(`not reported: ${name}`, async () => {
      const r = await run([event5058(userRead, '2024-01-01T00:00:01Z'), event5058(data)]);
      assert.equal(r.rows.length, 1, 'only the user event of another second is reported');
    });
  }

  test('two events in the same second on the same computer merge into one pivot row', async () => {
    const r = await run([event5058(userRead), event5058({ ...userRead, KeyName: 'other' })]);
    assert.equal(r.rows.length, 1);
  });

  test('an empty <Data/> element gives an empty value', async () => {
    const r = await run([event5058({ ...userRead, ReturnCode: '' })]);
    assert.equal(r.rows[0]![r.columns.findIndex((c) => c.name === 'ReturnCode')], '');
  });
});
