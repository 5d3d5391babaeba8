// Regex operators and functions: RE2 syntax via re2js, linear time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindBinary, bindFunction, compileRegex, RegexSyntaxError } from '../../src/engine/scalar/index.js';
import { binary, bindError, call, ctx, dyn, expectBound, json, long, str } from './support.js';

describe('matches regex', () => {
  const cases: [string, string, boolean][] = [
    ['KANSAS', 'K.*S', true],
    ['ARKANSAS', 'K.*S', true],
    ['TEXAS', 'K.*S', false],
    ['abc', '^b', false],
    ['abc', '(?i)ABC', true],
    ['', '', true],
  ];
  for (const [text, re, expected] of cases)
    test(`${text} matches regex ${re}`, () =>
      assert.equal(binary('matches regex', str(text), str(re)), expected));
  test('a malformed constant pattern fails the bind', () => {
    assert.match(
      bindError(bindBinary('matches regex', { type: 'string' }, { type: 'string', constant: '(a' })),
      /Invalid regular expression/,
    );
  });
  test('a malformed per-row pattern raises a query error', () => {
    const b = bindBinary('matches regex', { type: 'string' }, { type: 'string' });
    assert.ok(!('error' in b));
    assert.throws(
      () => (b as { evaluate: (a: unknown[], c: unknown) => unknown }).evaluate(['x', '(a'], { now: 0n }),
      RegexSyntaxError,
    );
  });
  test('backreferences and lookahead are not RE2', () => {
    assert.throws(() => compileRegex('(a)\\1'), RegexSyntaxError);
    assert.throws(() => compileRegex('a(?=b)'), RegexSyntaxError);
  });
});

describe('catastrophic patterns run in linear time', () => {
  const hostile = 'a'.repeat(100_000) + '!';
  for (const pattern of ['(a+)+$', '^(a|a)*$', '(a*)*b', '^(.*a){20}$', '^(a?){50}a{50}$']) {
    test(pattern, () => {
      const t = performance.now();
      assert.equal(binary('matches regex', str(hostile), str(pattern)), false);
      assert.ok(performance.now() - t < 2000, `took ${performance.now() - t} ms`);
    });
  }
});

describe('extract', () => {
  const text1 = 'User: James, Email: James@example.com, Age: 29';
  const text2 = 'User: David, Age: 35';
  const cases: [string, number, string, string][] = [
    ['User: ([^,]+)', 1, text1, 'James'],
    ['Email: (\\S+),', 1, text1, 'James@example.com'],
    ['\\d+', 0, text1, '29'],
    ['Email: (\\S+),', 1, text2, ''],
    ['(x)?y', 1, 'y', ''],
    ['a', 5, 'a', ''],
  ];
  for (const [re, group, text, expected] of cases)
    test(`extract(${re}, ${group})`, () =>
      assert.equal(call('extract', str(re), long(group), str(text)), expected));
  test('typeof(int): converted, null on no match', () => {
    const b = expectBound(
      bindFunction('extract', [
        { type: 'string', constant: '-(\\d{2})-' },
        { type: 'long' },
        { type: 'string' },
        { type: 'string', constant: 'int' },
      ]),
    );
    assert.equal(b.resultType, 'int');
    assert.equal(b.evaluate([null, 1n, '15-12-2024', 'int'], ctx), 12);
    assert.equal(b.evaluate([null, 1n, 'no date', 'int'], ctx), null);
  });
});

describe('extract_all', () => {
  const id = '82b8be2d-dfa7-4bd1-8f63-24ad26d31449';
  test('one group', () =>
    assert.deepEqual(json(call('extract_all', str('([\\da-f]{2})'), str(id))), [
      '82',
      'b8',
      'be',
      '2d',
      'df',
      'a7',
      '4b',
      'd1',
      '8f',
      '63',
      '24',
      'ad',
      '26',
      'd3',
      '14',
      '49',
    ]));
  test('three groups', () =>
    assert.deepEqual(json(call('extract_all', str('(\\w)(\\w+)(\\w)'), str(id))), [
      ['8', '2b8be2', 'd'],
      ['d', 'fa', '7'],
      ['4', 'bd', '1'],
      ['8', 'f6', '3'],
      ['2', '4ad26d3144', '9'],
    ]));
  test('selected groups', () =>
    assert.deepEqual(json(call('extract_all', str('(\\w)(\\w+)(\\w)'), dyn('[1,3]'), str(id))), [
      ['8', 'd'],
      ['d', '7'],
      ['4', '1'],
      ['8', '3'],
      ['2', '9'],
    ]));
  test('named groups', () =>
    assert.deepEqual(
      (
        json(
          call(
            'extract_all',
            str('(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)'),
            dyn("['first',2,'last']"),
            str(id),
          ),
        ) as unknown[]
      )[0],
      ['8', '2b8be2', 'd'],
    ));
  test('no match is null', () => assert.equal(call('extract_all', str('(z)'), str('abc')), null));
});

