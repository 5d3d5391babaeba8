// Conversions between types, with Kusto's null rules (the to*() reference pages).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { convert, toDynamic, toStringValue } from '../../src/engine/values/convert.js';
import { parseGuid } from '../../src/engine/values/guid.js';
import { parseDatetime } from '../../src/engine/values/datetime.js';
import { parseJson } from '../../src/engine/values/dynamic.js';

describe('tostring', () => {
  const cases: [ScalarValue, ScalarType, string][] = [
    [123, 'int', '123'],
    [null, 'int', ''],
    [null, 'dynamic', ''],
    [true, 'bool', 'true'],
    [9007199254740993n, 'long', '9007199254740993'],
    [1.5, 'real', '1.5'],
    [parseDatetime('2021-01-01 10:00'), 'datetime', '2021-01-01T10:00:00.0000000Z'],
    [36_000_000_000n, 'timespan', '01:00:00'],
    [parseJson('"text"')!, 'dynamic', 'text'],
    [parseJson('{"b":1,"a":[true,null]}')!, 'dynamic', '{"b":1,"a":[true,null]}'],
    [parseJson('1.5')!, 'dynamic', '1.5'],
  ];
  for (const [value, type, expected] of cases)
    test(`${type} -> ${expected}`, () => assert.equal(toStringValue(value, type), expected));
});

describe('to* conversions', () => {
  const cases: [ScalarValue, ScalarType, ScalarType, ScalarValue][] = [
    ['123', 'string', 'int', 123],
    ['abc', 'string', 'int', null],
    [2.3, 'real', 'int', 2],
    [-2.7, 'real', 'long', -2n],
    [1e30, 'real', 'long', null],
    [NaN, 'real', 'long', null],
    ['123.4', 'string', 'real', 123.4],
    ['123.45678', 'string', 'decimal', 123.45678],
    ['true', 'string', 'bool', true],
    ['FALSE', 'string', 'bool', false],
    [123, 'int', 'bool', true],
    [0n, 'long', 'bool', false],
    ['yes', 'string', 'bool', null],
    ['2015-12-31 23:59:59.9', 'string', 'datetime', parseDatetime('2015-12-31 23:59:59.9')],
    ['nope', 'string', 'datetime', null],
    [parseDatetime('2021-01-01'), 'datetime', 'long', parseDatetime('2021-01-01')],
    ['0.00:03:00', 'string', 'timespan', 1_800_000_000n],
    ['0123456789abcdef0123456789abcdef', 'string', 'guid', '01234567-89ab-cdef-0123-456789abcdef'],
    ['0123456789ab-cdef-0123-456789abcdef', 'string', 'guid', '01234567-89ab-cdef-0123-456789abcdef'],
    ['a string that is not a guid', 'string', 'guid', null],
    [parseJson('101')!, 'dynamic', 'int', 101],
    [parseJson('"2015-01-01"')!, 'dynamic', 'datetime', parseDatetime('2015-01-01')],
    [parseJson('[1]')!, 'dynamic', 'long', null],
    [parseJson('9223372036854775807')!, 'dynamic', 'long', 9223372036854775807n],
    [5n, 'long', 'dynamic', 5],
    [9007199254740993n, 'long', 'dynamic', 9007199254740993n],
    [null, 'string', 'long', null],
  ];
  for (const [value, from, to, expected] of cases) {
    test(`${from} ${String(value)} -> ${to}`, () => assert.deepEqual(convert(value, from, to), expected));
  }
  test('todynamic parses JSON strings and keeps other text as a string (parse-json-function.md)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(toDynamic('{"a":1}', 'string'))), { a: 1 });
    assert.equal(toDynamic('not json', 'string'), 'not json');
  });
  test('guid braces', () =>
    assert.equal(
      parseGuid('{74BE27DE-1E4E-49D9-B579-FE0B331D3642}'),
      '74be27de-1e4e-49d9-b579-fe0b331d3642',
    ));
});
