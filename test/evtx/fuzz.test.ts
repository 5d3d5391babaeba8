// Property tests over mutated real files (seeded, reproducible): whatever the damage, the reader
// never throws, always finishes, and every error carries file, chunk and offset. A short run is
// part of `npm test`; KQLHUNT_FUZZ_CASES=n runs more (KQLHUNT_FUZZ_SEED picks the seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipWithoutShared } from '../support/shared.js';
import { closeSharedPool, EvtxError, readEvtx } from '../../src/sources/evtx/index.js';
import { prng, sharedPath } from './support.js';

const SOURCES = [
  ['samples', 'Security_short_selected.evtx'],
  ['samples', 'new-user-security.evtx'],
  ['samples', 'Application_no_crc32.evtx'],
  ['samples', 'MSExchange_Management_wec.evtx'],
  ['samples', 'Microsoft-Windows-HelloForBusiness%4Operational.evtx'],
  ['samples', 'sysmon.evtx'],
  ['windows-rendered', 'Security.evtx'],
  ['samples', 'E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx'],
] as const;

const CHUNK = 65536;
const HEADER = 4096;
const EXTREMES = [0, 1, 27, 28, 0x7fffffff, 0xffffffff, 0x10000, 0xfffc];

type Mutation = (b: Buffer, r: () => number) => string;

const int = (r: () => number, n: number) => Math.floor(r() * n);

/** Record offsets found by a plain walk (for mutations aimed at record fields). */
function recordOffsets(b: Buffer): number[] {
  const out: number[] = [];
  for (let c = HEADER; c + CHUNK <= b.length; c += CHUNK) {
    let p = c + 512;
    while (p + 28 <= c + CHUNK && b.readUInt32LE(p) === 0x2a2a) {
      out.push(p);
      const s = b.readUInt32LE(p + 4);
      if (s < 28) break;
      p += s;
    }
  }
  return out;
}

const mutations: Record<string, Mutation> = {
  bitflips: (b, r) => {
    const n = 1 + int(r, 64);
    for (let i = 0; i < n; i++) b[int(r, b.length)]! ^= 1 << int(r, 8);
    return `${n} bit flips`;
  },
  recordBitflips: (b, r) => {
    const recs = recordOffsets(b);
    if (!recs.length) return 'no records';
    const n = 1 + int(r, 16);
    for (let i = 0; i < n; i++) {
      const p = recs[int(r, recs.length)]! + 24 + int(r, 200);
      if (p < b.length) b[p]! ^= 1 << int(r, 8);
    }
    return `${n} flips in BinXml`;
  },
  truncate: (b, r) => `truncated to ${int(r, b.length)}`,
  shuffleChunks: (b, r) => {
    const n = Math.floor((b.length - HEADER) / CHUNK);
    const chunks = Array.from({ length: n }, (_, i) =>
      Buffer.from(b.subarray(HEADER + i * CHUNK, HEADER + (i + 1) * CHUNK)),
    );
    for (let i = n - 1; i > 0; i--) {
      const j = int(r, i + 1);
      [chunks[i], chunks[j]] = [chunks[j]!, chunks[i]!];
    }
    chunks.forEach((c, i) => c.copy(b, HEADER + i * CHUNK));
    return `${n} chunks shuffled`;
  },
  zeroChunk: (b, r) => {
    const n = Math.floor((b.length - HEADER) / CHUNK);
    const i = int(r, Math.max(1, n));
    b.fill(0, HEADER + i * CHUNK, Math.min(b.length, HEADER + (i + 1) * CHUNK));
    return `chunk ${i} zeroed`;
  },
  chunkHeaderExtremes: (b, r) => {
    const n = Math.max(1, Math.floor((b.length - HEADER) / CHUNK));
    const base = HEADER + int(r, n) * CHUNK;
    const field = [8, 16, 24, 32, 40, 44, 48, 52][int(r, 8)]!;
    if (base + field + 4 <= b.length) b.writeUInt32LE(EXTREMES[int(r, EXTREMES.length)]!, base + field);
    return `chunk header field ${field} set`;
  },
  recordSizeExtremes: (b, r) => {
    const recs = recordOffsets(b);
    if (!recs.length) return 'no records';
    const p = recs[int(r, recs.length)]!;
    const v = EXTREMES[int(r, EXTREMES.length)]!;
    b.writeUInt32LE(v, p + 4);
    if (r() < 0.5 && v >= 28 && p + v <= b.length) b.writeUInt32LE(v, p + v - 4);
    return `record size ${v}`;
  },
  valueSizeExtremes: (b, r) => {
    // Somewhere inside a record, a 16-bit or 32-bit field set to an extreme: value descriptor
    // sizes, template data sizes, name lengths, template offsets.
    const recs = recordOffsets(b);
    if (!recs.length) return 'no records';
    const p = recs[int(r, recs.length)]! + 24 + int(r, 400);
    if (p + 4 > b.length) return 'past end';
    if (r() < 0.5) b.writeUInt16LE([0, 0xffff, 0x8000, 1][int(r, 4)]!, p);
    else b.writeUInt32LE(EXTREMES[int(r, EXTREMES.length)]!, p);
    return `field at ${p}`;
  },
  selfReference: (b, r) => {
    // Template instances whose definition offset points at themselves or forward.
    const recs = recordOffsets(b);
    let n = 0;
    for (const p of recs) {
      const q = p + 24;
      if (q + 14 > b.length || b[q] !== 0x0f || b[q + 4] !== 0x0c) continue;
      if (r() < 0.3) {
        const chunkStart = p - ((p - HEADER) % CHUNK);
        const self = q + 4 - chunkStart;
        b.writeUInt32LE([self, self + 1, self + 64, 0xfff0][int(r, 4)]!, q + 10);
        n++;
      }
    }
    return `${n} template offsets bent`;
  },
  headerLies: (b, r) => {
    b.writeUInt16LE([0, 1, 0xffff][int(r, 3)]!, 42);
    b.writeUInt32LE([0, 4, 0xffffffff][int(r, 3)]!, 120);
    return 'file header lies';
  },
};

