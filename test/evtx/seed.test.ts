// The seed rule's input: SecurityEvent rows from seed-positive/Security.evtx hold its nine 5058
// events, with EventData fields equal to the XML Windows wrote, and the three machine-key reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { skipWithoutShared } from '../support/shared.js';
import { formatTicks } from '../../src/sources/evtx/index.js';
import { securityEventRow } from '../../src/sources/windows/index.js';
import { readAll, sharedPath } from './support.js';

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Data Name/value pairs of an EventData XML text (either quoting). */
function dataPairs(xml: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of xml.matchAll(/<Data Name=['"]([^'"]*)['"](?:\/>|>([\s\S]*?)<\/Data>)/g))
    out.push([m[1]!, unescape(m[2] ?? '')]);
  return out;
}

test(
  'seed-positive: nine 5058 events as SecurityEvent rows, EventData as in the XML',
  { skip: skipWithoutShared },
  async () => {
    const xml = readFileSync(sharedPath('evtx', 'seed-positive', 'Security.xml'), 'utf8');
    const want = new Map<string, [string, string][]>();
    for (const m of xml.matchAll(/<Event xmlns[\s\S]*?<\/Event>/g)) {
      if (!m[0].includes('<EventID>5058</EventID>')) continue;
      const id = /<EventRecordID>(\d+)</.exec(m[0])![1]!;
      want.set(id, dataPairs(/<EventData>[\s\S]*<\/EventData>/.exec(m[0])![0]));
    }
    assert.equal(want.size, 9);

    const { events, errors } = await readAll(sharedPath('evtx', 'seed-positive', 'Security.evtx'), {
      workers: 0,
    });
    assert.deepEqual(errors, []);
    const rows = events
      .filter((e) => e.system.channel === 'Security')
      .map((e) => ({ ev: e, row: securityEventRow(e) }));
    const k5058 = rows.filter((r) => r.row.Activity === '5058 - Key file operation.');
    assert.equal(k5058.length, 9);
    for (const { ev, row } of k5058) {
      const w = want.get(String(ev.recordId));
      assert.ok(w, `record ${ev.recordId} is a 5058 in the XML`);
      assert.deepEqual(
        ev.data.map((d) => [d.name, d.value.replace(/\r\n/g, '\n')]),
        w,
      );
      assert.deepEqual(dataPairs(String(row.EventData)), w);
      assert.equal(row.EventID, 5058);
      assert.equal(row.Level, '8');
      assert.equal(row.Account, '');
      assert.equal(row.SubjectUserName, '', 'Sentinel copies no 5058 field into columns');
    }

    // What the seed rule keeps: machine keys under Crypto\Keys, not SYSTEM's or LOCAL SERVICE's.
    const hits = k5058
      .map(({ row }) => ({ row, d: new Map(dataPairs(String(row.EventData))) }))
      .filter(
        ({ d }) =>
          d.get('KeyType') === '%%2499' && d.get('KeyFilePath')!.includes('Microsoft\\Crypto\\Keys\\'),
      )
      .filter(({ d }) => !['0x3e7', '0x3e4'].includes(d.get('SubjectLogonId')!))
      .map(({ row, d }) => [formatTicks(row.TimeGenerated as bigint), d.get('SubjectLogonId'), row.Computer]);
    assert.deepEqual(hits.sort(), [
      ['2025-06-02T16:47:01.7297032Z', '0x77730', 'NIKOLAISMETBD82'],
      ['2025-06-02T16:47:01.8267575Z', '0x3e5', 'NIKOLAISMETBD82'],
      ['2025-06-03T10:31:00.4759857Z', '0x489080', 'NIKOLAISMETBD82'],
    ]);
  },
);
