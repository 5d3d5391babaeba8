import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { cellMatches, unwrapCell } from '../../src/conformance/cells.js';
import { numberMatches, parseDocNumber } from '../../src/conformance/numbers.js';
import { parseLooseJson } from '../../src/conformance/loose-json.js';
import { compareTables } from '../../src/conformance/compare.js';
import { parseJson } from '../../src/engine/values/dynamic.js';

const bag = (json: string) => parseJson(json)!;

// [documented cell, computed value, type, matches?]
const cells: [string, ScalarValue, ScalarType, boolean][] = [
  // numbers
  ['1,234,567', 1234567n, 'long', true],
  ['1234567', 1234567n, 'long', true],
  ['1,234', 1235n, 'long', false],
  ['-3122868243544336885', -3122868243544336885n, 'long', true],
  ['42', 42, 'int', true],
  ['0.179910044977511', 0.1799100449775112, 'real', true],
  ['0.179910044977511', 0.1799110449775112, 'real', false],
  ['40.7914', 40.79140123, 'real', true],
  ['0.38', 0.3812, 'real', true],
  ['0.38', 0.3862, 'real', false],
  ['3', 3.4, 'real', false],
  ['3', 3, 'real', true],
  ['1.5E-07', 1.5e-7, 'real', true],
  ['NaN', NaN, 'real', true],
  ['NaN', 0, 'real', false],
  ['-Infinity', -Infinity, 'real', true],
  ['Infinity', -Infinity, 'real', false],
  ['abc', 1, 'real', false],
  // nulls and empties
  ['', null, 'long', true],
  ['null', null, 'dynamic', true],
  ['', '', 'string', true],
  ['', 0n, 'long', false],
  ['0', null, 'long', false],
  // bool, guid
  ['true', true, 'bool', true],
  ['False', false, 'bool', true],
  ['true', false, 'bool', false],
  ['1', true, 'bool', true],
  ['0', true, 'bool', false],
  ['true<br>', true, 'bool', true],
  ['<https://bing.com>', 'https://bing.com', 'string', true],
  ['-∞', -Infinity, 'real', true],
  ['01234567-89AB-cdef-0123-456789abcdef', '01234567-89ab-cdef-0123-456789abcdef', 'guid', true],
  // datetime: forms and printed precision
  ['2018-07-01 00:00:00.0000000', 636660000000000000n, 'datetime', true],
  ['2018-07-01T00:00:00Z', 636660000000000000n, 'datetime', true],
  ['2018-07-01', 636660000000000000n, 'datetime', true],
  ['2018-07-01 00:00:00.001', 636660000000010000n, 'datetime', true],
  ['2018-07-01 00:00:00.001', 636660000000020000n, 'datetime', false],
  ['2018-07-02', 636660000000000000n, 'datetime', false],
  ['not a date', 636660000000000000n, 'datetime', false],
  // timespan
  ['00:01:00', 600000000n, 'timespan', true],
  ['1.00:00:00', 864000000000n, 'timespan', true],
  ['04:32:02.4000000', 163224000000n, 'timespan', true],
  ['00:01:00', 600000001n, 'timespan', true],
  ['00:01:01', 600000000n, 'timespan', false],
  // strings: exact, Markdown unwrapping, JSON held in strings
  ['Hello, world!', 'Hello, world!', 'string', true],
  ['hello', 'Hello', 'string', false],
  ['`string`', 'string', 'string', true],
  ['a<br>b', 'a\nb', 'string', true],
  ['a \\| b', 'a | b', 'string', true],
  ['{"a": 1, "b": [1, 2]}', '{"b":[1,2],"a":1}', 'string', true],
  ['{"a": 2}', '{"a":1}', 'string', false],
  // dynamic: structural, loose JSON
  ['[1, 2, 3]', bag('[1,2,3]'), 'dynamic', true],
  ['[1,2,3]', bag('[1,2,4]'), 'dynamic', false],
  ['[1,2]', bag('[1,2,3]'), 'dynamic', false],
  ['{<br>  "key1": 123,<br>  "key2": "abc"<br>}', bag('{"key2":"abc","key1":123}'), 'dynamic', true],
  ['{"key1": 123}', bag('{"key1":123,"key2":1}'), 'dynamic', false],
  ['[yes, no, yes]', bag('["yes","no","yes"]'), 'dynamic', true],
  ['`["B5","B1"]`', bag('["B5","B1"]'), 'dynamic', true],
  ['[0.25,1.0,4.0]', bag('[0.25,1,4]'), 'dynamic', true],
  ['["2021-05-26T08:30:00Z"]', bag('["2021-05-26T08:30:00.0000000Z"]'), 'dynamic', true],
  ['abc', 'abc', 'dynamic', true],
  ['"abc"', 'abc', 'dynamic', true],
  ['5', 5, 'dynamic', true],
  ['[true, false]', bag('[true,true]'), 'dynamic', false],
];

