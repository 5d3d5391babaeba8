// When 'auto' brings in workers (schedule.ts): table-driven.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROBE_MS, Progress, WORKER_START_MS, workersPay } from '../../src/sources/evtx/schedule.js';

const base: Progress = { spentMs: 200, msPerBatch: 4, remaining: 360, threads: 2, warm: false };

const cases: [string, Partial<Progress>, boolean][] = [
  ['a full rendering of a big file (1.4 s left alone)', {}, true],
  [
    'a selective scan (0.3 s left alone: two workers would cost more than they save)',
    { msPerBatch: 0.8 },
    false,
  ],
  ['before the probe is over', { spentMs: PROBE_MS - 1 }, false],
  ['one thread only (one core)', { threads: 1 }, false],
  ['the last batch', { remaining: 1 }, false],
  ['just below break-even on 2 threads', { msPerBatch: 1, remaining: 4 * WORKER_START_MS - 1 }, false],
  ['just above break-even on 2 threads', { msPerBatch: 1, remaining: 4 * WORKER_START_MS + 1 }, true],
  ['8 threads, enough work', { threads: 8, msPerBatch: 1, remaining: 1400 }, true],
  ['8 threads, too little work for 7 start-ups', { threads: 8, msPerBatch: 1, remaining: 1000 }, false],
  ['a warm pool, batches for every thread', { warm: true, spentMs: 0, msPerBatch: 0, remaining: 4 }, true],
  [
    'a warm pool, fewer batches than two per thread',
    { warm: true, spentMs: 0, msPerBatch: 0, remaining: 3 },
    false,
  ],
];

for (const [what, change, want] of cases) {
  test(`workersPay: ${what}: ${want}`, () => {
    assert.equal(workersPay({ ...base, ...change }), want);
  });
}
