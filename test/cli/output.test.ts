import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringifyJson } from '../../src/cli/output/json.js';
import { csvField } from '../../src/cli/output/csv.js';
import { formatResult } from '../../src/cli/output/result-writer.js';
import { textCell } from '../../src/cli/output/cells.js';
import type { ColumnSchema, ScalarValue } from '../../src/types/scalar.js';

test('stringifyJson writes exact longs and null-prototype bags', () => {
  const bag = Object.create(null) as Record<string, unknown>;
  bag.a = 9007199254740993n;
  bag.b = [1, 'x', null, true];
  const cases: [unknown, string][] = [
    [null, 'null'],
    [9223372036854775807n, '9223372036854775807'],
    [1.5, '1.5'],
    [Number.NaN, '"NaN"'],
    ['a"b', '"a\\"b"'],
    [bag, '{"a":9007199254740993,"b":[1,"x",null,true]}'],
    [[], '[]'],
    [{}, '{}'],
  ];
  for (const [input, expected] of cases) assert.equal(stringifyJson(input), expected);
});

test('csvField quotes only when needed', () => {
  const cases: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ];
  for (const [input, expected] of cases) assert.equal(csvField(input), expected);
});

const columns: ColumnSchema[] = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Computer', type: 'string' },
  { name: 'Count', type: 'long' },
  { name: 'Bag', type: 'dynamic' },
];
// 2025-06-02T16:47:01.7297032Z in ticks
const t = 638844796217297032n;
const rows: ScalarValue[][] = [[t, 'HOST, A', 3n, { k: 'v' }]];

test('formatResult writes each format', () => {
  assert.equal(
    formatResult({ columns, rows }, 'jsonl'),
    '{"TimeGenerated":"2025-06-02T16:47:01.7297032Z","Computer":"HOST, A","Count":3,"Bag":{"k":"v"}}\n',
  );
  assert.equal(
    formatResult({ columns, rows }, 'csv'),
    'TimeGenerated,Computer,Count,Bag\r\n2025-06-02T16:47:01.7297032Z,"HOST, A",3,"{""k"":""v""}"\r\n',
  );
  const table = formatResult({ columns, rows }, 'table', { width: 200 });
  assert.match(table, /^TimeGenerated\s+Computer\s+Count\s+Bag\n/);
  assert.match(table, /2025-06-02T16:47:01\.7297032Z {2}HOST, A {3}3 {6}\{"k":"v"\}/);
  const narrow = formatResult({ columns, rows }, 'table', { width: 20 });
  assert.match(narrow, /── row 1\nTimeGenerated {2}2025-06-02T16:47:01\.7297032Z\n/);
});

test('textCell shifts datetimes only when a time zone is asked for', () => {
  assert.equal(textCell(t, 'datetime'), '2025-06-02T16:47:01.7297032Z');
  assert.equal(textCell(t, 'datetime', 'Europe/Brussels'), '2025-06-02 18:47:01.7297032 GMT+2');
  assert.equal(textCell(null, 'datetime'), '');
  assert.equal(textCell(null, 'string'), '');
});
