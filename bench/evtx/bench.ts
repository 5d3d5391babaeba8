// EVTX benchmark: kqlhunt's reader against evtxexport (libevtx-utils) and python-evtx over the
// same file of at least 200 MB, built in a temporary directory by repeating the real chunks of
// the shared EVTX files. Reports MB/s, peak RSS and the ratios to evtxexport.
//
// Run alone with `node dist/bench/evtx/bench.js`; `runEvtxBench()` is what `npm run bench` calls.
// Environment: KQLHUNT_BENCH_MB (size, default 200), KQLHUNT_BENCH_PYTHON_MB (python-evtx reads
// only a prefix of this size, default 8: it runs at well under 1 MB/s), KQLHUNT_BENCH_RUNS
// (runs per reader, default 3: medians are reported), KQLHUNT_BENCH_KEEP=1 keeps the temporary
// file. 'workers' is the default mode ('auto'): it brings in workers only when they pay (a full
// rendering does; a selective scan reads on one thread, see src/sources/evtx/schedule.ts).

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { readEvtx } from '../../src/sources/evtx/index.js';
import { closeSharedPool, defaultThreads } from '../../src/sources/evtx/pool.js';
import { sharedPath } from '../../test/support/shared.js';

const CHUNK = 65536;
const HEADER = 4096;
const here = fileURLToPath(import.meta.url);

/**
 * The material: the valid chunks (signature and both CRCs good) of ordinary shared files that
 * evtxexport and python-evtx both read (they abort on some of the odd samples).
 */
const MATERIAL = [
  'windows-rendered/Security.evtx',
  'windows-rendered/System.evtx',
  'windows-rendered/Application.evtx',
  'samples/security.evtx',
  'samples/system.evtx',
  'samples/sysmon.evtx',
  'samples/2-vss_7-System.evtx',
  'samples/Security_with_size_t.evtx',
  'samples/sample-with-irregular-bool-values.evtx',
  'samples/E_Windows_system32_winevt_logs_Microsoft-Windows-Shell-Core%4Operational.evtx',
];

function realChunks(): Buffer[] {
  const out: Buffer[] = [];
  for (const rel of MATERIAL) {
    const path = sharedPath('evtx', ...rel.split('/'));
    {
      if (!existsSync(path)) continue;
      const b = readFileSync(path);
      for (let o = HEADER; o + CHUNK <= b.length; o += CHUNK) {
        const c = b.subarray(o, o + CHUNK);
        if (c.toString('latin1', 0, 8) !== 'ElfChnk\0') continue;
        const free = c.readUInt32LE(48);
        if (free < 512 || free > CHUNK) continue;
        if (crc32(c.subarray(128, 512), crc32(c.subarray(0, 120))) !== c.readUInt32LE(124)) continue;
        if (crc32(c.subarray(512, free)) !== c.readUInt32LE(52)) continue;
        out.push(Buffer.from(c));
      }
    }
  }
  return out;
}

/** Writes a file of about `mb` MB: a header, then the real chunks repeated. */
export function buildBenchFile(path: string, mb: number): number {
  const chunks = realChunks();
  if (chunks.length === 0) throw new Error('no EVTX chunks found in ../shared/evtx');
  const count = Math.min(65535, Math.ceil((mb * 1024 * 1024 - HEADER) / CHUNK));
  const h = Buffer.alloc(HEADER);
  h.write('ElfFile\0', 0, 'latin1');
  h.writeBigUInt64LE(0n, 8);
  h.writeBigUInt64LE(BigInt(count - 1), 16);
  h.writeBigUInt64LE(1n, 24);
  h.writeUInt32LE(128, 32);
  h.writeUInt16LE(1, 36);
  h.writeUInt16LE(3, 38);
  h.writeUInt16LE(HEADER, 40);
  h.writeUInt16LE(count, 42);
  h.writeUInt32LE(0, 120);
  h.writeUInt32LE(crc32(h.subarray(0, 120)), 124);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, h);
    for (let i = 0; i < count; i++) writeSync(fd, chunks[i % chunks.length]!);
  } finally {
    closeSync(fd);
  }
  return HEADER + count * CHUNK;
}

interface Measure {
  name: string;
  seconds: number;
  /** User + system CPU seconds (all threads). */
  cpu: number;
  maxRssKb: number;
  bytes: number;
  events?: number;
  note?: string;
}

/** Runs a command under /usr/bin/time -v, output to /dev/null; elapsed wall time and peak RSS. */
function timed(cmd: string, args: string[], bytes: number, name: string): Measure | null {
  const hasTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 26,
      })
    : spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : `exit ${r.status}: ${String(r.stderr).slice(-300)}`;
    console.log(`  ${name}: not measured (${why})`);
    return null;
  }
  const err = String(r.stderr);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const ev = /events=(\d+)/.exec(err);
  const user = /User time \(seconds\): ([\d.]+)/.exec(err);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
  return {
    name,
    seconds,
    cpu: user && sys ? Number(user[1]) + Number(sys[1]) : seconds,
    maxRssKb: m ? Number(m[1]) : 0,
    bytes,
    ...(ev ? { events: Number(ev[1]) } : {}),
  };
}

