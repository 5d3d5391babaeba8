/**
 * Runs examples one at a time in a worker thread, so that no example can stop the run: a query
 * that loops is cut at its timeout (the worker is terminated and a fresh one started), and one
 * that exhausts memory or the stack kills only its worker (bounded by `resourceLimits`).
 */
import { Worker } from 'node:worker_threads';
import type { Example } from './examples.js';
import type { ExampleOutcome } from './outcome.js';

export interface PoolOptions {
  readonly timeoutMs: number;
  /** Heap limit per worker, in MiB. */
  readonly maxHeapMb: number;
}

export class ExampleRunner {
  private worker: Worker | null = null;

  constructor(
    private readonly workerUrl: URL,
    private readonly options: PoolOptions,
  ) {}

  private spawn(): Worker {
    this.worker ??= new Worker(this.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, stackSizeMb: 8 },
    });
    return this.worker;
  }

  private async discard(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  run(example: Example): Promise<ExampleOutcome> {
    const worker = this.spawn();
    const started = performance.now();
    const failed = (cause: ExampleOutcome['cause']): ExampleOutcome => ({
      id: example.id,
      passed: false,
      truncated: false,
      cause,
      ordered: null,
      nondeterministic: [],
      got: null,
      ms: performance.now() - started,
    });
    return new Promise((resolve) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (outcome: ExampleOutcome): void => {
        cleanup();
        resolve(outcome);
      };
      const onError = (error: Error): void => {
        cleanup();
        void this.discard().then(() => resolve(failed({ kind: 'crash', message: error.message })));
      };
      const onExit = (code: number): void => {
        cleanup();
        this.worker = null;
        resolve(failed({ kind: 'crash', message: `worker exited with code ${code}` }));
      };
      const timer = setTimeout(() => {
        cleanup();
        void this.discard().then(() => resolve(failed({ kind: 'timeout', ms: this.options.timeoutMs })));
      }, this.options.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(example);
    });
  }

  async close(): Promise<void> {
    await this.discard();
  }
}
