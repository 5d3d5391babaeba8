// Pushdown's fast path (prefilter.ts) against the general path: every chunk of every sample file,
// intact and damaged, read with each filter both ways, must give the same events, the same errors
// and the same count of filtered records. The fast path must also actually decide (drop) records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { skipWithoutShared } from '../support/shared.js';
import { ChunkCtx, CHUNK_SIZE } from '../../src/sources/evtx/binxml.js';
import { ChunkOutput, FILE_HEADER_SIZE, parseChunk } from '../../src/sources/evtx/chunk.js';
import { compileFilter, EvtxFilter } from '../../src/sources/evtx/filter.js';
import { XmlOut } from '../../src/sources/evtx/xmlout.js';
import { prng, readAll, sharedPath } from './support.js';

function chunksOf(b: Buffer): { buf: Buffer; len: number; base: number }[] {
  const out = [];
  for (let base = FILE_HEADER_SIZE; base < b.length; base += CHUNK_SIZE) {
    const buf = Buffer.alloc(CHUNK_SIZE);
    const len = b.copy(buf, 0, base, Math.min(b.length, base + CHUNK_SIZE));
    out.push({ buf, len, base });
  }
  return out;
}

/** Reads the file's chunks with the filter; `fast` turns prefilter.ts on or off. */
function readChunks(name: string, b: Buffer, filter: EvtxFilter, fast: boolean, sink: 'events' | 'xmlBytes') {
  const ctx = new ChunkCtx(Buffer.alloc(0));
  const out = new XmlOut();
  const results: (ChunkOutput & { text: string })[] = [];
  chunksOf(b).forEach(({ buf, len, base }, i) => {
    out.n = 0;
    const r = parseChunk(
      name,
      i,
      base,
      buf,
      len,
      {
        verifyCrc: true,
        filter: compileFilter(filter),
        xml: true,
        data: sink === 'events',
        recover: false,
        declaredChunks: -1,
        out,
        sink,
        fastFilter: fast,
      },
      ctx,
    );
    results.push({ ...r, text: out.text(0) });
  });
  return results;
}

/** Filters built from the file's own events: its commonest EventID, a channel, a time window... */
async function filtersFor(path: string): Promise<[string, EvtxFilter][]> {
  const { events } = await readAll(path, { workers: 0, xml: false, data: false });
  const ids = new Map<number, number>();
  for (const e of events)
    if (e.system.eventId !== null) ids.set(e.system.eventId, (ids.get(e.system.eventId) ?? 0) + 1);
  const common = [...ids].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  const times = events.map((e) => e.system.timeCreated).filter((t): t is bigint => t !== null);
  times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const from = times[times.length >> 2] ?? 0n;
  const to = times[(3 * times.length) >> 2] ?? 0n;
  const channel = events[0]?.system.channel ?? 'Security';
  const provider = events[events.length - 1]?.system.providerName ?? '';
  return [
    [`EventID ${common}`, { eventIds: [common] }],
    ['no EventID', { eventIds: [-1] }],
    [`channel ${channel.toUpperCase()}`, { channels: [channel.toUpperCase()] }],
    ['time window', { from, to }],
    [`provider ${provider}`, { providers: [provider.toLowerCase()] }],
    ['EventID and time', { eventIds: [common], from, to }],
  ];
}

function assertSame(label: string, b: Buffer, filter: EvtxFilter): number {
  let decided = 0;
  for (const sink of ['events', 'xmlBytes'] as const) {
    const slow = readChunks('f.evtx', b, filter, false, sink);
    const fast = readChunks('f.evtx', b, filter, true, sink);
    assert.deepEqual(fast, slow, `${label} (${sink})`);
    if (sink === 'events') decided = fast.reduce((n, c) => n + c.filtered, 0);
  }
  return decided;
}

const dirs = [
  ['samples', readdirSync(sharedPath('evtx', 'samples')).filter((f) => f.endsWith('.evtx'))],
  ['windows-rendered', ['Security.evtx', 'System.evtx', 'Application.evtx']],
] as const;

for (const [dir, files] of dirs) {
  for (const file of files) {
    test(
      `prefilter: ${dir}/${file} gives the same events and errors with and without the fast path`,
      {
        skip: skipWithoutShared,
      },
      async () => {
        const path = sharedPath('evtx', dir, file);
        const b = readFileSync(path);
        let filtered = 0;
        for (const [what, f] of await filtersFor(path)) filtered += assertSame(`${file}: ${what}`, b, f);
        assert.ok(filtered > 0, 'some records were filtered');
      },
    );
  }
}

test(
  'prefilter: damaged records (bytes changed where the fast path reads) give the same results',
  {
    skip: skipWithoutShared,
  },
  async () => {
    const sources = [
      'Security_short_selected.evtx',
      'new-user-security.evtx',
      'sysmon.evtx',
      'security.evtx',
    ];
    const r = prng(20250609);
    const extremes = [0, 1, 0x0c, 0x0f, 0x7f, 0xff];
    let cases = 0;
    for (const name of sources) {
      const path = sharedPath('evtx', 'samples', name);
      const original = readFileSync(path);
      const filters = await filtersFor(path);
      const records: number[] = [];
      for (let c = FILE_HEADER_SIZE; c + CHUNK_SIZE <= original.length; c += CHUNK_SIZE) {
        for (let p = c + 512; p + 28 <= c + CHUNK_SIZE && original.readUInt32LE(p) === 0x2a2a;) {
          records.push(p);
          const s = original.readUInt32LE(p + 4);
          if (s < 28) break;
          p += s;
        }
      }
      for (let k = 0; k < 20; k++) {
        const b = Buffer.from(original);
        // The fragment header, the instance header, the value count and descriptors: the first
        // ~100 bytes of a record's BinXml (in a record whose template is defined elsewhere).
        for (let n = 1 + Math.floor(r() * 6); n > 0; n--) {
          const at = records[Math.floor(r() * records.length)]! + 24 + Math.floor(r() * 100);
          b[at] =
            r() < 0.5 ? extremes[Math.floor(r() * extremes.length)]! : b[at]! ^ (1 << Math.floor(r() * 8));
        }
        const [what, f] = filters[k % filters.length]!;
        assertSame(`${name} case ${k}: ${what}`, b, f);
        cases++;
      }
    }
    assert.equal(cases, 80);
  },
);
