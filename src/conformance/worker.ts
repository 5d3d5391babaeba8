/**
 * The worker thread of the conformance runner (pool.ts): runs the examples it is sent, one at a
 * time, and answers each with its outcome. An exception is an outcome too ('crash'), so the
 * worker survives it.
 */
import { parentPort } from 'node:worker_threads';
import type { Example } from './examples.js';
import type { ExampleOutcome } from './outcome.js';
import { runExample } from './run-example.js';

if (!parentPort) throw new Error('conformance worker: must run in a worker thread');
const port = parentPort;

port.on('message', (example: Example) => {
  const started = performance.now();
  runExample(example)
    .catch((e: unknown): ExampleOutcome => ({
      id: example.id,
      passed: false,
      truncated: false,
      cause: { kind: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) },
      ordered: null,
      nondeterministic: [],
      got: null,
      ms: performance.now() - started,
    }))
    .then((outcome) => port.postMessage(outcome));
});
