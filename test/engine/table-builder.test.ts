// TableBuilder: values per type, missing cells, chunking, and the errors bad rows get.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TableBuilder } from '../../src/engine/index.js';
import { CHUNK_ROWS } from '../../src/engine/table/index.js';
import type { ScalarValue, TableSchema } from '../../src/types/scalar.js';

const schema: TableSchema = {
  name: 'T',
  columns: [
    { name: 'b', type: 'bool' },
    { name: 'i', type: 'int' },
    { name: 'l', type: 'long' },
    { name: 'r', type: 'real' },
    { name: 's', type: 'string' },
    { name: 'd', type: 'datetime' },
    { name: 't', type: 'timespan' },
    { name: 'g', type: 'guid' },
    { name: 'y', type: 'dynamic' },
  ],
};

test('TableBuilder keeps every type and fills missing cells', () => {
  const b = new TableBuilder(schema);
  const bag = Object.create(null) as Record<string, ScalarValue>;
  bag['k'] = 1;
  b.appendRow({
    b: true,
    i: -5,
    l: 9007199254740993n,
    r: Number.NaN,
    s: 'x',
    d: 638396640000000000n,
    t: -10n,
    g: '00000000-0000-0000-0000-000000000001',
    y: bag as ScalarValue,
  });
  b.appendRow({});
  const t = b.finish();
  const rows = [...t.rows()];
  assert.equal(t.rowCount, 2);
  assert.deepEqual(rows[0]!.slice(0, 8), [
    true,
    -5,
    9007199254740993n,
    Number.NaN,
    'x',
    638396640000000000n,
    -10n,
    '00000000-0000-0000-0000-000000000001',
  ]);
  assert.equal(rows[0]![8], bag);
  assert.deepEqual(rows[1], [null, null, null, null, '', null, null, null, null]);
});

test('TableBuilder splits rows into fixed-size chunks sharing one string dictionary', () => {
  const b = new TableBuilder({ name: 'T', columns: [{ name: 's', type: 'string' }] });
  for (let i = 0; i < CHUNK_ROWS + 5; i++) b.appendRow({ s: i % 2 === 0 ? 'even' : 'odd' });
  const t = b.finish();
  assert.equal(t.chunks.length, 2);
  assert.equal(t.chunks[1]!.length, 5);
  const [a, c] = t.chunks.map((ch) => ch.columns[0]!);
  assert.ok(a!.type === 'string' && c!.type === 'string' && a!.dict === c!.dict);
  assert.equal(a!.dict.size, 2);
});

const invalid: { name: string; row: Record<string, ScalarValue>; message: RegExp }[] = [
  { name: 'unknown column', row: { nope: 1 }, message: /row 0 has unknown column 'nope'/ },
  {
    name: 'string in an int column',
    row: { i: '5' },
    message: /row 0, column 'i': a int value was expected, got string "5"/,
  },
  { name: 'number in a string column', row: { s: 5 }, message: /column 's': a string value was expected/ },
  { name: 'string in a bool column', row: { b: 'true' }, message: /column 'b'/ },
  { name: 'object in a guid column', row: { g: [] }, message: /column 'g'/ },
];

for (const c of invalid) {
  test(`TableBuilder rejects ${c.name}`, () => {
    const b = new TableBuilder(schema);
    assert.throws(() => b.appendRow(c.row), c.message);
  });
}

test('TableBuilder rejects a schema with a duplicate column', () => {
  assert.throws(
    () =>
      new TableBuilder({
        name: 'T',
        columns: [
          { name: 'a', type: 'int' },
          { name: 'a', type: 'long' },
        ],
      }),
    /duplicate column 'a'/,
  );
});
