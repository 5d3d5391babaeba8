// hash / hash_xxhash64 / hash_combine / hash_many: the reference pages' values for hash(), the
// XXH64 reference vectors, types other than strings, modulo, nulls.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { xxh64 } from '../../src/engine/scalar/functions/hashes.js';
import { table } from './function-table.js';
import { bool, call, dt, long, nul, real, str } from './support.js';

table('hash', [
  [[str('World')], 1846988464401551951n, 'long'],
  [[str('Hello')], 753694413698530628n],
  [[str('World'), long(100)], 51n],
  [[dt('2015-01-01')], 1380966698541616202n],
  [[nul('long')], null],
  [[str('World'), long(0)], null],
]);
table('hash_xxhash64', [
  [[str('World')], 1846988464401551951n],
  [[str('World'), long(100)], 51n],
  [[dt('2015-01-01')], 1380966698541616202n],
]);

describe('xxh64', () => {
  // Published XXH64 test vectors (seed 0): the empty input, and inputs crossing the 32-byte stripe.
  test('empty input', () => assert.equal(xxh64(new Uint8Array(0)), 0xef46db3751d8e999n));
  test('"abc"', () => assert.equal(xxh64(new TextEncoder().encode('abc')), 0x44bc2cf5ad770999n));
  test('a long input is hashed stripe by stripe', () => {
    const text = 'Nobody inspects the spammish repetition';
    assert.equal(xxh64(new TextEncoder().encode(text)), 0xfbcea83c8a378bf1n);
  });
});

describe('hash of other types', () => {
  test('equal values of a type hash equally; different values differently', () => {
    assert.equal(call('hash', long(42)), call('hash', long(42)));
    assert.notEqual(call('hash', long(42)), call('hash', long(43)));
    assert.notEqual(call('hash', real(1.5)), call('hash', real(2.5)));
    assert.notEqual(call('hash', bool(true)), call('hash', bool(false)));
  });
});

describe('hash_combine and hash_many', () => {
  test('hash_many is hash_combine of the hashes', () => {
    const h1 = call('hash', str('Hello')) as bigint;
    const h2 = call('hash', str('World')) as bigint;
    assert.equal(call('hash_many', str('Hello'), str('World')), call('hash_combine', long(h1), long(h2)));
  });
  test('order matters', () => {
    assert.notEqual(call('hash_combine', long(1), long(2)), call('hash_combine', long(2), long(1)));
  });
  test('a null argument gives null', () => {
    assert.equal(call('hash_combine', long(1), nul('long')), null);
  });
});
