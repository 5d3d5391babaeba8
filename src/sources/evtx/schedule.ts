// When worker threads pay for themselves ('auto' mode).
//
// A worker is not free: starting it, loading the reader and letting V8 optimise the reader's code
// all over again in its isolate cost about WORKER_START_MS of CPU each (measured with a 200 MB
// file on 2 cores: boot ~35 ms, the rest optimising). A full XML rendering of a big file runs for
// seconds and gains nearly twofold from two workers; a scan that keeps one EventID in a hundred
// reads the same file in a few hundred milliseconds, less than two workers' start-up. Which one a
// read is cannot be told before reading (it depends on the filter's selectivity and the events),
// so 'auto' reads on the calling thread first, measures, and hands the rest to workers only when
// the work left is clearly longer than what starting them costs.

/** CPU a worker costs before it is useful (ms): boot, module loading, re-optimising the code. */
export const WORKER_START_MS = 125;
/**
 * The first batches are slow (the code is not optimised yet, every template is new): they are
 * read but not measured.
 */
export const WARMUP_BATCHES = 8;
/** The calling thread measures at least this much reading (ms of CPU) before deciding. */
export const PROBE_MS = 150;

export interface Progress {
  /** CPU milliseconds spent reading the batches measured so far (those past the warm-up). */
  spentMs: number;
  /** Their average CPU milliseconds per batch. */
  msPerBatch: number;
  /** Batches left to read. */
  remaining: number;
  /** Threads that would read them: this one and `threads - 1` workers. */
  threads: number;
  /** True when the pool already has those workers running (their start-up is paid). */
  warm: boolean;
}

/**
 * True when reading the rest on `threads` threads beats reading it here alone: the time saved
 * (the remaining work alone, against the same work split across the threads, the workers' share
 * delayed by their start-up) is more than the CPU their start-up costs. A busy machine has no CPU
 * to waste on workers that save nothing; a warm pool has nothing left to pay.
 */
export function workersPay(p: Progress): boolean {
  if (p.threads < 2 || p.remaining < 2) return false;
  // Warm workers cost a message per batch: worth it as soon as there is a batch for each thread.
  if (p.warm) return p.remaining >= 2 * p.threads;
  if (p.spentMs < PROBE_MS) return false;
  const alone = p.msPerBatch * p.remaining;
  const workers = p.threads - 1;
  const saved = alone - (alone / p.threads + WORKER_START_MS);
  return saved > WORKER_START_MS * workers;
}
