// The has family's term rules (issue 4, datatypes-string-operators.md "What is a term?").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTermMatcher, termsOf } from '../../src/engine/scalar/terms.js';
import type { BinaryOp } from '../../src/plan/plan.js';
import { binary, list, str, dyn, long, int } from './support.js';

describe('termsOf', () => {
  const cases: [string, string[]][] = [
    [
      'Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun',
      ['Kusto', 'ad67d136', 'c1db', '4f9f', '88ef', 'd94f3b6b0b5a', 'KustoExplorerQueryRun'],
    ],
    ['', []],
    ['---', []],
    ['a', ['a']],
    ['C:\\Windows\\System32\\cmd.exe', ['C', 'Windows', 'System32', 'cmd', 'exe']],
    ['snake_case_name', ['snake', 'case', 'name']],
    ['café au lait', ['caf', 'au', 'lait']],
  ];
  for (const [text, terms] of cases) test(JSON.stringify(text), () => assert.deepEqual(termsOf(text), terms));
});

describe('has / hasprefix / hassuffix boundaries', () => {
  // [text, op, needle, expected]
  const cases: [string, BinaryOp, string, boolean][] = [
    // datatypes-string-operators.md
    ['KustoExplorerQueryRun', 'has', 'Explorer', false],
    ['KustoExplorerQueryRun', 'contains', 'Explorer', true],
    ['North America', 'has', 'america', true],
    ['North America', '!has', 'amer', true],
    ['North America', 'has_cs', 'America', true],
    ['North America', '!has_cs', 'amer', true],
    ['North America', 'hasprefix', 'ame', true],
    ['North America', '!hasprefix', 'mer', true],
    ['North America', 'hasprefix_cs', 'Ame', true],
    ['North America', '!hasprefix_cs', 'CA', true],
    ['North America', 'hassuffix', 'ica', true],
    ['North America', '!hassuffix', 'americ', true],
    ['North America', 'hassuffix_cs', 'ica', true],
    ['North America', '!hassuffix_cs', 'icA', true],
    // term boundaries on both sides
    ['abc def', 'has', 'abc', true],
    ['abcdef', 'has', 'abc', false],
    ['xabc', 'has', 'abc', false],
    ['x.abc.y', 'has', 'abc', true],
    ['abc_def', 'has', 'abc', true],
    ['abc1', 'has', 'abc', false],
    ['ABC', 'has', 'abc', true],
    ['ABC', 'has_cs', 'abc', false],
    ['', 'has', 'abc', false],
    ['abc', 'has', '', true],
    // a later occurrence can satisfy the boundaries when the first does not
    ['abcx abc', 'has', 'abc', true],
    // phrases: punctuation inside and at the ends of the needle
    ['C:\\ProgramData\\Microsoft\\Crypto\\Keys\\f686aace', 'has', 'Microsoft\\Crypto\\Keys\\', true],
    ['C:\\ProgramData\\XMicrosoft\\Crypto\\Keys\\f686', 'has', 'Microsoft\\Crypto\\Keys\\', false],
    ['C:\\ProgramData\\microsoft\\crypto\\keys\\f686', 'has', 'Microsoft\\Crypto\\Keys\\', true],
    ['C:\\ProgramData\\Microsoft\\Crypto\\KeysX', 'has', 'Microsoft\\Crypto\\Keys\\', false],
    ['a\\Keys\\b', 'has', '\\Keys\\', true],
    ['aKeys\\b', 'has', '\\Keys\\', false],
    ['xx\\Keysyy', 'has', '\\Keys', false],
    ['xx\\Keys yy', 'has', '\\Keys', true],
    ['foo bar baz', 'has', 'bar baz', true],
    ['foo barbaz', 'has', 'bar baz', false],
    ['id=ad67d136-c1db', 'has', 'ad67d136-c1db', true],
    ['id=xad67d136-c1db', 'has', 'ad67d136-c1db', false],
    ['a.b', 'has', '.', true],
    // hasprefix: start boundary only; hassuffix: end boundary only
    ['cmd.exe', 'hasprefix', 'cm', true],
    ['xcmd.exe', 'hasprefix', 'cm', false],
    ['cmd.exe', 'hassuffix', 'xe', true],
    ['cmd.exex', 'hassuffix', 'xe', false],
    ['powershell.exe', 'hassuffix', 'shell', true],
    ['powershell.exe', 'hasprefix', 'shell', false],
    // non-ASCII letters separate terms
    ['caféx', 'has', 'caf', true],
    ['CAFÉ', 'has', 'café', true],
  ];
  for (const [text, op, needle, expected] of cases) {
    test(`${JSON.stringify(text)} ${op} ${JSON.stringify(needle)}`, () =>
      assert.equal(binary(op, str(text), str(needle)), expected));
  }
  test('a non-string left operand is matched as its text', () => {
    assert.equal(binary('has', int(4625), str('4625')), true);
    assert.equal(binary('has', dyn('{"a":"North America"}'), str('america')), true);
  });
});

describe('has_any / has_all', () => {
  const cases: [string, 'has_any' | 'has_all', string[], boolean][] = [
    ['powershell -enc abc', 'has_any', ['cmd', 'powershell'], true],
    ['powershellx', 'has_any', ['cmd', 'powershell'], false],
    ['a\\Microsoft\\Crypto\\Keys\\b', 'has_any', ['zzz', 'Microsoft\\Crypto\\Keys\\'], true],
    ['Alpha beta', 'has_all', ['alpha', 'BETA'], true],
    ['Alpha betax', 'has_all', ['alpha', 'beta'], false],
    ['anything', 'has_any', [], false],
    ['anything', 'has_all', [], true],
  ];
  for (const [text, op, needles, expected] of cases) {
    test(`${JSON.stringify(text)} ${op} ${JSON.stringify(needles)}`, () => {
      assert.equal(list(op, str(text), ...needles.map(str)), expected);
      // The same needles as one dynamic array are flattened.
      assert.equal(list(op, str(text), dyn(JSON.stringify(needles))), expected);
    });
  }
  test('numbers in the list are matched as their text', () =>
    assert.equal(list('has_any', str('event 4625 failed'), long(4625)), true));
  test('a compiled matcher is reusable across texts', () => {
    const m = compileTermMatcher('abc', 'term', false);
    assert.deepEqual(['abc', 'xabc', 'ABC!'].map(m), [true, false, true]);
  });
});
