// Dynamic values: JSON with exact longs, Kusto's dynamic literal syntax, compact printing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDynamicLiteral, parseJson, stringifyDynamic } from '../../src/engine/values/dynamic.js';

describe('parseJson then stringifyDynamic', () => {
  const cases: [string, string][] = [
    ['{"a":123, "b":"hello", "c":[1,2,3], "d":{}}', '{"a":123,"b":"hello","c":[1,2,3],"d":{}}'],
    ['[43, 21, 65]', '[43,21,65]'],
    ['21', '21'],
    ['"21"', '"21"'],
    ['{"z":1,"a":2}', '{"z":1,"a":2}'],
    ['9223372036854775807', '9223372036854775807'],
    ['[9007199254740993]', '[9007199254740993]'],
    ['1e400', 'Infinity'],
    ['1.5', '1.5'],
    ['{"s":"line\\nbreak \\"q\\" \\u00e9"}', '{"s":"line\\nbreak \\"q\\" é"}'],
    ['null', 'null'],
    ['true', 'true'],
  ];
  for (const [text, printed] of cases) {
    test(text, () => {
      const v = parseJson(text);
      assert.notEqual(v, undefined);
      if (printed === 'Infinity') assert.equal(v, Infinity);
      else assert.equal(stringifyDynamic(v!), printed);
    });
  }
  test('longs beyond 2^53 are exact bigints', () => {
    assert.equal(parseJson('9007199254740993'), 9007199254740993n);
    assert.equal(parseJson('9007199254740991'), 9007199254740991);
  });
  test('bags have a null prototype and __proto__ is a key', () => {
    const v = parseJson('{"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), null);
    assert.deepEqual(Object.keys(v), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['x'], undefined);
  });
  const invalid = [
    "{'a':1}",
    '{a:1}',
    '[1,]',
    '',
    'abc',
    '[1 2]',
    '{"a":1}x',
    '01',
    '"\\x"',
    '['.repeat(2000) + ']'.repeat(2000),
  ];
  for (const text of invalid)
    test(`invalid: ${text.slice(0, 20)}`, () => assert.equal(parseJson(text), undefined));
});

describe('parseDynamicLiteral', () => {
  const cases: [string, string][] = [
    ['[1, 2, "hello"]', '[1,2,"hello"]'],
    ['{"a":1, "b":{"a":2}}', '{"a":1,"b":{"a":2}}'],
    ["['TSSecKeySet1', 'iisCngWasKey']", '["TSSecKeySet1","iisCngWasKey"]'],
    ['4', '4'],
    ['{"a": datetime(1970-05-11)}', '{"a":"1970-05-11T00:00:00.0000000Z"}'],
    ['[1d, time(1h), timespan(00:10:00)]', '["1.00:00:00","01:00:00","00:10:00"]'],
    ['[guid(74be27de-1e4e-49d9-b579-fe0b331d3642)]', '["74be27de-1e4e-49d9-b579-fe0b331d3642"]'],
    ['[long(5), real(1.5), bool(true), dynamic([1])]', '[5,1.5,true,[1]]'],
    ["[@'c:\\temp', 'it\\'s']", '["c:\\\\temp","it\'s"]'],
    ['[1, 2, ] ', '[1,2]'],
    ['[\n  1, // one\n  2\n]', '[1,2]'],
    ['{"a" = 1}', '{"a":1}'],
    ['null', 'null'],
    // Adjacent string literals are one string, as everywhere in KQL.
    ['["NTDS.out" "DumpExt.dll", "x"]', '["NTDS.outDumpExt.dll","x"]'],
    ["['a' @'\\b' \"c\"]", '["a\\\\bc"]'],
    ['{"k": "a" // note\n "b"}', '{"k":"ab"}'],
    // Obfuscated string literals (h'...', h@'...') are strings; h alone is still a word.
    ["[h'secret', H@'a''b', h\"x\" 'y']", '["secret","a\'b","xy"]'],
    ["{'k': h@'https://a.example/x;key'}", '{"k":"https://a.example/x;key"}'],
    // A typed literal's text may be a string literal.
    [
      '[datetime("01-01-2022"), datetime(\'2020-01-02\'), timespan("1h"), guid("74be27de-1e4e-49d9-b579-fe0b331d3642")]',
      '["2022-01-01T00:00:00.0000000Z","2020-01-02T00:00:00.0000000Z","01:00:00","74be27de-1e4e-49d9-b579-fe0b331d3642"]',
    ],
  ];
  for (const [text, printed] of cases)
    test(text, () => assert.equal(stringifyDynamic(parseDynamicLiteral(text)), printed));
  test('malformed literals throw with the offset', () => {
    assert.throws(() => parseDynamicLiteral('[1,'), /invalid dynamic literal: .* at offset 3/);
    assert.throws(() => parseDynamicLiteral('{"a" 1}'), /invalid dynamic literal/);
    assert.throws(() => parseDynamicLiteral('[datetime(nope)]'), /bad datetime literal/);
    assert.throws(() => parseDynamicLiteral('[datetime("nope")]'), /bad datetime literal/);
    assert.throws(() => parseDynamicLiteral('[h]'), /unexpected 'h'/);
    assert.throws(() => parseDynamicLiteral('[datetime("2020-01-01"]'), /expected '\)'/);
  });
});
