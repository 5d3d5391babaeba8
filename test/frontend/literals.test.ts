// String and number literal decoding (scalar-data-types/string.md and friends).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decodeStringLiteral,
  LiteralError,
  parseBoolLiteral,
  parseIntLiteral,
  parseLongLiteral,
  parseRealLiteral,
  textualLiteral,
} from '../../src/frontend/build/literals.js';

const validStrings: readonly [string, string][] = [
  ['"abc"', 'abc'],
  ["'abc'", 'abc'],
  ['"a\\"b"', 'a"b'],
  ["'a\\'b'", "a'b"],
  ['"\\t\\n\\r\\\\"', '\t\n\r\\'],
  ['"\\u00A0"', '\u00a0'],
  ['"\\x41"', 'A'],
  ['"\\U0001F600"', '\u{1F600}'],
  ['@"C:\\x"', 'C:\\x'],
  ['@"say ""hi"""', 'say "hi"'],
  ["@'it''s'", "it's"],
  ["h'secret'", 'secret'],
  ['H@"s\\x"', 's\\x'],
  ['```line1\nline2```', 'line1\nline2'],
  ['~~~a~~~', 'a'],
];

const invalidStrings: readonly string[] = ['"abc', '"a\\qb"', '"\\u12"', 'abc', '```abc', '"a\\"'];

describe('string literals', () => {
  for (const [token, value] of validStrings) {
    test(`decodes ${token}`, () => assert.equal(decodeStringLiteral(token), value));
  }
  for (const token of invalidStrings) {
    test(`refuses ${token}`, () => assert.throws(() => decodeStringLiteral(token), LiteralError));
  }
});

describe('number and other literals', () => {
  const cases: readonly [string, () => unknown, unknown][] = [
    ['long', () => parseLongLiteral('9223372036854775807'), 9223372036854775807n],
    ['long(null)', () => parseLongLiteral('long(null)'), null],
    ['long(-3)', () => parseLongLiteral('long(-3)'), -3n],
    ['hex long wraps', () => parseLongLiteral('0xFFFFFFFFFFFFFFFF'), -1n],
    ['int', () => parseIntLiteral('int(2147483647)'), 2147483647],
    ['real', () => parseRealLiteral('1.25'), 1.25],
    ['real(nan)', () => Number.isNaN(parseRealLiteral('real(nan)')), true],
    ['real(-inf)', () => parseRealLiteral('real(-inf)'), -Infinity],
    ['bool(1)', () => parseBoolLiteral('bool(1)'), true],
    ['datetime text', () => textualLiteral('datetime(2020-01-01 10:00)'), '2020-01-01 10:00'],
    ['datetime(null)', () => textualLiteral('datetime(null)'), null],
    ['bare timespan', () => textualLiteral('30m'), '30m'],
  ];
  for (const [name, run, expected] of cases) test(name, () => assert.deepEqual(run(), expected));
  test('long out of range', () => assert.throws(() => parseLongLiteral('9223372036854775808'), LiteralError));
  test('int out of range', () => assert.throws(() => parseIntLiteral('int(2147483648)'), LiteralError));
  test('not a number', () => assert.throws(() => parseRealLiteral('1.2.3'), LiteralError));
});
