import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDatetime } from '../../src/engine/values/datetime.js';
import { parseJson } from '../../src/engine/values/dynamic.js';
import { mapMordorRecord, securityEventData } from '../../src/sources/otrf/mordor.js';
import { sentinelLevel } from '../../src/sources/otrf/levels.js';
import { securityEvent } from '../../src/schema/index.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import { load, rowCounts, tempFile } from './support.js';
import { buildZip } from './zip-writer.js';

const columns = new Set(securityEvent.columns.map((c) => c.name));
const noTitles = () => undefined;

test(
  'otrf: the three archives load into the tables their events belong to',
  { skip: skipWithoutShared },
  async () => {
    const expected: [string, Record<string, number>][] = [
      ['GoldenSAMLADFSMailAccess-WindowsEvents.zip', { SecurityEvent: 36, Event: 2 }],
      ['aadinternals_export_adfsdatabaseconfig_remotely.zip', { SecurityEvent: 108, Event: 177 }],
      ['rdp_interactive_taskmanager_lsass_dump.zip', { SecurityEvent: 793, Event: 4696 }],
    ];
    for (const [name, counts] of expected) {
      const loaded = await load(sharedPath('otrf', name));
      assert.deepEqual(rowCounts(loaded), counts, name);
      assert.equal(
        loaded.issues.filter((i) => i.severity === 'error').length,
        0,
        JSON.stringify(loaded.issues),
      );
    }
  },
);

test(
  'otrf: a Mordor 5058 event becomes a SecurityEvent row as Sentinel stores it',
  { skip: skipWithoutShared },
  async () => {
    const { tables } = await load(sharedPath('otrf', 'aadinternals_export_adfsdatabaseconfig_remotely.zip'));
    const rows = tables.get('SecurityEvent')!.rows;
    const keyOps = rows.filter((r) => r['EventID'] === 5058);
    assert.equal(keyOps.length, 8);
    assert.equal(
      rows.filter((r) => r['EventID'] === 5061 && /%%2499/.test(r['EventData'] as string)).length,
      8,
    );
    const row = keyOps[0]!;
    assert.equal(row['TimeGenerated'], parseDatetime('2021-04-27T04:07:34.160Z'));
    assert.equal(row['Computer'], 'ADFS01.blacksmith.local');
    assert.equal(row['Channel'], 'Security');
    assert.equal(row['EventSourceName'], 'Microsoft-Windows-Security-Auditing');
    assert.equal(row['Level'], '8');
    assert.equal(row['Task'], 12292);
    assert.equal(row['Activity'], '5058');
    // Sentinel copies no EventData field of a 5058 into columns: they live in EventData only.
    assert.equal(row['SubjectLogonId'], '');
    assert.equal(row['Account'], '');
    const xml = row['EventData'] as string;
    assert.ok(
      xml.startsWith(
        '<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\r\n  <Data Name="SubjectUserSid">S-1-5-19</Data>',
      ),
    );
    assert.match(xml, /<Data Name="KeyType">%%2499<\/Data>/);
    assert.ok(xml.endsWith('\r\n</EventData>'));
  },
);

test(
  'otrf: the GoldenSAML archive holds Sentinel rows and loads them as they are',
  { skip: skipWithoutShared },
  async () => {
    const { tables } = await load(sharedPath('otrf', 'GoldenSAMLADFSMailAccess-WindowsEvents.zip'));
    const logon = tables.get('SecurityEvent')!.rows.find((r) => r['EventID'] === 4624)!;
    assert.equal(logon['Activity'], '4624 - An account was successfully logged on.');
    assert.equal(logon['Account'], 'SIMULANDLABS.COM\\wardog');
    assert.equal(logon['ProcessId'], '0x0'); // from `ProcessId_string`, the union's renamed column
    assert.equal(logon['LogonType'], 3);
    const sysmon = tables.get('Event')!.rows.find((r) => r['EventID'] === 18)!;
    assert.equal(sysmon['Source'], 'Microsoft-Windows-Sysmon');
    assert.equal(sysmon['EventLevelName'], 'Information');
  },
);