/** Child mode: one kqlhunt measurement, output to /dev/null, event count on stderr. */
async function child(mode: string, path: string): Promise<void> {
  const out = openSync('/dev/null', 'w');
  let events = 0;
  if (mode === 'xml1' || mode === 'xmlw') {
    const r = readEvtx(path, { workers: mode === 'xml1' ? 0 : 'auto' });
    for await (const t of r.text('xml')) writeSync(out, t);
    events = r.stats.events;
  } else if (mode === 'scan1' || mode === 'scanw') {
    const r = readEvtx(path, { workers: mode === 'scan1' ? 0 : 'auto', filter: { eventIds: [4624] } });
    for await (const t of r.text('xml')) writeSync(out, t);
    events = r.stats.events;
  } else if (mode === 'events1') {
    const r = readEvtx(path, { workers: 0, xml: false });
    for await (const b of r.batches()) events += b.length;
  }
  closeSync(out);
  await closeSharedPool();
  process.stderr.write(`events=${events}\n`);
}

function mbps(m: Measure): number {
  return m.bytes / 1048576 / m.seconds;
}

function cpuMbps(m: Measure): number {
  return m.bytes / 1048576 / m.cpu;
}

/**
 * Median of `n` runs, wall time and CPU time taken apart (the machine may be shared: a median
 * resists one disturbed run; CPU time resists the load itself).
 */
function median(n: number, run: () => Measure | null): Measure | null {
  const ms: Measure[] = [];
  for (let i = 0; i < n; i++) {
    const m = run();
    if (m) ms.push(m);
  }
  if (ms.length === 0) return null;
  const mid = <T>(xs: T[], key: (x: T) => number) => xs.map(key).sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    ...ms[0]!,
    seconds: mid(ms, (m) => m.seconds),
    cpu: mid(ms, (m) => m.cpu),
    maxRssKb: mid(ms, (m) => m.maxRssKb),
    note: `median of ${ms.length}`,
  };
}

export async function runEvtxBench(): Promise<void> {
  const mb = Number(process.env.KQLHUNT_BENCH_MB ?? 200);
  const pyMb = Number(process.env.KQLHUNT_BENCH_PYTHON_MB ?? 8);
  const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-evtx-bench-'));
  const big = join(dir, 'bench.evtx');
  const small = join(dir, 'bench-prefix.evtx');
  try {
    const size = buildBenchFile(big, mb);
    const smallSize = buildBenchFile(small, pyMb);
    console.log(`EVTX bench: ${(size / 1048576).toFixed(1)} MB of repeated real chunks in ${big}`);
    console.log(`  threads by default ('auto'): ${defaultThreads() || 1}`);
    const node = process.execPath;
    const results: (Measure | null)[] = [];
    // Warm the page cache so that every reader sees the same conditions.
    readFileSync(big);
    const runs = Number(process.env.KQLHUNT_BENCH_RUNS ?? 3);
    const ee = median(runs, () => timed('evtxexport', ['-f', 'xml', big], size, 'evtxexport -f xml'));
    results.push(ee);
    const ours: [string, string][] = [
      ['xml1', 'kqlhunt xml, 1 thread'],
      ['xmlw', 'kqlhunt xml, workers'],
      ['scan1', 'kqlhunt scan EventID 4624, 1 thread'],
      ['scanw', 'kqlhunt scan EventID 4624, workers'],
      ['events1', 'kqlhunt events (no XML), 1 thread'],
    ];
    for (const [mode, name] of ours)
      results.push(median(runs, () => timed(node, [here, '--child', mode, big], size, name)));
    results.push(timed('evtx_dump.py', [small], smallSize, `python-evtx evtx_dump.py (first ${pyMb} MB)`));
    console.log(
      '  reader                                      wall MB/s  CPU MB/s  peak RSS  x evtxexport (wall / CPU)',
    );
    for (const m of results) {
      if (!m) continue;
      const ratio = ee
        ? `${(mbps(m) / mbps(ee)).toFixed(1)}x / ${(cpuMbps(m) / cpuMbps(ee)).toFixed(1)}x`
        : '-';
      console.log(
        `  ${m.name.padEnd(42)} ${mbps(m).toFixed(1).padStart(9)} ${cpuMbps(m).toFixed(1).padStart(9)} ` +
          `${(m.maxRssKb / 1024).toFixed(0).padStart(6)} MB  ${ratio.padStart(14)}` +
          (m.events !== undefined ? `   ${m.events} events` : ''),
      );
    }
    if (ee) {
      const get = (n: string) => results.find((r) => r?.name === n);
      const check = (n: string, target: number) => {
        const m = get(n);
        if (!m) return;
        const x = mbps(m) / mbps(ee);
        console.log(
          `  target ${n}: >= ${target}x evtxexport: ${x.toFixed(1)}x wall ${x >= target ? 'MET' : 'NOT MET'}` +
            ` (${(cpuMbps(m) / cpuMbps(ee)).toFixed(1)}x by CPU time)`,
        );
      };
      check('kqlhunt xml, 1 thread', 6);
      check('kqlhunt xml, workers', 10);
      check('kqlhunt scan EventID 4624, 1 thread', 30);
      check('kqlhunt scan EventID 4624, workers', 30);
    }
  } finally {
    if (process.env.KQLHUNT_BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--child');
  if (i >= 0) await child(process.argv[i + 1]!, process.argv[i + 2]!);
  else await runEvtxBench();
}
