// in, !in, in~, !in~ (in-operator.md, null-values.md) and between.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindBetween } from '../../src/engine/scalar/index.js';
import type { ListOp } from '../../src/plan/plan.js';
import { type Arg, dt, dyn, evaluateBoth, int, label, list, long, nul, real, str, ts } from './support.js';

describe('in / !in / in~ / !in~', () => {
  const cases: [Arg, ListOp, Arg[], boolean][] = [
    [str('0x3e7'), '!in', [str('0x3e7'), str('0x3e4')], false],
    [str('0x3e5'), '!in', [str('0x3e7'), str('0x3e4')], true],
    [str('ABC'), 'in', [str('abc')], false],
    [str('ABC'), 'in~', [str('abc')], true],
    [str('ABC'), '!in~', [str('abc')], false],
    [str('TSSecKeySet1'), 'in', [dyn('["TSSecKeySet1", "iisCngWasKey"]')], true],
    [str('tsseckeyset1'), 'in', [dyn('["TSSecKeySet1", "iisCngWasKey"]')], false],
    [str('tsseckeyset1'), 'in~', [dyn('["TSSecKeySet1"]')], true],
    [str('other'), '!in', [dyn('["TSSecKeySet1", "iisCngWasKey"]')], true],
    [str('x'), 'in', [dyn('[]')], false],
    [str('x'), '!in', [], true],
    // numbers across types, and the Sentinel idiom EventID in ("4728", ...)
    [int(4728), 'in', [str('4728'), str('4732')], true],
    [int(4729), 'in', [str('4728'), str('4732')], false],
    [int(5), 'in', [long(5)], true],
    [long(5), 'in', [real(5.0)], true],
    [real(5.5), 'in', [long(5)], false],
    [int(5), 'in', [dyn('[1, 5, 9]')], true],
    [long(9007199254740993n), 'in', [long(9007199254740993n)], true],
    [long(9007199254740993n), 'in', [long(9007199254740992n)], false],
    [str('5'), 'in', [long(5)], true],
    [dt('2021-01-01'), 'in', [str('2021-01-01T00:00:00Z')], true],
    // a null left operand is in no list
    [nul('int'), 'in', [int(1)], false],
    [nul('int'), '!in', [int(1)], true],
  ];
  for (const [l, op, items, expected] of cases) {
    test(`${label(l)} ${op} (${items.map(label).join(', ')})`, () =>
      assert.equal(list(op, l, ...items), expected));
  }
  test('a dynamic left operand compares by content', () => {
    assert.equal(list('in', dyn('"a"'), str('a'), str('b')), true);
    assert.equal(list('in', dyn('1'), long(1)), true);
  });
});

describe('between', () => {
  const cases: [Arg, Arg, Arg, boolean | null][] = [
    [long(5), long(1), long(10), true],
    [long(10), long(1), long(10), true],
    [long(11), long(1), long(10), false],
    [real(1.5), long(1), long(2), true],
    [dt('2021-01-01 12:00'), dt('2021-01-01'), dt('2021-01-02'), true],
    [dt('2021-01-03'), dt('2021-01-01'), ts('1d'), false],
    [dt('2021-01-02'), dt('2021-01-01'), ts('1d'), true],
    [nul('long'), long(1), long(10), null],
  ];
  for (const [x, lo, hi, expected] of cases) {
    test(`${label(x)} between (${label(lo)} .. ${label(hi)})`, () => {
      assert.equal(evaluateBoth((i) => bindBetween(i[0]!, i[1]!, i[2]!), [x, lo, hi]).value, expected);
      const negated = evaluateBoth((i) => bindBetween(i[0]!, i[1]!, i[2]!, true), [x, lo, hi]).value;
      assert.equal(negated, expected === null ? null : !expected);
    });
  }
});
