// A small pool of worker threads for batches of chunks. Workers are created on first use, kept
// for later readers, and unreferenced while idle so that they never keep the process alive.
// A worker that dies takes no data with it: its batch is run again on the main thread.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BatchJob, BatchResult, runBatch } from './batch.js';
import { evtxError } from './errors.js';

interface Slot {
  worker: Worker;
  busy: boolean;
  job: BatchJob | null;
  resolve: ((r: BatchResult) => void) | null;
}

const workerUrl = new URL('./worker.js', import.meta.url);

/** Threads 'auto' reads on (this one and workers): one per core, at most 8; 0 on one core. */
export function defaultThreads(): number {
  const n = availableParallelism();
  return n > 1 ? Math.min(n, 8) : 0;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: BatchJob; resolve: (r: BatchResult) => void }[] = [];

  constructor(readonly size: number) {}

  /** Workers started and alive. */
  get started(): number {
    return this.slots.length;
  }

  run(job: BatchJob): Promise<BatchResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(workerUrl);
    const slot: Slot = { worker, busy: false, job: null, resolve: null };
    worker.on('message', (res: BatchResult) => {
      const r = slot.resolve;
      slot.busy = false;
      slot.job = null;
      slot.resolve = null;
      r?.(res);
      this.pump();
    });
    const fail = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.job;
      const r = slot.resolve;
      slot.job = null;
      slot.resolve = null;
      if (job && r) {
        const res = runBatch(job);
        res.errors.unshift(
          evtxError(
            job.file,
            job.first,
            0,
            'EVTX030',
            'integrity',
            `worker failed (${why}); batch read on the main thread`,
          ),
        );
        if (res.chunks && res.chunks[0]) res.chunks[0].errors.unshift(res.errors[0]!);
        r(res);
      }
      this.pump();
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => {
      if (slot.job) fail(`exit ${code}`);
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const { job, resolve } = this.queue.shift()!;
      slot.busy = true;
      slot.job = job;
      slot.resolve = resolve;
      slot.worker.ref();
      slot.worker.postMessage({ type: 'job', job });
    }
    for (const s of this.slots) if (!s.busy) s.worker.unref();
  }

  /** Ends every worker (tests and benchmarks call this; normal use needs not). */
  async close(): Promise<void> {
    const all = this.slots.splice(0);
    await Promise.all(all.map((s) => s.worker.terminate()));
  }
}

let shared: WorkerPool | null = null;

export function sharedPool(size: number): WorkerPool {
  if (!shared || shared.size !== size) {
    void shared?.close();
    shared = new WorkerPool(size);
  }
  return shared;
}

/** True when the shared pool has `size` workers started: using them costs no start-up. */
export function poolIsWarm(size: number): boolean {
  return shared !== null && shared.size === size && shared.started === size;
}

export async function closeSharedPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
