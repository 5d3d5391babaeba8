// Arithmetic operators: numerical-operators.md and datetime-timespan-arithmetic.md.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindBinary, bindUnary } from '../../src/engine/scalar/index.js';
import type { BinaryOp } from '../../src/plan/plan.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import {
  type Arg,
  binaryTyped,
  bindError,
  ctx,
  dt,
  dyn,
  expectBound,
  int,
  label,
  long,
  nul,
  real,
  str,
  ts,
} from './support.js';

describe('arithmetic', () => {
  // [left, op, right, result type, value]
  const cases: [Arg, BinaryOp, Arg, ScalarType, ScalarValue][] = [
    [int(1), '+', int(1), 'long', 2n],
    [int(2147483647), '+', int(1), 'long', 2147483648n],
    [long(9223372036854775807n), '+', long(1), 'long', -9223372036854775808n],
    [long(7), '-', int(10), 'long', -3n],
    [real(1.0), '/', int(2), 'real', 0.5],
    [int(1), '/', real(2.0), 'real', 0.5],
    [int(1), '/', int(2), 'long', 0n],
    [long(-7), '/', long(2), 'long', -3n],
    [long(1), '/', long(0), 'long', null],
    [long(1), '%', long(0), 'long', null],
    [real(1), '/', real(0), 'real', Infinity],
    [real(0), '/', real(0), 'real', NaN],
    // numerical-operators.md: 0 <= N % D < abs(D)
    [long(14), '%', long(12), 'long', 2n],
    [long(-14), '%', long(12), 'long', 10n],
    [long(14), '%', long(-12), 'long', 2n],
    [long(-14), '%', long(-12), 'long', 10n],
    [real(-1.5), '%', real(1), 'real', 0.5],
    [int(null), '+', int(10), 'long', null],
    [int(5), '*', nul('int'), 'long', null],
    [dt('2021-01-01'), '+', ts('1d'), 'datetime', dt('2021-01-02').value],
    [ts('1d'), '+', dt('2021-01-01'), 'datetime', dt('2021-01-02').value],
    [dt('2021-01-01'), '-', ts('1h'), 'datetime', dt('2020-12-31 23:00').value],
    [dt('1997-06-25'), '-', dt('1910-06-11'), 'timespan', ts('31791d').value],
    [ts('1d'), '+', ts('2d'), 'timespan', ts('3d').value],
    [ts('1d'), '/', ts('5h'), 'real', 4.8],
    [ts('1h'), '/', ts('1s'), 'real', 3600],
    [real(1.5), '*', ts('1h'), 'timespan', ts('90m').value],
    [ts('1d'), '*', long(2), 'timespan', ts('2d').value],
    [ts('1d'), '/', long(2), 'timespan', ts('12h').value],
    [ts('1d'), '/', real(2.0), 'timespan', ts('12h').value],
    [ts('1d'), '%', ts('5h'), 'timespan', ts('4h').value],
    [long(86400), '*', ts('1s'), 'timespan', ts('1d').value],
    [dt('9999-12-31'), '+', ts('2d'), 'datetime', null],
    [dyn('5'), '+', long(1), 'long', 6n],
    [dyn('2.5'), '*', real(2), 'real', 5],
  ];
  for (const [l, op, r, type, value] of cases) {
    test(`${label(l)} ${op} ${label(r)}`, () => {
      const got = binaryTyped(op, l, r);
      assert.equal(got.type, type);
      assert.deepEqual(got.value, value);
    });
  }
  test('datetime_diff example of the docs: fromUnixTime', () => {
    const got = binaryTyped('+', dt('1970-01-01'), { type: 'timespan', value: 1546897531n * 10_000_000n });
    assert.equal(got.value, dt('2019-01-07 21:45:31').value);
  });
  const invalid: [ScalarType, BinaryOp, ScalarType][] = [
    ['string', '+', 'long'],
    ['datetime', '+', 'datetime'],
    ['datetime', '-', 'long'],
    ['bool', '*', 'long'],
    ['timespan', '*', 'timespan'],
  ];
  for (const [l, op, r] of invalid) {
    test(`${l} ${op} ${r} does not bind`, () =>
      assert.match(bindError(bindBinary(op, { type: l }, { type: r })), /not defined/));
  }
  void str;
});

describe('unary minus', () => {
  const cases: [Arg, ScalarValue][] = [
    [int(5), -5],
    [int(-2147483648), -2147483648],
    [long(5), -5n],
    [real(1.5), -1.5],
    [ts('1h'), -36_000_000_000n],
    [int(null), null],
  ];
  for (const [a, expected] of cases) {
    test(`-${String(a.value)}`, () =>
      assert.deepEqual(expectBound(bindUnary('-', { type: a.type })).evaluate([a.value], ctx), expected));
  }
  test('-string does not bind', () =>
    assert.match(bindError(bindUnary('-', { type: 'string' })), /not defined/));
});
