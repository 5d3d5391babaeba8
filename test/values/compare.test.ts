// Ordering and group-by keys of typed values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { compareValues, hashKey, sameValue } from '../../src/engine/values/compare.js';
import { parseJson } from '../../src/engine/values/dynamic.js';

describe('compareValues orders', () => {
  const sorted: [ScalarType, ScalarValue[]][] = [
    ['long', [null, -5n, 0n, 9007199254740993n]],
    ['real', [null, NaN, -Infinity, -1.5, 0, 2, Infinity]],
    ['string', ['', 'A', 'B', 'a', 'b', 'é']],
    ['bool', [null, false, true]],
    ['dynamic', [null, false, true, -1, 2, 9007199254740993n, 'a', parseJson('[1]')!, parseJson('{"a":1}')!]],
  ];
  for (const [type, values] of sorted) {
    test(type, () => {
      const shuffled = [...values].reverse();
      shuffled.sort((a, b) => compareValues(a, b, type));
      assert.deepEqual(shuffled, values);
    });
  }
});

describe('hashKey groups equal values together', () => {
  test('dynamic bags and arrays by content; numbers across bigint and number', () => {
    assert.equal(
      hashKey(parseJson('{"a":[1,2]}')!, 'dynamic'),
      hashKey(parseJson('{"a":[1,2]}')!, 'dynamic'),
    );
    assert.notEqual(hashKey(parseJson('[1]')!, 'dynamic'), hashKey('[1]', 'dynamic'));
    assert.equal(hashKey(5n, 'dynamic'), hashKey(5, 'dynamic'));
    assert.notEqual(hashKey('\u0000{}[1]', 'dynamic'), hashKey(parseJson('[1]')!, 'dynamic'));
  });
  test('NaN groups with NaN; null with null', () => {
    assert.ok(sameValue(NaN, NaN, 'real'));
    assert.ok(sameValue(null, null, 'long'));
    assert.ok(!sameValue(1n, 2n, 'long'));
  });
});
