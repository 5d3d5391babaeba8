// Text output (`reader.text('xml' | 'jsonl')`) against the event API: the same events, as bytes,
// and the same errors, however many threads read. Text output renders nothing it does not print
// (no DOM for XML lines), so this is what keeps that shortcut honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipWithoutShared } from '../support/shared.js';
import {
  closeSharedPool,
  EvtxError,
  eventJson,
  EvtxFilter,
  readEvtx,
  ReadOptions,
} from '../../src/sources/evtx/index.js';
import { buildBenchFile } from '../../bench/evtx/bench.js';
import { readAll, sharedPath } from './support.js';

async function text(path: string, format: 'xml' | 'jsonl', opts: ReadOptions) {
  const errors: EvtxError[] = [];
  const r = readEvtx(path, { ...opts, onError: (e) => errors.push(e) });
  const parts: Buffer[] = [];
  for await (const t of r.text(format)) parts.push(Buffer.from(t));
  return { text: Buffer.concat(parts).toString('utf8'), errors, stats: { ...r.stats } };
}

function jsonReplacer(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

const samples = readdirSync(sharedPath('evtx', 'samples')).filter((f) => f.endsWith('.evtx'));

for (const file of samples) {
  test(
    `text: ${file} as XML and JSON lines equals its events, errors included`,
    { skip: skipWithoutShared },
    async () => {
      const path = sharedPath('evtx', 'samples', file);
      const { events, errors } = await readAll(path, { workers: 0 });
      const xml = await text(path, 'xml', { workers: 0 });
      assert.equal(xml.text, events.map((e) => e.xml + '\n').join(''));
      assert.deepEqual(xml.errors, errors);
      const jsonl = await text(path, 'jsonl', { workers: 0 });
      assert.equal(jsonl.text, events.map((e) => JSON.stringify(eventJson(e), jsonReplacer) + '\n').join(''));
      assert.deepEqual(jsonl.errors, errors);
    },
  );
}

test(
  'text: a 16 MB file reads the same on 1 thread, 2 threads and auto',
  { skip: skipWithoutShared },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-evtx-text-'));
    try {
      const path = join(dir, 'big.evtx');
      buildBenchFile(path, 16);
      const filters: (EvtxFilter | undefined)[] = [undefined, { eventIds: [4624] }];
      for (const filter of filters) {
        const one = await text(path, 'xml', { workers: 0, ...(filter ? { filter } : {}) });
        assert.ok(one.stats.events > 1000 && one.stats.chunks === 256);
        if (filter) assert.ok(one.stats.filtered > one.stats.events);
        for (const workers of [2, 'auto'] as const) {
          const many = await text(path, 'xml', { workers, ...(filter ? { filter } : {}) });
          assert.equal(many.text, one.text, `workers ${workers}`);
          assert.deepEqual(many.errors, one.errors);
          assert.deepEqual(many.stats, one.stats);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await closeSharedPool();
    }
  },
);