const cases = Number(process.env.KQLHUNT_FUZZ_CASES ?? 120);
const seed = Number(process.env.KQLHUNT_FUZZ_SEED ?? 20250608);

test(
  `fuzz: ${cases} mutated files never throw, always end, report file/chunk/offset (seed ${seed})`,
  { skip: skipWithoutShared, timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-evtx-fuzz-'));
    const r = prng(seed);
    const names = Object.keys(mutations);
    const originals = SOURCES.map(([d, f]) => readFileSync(sharedPath('evtx', d, f)));
    let totalEvents = 0;
    let totalErrors = 0;
    const rss0 = process.memoryUsage().rss;
    try {
      for (let i = 0; i < cases; i++) {
        const src = int(r, originals.length);
        let b = Buffer.from(originals[src]!);
        const kinds: string[] = [];
        for (let k = 0, n = 1 + int(r, 3); k < n; k++) {
          const m = names[int(r, names.length)]!;
          const what = mutations[m]!(b, r);
          if (m === 'truncate') b = b.subarray(0, Number(/\d+/.exec(what)![0]));
          kinds.push(`${m} (${what})`);
        }
        const path = join(dir, `case-${i}.evtx`);
        writeFileSync(path, b);
        const label = `case ${i} (seed ${seed}): ${SOURCES[src]![1]}: ${kinds.join(', ')}`;
        const errors: EvtxError[] = [];
        const t0 = Date.now();
        let events = 0;
        try {
          const reader = readEvtx(path, { workers: i % 10 === 0 ? 2 : 0, onError: (e) => errors.push(e) });
          for await (const ev of reader) {
            events++;
            assert.equal(typeof ev.xml, 'string', label);
            assert.equal(ev.file, path, label);
          }
        } catch (e) {
          assert.fail(`${label}: threw ${(e as Error).stack}`);
        }
        assert.ok(Date.now() - t0 < 20_000, `${label}: took ${Date.now() - t0} ms`);
        assert.ok(events <= b.length / 28, `${label}: ${events} events from ${b.length} bytes`);
        for (const e of errors) {
          assert.equal(e.file, path, label);
          assert.ok(Number.isInteger(e.chunk) && e.chunk >= -1, `${label}: chunk ${e.chunk}`);
          assert.ok(
            Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= Math.max(b.length, HEADER),
            `${label}: offset ${e.offset}`,
          );
          assert.ok(e.reason.length > 0 && /^EVTX0\d\d$/.test(e.code), label);
        }
        totalEvents += events;
        totalErrors += errors.length;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await closeSharedPool();
    }
    const grown = (process.memoryUsage().rss - rss0) / 1048576;
    assert.ok(grown < 512, `RSS grew by ${grown.toFixed(0)} MB`);
    assert.ok(totalEvents > 0 && totalErrors > 0);
  },
);

test(
  'a template instance pointing at itself is an error, not a loop',
  { skip: skipWithoutShared },
  async () => {
    const b = Buffer.from(readFileSync(sharedPath('evtx', 'samples', 'new-user-security.evtx')));
    const recs = recordOffsets(b);
    const p = recs[1]! + 24;
    assert.equal(b[p + 4], 0x0c);
    b.writeUInt32LE(p + 4 - HEADER, p + 10); // the instance's definition offset: the instance itself
    const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-evtx-self-'));
    try {
      const path = join(dir, 'self.evtx');
      writeFileSync(path, b);
      const errors: EvtxError[] = [];
      let n = 0;
      for await (const _ of readEvtx(path, { workers: 0, onError: (e) => errors.push(e) })) n++;
      assert.equal(n, 3);
      const lost = errors.filter((e) => e.severity === 'record');
      assert.equal(lost.length, 1);
      assert.equal(lost[0]!.offset, recs[1]!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