// Mordor records of both shippers: [description, record, expected table, expected values]
const mordorCases: [string, string, string, Record<string, unknown>][] = [
  [
    'Winlogbeat-style 4624 (target account)',
    '{"SourceName":"Microsoft-Windows-Security-Auditing","Level":"0","Keywords":"0x8020000000000000","Channel":"Security","Hostname":"DC1","TimeCreated":"2021-04-27T04:07:34.160Z","@timestamp":"2021-04-27T04:07:35Z","EventID":4624,"Task":"12544","SubjectUserName":"-","SubjectDomainName":"-","TargetUserName":"svc$","TargetDomainName":"CORP","LogonType":"3","Unmapped":"x"}',
    'SecurityEvent',
    {
      TimeGenerated: '2021-04-27T04:07:34.160Z',
      Computer: 'DC1',
      Level: '8',
      Account: 'CORP\\svc$',
      AccountType: 'Machine',
      TargetAccount: 'CORP\\svc$',
      SubjectAccount: '-\\-',
      LogonType: '3',
      Unmapped: undefined,
    },
  ],
  [
    'NXLog 4672 on a lower-case channel (subject account, audit failure keywords)',
    '{"Keywords":-9218868437227405312,"SeverityValue":2,"EventID":4672,"Channel":"security","host":"wec","Hostname":"WS1","EventTime":"2020-09-22 04:37:45","@timestamp":"2020-09-22T08:37:48.541Z","Severity":"INFO","SourceName":"Microsoft-Windows-Security-Auditing","Task":12548,"SubjectUserName":"bob","SubjectDomainName":"CORP","EventType":"AUDIT_FAILURE","Category":"Special Logon"}',
    'SecurityEvent',
    {
      TimeGenerated: '2020-09-22T08:37:48.541Z',
      Computer: 'WS1',
      Channel: 'Security',
      Level: '16',
      Account: 'CORP\\bob',
      AccountType: 'User',
    },
  ],
  [
    'Sysmon event to Event',
    '{"SourceName":"Microsoft-Windows-Sysmon","Level":"4","Channel":"Microsoft-Windows-Sysmon/Operational","Hostname":"WS2","TimeCreated":"2021-04-27T04:07:36.129Z","EventID":1,"Task":"1","Message":"Process Create","Image":"C:\\\\a.exe","Domain":"NT AUTHORITY","AccountName":"SYSTEM"}',
    'Event',
    {
      Source: 'Microsoft-Windows-Sysmon',
      EventLog: 'Microsoft-Windows-Sysmon/Operational',
      EventLevel: 4,
      EventLevelName: 'Information',
      UserName: 'NT AUTHORITY\\SYSTEM',
      RenderedDescription: 'Process Create',
      EventData:
        '<DataItem type="System.XmlData" time="2021-04-27T04:07:36.1290000+00:00"><EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><Data Name="Image">C:\\a.exe</Data></EventData></DataItem>',
    },
  ],
];

for (const [name, json, table, values] of mordorCases) {
  test(`otrf: mordor mapping: ${name}`, () => {
    const mapped = mapMordorRecord(parseJson(json)!, noTitles, columns)!;
    assert.equal(mapped.table, table);
    for (const [key, value] of Object.entries(values)) assert.equal(mapped.values[key], value, key);
  });
}

test('otrf: exported Sentinel rows are not taken for Mordor events', () => {
  assert.equal(
    mapMordorRecord(
      parseJson('{"Type":"SecurityEvent","EventID":1,"Channel":"Security","TimeGenerated":"x"}')!,
      noTitles,
      columns,
    ),
    undefined,
  );
  assert.equal(mapMordorRecord(parseJson('{"EventID":1}')!, noTitles, columns), undefined);
});

test('otrf: EventData escapes XML and Activity uses a known title', () => {
  assert.equal(
    securityEventData([{ name: 'a"b', value: '<x> & y' }]),
    '<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\r\n  <Data Name="a&quot;b">&lt;x&gt; &amp; y</Data>\r\n</EventData>',
  );
  const mapped = mapMordorRecord(
    parseJson('{"Channel":"Security","EventID":5058,"TimeCreated":"2021-01-01T00:00:00Z"}')!,
    (id) => (id === 5058 ? 'Key file operation.' : undefined),
    columns,
  )!;
  assert.equal(mapped.values['Activity'], '5058 - Key file operation.');
});

const levels: [bigint | null, number | null, number, string][] = [
  [0x8020000000000000n, 0, 8, 'Audit Success'],
  [0x8010000000000000n, 0, 16, 'Audit Failure'],
  [0x8000000000000000n, 2, 1, 'Error'],
  [null, 1, 1, 'Error'],
  [null, 3, 2, 'Warning'],
  [null, 4, 4, 'Information'],
  [null, null, 4, 'Information'],
];
for (const [keywords, level, expected, name] of levels) {
  test(`otrf: level of keywords ${keywords} and level ${level} is ${expected}`, () => {
    assert.deepEqual(sentinelLevel(keywords, level), { level: expected, name });
  });
}

test("otrf: a zip bomb entry is refused and reported; the archive's other entry loads", async () => {
  const events =
    '{"Channel":"Security","EventID":4624,"TimeCreated":"2021-01-01T00:00:00Z","Hostname":"h"}\n'.repeat(3);
  const path = tempFile(
    'bomb.zip',
    buildZip([
      { name: 'bomb.json', data: Buffer.alloc(64 * 1024 * 1024, 0x20) },
      { name: 'events.json', data: Buffer.from(events) },
    ]),
  );
  const loaded = await load(path);
  assert.deepEqual(rowCounts(loaded), { SecurityEvent: 3 });
  assert.equal(loaded.issues.length, 1);
  assert.equal(loaded.issues[0]!.position.entry, 'bomb.json');
  assert.match(loaded.issues[0]!.message, /zip bomb/);
});

test('otrf: Mordor JSON lines outside a zip load the same way', async () => {
  const path = tempFile(
    'mordor_dataset.json',
    '{"Channel":"Security","EventID":4688,"TimeCreated":"2021-01-01T00:00:00Z","Hostname":"h","NewProcessName":"C:\\\\x.exe"}\n' +
      '{"Channel":"System","EventID":7045,"TimeCreated":"2021-01-01T00:00:01Z","Hostname":"h","ServiceName":"evil"}\n',
  );
  const loaded = await load(path);
  assert.deepEqual(rowCounts(loaded), { SecurityEvent: 1, Event: 1 });
  assert.equal(loaded.tables.get('SecurityEvent')!.rows[0]!['NewProcessName'], 'C:\\x.exe');
});
