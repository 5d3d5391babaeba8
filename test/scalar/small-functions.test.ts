// The small families: bitset_count_ones, format_bytes, parse_version, parse_csv,
// unicode_codepoints_to_string, dynamic_to_json, around, current_principal*. The reference pages'
// examples plus nulls, empty input and wrong types.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindFunction } from '../../src/engine/scalar/index.js';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import { bindErrors, table } from './function-table.js';
import { call, ctx, dt, dyn, int, long, nul, real, str, ts } from './support.js';

table('bitset_count_ones', [
  [[long(42)], 3, 'int'],
  [[int(0)], 0],
  [[long(-1)], 64],
  [[nul('long')], null],
]);
bindErrors('bitset_count_ones', [[[str('42')], /must be an int or a long, got string/]]);

table('format_bytes', [
  [[long(564)], '564 Bytes', 'string'],
  [[long(10332), long(1)], '10.1 KB'],
  [[long(20010332)], '19 MB'],
  [[long(20010332), long(2)], '19.08 MB'],
  [[long(20010332), long(0), str('KB')], '19541 KB'],
  [[long(0)], '0 Bytes'],
  [[real(1024)], '1 KB'],
  [[long(1), long(0), str('furlongs')], ''],
  [[nul('long')], ''],
]);

table('parse_version', [
  [[str('0.0.0.5')], 5, 'decimal'],
  [[str('0.0.7.0')], 700000000],
  [[str('0.0.3')], 300000000],
  [[str('0.2')], 2e16],
  [[str('1')], 1e24],
  [[str('1.2.3.4.5')], null],
  [[str('1..2')], null],
  [[str('123456789')], null],
  [[str('')], null],
  [[str('v1.2')], null],
]);

table('parse_csv', [
  [
    [str('aa,"b,b,b",cc,"Escaping quotes: ""Title""","line1\nline2"')],
    ['aa', 'b,b,b', 'cc', 'Escaping quotes: "Title"', 'line1\nline2'],
  ],
  [[str('record1,a,b,c\nrecord2,x,y,z')], ['record1', 'a', 'b', 'c']],
  [[str('')], ['']],
  [[str('a,,b,')], ['a', '', 'b', '']],
]);

table('unicode_codepoints_to_string', [
  [[long(75), long(117), long(115), long(116), long(111)], 'Kusto', 'string'],
  [[dyn('[75, 117, 115, 116, 111]')], 'Kusto'],
  [[dyn('[75, 117, 115]'), long(116), long(111)], 'Kusto'],
  [[long(75), long(10), long(117)], 'K\nu'],
  [[dyn('[9382, 128512]')], '⒦😀'],
  [[long(0xd800)], ''],
  [[long(0x110000)], ''],
  [[long(-1)], ''],
  [[dyn('["a"]')], ''],
  [[dyn('[]')], ''],
]);
bindErrors('unicode_codepoints_to_string', [
  [[str('75')], /argument 1 must be an int, a long or a dynamic array/],
]);

table('dynamic_to_json', [
  [
    [dyn("{'Y10':{}, 'X8':{'c3':1,'d8':5,'a4':6}, 'D1':114, 'A1':12, 'B1':2, 'C1':3, 'A14':[15, 13, 18]}")],
    '{"A1":12,"A14":[15,13,18],"B1":2,"C1":3,"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}',
    'string',
  ],
  [[dyn('[{"b":1,"a":"x"},null,1.5]')], '[{"a":"x","b":1},null,1.5]'],
  [[dyn('"text"')], 'text'],
  [[long(5)], '5'],
  [[dyn('null')], ''],
]);

table('around', [
  [[dt('2021-01-01 01:29'), dt('2021-01-01 01:30'), ts('1m')], true, 'bool'],
  [[dt('2021-01-01 01:31'), dt('2021-01-01 01:30'), ts('1m')], true],
  [[dt('2021-01-01 01:32'), dt('2021-01-01 01:30'), ts('1m')], false],
  [[real(1.5), long(1), real(0.5)], true],
  [[long(3), long(1), long(1)], false],
  [[ts('1h'), ts('2h'), ts('30m')], false],
  [[nul('long'), long(1), long(1)], null],
]);
bindErrors('around', [
  [[dt('2021-01-01'), long(1), long(1)], /value and center must have the same type/],
  [[str('a'), long(1), long(1)], /argument 1 must be a number/],
]);

table('current_principal', [[[], 'kqlhunt=offline;local', 'string']]);
table('current_cluster_endpoint', [[[], 'kqlhunt.offline']]);
describe('current_principal_details', () => {
  test('is a bag with the documented fields, describing the offline principal', () => {
    const bag = call('current_principal_details') as Record<string, unknown>;
    assert.deepEqual(Object.keys(bag), [
      'Country',
      'TenantCountry',
      'TenantRegion',
      'UserPrincipalName',
      'IdentityProvider',
      'Authority',
      'Mfa',
      'Type',
      'DisplayName',
      'ObjectId',
      'FQN',
      'Notes',
    ]);
    assert.equal(bag['FQN'], call('current_principal'));
  });
  test('current_principal_is_member_of is false for literal groups (the offline principal is in none)', () => {
    const groups = [
      [str('aaduser=user1@fabrikam.com'), str('aadgroup=group1@fabrikam.com')],
      [dyn('["aaduser=user1@fabrikam.com"]')],
    ];
    for (const args of groups) {
      const r = bindFunction(
        'current_principal_is_member_of',
        args.map((a) => ({ type: a.type, constant: a.value })),
      );
      assert.ok(!isBindFailure(r));
      assert.equal(r.resultType, 'bool');
      assert.equal(
        r.evaluate(
          args.map((a) => a.value),
          ctx,
        ),
        false,
      );
    }
  });
  test('current_principal_is_member_of refuses arguments that are not literals', () => {
    const r = bindFunction('current_principal_is_member_of', [{ type: 'string' }]);
    assert.ok(isBindFailure(r));
    assert.match(r.error, /must be a string literal/);
  });
});
