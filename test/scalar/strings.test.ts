// String functions, with the reference pages' examples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindFunction } from '../../src/engine/scalar/index.js';
import type { ScalarValue } from '../../src/types/scalar.js';
import { type Arg, bindError, call, dt, dyn, int, json, long, nul, real, str, ts } from './support.js';

function table(name: string, cases: [Arg[], ScalarValue | unknown][]) {
  describe(name, () => {
    for (const [args, expected] of cases) {
      test(`${name}(${args.map((a) => JSON.stringify(json(a.value))).join(', ')})`, () => {
        const v = call(name, ...args);
        if (typeof v === 'object' && v !== null) assert.deepEqual(json(v), expected);
        else assert.deepEqual(v, expected);
      });
    }
  });
}

table('strcat', [
  [[str('hello'), str(' '), str('world')], 'hello world'],
  [[long(12), str('-'), str('b.default'), str('-'), long(7)], '12-b.default-7'],
  [
    [str('a'), nul('long'), real(1.5), dt('2021-01-01'), ts('1h')],
    'a1.52021-01-01T00:00:00.0000000Z01:00:00',
  ],
  [[str('x'), dyn('{"a":1}')], 'x{"a":1}'],
]);
table('strcat_delim', [[[str('-'), str('a'), long(1), str('')], 'a-1-']]);
table('strcat_array', [
  [[dyn('[1, "b", null]'), str(',')], '1,b,'],
  [[dyn('"x"'), str(',')], ''],
]);
table('strlen', [
  [[str('hello')], 5n],
  [[str('⒦⒰⒮⒯⒪')], 5n],
  [[str('C\u0327edilla')], 8n],
  [[str('😀')], 1n],
  [[str('')], 0n],
]);
table('string_size', [
  [[str('hello')], 5n],
  [[str('⒦⒰⒮⒯⒪')], 15n],
]);
table('substring', [
  [[str('123456'), long(1)], '23456'],
  [[str('123456'), long(2), long(2)], '34'],
  [[str('ABCD'), long(0), long(2)], 'AB'],
  [[str('123456'), long(-2), long(2)], '56'],
  [[str('abc'), long(10)], ''],
  [[str('abc'), long(1), long(100)], 'bc'],
  [[str('abc'), nul('long')], ''],
]);
table('tolower', [[[str('ABC Straße')], 'abc straße']]);
table('toupper', [[[str('abc')], 'ABC']]);
table('split', [
  [
    [str('aa_bb'), str('_')],
    ['aa', 'bb'],
  ],
  [[str('aaa_bbb_ccc'), str('_'), long(1)], ['bbb']],
  [[str(''), str('_')], ['']],
  [
    [str('a__b'), str('_')],
    ['a', '', 'b'],
  ],
  [
    [str('aabbcc'), str('bb')],
    ['aa', 'cc'],
  ],
  [[str('a_b'), str('_'), long(5)], []],
]);
table('indexof', [
  [[str('abcdefg'), str('cde')], 2n],
  [[str('abcdefg'), str('cde'), long(1), long(4)], 2n],
  [[str('abcdefg'), str('cde'), long(1), long(2)], -1n],
  [[str('abcdefg'), str('cde'), long(3), long(4)], -1n],
  [[str('abcdefg'), str('cde'), long(-5)], 2n],
  [[long(1234567), long(5), long(1), long(4)], 4n],
  [[str('abcdefg'), str('cde'), long(2), long(-1)], 2n],
  [[str('abcdefgabcdefg'), str('cde'), long(1), long(10), long(2)], 9n],
  [[str('abcdefgabcdefg'), str('cde'), long(1), long(-1), long(3)], -1n],
  [[str('abc'), str('b'), long(0), long(-2)], null],
]);
table('replace_string', [
  [[str('Number is 1'), str('is'), str('was')], 'Number was 1'],
  [[str('aaa'), str(''), str('x')], 'aaa'],
]);
table('replace_strings', [
  [
    [str('Apples and bananas'), dyn('["Apples", "bananas"]'), dyn('["bananas", "apples"]')],
    'bananas and apples',
  ],
]);
table('translate', [
  [[str('abc'), str('x'), str('abc')], 'xxx'],
  [[str('abc'), str(''), str('ab')], ''],
  [[str('krasp'), str('otsku'), str('spark')], 'kusto'],
]);
table('reverse', [[[str('ABC😀')], '😀CBA']]);
table('strrep', [
  [[str('ABC'), long(2)], 'ABCABC'],
  [[str('ABC'), long(2), str(',')], 'ABC,ABC'],
  [[str('ABC'), long(0)], ''],
]);
table('isascii', [
  [[str('abc')], true],
  [[str('é')], false],
]);
table('strcmp', [
  [[str('ABC'), str('ABC')], 0],
  [[str('abc'), str('ABC')], 1],
  [[str('ABC'), str('abc')], -1],
]);
table('countof', [[[str('The cat sat'), str('at')], 2n]]);
table('has_any_index', [
  [[str('this is an example'), dyn('["this", "example"]')], 0n],
  [[str('this is an example'), dyn('["not", "found"]')], -1n],
]);

describe('string function errors', () => {
  test('unknown function', () =>
    assert.match(bindError(bindFunction('nosuchfunction', [])), /Unknown function/));
  test('arity', () => {
    assert.match(bindError(bindFunction('strlen', [])), /expects 1 argument/);
    assert.match(bindError(bindFunction('substring', [{ type: 'string' }])), /between 2 and 3/);
  });
  void int;
});
