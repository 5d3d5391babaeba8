// SecurityEvent / Event / WindowsEvent rows. The oracle is Sentinel's real export: each msticpy
// row that keeps its EventData is rebuilt as an event and mapped back; every column must match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { skipWithoutShared } from '../support/shared.js';
import type { EvtxEvent, XElement } from '../../src/sources/evtx/index.js';
import { parseWindowsTime } from '../../src/sources/evtx/index.js';
import { emptySystem } from '../../src/sources/evtx/system.js';
import {
  activityOf,
  eventRow,
  legacyLevel,
  securityEventRow,
  windowsEventRow,
} from '../../src/sources/windows/index.js';
import { securityEvent } from '../../src/schema/index.js';
import { readAll, sharedPath } from './support.js';

const exportPath = sharedPath(
  'sentinel',
  'sample-data',
  'msticpy',
  'SecurityEvent.all_events_25rows_226cols.json',
);
const rows: Record<string, unknown>[] = existsSync(exportPath)
  ? JSON.parse(readFileSync(exportPath, 'utf8'))
  : [];

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** An event carrying what Windows would have logged for an exported row. */
function eventFromRow(r: Record<string, unknown>): EvtxEvent {
  const ed = String(r.EventData);
  const kids: XElement[] = [];
  for (const m of ed.matchAll(/<Data Name="([^"]*)">([\s\S]*?)<\/Data>/g))
    kids.push({ name: 'Data', attrs: [['Name', m[1]!]], children: m[2] ? [unescape(m[2])] : [] });
  const system = {
    ...emptySystem(),
    providerName: String(r.EventSourceName),
    eventId: Number(r.EventID),
    task: Number(r.Task),
    channel: String(r.Channel),
    computer: String(r.Computer),
    keywords: 0x8020000000000000n,
    level: 0,
    timeCreated: parseWindowsTime(String(r.TimeGenerated)),
  };
  return {
    file: 'export',
    chunk: 0,
    offset: 0,
    recordId: 1n,
    written: 0n,
    system,
    data: kids.map((k) => ({ name: k.attrs[0]![1], value: (k.children[0] as string) ?? '' })),
    body: { name: 'EventData', attrs: [], children: kids },
    xml: '',
  };
}

const withEventData = rows.filter((r) => String(r.EventData).startsWith('<EventData'));

test('the export has rows to check', { skip: skipWithoutShared }, () => {
  assert.equal(withEventData.length, 13);
});

for (const [i, r] of withEventData.entries()) {
  test(
    `SecurityEvent row ${i} (${r.EventID}) matches the export column for column`,
    { skip: skipWithoutShared },
    () => {
      const got = securityEventRow(eventFromRow(r));
      const skip = new Set([
        'TenantId',
        'SourceComputerId',
        'EventOriginId',
        'MG',
        'TimeCollected',
        'ManagementGroupName',
        '_ResourceId',
        'TimeGenerated',
      ]);
      for (const c of securityEvent.columns) {
        if (skip.has(c.name) || !(c.name in r)) continue;
        let want = r[c.name] ?? null;
        // The export writes an empty guid as ''; in kqlhunt (scalar.ts) an unset guid is null.
        if (c.type === 'guid' && want === '') want = null;
        assert.deepEqual(got[c.name], want, `column ${c.name}`);
      }
      assert.equal(got.TimeGenerated, parseWindowsTime(String(r.TimeGenerated)));
    },
  );
}

const titles: [number, string][] = [
  [4624, '4624 - An account was successfully logged on.'],
  [4799, '4799 - A security-enabled local group membership was enumerated'],
  [5058, '5058 - Key file operation.'],
  [5061, '5061 - Cryptographic operation.'],
  [4776, '4776 - The domain controller attempted to validate the credentials for an account.'],
  [412, '412'],
];
for (const [id, want] of titles) test(`Activity of ${id}`, () => assert.equal(activityOf(id), want));

test('legacy levels: audit success 8, failure 16, error 1, warning 2, information 4', () => {
  const ev = (level: number, keywords: bigint) =>
    ({ system: { ...emptySystem(), level, keywords } }) as EvtxEvent;
  assert.deepEqual(
    [
      ev(0, 0x8020000000000000n),
      ev(0, 0x8010000000000000n),
      ev(2, 0n),
      ev(3, 0n),
      ev(4, 0x80000000000000n),
      ev(1, 0n),
    ].map(legacyLevel),
    [8, 16, 1, 2, 4, 1],
  );
});

test(
  'Event rows carry the DataItem wrapper; WindowsEvent rows a bag',
  { skip: skipWithoutShared },
  async () => {
    const { events } = await readAll(sharedPath('evtx', 'samples', 'sysmon.evtx'), { workers: 0 });
    const ev = events.find((e) => e.system.eventId === 1)!;
    const row = eventRow(ev);
    assert.equal(row.EventLog, 'Microsoft-Windows-Sysmon/Operational');
    assert.equal(row.Source, 'Microsoft-Windows-Sysmon');
    assert.equal(row.EventLevelName, 'Information');
    assert.match(
      String(row.EventData),
      /^<DataItem type="System\.XmlData" time="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}\+00:00" sourceHealthServiceId="[0-9a-f-]{36}"><EventData xmlns="http:\/\/schemas\.microsoft\.com\/win\/2004\/08\/events\/event"><Data Name="/,
    );
    assert.match(String(row.ParameterXml), /^<Param>/);
    const w = windowsEventRow(ev);
    const bag = w.EventData as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(bag), null);
    assert.equal(bag.Image, ev.data.find((d) => d.name === 'Image')!.value);
    assert.equal(w.RawEventData, ev.xml);
  },
);