describe('replace_regex, replace, regex_quote, countof, indexof_regex, trim', () => {
  test('replace_regex with \\1', () =>
    assert.equal(
      call('replace_regex', str('Number is 1'), str('is (\\d+)'), str('was: \\1')),
      'Number was: 1',
    ));
  test('replace_regex \\0 and no match', () => {
    assert.equal(call('replace_regex', str('abc'), str('b'), str('[\\0]')), 'a[b]c');
    assert.equal(call('replace_regex', str('abc'), str('z'), str('y')), 'abc');
  });
  test('empty matches advance', () =>
    assert.equal(call('replace_regex', str('ab'), str('x*'), str('-')), '-a-b-'));
  test('replace(regex, rewrite, text) is the older argument order', () =>
    assert.equal(call('replace', str('b'), str('X'), str('abc')), 'aXc'));
  test('regex_quote', () =>
    assert.equal(call('regex_quote', str('(so$me.Te^xt)')), '\\(so\\$me\\.Te\\^xt\\)'));
  const countofCases: [string, string, string | null, bigint][] = [
    ['aaa', 'a', null, 3n],
    ['aaaa', 'aa', null, 3n],
    ['ababa', 'ab', 'normal', 2n],
    ['ababa', 'aba', null, 2n],
    ['ababa', 'aba', 'regex', 1n],
    ['abcabc', 'a.c', 'regex', 2n],
  ];
  for (const [s, q, kind, expected] of countofCases) {
    test(`countof(${s}, ${q}, ${kind})`, () =>
      assert.equal(
        kind === null ? call('countof', str(s), str(q)) : call('countof', str(s), str(q), str(kind)),
        expected,
      ));
  }
  const idx: [string, string, number[], bigint | null][] = [
    ['abcabc', 'a.c', [], 0n],
    ['abcabcdefg', 'a.c', [0, 9, 2], 3n],
    ['abcabc', 'a.c', [1, -1, 2], -1n],
    ['ababaa', 'a.a', [0, -1, 2], -1n],
    ['abcabc', 'a|ab', [-1], null],
  ];
  for (const [s, re, rest, expected] of idx) {
    test(`indexof_regex(${s}, ${re}, ${rest})`, () =>
      assert.equal(call('indexof_regex', str(s), str(re), ...rest.map(long)), expected));
  }
  test('trim', () => {
    assert.equal(call('trim', str('--'), str('--https://bing.com--')), 'https://bing.com');
    assert.equal(call('trim', str('[^\\w]+'), str('-  Te st1// $')), 'Te st1');
    assert.equal(call('trim', str('\\s+'), str('    Hello, world!    ')), 'Hello, world!');
    assert.equal(call('trim_start', str('[^\\w]+'), str('-  Te st1// $')), 'Te st1// $');
    assert.equal(call('trim_end', str('[^\\w]+'), str('-  Te st1// $')), '-  Te st1');
  });
  test('a malformed constant pattern fails the bind', () => {
    assert.match(
      bindError(
        bindFunction('extract', [{ type: 'string', constant: '[' }, { type: 'long' }, { type: 'string' }]),
      ),
      /Invalid regular expression/,
    );
  });
  test('flags compile and are cached', () => {
    assert.equal(compileRegex('abc', 'i'), compileRegex('abc', 'i'));
    assert.equal(compileRegex('a.c', 's').test('a\nc'), true);
    assert.equal(compileRegex('a+', 'U').matcher('aaa').find(), true);
    assert.throws(() => compileRegex('a', 'x'), RegexSyntaxError);
  });
});
