// Conditional, conversion, math, dynamic, encoding, parser and IPv4 functions: the reference
// pages' examples plus nulls, empty inputs and type mixes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindFunction } from '../../src/engine/scalar/index.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import {
  type Arg,
  bindError,
  bool,
  call,
  callTyped,
  dt,
  dyn,
  guid,
  int,
  json,
  label,
  long,
  nul,
  real,
  str,
  ts,
} from './support.js';
import { bindErrors } from './function-table.js';

function table(name: string, cases: [Arg[], unknown, ScalarType?][]) {
  describe(name, () => {
    for (const [args, expected, type] of cases) {
      test(`${name}(${args.map(label).join(', ')})`, () => {
        const r = callTyped(name, ...args);
        const v: ScalarValue = r.value;
        if (typeof v === 'object' && v !== null) assert.deepEqual(json(v), expected);
        else assert.deepEqual(v, expected);
        if (type !== undefined) assert.equal(r.type, type);
      });
    }
  });
}

// Conditional
// assert(): its condition is a constant checked when the call is bound (assert-function.md).
describe('assert', () => {
  test('a true constant condition binds to true', () => {
    const r = bindFunction('assert', [
      { type: 'bool', constant: true },
      { type: 'string', constant: 'm' },
    ]);
    assert.ok(!('error' in r));
    assert.equal(r.evaluate([true, 'm'], { now: 0n }), true);
  });
});
bindErrors('assert', [
  [
    [bool(false), str('Length must be greater than zero')],
    /assert\(\) has failed with message: 'Length must be greater than zero'/,
  ],
  [[bool(null), str('m')], /has failed/],
  [[long(1), str('m')], /condition must be a bool/],
]);
describe('assert (bind errors, varying arguments)', () => {
  test('a condition that is not a constant', () =>
    assert.match(
      bindError(bindFunction('assert', [{ type: 'bool' }, { type: 'string', constant: 'm' }])),
      /must be a constant/,
    ));
  test('a message that is not a constant', () =>
    assert.match(
      bindError(bindFunction('assert', [{ type: 'bool', constant: true }, { type: 'string' }])),
      /message must be a constant string/,
    ));
});
table('iff', [
  [[bool(true), str('a'), str('b')], 'a', 'string'],
  [[bool(false), str('a'), str('b')], 'b'],
  [[nul('bool'), long(1), long(2)], 2n],
  [[bool(true), int(1), long(2)], 1n, 'long'],
  [[bool(true), int(1), real(2)], 1, 'real'],
  // A dynamic branch takes the other branch's type, as Kusto's binder types it.
  [[bool(true), str('S-1-5-21'), dyn('["513"]')], 'S-1-5-21', 'string'],
  [[bool(false), str('S-1-5-21'), dyn('"513"')], '513', 'string'],
  [[bool(false), dyn('1'), long(2)], 2n, 'long'],
  [[bool(true), dyn('[1]'), dyn('2')], [1], 'dynamic'],
]);
table('iif', [[[bool(true), str('a'), str('b')], 'a']]);
table('case', [
  [[bool(false), str('a'), bool(true), str('b'), str('c')], 'b'],
  [[bool(true), dyn('"x"'), str('c')], 'x', 'string'],
  [[bool(false), str('a'), nul('bool'), str('b'), str('c')], 'c'],
]);
table('coalesce', [
  [[nul('long'), long(10), long(20)], 10n],
  [[str(''), str('x')], 'x'],
  [[nul('long')], null],
  [[dyn('null'), dyn('[1]')], [1]],
]);
table('isnull', [
  [[nul('long')], true],
  [[str('')], false],
  [[dyn('null')], true],
  [[dyn('[]')], false],
]);
table('isnotnull', [[[long(1)], true]]);
table('isempty', [
  [[str('')], true],
  [[str('x')], false],
  [[nul('long')], true],
  [[dyn('""')], true],
  [[dyn('[]')], false],
]);
table('isnotempty', [
  [[str('')], false],
  [[dyn('"x"')], true],
]);
table('not', [
  [[bool(true)], false],
  [[nul('bool')], null],
]);
table('max_of', [
  [[long(10), long(1), long(-3), long(17)], 17n],
  [[nul('int'), int(2)], 2],
  [[nul('int'), nul('int')], null],
  [[dt('2024-12-15 07:15:22'), dt('2024-12-15 07:15:24')], dt('2024-12-15 07:15:24').value],
  [[int(1), real(2.5)], 2.5, 'real'],
]);
table('min_of', [[[long(10), long(1), long(-3), long(17)], -3n]]);
table('gettype', [
  [[str('a')], 'string'],
  [[long(1)], 'long'],
  [[int(1)], 'int'],
  [[dyn('[1]')], 'array'],
  [[dyn('{"a":1}')], 'dictionary'],
  [[dyn('1.5')], 'real'],
  [[dyn('null')], 'null'],
  [[dt('2020-01-01')], 'datetime'],
]);
// Conversion
table('tostring', [
  [[long(123)], '123'],
  [[nul('long')], ''],
  [[dyn('{"a":[1,2]}')], '{"a":[1,2]}'],
  [[guid('74be27de-1e4e-49d9-b579-fe0b331d3642')], '74be27de-1e4e-49d9-b579-fe0b331d3642'],
]);
table('toint', [
  [[str('123')], 123, 'int'],
  [[real(2.3)], 2],
  [[str('x')], null],
]);
table('tolong', [[[str('123')], 123n, 'long']]);
table('todouble', [[[str('123.4')], 123.4, 'real']]);
table('toreal', [[[long(5)], 5, 'real']]);
table('todecimal', [[[str('123.45678')], 123.45678, 'decimal']]);
table('tobool', [
  [[str('true')], true],
  [[str('false')], false],
  [[long(1)], true],
  [[long(123)], true],
  [[str('maybe')], null],
]);
table('totimespan', [
  [[str('0.00:03:00')], ts('3m').value],
  [[ts('4d')], ts('4d').value],
]);
table('toguid', [[[str('0123456789abcdef0123456789abcdef')], '01234567-89ab-cdef-0123-456789abcdef']]);
table('parse_json', [
  [[str('{"a":123, "b":"hello"}')], { a: 123, b: 'hello' }],
  [[str('21')], 21],
  [[str('not json')], 'not json'],
  [[dyn('[1]')], [1]],
]);
table('todynamic', [[[str('[1,2]')], [1, 2]]]);
table('tohex', [
  [[long(256)], '100'],
  [[long(-256)], 'ffffffffffffff00'],
  [[long(255), long(4)], '00ff'],
  // tohex-function.md: an int's two's complement is 32 bits wide; minLength stops at 16.
  [[int(-256), int(8)], 'ffffff00'],
  [[int(-256)], 'ffffff00'],
  [[int(256), int(8)], '00000100'],
  [[long(256), int(2)], '100'],
  [[long(1), int(20)], '0000000000000001'],
  [[nul('int')], ''],
]);
// Math
table('abs', [
  [[long(-5)], 5n, 'long'],
  [[real(-1.5)], 1.5],
  [[int(-3)], 3, 'int'],
]);
table('round', [
  [[real(2.98765), long(3)], 2.988],
  [[real(2.15), long(1)], 2.2],
  [[real(2.5)], 3],
  [[real(-2.5)], -3],
  [[real(1.005), long(2)], 1.01],
  [[long(1234), long(-2)], 1200n],
  [[nul('real')], null],
]);
table('sqrt', [
  [[long(16)], 4],
  [[real(-1)], NaN],
]);
table('pow', [[[long(2), long(10)], 1024]]);
table('log', [[[real(1)], 0]]);
table('log10', [[[long(100)], 2]]);
table('log2', [[[long(8)], 3]]);
table('exp', [[[long(0)], 1]]);
table('floor', [[[real(-1.5), real(1)], -2]]);
table('ceiling', [[[real(1.2)], 2]]);
table('sign', [[[real(-3)], -1]]);
table('isnan', [[[real(NaN)], true]]);
table('isfinite', [[[real(Infinity)], false]]);
table('binary_and', [[[long(6), long(3)], 2n]]);
table('binary_shift_left', [[[long(1), long(4)], 16n]]);
// Dynamic
table('array_length', [
  [[dyn('[1, 2, 3, "four"]')], 4n],
  [[dyn('[]')], 0n],
  [[dyn('{}')], null],
  [[str('[1,2]')], 2n],
]);
table('arraylength', [[[dyn('[1]')], 1n]]);
table('pack_array', [
  [
    [long(1), str('2'), ts('2s')],
    [1, '2', '00:00:02'],
  ],
  [
    [dt('2021-01-01'), nul('long')],
    ['2021-01-01T00:00:00.0000000Z', null],
  ],
]);
table('bag_pack', [
  [
    [str('Level'), str('Information'), str('ProcessID'), long(1234)],
    { Level: 'Information', ProcessID: 1234 },
  ],
]);
table('pack', [[[str('a'), dyn('[1]')], { a: [1] }]]);
table('bag_keys', [
  [[dyn('{"a":1,"b":{"c":2}}')], ['a', 'b']],
  [[dyn('[1]')], null],
]);
table('bag_has_key', [
  [[dyn('{"a":1}'), str('a')], true],
  [[dyn('{"a":{"b":1}}'), str('$.a.b')], true],
  [[dyn('{"a":1}'), str('b')], false],
]);
table('bag_merge', [[[dyn('{"a":1,"b":2}'), dyn('{"b":3,"c":4}')], { a: 1, b: 2, c: 4 }]]);
const nested = '{"key1":123,"key2":{"prop1":"abc","prop2":"xyz"},"key3":[100,200]}';
table('bag_remove_keys', [
  [[dyn('{"a":1,"b":2}'), dyn('["a"]')], { b: 2 }],
  // JSONPath keys reach nested bags (bag-remove-keys-function.md).
  [[dyn(nested), dyn('["$.key2.prop1", "key3"]')], { key1: 123, key2: { prop2: 'xyz' } }],
  [[dyn(nested), dyn(`["$['key2']['prop2']"]`)], { key1: 123, key2: { prop1: 'abc' }, key3: [100, 200] }],
  // A path through a non-bag, a missing key, array indexing or the root remove nothing.
  [[dyn(nested), dyn('["$.key1.x", "nope", "$.key3[0]", "$"]')], JSON.parse(nested)],
  [[dyn('{}'), dyn('["a"]')], {}],
  [[dyn('[1]'), dyn('["a"]')], null],
  [[dyn('{"a":1}'), dyn('"a"')], null],
]);
table('bag_set_key', [
  [[dyn('{"a":1}'), str('b'), long(2)], { a: 1, b: 2 }],
  // JSONPath keys set nested values, creating the bags on the way (bag-set-key-function.md).
  [
    [dyn('{"key1":123,"key2":{"prop1":123,"prop2":"xyz"}}'), str('$.key2.prop1'), str('abc')],
    { key1: 123, key2: { prop1: 'abc', prop2: 'xyz' } },
  ],
  [[dyn('{"key1":123}'), str('$.key2.prop1'), str('abc')], { key1: 123, key2: { prop1: 'abc' } }],
  [[dyn('{"a":5}'), str('$.a.b'), long(1)], { a: { b: 1 } }],
  [[dyn('{"a":1}'), str('$'), long(1)], null],
  [[dyn('{"a":1}'), str('$.a[0]'), long(1)], null],
  [[dyn('[1]'), str('a'), long(1)], null],
]);
table('set_has_element', [
  [[dyn('["this", "is", "an", "example"]'), str('example')], true],
  [[dyn('["this", "is"]'), str('test')], false],
  [[dyn('[1, 2]'), long(2)], true],
]);
table('set_union', [
  [
    [dyn('[1,2,3]'), dyn('[3,4]')],
    [1, 2, 3, 4],
  ],
]);
table('set_intersect', [
  [
    [dyn('[1,2,3]'), dyn('[3,2,9]')],
    [2, 3],
  ],
]);
table('set_difference', [
  [
    [dyn('[1,2,3]'), dyn('[3]')],
    [1, 2],
  ],
]);
table('array_concat', [
  [
    [dyn('[1]'), dyn('["a"]')],
    [1, 'a'],
  ],
]);
table('array_slice', [
  [
    [dyn('[1,2,3,4]'), long(1), long(2)],
    [2, 3],
  ],
  [
    [dyn('[1,2,3,4]'), long(-2), long(-1)],
    [3, 4],
  ],
]);
const words = '["this","is","an","example","an","example"]';
table('array_index_of', [
  [[dyn('["a","b"]'), str('b')], 1n],
  [[dyn('["a","b"]'), str('z')], -1n],
  // start, length and occurrence (array-index-of-function.md)
  [[dyn(words), str('example'), long(1), long(3)], 3n],
  [[dyn(words), str('example'), long(1), long(2)], -1n],
  [[dyn(words), str('is'), long(2), long(4)], -1n],
  [[dyn(words), str('example'), long(2), long(-1)], 3n],
  [[dyn(words), str('an'), long(1), long(-1), long(2)], 4n],
  [[dyn(words), str('an'), long(1), long(-1), long(3)], -1n],
  [[dyn(words), str('an'), long(-3)], 4n],
  [[dyn(words), str('is'), long(-4)], -1n],
  [[dyn(words), str('an'), long(0), long(-2)], null],
  [[dyn(words), str('an'), long(0), long(-1), long(-1)], null],
  [[dyn(words), str('an'), long(10)], -1n],
  [[dyn('[]'), str('an')], -1n],
  [[dyn('{"a":1}'), str('a')], null],
]);
table('array_reverse', [[[dyn('[1,2,3]')], [3, 2, 1]]]);
table('array_sort_asc', [
  [[dyn('[3,null,1]')], [1, 3, null]],
  [
    [dyn('[3,null,1]'), bool(false)],
    [null, 1, 3],
  ],
  // Several arrays: the others follow the first's order; one of another length is null.
  [
    [dyn('[1,3,4,5,2]'), dyn('["a","b","c","d","e"]')],
    [
      [1, 2, 3, 4, 5],
      ['a', 'e', 'b', 'c', 'd'],
    ],
  ],
  [
    [dyn('[2,null,1]'), dyn('["x","n","y"]'), dyn('[1]'), bool(false)],
    [[null, 1, 2], ['n', 'y', 'x'], null],
  ],
  // Ties keep their input order.
  [
    [dyn('[1,0,1]'), dyn('["first","zero","second"]')],
    [
      [0, 1, 1],
      ['zero', 'first', 'second'],
    ],
  ],
  [
    [dyn('[]'), dyn('[]')],
    [[], []],
  ],
  [[dyn('{"a":1}')], null],
]);
table('array_sort_desc', [
  [[dyn('["a","c","b"]')], ['c', 'b', 'a']],
  [
    [dyn('["2019-07-15T00:00:00.0000000Z","2019-07-02T00:00:00.0000000Z"]'), dyn('["chmod","ls"]')],
    [
      ['2019-07-15T00:00:00.0000000Z', '2019-07-02T00:00:00.0000000Z'],
      ['chmod', 'ls'],
    ],
  ],
]);
bindErrors('array_sort_asc', [
  [[str('[1,2]')], /first argument must be a dynamic array/],
  [[dyn('[1]'), bool(true), bool(true)], /optional nulls_last/],
]);
table('array_sum', [[[dyn('[1,2.5]')], 3.5]]);
table('array_shift_left', [
  [
    [dyn('[1,2,3,4]'), long(1)],
    [2, 3, 4, null],
  ],
]);
table('array_rotate_right', [
  [
    [dyn('[1,2,3,4]'), long(1)],
    [4, 1, 2, 3],
  ],
]);
table('array_split', [
  [
    [dyn('[1,2,3,4,5]'), long(2)],
    [
      [1, 2],
      [3, 4, 5],
    ],
  ],
]);
table('range', [
  [
    [long(1), long(8), long(3)],
    [1, 4, 7],
  ],
  [
    [long(5), long(1), long(-2)],
    [5, 3, 1],
  ],
  [
    [dt('2021-01-01'), dt('2021-01-02'), ts('12h')],
    ['2021-01-01T00:00:00.0000000Z', '2021-01-01T12:00:00.0000000Z', '2021-01-02T00:00:00.0000000Z'],
  ],
]);
table('repeat', [
  [
    [str('a'), long(3)],
    ['a', 'a', 'a'],
  ],
]);
table('zip', [
  [
    [dyn('[1,2]'), dyn('["a"]')],
    [
      [1, 'a'],
      [2, null],
    ],
  ],
]);
table('extract_json', [
  [[str('$.hosts[1].AvailableMB'), str('{"hosts":[{"AvailableMB":5},{"AvailableMB":7}]}')], '7'],
  [[str('$.missing'), str('{"a":1}')], ''],
]);
// Encoding
table('base64_encode_tostring', [[[str('Kusto')], 'S3VzdG8=']]);
table('base64_decode_tostring', [
  [[str('S3VzdG8=')], 'Kusto'],
  [[str('U3RyaW5n0KHR0tGA0L7Rh9C60LA=')], ''],
  [[str('!!!')], ''],
]);
table('base64_decodestring', [[[str('S3VzdG8=')], 'Kusto']]);
table('base64_decode_toarray', [
  [[str('S3VzdG8=')], [75, 117, 115, 116, 111]],
  // Decoding is strict: padding to a multiple of 4, standard alphabet only.
  [[str('U3RyaW5n0KHR0tGA0L7Rh9C60LA')], null],
  [[str('S3VzdG8')], null],
  [[str('a-_b')], null],
  [[str('')], []],
]);
table('base64_encode_fromarray', [
  [[dyn('[75,117,115,116,111]')], 'S3VzdG8='],
  [[dyn('[256]')], ''],
  [[nul('dynamic')], ''],
]);
table('base64_encode_fromguid', [
  [[guid('ae3133f2-6e22-49ae-b06a-16e6a9b212eb')], '8jMxriJurkmwahbmqbIS6w=='],
]);
table('url_encode_component', [
  [[str('https://www.bing.com/hello world/')], 'https%3a%2f%2fwww.bing.com%2fhello%20world%2f'],
]);
table('url_decode', [[[str('https%3a%2f%2fwww.bing.com%2f')], 'https://www.bing.com/']]);
table('hash_sha1', [
  [[str('World')], '70c07ec18ef89c5309bbb0937f3a6342411e1fdd'],
  [[dt('2020-01-01')], 'e903e533f4d636b4fc0dcf3cf81e7b7f330de776'],
]);
table('hash_sha256', [
  [[str('World')], '78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524'],
  [[dt('2020-01-01')], 'ba666752dc1a20eb750b0eb64e780cc4c968bc9fb8813461c1d7e750f302d71d'],
]);
table('hash_md5', [[[str('World')], 'f5a7924e621e84c9280a9a27e1bcb7f6']]);
// Parsers
table('parse_path', [
  [
    [str('C:\\temp\\file.txt')],
    {
      Scheme: '',
      RootPath: 'C:',
      DirectoryPath: 'C:\\temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: '',
    },
  ],
  [
    [str('temp\\file.txt')],
    {
      Scheme: '',
      RootPath: '',
      DirectoryPath: 'temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: '',
    },
  ],
  [
    [str('file://C:/temp/file.txt:some.exe')],
    {
      Scheme: 'file',
      RootPath: 'C:',
      DirectoryPath: 'C:/temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: 'some.exe',
    },
  ],
  [
    [str('\\\\shared\\users\\temp\\file.txt.gz')],
    {
      Scheme: '',
      RootPath: '',
      DirectoryPath: '\\\\shared\\users\\temp',
      DirectoryName: 'temp',
      Filename: 'file.txt.gz',
      Extension: 'gz',
      AlternateDataStreamName: '',
    },
  ],
  [
    [str('/usr/lib/temp/file.txt')],
    {
      Scheme: '',
      RootPath: '',
      DirectoryPath: '/usr/lib/temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: '',
    },
  ],
]);
table('parse_url', [
  [
    [str('scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment')],
    {
      Scheme: 'scheme',
      Host: 'host',
      Port: '1234',
      Path: '/this/is/a/path',
      Username: 'username',
      Password: 'password',
      'Query Parameters': { k1: 'v1', k2: 'v2' },
      Fragment: 'fragment',
    },
  ],
  [[str('not a url')], {}],
]);
table('parse_urlquery', [
  [
    [str('view=vs-2019&preserve-view=true')],
    { 'Query Parameters': { view: 'vs-2019', 'preserve-view': 'true' } },
  ],
]);
table('parse_command_line', [
  [
    [str('echo "hello world!"'), str('windows')],
    ['echo', 'hello world!'],
  ],
  [
    [str('"C:\\Program Files\\a.exe" -x "a\\"b" c\\\\d'), str('windows')],
    ['C:\\Program Files\\a.exe', '-x', 'a"b', 'c\\\\d'],
  ],
  [
    [str('a "b""c" d'), str('windows')],
    ['a', 'b"c', 'd'],
  ],
  [[str(''), str('windows')], []],
]);
// IPv4
table('ipv4_is_private', [
  [[str('192.168.1.1')], true],
  [[str('10.1.2.3/24')], true],
  [[str('172.31.255.255')], true],
  [[str('172.32.0.1')], false],
  [[str('8.8.8.8')], false],
  [[str('not an ip')], null],
]);
table('ipv4_is_in_range', [
  [[str('192.168.1.6'), str('192.168.1.1/24')], true],
  [[str('192.168.2.6'), str('192.168.1.1/24')], false],
]);
table('ipv4_is_match', [[[str('192.168.1.1/24'), str('192.168.1.255/24')], true]]);
table('ipv4_compare', [[[str('192.168.1.1'), str('192.168.1.255')], -1]]);
table('parse_ipv4', [
  [[str('127.0.0.1')], 2130706433n],
  [[str('192.1.168.1/24')], 3221334016n],
]);
table('format_ipv4', [[[long(3232236031), long(24)], '192.168.1.0']]);
table('has_ipv4', [
  [[str('05:04:54 127.0.0.1 GET /favicon.ico 404'), str('127.0.0.1')], true],
  [[str('05:04:54 127.0.0.256 GET /favicon.ico 404'), str('127.0.0.256')], false],
  [[str('05:04:54127.0.0.1 GET /favicon.ico 404'), str('127.0.0.1')], false],
]);
table('has_ipv4_prefix', [
  [[str('05:04:54 127.0.0.1 GET'), str('127.0.')], true],
  [[str('05:04:54 127.0.0.1 GET'), str('127.0')], false],
]);
table('has_any_ipv4', [[[str('x 10.0.0.1 y'), dyn('["1.1.1.1", "10.0.0.1"]')], true]]);
table('has_any_ipv4_prefix', [[[str('x 10.0.0.1 y'), str('10.'), str('11.')], true]]);

