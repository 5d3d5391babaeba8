// Comparison and logical operators, with null-values.md's rules and mixed types.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindBinary } from '../../src/engine/scalar/index.js';
import type { BinaryOp } from '../../src/plan/plan.js';
import type { ScalarValue } from '../../src/types/scalar.js';
import {
  type Arg,
  binary,
  bindError,
  bool,
  dt,
  dyn,
  guid,
  int,
  label,
  long,
  nul,
  real,
  str,
  ts,
} from './support.js';

describe('comparisons', () => {
  const cases: [Arg, BinaryOp, Arg, ScalarValue][] = [
    [int(1), '==', long(1), true],
    [long(9007199254740993n), '==', real(9007199254740992), false],
    [long(9007199254740993n), '>', real(9007199254740992), true],
    [int(1), '==', real(1.0), true],
    [real(0.23), '>', real(0.22), true],
    [real(NaN), '==', real(NaN), false],
    [real(NaN), '<', real(1), false],
    // The Sentinel idiom: an int column against a string literal compares as numbers.
    [int(4625), '==', str('4625'), true],
    [int(4625), '!=', str('4625'), false],
    [int(4625), '==', str('04625'), true],
    [int(4625), '==', str(' 4625 '), true],
    [int(4625), '==', str('4624'), false],
    [int(4625), '==', str('abc'), false],
    [int(4625), '!=', str('abc'), true],
    [int(4625), '>', str('4000'), true],
    [long(4625), '==', str('4625'), true],
    [real(1.5), '==', str('1.5'), true],
    [str('a'), '<', str('b'), true],
    [str('B'), '<', str('a'), true],
    [str('abc'), '==', str('ABC'), false],
    [str('abc'), '=~', str('ABC'), true],
    [str('abc'), '!~', str('ABC'), false],
    [str('Straße'), '=~', str('STRASSE'), false],
    [str('ÉCOLE'), '=~', str('école'), true],
    [dt('2021-01-01'), '<', dt('2021-01-02'), true],
    [dt('2021-01-01'), '==', str('2021-01-01'), true],
    [ts('10s'), '<', ts('1h'), true],
    [ts('1h'), '==', str('01:00:00'), true],
    [guid('00000000-0000-0000-0000-00000000000A'), '==', str('00000000-0000-0000-0000-00000000000a'), true],
    [bool(true), '==', bool(true), true],
    [dyn('1'), '==', long(1), true],
    [dyn('"a"'), '==', str('a'), true],
    [dyn('"4625"'), '==', int(4625), true],
    [dyn('[1,2]'), '==', dyn('[1,2]'), true],
    [dyn('{"a":1}'), '==', dyn('{"a":2}'), false],
    // null-values.md
    [int(null), '==', int(null), null],
    [int(5), '==', int(null), false],
    [int(null), '!=', int(null), null],
    [int(5), '!=', int(null), true],
    [int(null), '>', int(3), null],
    [dyn('null'), '==', str(''), false],
  ];
  for (const [l, op, r, expected] of cases) {
    test(`${label(l)} ${op} ${label(r)}`, () => assert.equal(binary(op, l, r), expected));
  }
  test('datetime against long does not bind', () =>
    assert.match(bindError(bindBinary('==', { type: 'datetime' }, { type: 'long' })), /Cannot compare/));
});

describe('and / or: three-valued', () => {
  const T = bool(true);
  const F = bool(false);
  const N = nul('bool');
  const cases: [Arg, 'and' | 'or', Arg, boolean | null][] = [
    [T, 'and', T, true],
    [T, 'and', F, false],
    [F, 'and', N, false],
    [N, 'and', F, false],
    [T, 'and', N, null],
    [N, 'and', N, null],
    [T, 'or', N, true],
    [N, 'or', T, true],
    [F, 'or', N, null],
    [F, 'or', F, false],
  ];
  for (const [l, op, r, expected] of cases) {
    test(`${String(l.value)} ${op} ${String(r.value)}`, () => assert.equal(binary(op, l, r), expected));
  }
});
