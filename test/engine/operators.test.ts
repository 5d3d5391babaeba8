// Every other operator, table-driven: KQL text over datatable input → expected rows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCodes, executeQuery, KqlRuntimeError, TableBuilder } from '../../src/engine/index.js';
import { checkInvalid, checkValid, compileKql, type InvalidCase, type ValidCase } from './support/run.js';

const T =
  'datatable(k:string, v:long, t:datetime)["a", 1, datetime(2024-01-01), "b", 5, datetime(2024-01-02), "a", 3, datetime(2024-01-03), "c", long(null), datetime(2024-01-04)]';

const valid: ValidCase[] = [
  // project family
  {
    name: 'project computes from the input',
    query: `${T} | project k, w = v * 10`,
    columns: ['k:string', 'w:long'],
    rows: [
      ['a', '10'],
      ['b', '50'],
      ['a', '30'],
      ['c', null],
    ],
  },
  {
    name: 'project-away with a wildcard',
    query: `${T} | project-away v*`,
    columns: ['k:string', 't:datetime'],
    rows: [
      ['a', '2024-01-01T00:00:00.0000000Z'],
      ['b', '2024-01-02T00:00:00.0000000Z'],
      ['a', '2024-01-03T00:00:00.0000000Z'],
      ['c', '2024-01-04T00:00:00.0000000Z'],
    ],
  },
  {
    name: 'project-keep keeps input order',
    query: `${T} | project-keep t, k | take 1`,
    columns: ['k:string', 't:datetime'],
    rows: [['a', '2024-01-01T00:00:00.0000000Z']],
  },
  {
    name: 'project-rename',
    query: `${T} | project-rename key = k | take 1`,
    columns: ['key:string', 'v:long', 't:datetime'],
    rows: [['a', '1', '2024-01-01T00:00:00.0000000Z']],
  },
  {
    name: 'project-reorder',
    query: `${T} | project-reorder t, v | take 1`,
    columns: ['t:datetime', 'v:long', 'k:string'],
    rows: [['2024-01-01T00:00:00.0000000Z', '1', 'a']],
  },
  // summarize
  {
    name: 'summarize count, sum, dcount by key (first-appearance order)',
    query: `${T} | summarize count(), sum(v), dcount(v) by k`,
    columns: ['k:string', 'count_:long', 'sum_v:long', 'dcount_v:long'],
    rows: [
      ['a', '2', '4', '2'],
      ['b', '1', '5', '1'],
      ['c', '1', null, '0'],
    ],
  },
  {
    name: 'summarize with aggregates nested in an expression',
    query: `${T} | summarize pct = 100.0 * countif(v > 2) / count()`,
    columns: ['pct:real'],
    rows: [[50]],
  },
  {
    name: 'summarize by bin()',
    query: `${T} | summarize n = count() by bin(t, 2d)`,
    columns: ['t:datetime', 'n:long'],
    rows: [
      ['2023-12-31T00:00:00.0000000Z', '1'],
      ['2024-01-02T00:00:00.0000000Z', '2'],
      ['2024-01-04T00:00:00.0000000Z', '1'],
    ],
  },
  {
    name: 'summarize without by over an empty input gives one row',
    query: 'datatable(v:long)[] | summarize count(), sum(v), make_list(v)',
    columns: ['count_:long', 'sum_v:long', 'list_v:dynamic'],
    rows: [['0', null, '[]']],
  },
  {
    name: 'summarize by over an empty input gives none',
    query: 'datatable(k:string)[] | summarize count() by k',
    columns: ['k:string', 'count_:long'],
    rows: [],
  },
  {
    name: 'arg_max(*) returns the whole row; nulls lose',
    query:
      'datatable(Fruit:string, Color:string, Version:int)["Apple","Red",1,"Apple","Green",int(null),"Banana","Yellow",int(null),"Banana","Green",int(null),"Pear","Brown",1,"Pear","Green",2] | summarize arg_max(Version, *) by Fruit',
    columns: ['Fruit:string', 'Version:int', 'Color:string'],
    rows: [
      ['Apple', 1, 'Red'],
      ['Banana', null, 'Yellow'],
      ['Pear', 2, 'Green'],
    ],
  },
  {
    name: 'min, max, avg, make_set, take_any',
    query: `${T} | summarize min(v), max(v), avg(v), make_set(k), anyk = take_any(k)`,
    columns: ['min_v:long', 'max_v:long', 'avg_v:real', 'set_k:dynamic', 'anyk:string'],
    rows: [['1', '5', 3, '["a","b","c"]', 'a']],
  },
  {
    name: 'deprecated makeset and any still work',
    query: `${T} | summarize makeset(k), any(k)`,
    columns: ['set_k:dynamic', 'any_k:string'],
    rows: [['["a","b","c"]', 'a']],
  },
  {
    name: 'percentile, stdev, variance',
    query: 'datatable(x:long)[1, 2, 3, 4] | summarize p50 = percentile(x, 50), stdev(x), variance(x)',
    columns: ['p50:long', 'stdev_x:real', 'variance_x:real'],
    rows: [['2', 1.2909944487358056, 1.6666666666666667]],
  },
  // count, distinct, sort, top, take
  { name: 'count', query: `${T} | count`, columns: ['Count:long'], rows: [['4']] },
  { name: 'distinct', query: `${T} | distinct k`, columns: ['k:string'], rows: [['a'], ['b'], ['c']] },
  {
    name: 'sort desc puts nulls last',
    query: `${T} | sort by v desc | project v`,
    columns: ['v:long'],
    rows: [['5'], ['3'], ['1'], [null]],
  },
  {
    name: 'sort asc puts nulls first',
    query: `${T} | sort by v asc | project v`,
    columns: ['v:long'],
    rows: [[null], ['1'], ['3'], ['5']],
  },
  { name: 'top', query: `${T} | top 2 by v | project k`, columns: ['k:string'], rows: [['b'], ['a']] },
  { name: 'take', query: `${T} | take 1 | project k`, columns: ['k:string'], rows: [['a']] },
  // join, lookup
  {
    name: 'join defaults to innerunique and suffixes duplicate names',
    query:
      'datatable(k:string, x:int)["a",1,"a",2,"b",3] | join (datatable(k:string, y:int)["a",10,"a",11,"c",12]) on k',
    columns: ['k:string', 'x:int', 'k1:string', 'y:int'],
    rows: [
      ['a', 1, 'a', 10],
      ['a', 1, 'a', 11],
    ],
  },
  {
    name: 'join kind=inner keeps every pair',
    query:
      'datatable(k:string, x:int)["a",1,"a",2] | join kind=inner (datatable(k:string, y:int)["a",10]) on k | project x, y',
    columns: ['x:int', 'y:int'],
    rows: [
      [1, 10],
      [2, 10],
    ],
  },
  {
    name: 'join kind=leftouter with $left/$right',
    query:
      'datatable(a:string, x:int)["a",1,"b",2] | join kind=leftouter (datatable(b:string, y:int)["a",10]) on $left.a == $right.b',
    columns: ['a:string', 'x:int', 'b:string', 'y:int'],
    rows: [
      ['a', 1, 'a', 10],
      ['b', 2, '', null],
    ],
  },
  {
    name: 'join kind=fullouter',
    query:
      'datatable(k:string, x:int)["a",1,"b",2] | join kind=fullouter (datatable(k:string, y:int)["a",10,"c",30]) on k',
    columns: ['k:string', 'x:int', 'k1:string', 'y:int'],
    rows: [
      ['a', 1, 'a', 10],
      ['b', 2, '', null],
      ['', null, 'c', 30],
    ],
  },
  {
    name: 'join kind=leftanti',
    query: 'datatable(k:string)["a","b"] | join kind=leftanti (datatable(k:string)["a"]) on k',
    columns: ['k:string'],
    rows: [['b']],
  },
  {
    name: 'join kind=leftsemi',
    query: 'datatable(k:string)["a","b","a"] | join kind=leftsemi (datatable(k:string)["a"]) on k',
    columns: ['k:string'],
    rows: [['a'], ['a']],
  },
  {
    name: 'join kind=rightanti',
    query: 'datatable(k:string)["a"] | join kind=rightanti (datatable(k:string, y:int)["a",1,"z",2]) on k',
    columns: ['k:string', 'y:int'],
    rows: [['z', 2]],
  },
  {
    name: 'lookup does not repeat the key',
    query: 'datatable(k:string, x:int)["a",1,"b",2] | lookup (datatable(k:string, y:int)["a",10]) on k',
    columns: ['k:string', 'x:int', 'y:int'],
    rows: [
      ['a', 1, 10],
      ['b', 2, null],
    ],
  },
  // union
  {
    name: 'union outer: all columns, a type clash gets name_type',
    query: 'datatable(a:int, b:string)[1, "x"] | union (datatable(a:long, c:int)[2, 3])',
    columns: ['a_int:int', 'b:string', 'a_long:long', 'c:int'],
    rows: [
      [1, 'x', null, null],
      [null, '', '2', 3],
    ],
  },
  {
    name: 'union withsource and kind=inner',
    query:
      'let A = datatable(a:int, b:string)[1, "x"]; let B = datatable(a:int)[2]; union kind=inner withsource=Src A, B',
    columns: ['Src:string', 'a:int'],
    rows: [
      ['A', 1],
      ['B', 2],
    ],
  },
  // sources and statements
  { name: 'print', query: 'print x = 1 + 1, s = "a"', columns: ['x:long', 's:string'], rows: [['2', 'a']] },
  { name: 'range', query: 'range x from 1 to 7 step 3', columns: ['x:long'], rows: [['1'], ['4'], ['7']] },
  {
    name: 'let function with parameters and nested lets',
    query:
      'let f = (t:(v:long), m:long) { let g = m * 2; t | where v > g }; f(datatable(v:long)[1, 3, 5], 1)',
    columns: ['v:long'],
    rows: [['3'], ['5']],
  },
  {
    name: 'scalar let function',
    query: 'let twice = (x:long) { x * 2 }; print y = twice(21)',
    columns: ['y:long'],
    rows: [['42']],
  },
  {
    name: 'toscalar',
    query: 'let m = toscalar(datatable(v:long)[4, 9] | summarize max(v)); print m2 = m',
    columns: ['m2:long'],
    rows: [['9']],
  },
  {
    name: 'in with a tabular list',
    query: 'datatable(v:long)[1, 2, 3] | where v in ((datatable(w:long)[2, 3] | project w))',
    columns: ['v:long'],
    rows: [['2'], ['3']],
  },
  {
    name: 'materialize',
    query: 'let m = materialize(datatable(v:long)[1, 2]); m | union m | count',
    columns: ['Count:long'],
    rows: [['4']],
  },
  {
    name: 'as and getschema',
    query: 'datatable(a:int, s:string)[] | getschema | project ColumnName, ColumnType',
    columns: ['ColumnName:string', 'ColumnType:string'],
    rows: [
      ['a', 'int'],
      ['s', 'string'],
    ],
  },
  // parse
  {
    name: 'parse simple with types',
    query: 'datatable(s:string)["id=12, name=bob", "junk"] | parse s with "id=" id:long ", name=" name',
    columns: ['s:string', 'id:long', 'name:string'],
    rows: [
      ['id=12, name=bob', '12', 'bob'],
      ['junk', null, ''],
    ],
  },
  {
    name: 'parse kind=regex with flags',
    query: 'datatable(s:string)["ID: 7 X"] | parse kind=regex flags=i s with "id: " n:long',
    columns: ['s:string', 'n:long'],
    rows: [['ID: 7 X', '7']],
  },
  {
    name: 'parse-kv with delimiters',
    query:
      'datatable(s:string)["a=1; b=x"] | parse-kv s as (a:long, b:string) with (pair_delimiter=";", kv_delimiter="=")',
    columns: ['s:string', 'a:long', 'b:string'],
    rows: [['a=1; b=x', '1', 'x']],
  },
  // window functions
  {
    name: 'prev, next, row_number, row_cumsum over a serialized set',
    query:
      'datatable(v:long)[1, 2, 3] | serialize | extend p = prev(v), n = next(v), r = row_number(), c = row_cumsum(v)',
    columns: ['v:long', 'p:long', 'n:long', 'r:long', 'c:long'],
    rows: [
      ['1', null, '2', '1', '1'],
      ['2', '1', '3', '2', '3'],
      ['3', '2', null, '3', '6'],
    ],
  },
  // mv-apply
  {
    name: 'mv-apply runs the subquery per row and keeps the source columns beside it',
    query:
      'datatable(id:int, xs:dynamic)[1, dynamic([3, 1, 2]), 2, dynamic([5])] | mv-apply x = xs to typeof(long) on (summarize m = max(x))',
    columns: ['id:int', 'xs:dynamic', 'm:long'],
    rows: [
      [1, '[3,1,2]', '3'],
      [2, '[5]', '5'],
    ],
  },
  {
    name: 'mv-apply of a column by its own name replaces it',
    query:
      'datatable(id:int, xs:dynamic)[1, dynamic([3, 1, 2])] | mv-apply xs to typeof(long) on (top 1 by xs desc)',
    columns: ['id:int', 'xs:long'],
    rows: [[1, '3']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'window function over a non-serialized set (summarize output)',
    query: 'datatable(v:long)[1] | summarize by v | extend p = prev(v)',
    code: errorCodes.notSerialized,
    message: "Function 'prev' cannot be invoked",
    at: 'prev(v)',
  },
];

describe('operators', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});

describe('tables named by the plan but not loaded', () => {
  test('a table the front end knows but the run does not have is an error naming it', async () => {
    const tables = new Map([
      ['T', new TableBuilder({ name: 'T', columns: [{ name: 'a', type: 'int' }] }).finish()],
    ]);
    const plan = compileKql('T | take 1', tables);
    await assert.rejects(executeQuery(plan, { tables: new Map() }), (e: unknown) => {
      assert.ok(e instanceof KqlRuntimeError);
      assert.equal(e.code, errorCodes.unknownTable);
      assert.equal(e.message, "Failed to resolve table or column expression named 'T'");
      return true;
    });
  });
});
