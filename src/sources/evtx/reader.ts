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
import { defaultWorkers, sharedPool } from './pool.js';

export interface ReadOptions {
  /** Pushdown: records failing it are skipped after their System values are read. */
  filter?: EvtxFilter;
  /**
   * Threads: 'auto' (default) uses os.availableParallelism() threads (this one and workers)
   * when there are several cores and the file has more than one batch of chunks; n > 1 uses n
   * threads (n - 1 workers); 0 or 1 forces this thread alone.
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
  workers: number;
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
    return { file, jobs: [], headerErrors, workers: 0 };
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
  // 'auto': one worker per core but this one (which reads its share too).
  const workers = w === 'auto' ? (jobs.length > 1 ? defaultWorkers() - 1 : 0) : w > 1 ? w - 1 : 0;
  return { file, jobs, headerErrors, workers };
}

/**
 * Runs the jobs and yields results in job order, bounded in flight. With workers, the calling
 * thread takes every (workers + 1)-th batch itself, and runs its batches while it would
 * otherwise wait: `workers` threads plus this one keep workers + 1 cores busy.
 */
async function* results(p: Plan): AsyncGenerator<BatchResult> {
  const jobs = p.jobs;
  if (p.workers < 1) {
    for (const job of jobs) {
      yield runBatch(job);
      await tick();
    }
    return;
  }
  const pool = sharedPool(p.workers);
  const lanes = p.workers + 1;
  const mine = (i: number) => i % lanes === p.workers;
  const ready = new Map<number, BatchResult | Promise<BatchResult>>();
  const window = lanes * 2;
  let dispatched = 0;
  for (let i = 0; i < jobs.length; i++) {
    for (; dispatched < jobs.length && dispatched < i + window; dispatched++) {
      if (!mine(dispatched)) ready.set(dispatched, pool.run(jobs[dispatched]!));
    }
    let r = ready.get(i);
    if (r === undefined) {
      r = runBatch(jobs[i]!);
    } else if (r instanceof Promise) {
      // While waiting, do the next batch of ours in the window.
      for (let j = i + 1; j < dispatched; j++) {
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
