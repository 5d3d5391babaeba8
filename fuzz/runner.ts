/**
 * Runs the fuzz targets for a time or a number of cases each, one worker thread per target at a
 * time. A case that throws is a crash; one that outlives its bound is a hang (the worker is
 * stopped and the run goes on from the next case); a worker over its heap cap is an unbounded
 * allocation. Everything is reported with the seed and case number that reproduce it.
 */
import { Worker } from 'node:worker_threads';
import type { FuzzFailure } from './target.js';
import { defaultInputs, fuzzTargets } from './targets.js';
import type { WorkerJob, WorkerMessage } from './worker.js';

export interface FuzzOptions {
  readonly seed: number;
  /** Time budget per target, in ms. */
  readonly msPerTarget: number;
  /** Case budget per target. */
  readonly casesPerTarget: number;
  readonly targets?: readonly string[];
  readonly projectRoot: string;
  readonly sharedDir: string | null;
  /** Heap cap per worker (MiB). */
  readonly heapMb?: number;
  readonly log?: (line: string) => void;
}

export interface FuzzReport {
  readonly cases: ReadonlyMap<string, number>;
  readonly slowestMs: ReadonlyMap<string, number>;
  readonly failures: readonly FuzzFailure[];
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const all = fuzzTargets(defaultInputs(o.projectRoot, o.sharedDir));
  const chosen = all.filter((t) => !o.targets || o.targets.includes(t.name));
  const cases = new Map<string, number>();
  const slowest = new Map<string, number>();
  const failures: FuzzFailure[] = [];
  for (const target of chosen) {
    const deadline = Date.now() + o.msPerTarget;
    let next = 0;
    let count = 0;
    while (next < o.casesPerTarget && Date.now() < deadline) {
      const job: WorkerJob = {
        target: target.name,
        seed: o.seed,
        firstCase: next,
        lastCase: o.casesPerTarget - 1,
        deadline,
        projectRoot: o.projectRoot,
        sharedDir: o.sharedDir,
      };
      const outcome = await runWorker(job, target.maxCaseMs, o.heapMb ?? 1536, (m) => {
        if (m.type === 'done') {
          count++;
          slowest.set(target.name, Math.max(slowest.get(target.name) ?? 0, m.ms));
        } else if (m.type === 'fail') {
          count++;
          failures.push({
            target: target.name,
            seed: o.seed,
            caseNumber: m.caseNumber,
            kind: 'crash',
            message: m.message,
          });
          o.log?.(`crash  ${target.name} seed=${o.seed} case=${m.caseNumber}: ${m.message.split('\n')[0]}`);
        }
      });
      if (outcome.kind === 'finished') break;
      // The worker was stopped in a case: record it and go on after it.
      count++;
      failures.push({
        target: target.name,
        seed: o.seed,
        caseNumber: outcome.caseNumber,
        kind: 'hang',
        message: outcome.message,
      });
      o.log?.(`${outcome.message}  ${target.name} seed=${o.seed} case=${outcome.caseNumber}`);
      next = outcome.caseNumber + 1;
    }
    cases.set(target.name, count);
    o.log?.(`${target.name}: ${count} cases, slowest ${(slowest.get(target.name) ?? 0).toFixed(0)} ms`);
  }
  return { cases, slowestMs: slowest, failures };
}

type WorkerOutcome = { kind: 'finished' } | { kind: 'stopped'; caseNumber: number; message: string };

function runWorker(
  job: WorkerJob,
  maxCaseMs: number,
  heapMb: number,
  onMessage: (m: WorkerMessage) => void,
): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let current = -1;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (o: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(o);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => settle({ kind: 'stopped', caseNumber: current, message: `hang (> ${maxCaseMs} ms)` }),
        maxCaseMs,
      );
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'start') {
        current = m.caseNumber;
        arm();
      } else if (m.type === 'done' || m.type === 'fail') {
        clearTimeout(timer);
      } else if (m.type === 'finished') {
        settle({ kind: 'finished' });
        return;
      }
      onMessage(m);
    });
    worker.on('error', (e: Error & { code?: string }) =>
      settle({
        kind: 'stopped',
        caseNumber: Math.max(current, job.firstCase),
        message:
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `unbounded allocation (heap over ${heapMb} MiB)`
            : `worker died: ${e.message}`,
      }),
    );
    worker.on('exit', () => settle({ kind: 'finished' }));
  });
}
