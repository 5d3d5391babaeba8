// A batch of consecutive chunks of one file: the job a worker thread (or the main thread, when
// single-threaded) does. Reads with a file descriptor, one bounded buffer per batch: memory does
// not depend on the file's size.

import { closeSync, openSync, readSync } from 'node:fs';
import { ChunkCtx, CHUNK_SIZE } from './binxml.js';
import { ChunkOutput, FILE_HEADER_SIZE, parseChunk } from './chunk.js';
import { EvtxError, evtxError } from './errors.js';
import { eventJson } from './event.js';
import { XmlOut } from './xmlout.js';
import { compileFilter, EvtxFilter } from './filter.js';

/** What a batch produces: event objects, or text ready to print (XML or JSON lines). */
export type BatchMode = 'events' | 'xml' | 'jsonl';

export interface BatchJob {
  id: number;
  path: string;
  /** Display name of the file in events and errors. */
  file: string;
  first: number;
  count: number;
  mode: BatchMode;
  filter?: EvtxFilter;
  xml: boolean;
  data: boolean;
  verifyCrc: boolean;
  recover: boolean;
  declaredChunks: number;
}

export interface BatchResult {
  id: number;
  /** mode 'events': one output per chunk. */
  chunks: ChunkOutput[] | null;
  /** mode 'xml' / 'jsonl': the batch's text (UTF-8), one event per line. */
  text: Uint8Array | null;
  /** mode 'xml' / 'jsonl': errors of the batch in order. */
  errors: EvtxError[];
  events: number;
  filtered: number;
}

export const BATCH_CHUNKS = 8;

let fdPath = '';
let fd = -1;
let ioBuf: Buffer | null = null;
let chunkBuf: Buffer | null = null;
const ctx = new ChunkCtx(Buffer.alloc(0));
let xo = new XmlOut();

function fdFor(path: string): number {
  if (fd >= 0 && fdPath === path) return fd;
  closeBatchFile();
  fd = openSync(path, 'r');
  fdPath = path;
  return fd;
}

export function closeBatchFile(): void {
  if (fd >= 0) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
  fd = -1;
  fdPath = '';
}

/** Runs a batch synchronously (in a worker, or on the main thread as a fallback). */
export function runBatch(job: BatchJob): BatchResult {
  const res: BatchResult = { id: job.id, chunks: null, text: null, errors: [], events: 0, filtered: 0 };
  const outputs: ChunkOutput[] = [];
  let f: number;
  try {
    f = fdFor(job.path);
  } catch (e) {
    res.errors.push(
      evtxError(job.file, job.first, 0, 'EVTX001', 'chunk', 'cannot open: ' + (e as Error).message),
    );
    if (job.mode === 'events')
      res.chunks = [{ events: [], errors: res.errors, filtered: 0, count: 0, budget: 0 }];
    else res.text = new Uint8Array(0);
    return res;
  }
  const want = job.count * CHUNK_SIZE;
  if (!ioBuf || ioBuf.length < want) ioBuf = Buffer.alloc(Math.max(want, BATCH_CHUNKS * CHUNK_SIZE));
  if (!chunkBuf) chunkBuf = Buffer.alloc(CHUNK_SIZE);
  const start = FILE_HEADER_SIZE + job.first * CHUNK_SIZE;
  let got = 0;
  try {
    while (got < want) {
      const n = readSync(f, ioBuf, got, want - got, start + got);
      if (n <= 0) break;
      got += n;
    }
  } catch (e) {
    res.errors.push(
      evtxError(job.file, job.first, start + got, 'EVTX001', 'chunk', 'read failed: ' + (e as Error).message),
    );
  }
  const filter = compileFilter(job.filter);
  const opts = {
    verifyCrc: job.verifyCrc,
    filter,
    xml: job.mode === 'xml' || (job.mode === 'events' && job.xml),
    // Text output reads nothing but its own text: no DOM for XML lines, no XML for JSON lines.
    data: job.mode === 'jsonl' || (job.mode === 'events' && job.data),
    recover: job.recover,
    declaredChunks: job.declaredChunks,
    out: xo,
    sink: job.mode === 'xml' ? ('xmlBytes' as const) : ('events' as const),
  };
  xo.n = 0;
  for (let k = 0; k < job.count; k++) {
    const from = k * CHUNK_SIZE;
    if (from >= got) break;
    const len = Math.min(CHUNK_SIZE, got - from);
    let b = ioBuf.subarray(from, from + CHUNK_SIZE);
    if (len < CHUNK_SIZE) {
      chunkBuf.fill(0);
      ioBuf.copy(chunkBuf, 0, from, from + len);
      b = chunkBuf;
    }
    const out = parseChunk(job.file, job.first + k, start + from, b, len, opts, ctx);
    res.events += out.count;
    res.filtered += out.filtered;
    outputs.push(out);
  }
  if (job.mode === 'events') {
    res.chunks = outputs;
    return res;
  }
  for (const o of outputs) for (const e of o.errors) res.errors.push(e);
  if (job.mode === 'jsonl') {
    xo.n = 0;
    for (const o of outputs) {
      for (const ev of o.events) {
        xo.raw(JSON.stringify(eventJson(ev)));
        xo.byte(0x0a);
      }
    }
  }
  // Hand the bytes over (transferable); the next batch starts a fresh buffer sized like this
  // batch's output (a scan's is small: no megabyte per batch to allocate and collect).
  res.text = xo.buf.subarray(0, xo.n);
  xo = new XmlOut(Math.min(64 << 20, Math.max(64 << 10, xo.n + (xo.n >> 2))));
  return res;
}
