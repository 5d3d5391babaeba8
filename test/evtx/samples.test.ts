// Every sample file gives the records and errors of EXPECTED.tsv (table-driven from the file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { skipWithoutShared } from '../support/shared.js';
import { readAll, sharedPath } from './support.js';

const tsv = sharedPath('evtx', 'samples', 'EXPECTED.tsv');
const rows = existsSync(tsv)
  ? readFileSync(tsv, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
  : [];

function check(spec: string, actual: number): boolean {
  return spec.startsWith('>=') ? actual >= Number(spec.slice(2)) : actual === Number(spec);
}

test('EXPECTED.tsv lists the samples', { skip: skipWithoutShared }, () => {
  assert.equal(rows.length, 20);
});

for (const [file, ok, err, , what] of rows) {
  test(`${file}: ${ok} records, ${err} errors (${what})`, { skip: skipWithoutShared }, async () => {
    const { events, errors } = await readAll(sharedPath('evtx', 'samples', file!), {
      workers: 0,
      xml: false,
    });
    const lost = errors.filter((e) => e.severity !== 'integrity');
    assert.ok(check(ok!, events.length), `records: ${events.length}, expected ${ok}`);
    assert.ok(
      check(err!, lost.length),
      `errors: ${lost.length}, expected ${err}: ${lost.map((e) => e.reason).join('; ')}`,
    );
    for (const e of errors) {
      assert.equal(e.file, sharedPath('evtx', 'samples', file!));
      assert.ok(Number.isInteger(e.chunk) && Number.isInteger(e.offset) && e.offset >= 0);
    }
  });
}

test(
  'sample-with-zero-data-size-event.evtx: the zero-size record is an error with its offset',
  { skip: skipWithoutShared },
  async () => {
    const { errors } = await readAll(sharedPath('evtx', 'samples', 'sample-with-zero-data-size-event.evtx'), {
      workers: 0,
    });
    const e = errors.find((x) => x.code === 'EVTX020');
    assert.ok(e);
    assert.equal(e.chunk, 0);
    assert.equal(e.offset, 6176);
  },
);

test(
  'recover: reads on past a gap inside a chunk (sample_with_a_bad_chunk_magic chunk 7)',
  { skip: skipWithoutShared },
  async () => {
    const path = sharedPath('evtx', 'samples', 'sample_with_a_bad_chunk_magic.evtx');
    const plain = await readAll(path, { workers: 0, xml: false });
    const rec = await readAll(path, { workers: 0, xml: false, recover: true });
    const recovered = rec.events.filter((e) => e.recovered);
    assert.ok(recovered.length > 0);
    assert.equal(rec.events.length, plain.events.length + recovered.length);
    for (const e of recovered) assert.ok(e.recordId >= 47628n && e.recordId <= 47705n);
  },
);