cells.forEach(([expected, got, type, matches], i) => {
  test(`cell ${i}: ${JSON.stringify(expected)} ${matches ? 'matches' : 'does not match'} ${type}`, () => {
    assert.equal(cellMatches(expected, got, type), matches);
  });
});

test('unwrapCell: code span, line breaks, entities', () => {
  assert.equal(unwrapCell(' `x` '), 'x');
  assert.equal(unwrapCell('&nbsp;'), '');
  assert.equal(unwrapCell('series\\_periods\\_validate\\_y'), 'series_periods_validate_y');
  assert.equal(unwrapCell('a<br/>b'), 'a\nb');
  assert.equal(unwrapCell('&lt;tag&gt; &amp;'), '<tag> &');
});

test('parseDocNumber: separators only where grouped by three', () => {
  assert.equal(parseDocNumber('1,234')!.integer, 1234n);
  assert.equal(parseDocNumber('12,34'), undefined);
  assert.equal(parseDocNumber('1.2.3'), undefined);
  assert.equal(parseDocNumber('.'), undefined);
  assert.ok(numberMatches(parseDocNumber('1.2E+3')!, 1200));
});

test('parseLooseJson: refuses prose and broken text', () => {
  assert.equal(parseLooseJson('Hello'), undefined);
  assert.equal(parseLooseJson('[1, 2'), undefined);
  assert.equal(parseLooseJson('{"a" 1}'), undefined);
  assert.deepEqual(parseLooseJson("['a',]"), ['a']);
});

const cols = [
  { name: 'k', type: 'string' as const },
  { name: 'n', type: 'long' as const },
];

const tables: {
  name: string;
  columns: string[];
  rows: string[][];
  got: ScalarValue[][];
  ordered: boolean;
  ok: boolean;
  reason?: string;
}[] = [
  {
    name: 'same rows',
    columns: ['k', 'n'],
    rows: [
      ['a', '1'],
      ['b', '2'],
    ],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: true,
    ok: true,
  },
  {
    name: 'backticked names',
    columns: ['`k`', '`n`'],
    rows: [['a', '1']],
    got: [['a', 1n]],
    ordered: true,
    ok: true,
  },
  {
    name: 'other order, unordered query',
    columns: ['k', 'n'],
    rows: [
      ['b', '2'],
      ['a', '1'],
    ],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: false,
    ok: true,
  },
  {
    name: 'other order, ordered query',
    columns: ['k', 'n'],
    rows: [
      ['b', '2'],
      ['a', '1'],
    ],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: true,
    ok: false,
    reason: 'rows',
  },
  {
    name: 'duplicate rows count',
    columns: ['k', 'n'],
    rows: [
      ['a', '1'],
      ['a', '1'],
    ],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: false,
    ok: false,
    reason: 'rows',
  },
  {
    name: 'short row padded',
    columns: ['k', 'n'],
    rows: [['a']],
    got: [['a', null]],
    ordered: true,
    ok: true,
  },
  {
    name: 'truncated output',
    columns: ['k', 'n'],
    rows: [
      ['a', '1'],
      ['...', '...'],
    ],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: true,
    ok: true,
  },
  {
    name: 'row count',
    columns: ['k', 'n'],
    rows: [['a', '1']],
    got: [
      ['a', 1n],
      ['b', 2n],
    ],
    ordered: true,
    ok: false,
    reason: 'row-count',
  },
  {
    name: 'column names',
    columns: ['k', 'm'],
    rows: [['a', '1']],
    got: [['a', 1n]],
    ordered: true,
    ok: false,
    reason: 'columns',
  },
  {
    name: 'column count',
    columns: ['k'],
    rows: [['a']],
    got: [['a', 1n]],
    ordered: true,
    ok: false,
    reason: 'columns',
  },
];

for (const t of tables) {
  test(`compareTables: ${t.name}`, () => {
    const verdict = compareTables(
      { columns: t.columns, rows: t.rows },
      { columns: cols, rows: t.got },
      t.ordered,
    );
    assert.equal(verdict.ok, t.ok);
    if (!verdict.ok) assert.equal(verdict.reason, t.reason);
  });
}

test('compareTables: a names-only difference says the values match', () => {
  const verdict = compareTables(
    { columns: ['k', 'm'], rows: [['a', '1']] },
    { columns: cols, rows: [['a', 1n]] },
    true,
  );
  assert.ok(!verdict.ok && verdict.detail.endsWith('(values match)'));
  const other = compareTables(
    { columns: ['k', 'm'], rows: [['a', '2']] },
    { columns: cols, rows: [['a', 1n]] },
    true,
  );
  assert.ok(!other.ok && !other.detail.endsWith('(values match)'));
});
