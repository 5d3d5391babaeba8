/**
 * Runs one fuzz target's cases inside a worker thread, so that the runner can stop a hung case
 * and cap the heap: it posts 'start' before and 'done' after every case.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Prng } from '../src/util/prng.js';
import { defaultInputs, fuzzTargets } from './targets.js';
import { caseSeed } from './seed.js';

export interface WorkerJob {
  readonly target: string;
  readonly seed: number;
  readonly firstCase: number;
  readonly lastCase: number;
  readonly deadline: number;
  readonly projectRoot: string;
  readonly sharedDir: string | null;
}

export type WorkerMessage =
  | { readonly type: 'start'; readonly caseNumber: number }
  | { readonly type: 'done'; readonly caseNumber: number; readonly ms: number }
  | { readonly type: 'fail'; readonly caseNumber: number; readonly message: string }
  | { readonly type: 'finished'; readonly next: number };

const job = workerData as WorkerJob;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const target = fuzzTargets(defaultInputs(job.projectRoot, job.sharedDir)).find((t) => t.name === job.target)!;

let n = job.firstCase;
for (; n <= job.lastCase && Date.now() < job.deadline; n++) {
  post({ type: 'start', caseNumber: n });
  const started = performance.now();
  try {
    await target.runCase(new Prng(caseSeed(job.target, job.seed, n)), n);
    post({ type: 'done', caseNumber: n, ms: performance.now() - started });
  } catch (e) {
    post({ type: 'fail', caseNumber: n, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}
post({ type: 'finished', next: n });
