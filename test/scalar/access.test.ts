// Member/index access on dynamic values and the plan's literal texts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindIndex, bindMember, parseLiteral } from '../../src/engine/scalar/index.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { bindError, ctx, dyn, evaluateBoth, json, long, str, type Arg } from './support.js';

describe('member and index access', () => {
  const doc = dyn('{"a":123, "a b c":"2015-01-01", "arr":[100,101,102], "n":null, "o":{"x":{"y":1}}}');
  const member = (name: string) => json(evaluateBoth((i) => bindMember(i[0]!, name), [doc]).value);
  const index = (i: Arg) => json(evaluateBoth((x) => bindIndex(x[0]!, x[1]!), [doc, i]).value);
  test('dot access', () => {
    assert.equal(member('a'), 123);
    assert.equal(member('missing'), null);
    assert.deepEqual(member('o'), { x: { y: 1 } });
    assert.equal(member('n'), null);
  });
  test('bracket access with a string', () => assert.equal(index(str('a b c')), '2015-01-01'));
  test('array index, negative from the end, out of range', () => {
    const arr = dyn('[100,101,102]');
    const at = (i: Arg) => evaluateBoth((x) => bindIndex(x[0]!, x[1]!), [arr, i]).value;
    assert.equal(at(long(0)), 100);
    assert.equal(at(long(-1)), 102);
    assert.equal(at(long(3)), null);
    assert.equal(at(long(-4)), null);
    assert.equal(at(str('a')), null);
    assert.equal(at(dyn('1')), 101);
  });
  test('access on the wrong shape is null', () => {
    assert.equal(evaluateBoth((x) => bindMember(x[0]!, 'a'), [dyn('[1]')]).value, null);
    assert.equal(evaluateBoth((x) => bindMember(x[0]!, 'toString'), [dyn('{}')]).value, null);
    assert.equal(evaluateBoth((x) => bindMember(x[0]!, '__proto__'), [dyn('{}')]).value, null);
  });
  test('a string target is read as JSON', () =>
    assert.equal(evaluateBoth((x) => bindMember(x[0]!, 'a'), [str('{"a":5}')]).value, 5));
  test('access on a long does not bind', () =>
    assert.match(bindError(bindMember({ type: 'long' }, 'a')), /needs a dynamic value/));
  void ctx;
});

describe('parseLiteral', () => {
  const cases: [ScalarType, string, ScalarValue][] = [
    ['datetime', '2021-01-01', 637450560000000000n],
    ['datetime', 'null', null],
    ['timespan', '1d', 864_000_000_000n],
    ['timespan', '1.02:03:04.5', 937_845_000_000n],
    ['guid', '74BE27DE-1E4E-49D9-B579-FE0B331D3642', '74be27de-1e4e-49d9-b579-fe0b331d3642'],
    ['long', '0xff', 255n],
    ['int', '-5', -5],
    ['real', '1e3', 1000],
    ['bool', 'true', true],
  ];
  for (const [type, text, expected] of cases)
    test(`${type}(${text})`, () => assert.deepEqual(parseLiteral(type, text), expected));
  test('dynamic', () =>
    assert.deepEqual(json(parseLiteral('dynamic', '["a", datetime(2020-01-01)]')), [
      'a',
      '2020-01-01T00:00:00.0000000Z',
    ]));
  const invalid: [ScalarType, string][] = [
    ['datetime', '2021-13-01'],
    ['timespan', '1w'],
    ['guid', 'abc'],
    ['dynamic', '[1,'],
    ['int', '99999999999'],
  ];
  for (const [type, text] of invalid)
    test(`invalid ${type}(${text})`, () => assert.throws(() => parseLiteral(type, text), /invalid/));
});
