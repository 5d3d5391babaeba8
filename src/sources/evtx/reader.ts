// The streaming reader: the file header, then every chunk to the end of the file in batches,
// on worker threads when there are several cores, with output in file order.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setImmediate as tick } from 'node:timers/promises';
import { CHUNK_SIZE } from './binxml.js';
import { BATCH_CHUNKS, BatchJob, BatchMode, BatchResult, runBatch } from './batch.js';
import { FILE_HEADER_SIZE } from './chunk.js';
import { EvtxError, EvtxErrorTally, evtxError } from './errors.js';
import type { EvtxEvent } from './event.js';
import type { EvtxFilter } from './filter.js';
import { FLAG_NO_CRC, readFileHeader } from './header.js';
import { defaultThreads, poolIsWarm, sharedPool } from './pool.js';
import { WARMUP_BATCHES, workersPay } from './schedule.js';

export interface ReadOptions {
  /** Pushdown: records failing it are skipped after their System values are read. */
  filter?: EvtxFilter;
  /**
   * Threads: 'auto' (default) reads on os.availableParallelism() worker threads (at most 8) when
   * there are several cores and the file has at least AUTO_MIN_BATCHES batches of chunks; n > 1
   * reads on n worker threads; 0 or 1 reads on this thread alone. With workers, this thread only
   * hands out batches and passes results on in file order.
   */
  workers?: number | 'auto';
  /** Called for every error, in file order. */
  onError?: (e: EvtxError) => void;
  /** Render each event's XML into `xml` (default true). */
  xml?: boolean;
  /** Materialise `body` and `data` (default true). */
  data?: boolean;
  /** Verify chunk CRCs (default true; a file whose header sets the no-CRC flag is never checked). */
  verifyCrc?: boolean;
  /** Name used for the file in events and errors (default: the path). */
  name?: string;
  /**
   * Read on past a gap inside a chunk (zeros or garbage where the next record should be),
   * taking records whose identifiers are in the chunk's announced range; they are marked
   * `recovered`. Off by default, as in the evtx crate and libevtx's counts.
   */
  recover?: boolean;
}

export interface ReadStats {
  chunks: number;
  events: number;
  filtered: number;
  /** Errors that lost a record or a chunk. */
  lost: number;
  errors: number;
}

interface Plan {
  file: string;
  jobs: BatchJob[];
  headerErrors: EvtxError[];
  /** Threads to read on: this one and `threads - 1` workers (0 or 1: this thread only). */
  threads: number;
  /** 'auto': start on this thread and move to the workers only when they pay (schedule.ts). */
  adaptive: boolean;
}

