// Worker thread entry: runs batches of chunks (batch.ts) and posts the results back.

import { parentPort } from 'node:worker_threads';
import { BatchJob, closeBatchFile, runBatch } from './batch.js';

parentPort?.on('message', (msg: { type: 'job'; job: BatchJob } | { type: 'close' }) => {
  if (msg.type === 'close') {
    closeBatchFile();
    return;
  }
  const res = runBatch(msg.job);
  const t = res.text;
  if (t && t.byteOffset === 0 && t.buffer.byteLength > 4096) {
    parentPort!.postMessage(res, [t.buffer as ArrayBuffer]);
  } else parentPort!.postMessage(res);
});
