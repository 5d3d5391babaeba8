// Number text forms: .NET's shortest round-trip double printing, long/int parsing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReal, parseInt32, parseLong, parseReal } from '../../src/engine/values/numbers.js';

describe('formatReal', () => {
  const cases: [number, string][] = [
    [1.5, '1.5'],
    [0.1, '0.1'],
    [1, '1'],
    [-2, '-2'],
    [0, '0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1 / 3, '0.3333333333333333'],
    [123456789012345, '123456789012345'],
    [1e14, '100000000000000'],
    [1e15, '1E+15'],
    [1.2345678901234568e17, '1.2345678901234568E+17'],
    [1e20, '1E+20'],
    [0.0001, '0.0001'],
    [0.00001, '1E-05'],
    // erfc-function.md prints 2.20904969985854E-05
    [2.20904969985854e-5, '2.20904969985854E-05'],
    [1.5e-7, '1.5E-07'],
    [1e-300, '1E-300'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ];
  for (const [value, text] of cases) test(text, () => assert.equal(formatReal(value), text));
});

describe('parseLong / parseInt32 / parseReal', () => {
  const longs: [string, bigint | null][] = [
    ['123', 123n],
    [' -123 ', -123n],
    ['+5', 5n],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', null],
    ['12345678901234567', 12345678901234567n],
    ['2.7', 2n],
    ['-2.7', -2n],
    ['1e3', 1000n],
    ['abc', null],
    ['', null],
    ['0x10', null],
  ];
  for (const [text, expected] of longs)
    test(`long ${JSON.stringify(text)}`, () => assert.equal(parseLong(text), expected));
  test('int range', () => {
    assert.equal(parseInt32('2147483647'), 2147483647);
    assert.equal(parseInt32('2147483648'), null);
    assert.equal(parseInt32('123'), 123);
  });
  const reals: [string, number | null][] = [
    ['123.4', 123.4],
    ['.5', 0.5],
    ['5.', 5],
    ['-1e-3', -0.001],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-inf', -Infinity],
    ['1,000', null],
    ['x', null],
  ];
  for (const [text, expected] of reals)
    test(`real ${JSON.stringify(text)}`, () => assert.deepEqual(parseReal(text), expected));
});