function plan(path: string, mode: BatchMode, opts: ReadOptions): Plan {
  const file = opts.name ?? path;
  const headerErrors: EvtxError[] = [];
  let size = 0;
  let verify = opts.verifyCrc ?? true;
  let declaredChunks = -1;
  try {
    const fd = openSync(path, 'r');
    try {
      size = fstatSync(fd).size;
      const hb = Buffer.alloc(FILE_HEADER_SIZE);
      const n = readSync(fd, hb, 0, FILE_HEADER_SIZE, 0);
      const h = readFileHeader(file, hb, n, headerErrors);
      if (h.flags & FLAG_NO_CRC && (h.ok || h.chunkCount > 0)) verify = false;
      if (h.ok) declaredChunks = h.chunkCount;
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    headerErrors.push(
      evtxError(file, -1, 0, 'EVTX001', 'chunk', 'cannot read file: ' + (e as Error).message),
    );
    return { file, jobs: [], headerErrors, threads: 0, adaptive: false };
  }
  const chunks = size > FILE_HEADER_SIZE ? Math.ceil((size - FILE_HEADER_SIZE) / CHUNK_SIZE) : 0;
  const jobs: BatchJob[] = [];
  for (let first = 0, id = 0; first < chunks; first += BATCH_CHUNKS, id++) {
    jobs.push({
      id,
      path,
      file,
      first,
      count: Math.min(BATCH_CHUNKS, chunks - first),
      mode,
      ...(opts.filter ? { filter: opts.filter } : {}),
      xml: opts.xml ?? true,
      data: opts.data ?? true,
      verifyCrc: verify,
      recover: opts.recover ?? false,
      declaredChunks,
    });
  }
  const w = opts.workers ?? 'auto';
  const threads = w === 'auto' ? defaultThreads() : w > 1 ? w : 0;
  return { file, jobs, headerErrors, threads, adaptive: w === 'auto' };
}

/**
 * Runs the jobs and yields results in job order. This thread reads alone while workers would not
 * pay (always, without workers; in 'auto' mode, until schedule.ts says they would). Then
 * `threads - 1` workers join it: this thread takes every `threads`-th batch itself and reads it
 * while it would otherwise wait, at most two batches per thread in flight, so that memory stays
 * bounded whatever the file's size. Keeping this thread reading (rather than only passing results
 * on) was measured cheaper on 2 cores: its code is optimised already, and every extra isolate
 * pays again for optimising the reader (about WORKER_START_MS of CPU).
 */
async function* results(p: Plan): AsyncGenerator<BatchResult> {
  const jobs = p.jobs;
  let next = 0;
  if (p.threads < 2 || p.adaptive) {
    // CPU time, not wall time: on a busy machine the wall clock stretches every batch, not the
    // work. process.cpuUsage() counts every thread, V8's helpers included: close enough while
    // only this one reads.
    let spentMs = 0;
    let measured = 0;
    for (; next < jobs.length; next++) {
      if (
        p.adaptive &&
        workersPay({
          spentMs,
          msPerBatch: measured ? spentMs / measured : 0,
          remaining: jobs.length - next,
          threads: p.threads,
          warm: poolIsWarm(p.threads - 1),
        })
      )
        break;
      const c0 = p.adaptive ? process.cpuUsage() : null;
      const r = runBatch(jobs[next]!);
      if (c0 && next >= WARMUP_BATCHES) {
        const c = process.cpuUsage(c0);
        spentMs += (c.user + c.system) / 1000;
        measured++;
      }
      yield r;
      await tick();
    }
    if (next === jobs.length) return;
  }
  const workers = p.threads - 1;
  const pool = sharedPool(workers);
  const base = next;
  const mine = (i: number) => (i - base) % p.threads === workers;
  const ready = new Map<number, BatchResult | Promise<BatchResult>>();
  const window = p.threads * 2;
  for (let i = base; i < jobs.length; i++) {
    for (; next < jobs.length && next < i + window; next++) {
      if (!mine(next)) ready.set(next, pool.run(jobs[next]!));
    }
    let r = ready.get(i);
    if (r === undefined) {
      r = runBatch(jobs[i]!);
    } else if (r instanceof Promise) {
      // While waiting, read the next batch of ours in the window.
      for (let j = i + 1; j < next; j++) {
        if (mine(j) && !ready.has(j)) {
          ready.set(j, runBatch(jobs[j]!));
          break;
        }
      }
      r = await r;
    }
    ready.delete(i);
    yield r;
  }
}

/**
 * Reads one EVTX file. Iterate it for events (in file order); `batches()` gives them a chunk at a
 * time. `stats` and `tally` fill in as reading goes on. Never throws on file content; an
 * unreadable file gives an EVTX001 error and no events.
 */
export class EvtxReader implements AsyncIterable<EvtxEvent> {
  readonly tally = new EvtxErrorTally();
  readonly stats: ReadStats = { chunks: 0, events: 0, filtered: 0, lost: 0, errors: 0 };

  constructor(
    readonly path: string,
    private readonly opts: ReadOptions = {},
  ) {}

  private error(e: EvtxError): void {
    this.tally.add(e);
    this.stats.errors++;
    if (e.severity !== 'integrity') this.stats.lost++;
    this.opts.onError?.(e);
  }

  /** Events one chunk at a time. */
  async *batches(): AsyncGenerator<EvtxEvent[]> {
    const p = plan(this.path, 'events', this.opts);
    for (const e of p.headerErrors) this.error(e);
    for await (const r of results(p)) {
      for (const c of r.chunks ?? []) {
        this.stats.chunks++;
        for (const e of c.errors) this.error(e);
        this.stats.events += c.events.length;
        this.stats.filtered += c.filtered;
        if (c.events.length) yield c.events;
      }
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<EvtxEvent> {
    for await (const b of this.batches()) yield* b;
  }

  /** The file as UTF-8 text (one XML event or one JSON object per line), a batch at a time. */
  async *text(format: 'xml' | 'jsonl'): AsyncGenerator<Uint8Array> {
    const p = plan(this.path, format, this.opts);
    for (const e of p.headerErrors) this.error(e);
    for await (const r of results(p)) {
      this.stats.chunks += p.jobs[r.id]?.count ?? 0;
      for (const e of r.errors) this.error(e);
      this.stats.events += r.events;
      this.stats.filtered += r.filtered;
      if (r.text && r.text.length) yield r.text;
    }
  }
}

/** Reads one EVTX file: `for await (const ev of readEvtx(path, opts))`. */
export function readEvtx(path: string, opts: ReadOptions = {}): EvtxReader {
  return new EvtxReader(path, opts);
}