describe('function bind errors', () => {
  test('iff branches of unrelated types', () =>
    assert.match(
      bindError(bindFunction('iff', [{ type: 'bool' }, { type: 'string' }, { type: 'long' }])),
      /same type/,
    ));
  test('case needs an odd count', () =>
    assert.match(
      bindError(
        bindFunction('case', [{ type: 'bool' }, { type: 'string' }, { type: 'bool' }, { type: 'string' }]),
      ),
      /odd/,
    ));
  test('parse_command_line only knows windows', () =>
    assert.match(
      bindError(
        bindFunction('parse_command_line', [{ type: 'string' }, { type: 'string', constant: 'linux' }]),
      ),
      /not supported/,
    ));
  test('datetime_diff with an unknown constant period', () =>
    assert.match(
      bindError(
        bindFunction('datetime_diff', [
          { type: 'string', constant: 'fortnight' },
          { type: 'datetime' },
          { type: 'datetime' },
        ]),
      ),
      /unknown period/,
    ));
  test('pack needs pairs', () =>
    assert.match(
      bindError(bindFunction('bag_pack', [{ type: 'string' }, { type: 'long' }, { type: 'string' }])),
      /even/,
    ));
  void call;
});

test('new_guid() is a fresh canonical guid per call', () => {
  const b = bindFunction('new_guid', []);
  assert.ok(!('error' in b));
  assert.equal(b.resultType, 'guid');
  assert.equal(b.deterministic, false);
  const a = b.evaluate([], { now: 0n });
  assert.match(String(a), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(b.evaluate([], { now: 0n }), a);
});
