// The operators the seed rule needs, table-driven: where, extend, mv-expand, bag_unpack,
// column_ifexists, pivot, !in and has.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCodes, executeQuery } from '../../src/engine/index.js';
import type { EvaluateOp } from '../../src/plan/plan.js';
import {
  checkInvalid,
  checkValid,
  compileKql,
  grid,
  header,
  withLastOperator,
  type Cell,
  type InvalidCase,
  type ValidCase,
} from './support/run.js';

const valid: ValidCase[] = [
  // where
  {
    name: 'where keeps true rows, drops false and null',
    query: 'datatable(a:int)[1, 2, int(null), 4] | where a > 1',
    columns: ['a:int'],
    rows: [[2], [4]],
  },
  {
    name: 'where over an empty input',
    query: 'datatable(a:int)[] | where a > 1',
    columns: ['a:int'],
    rows: [],
  },
  {
    name: 'where on a string column compares per value',
    query: 'datatable(s:string)["x", "y", "x", ""] | where s == "x"',
    columns: ['s:string'],
    rows: [['x'], ['x']],
  },
  {
    name: 'int column compared with a string literal',
    query: 'datatable(EventID:int)[4625, 4624] | where EventID == "4625"',
    columns: ['EventID:int'],
    rows: [[4625]],
  },
  // extend
  {
    name: 'extend appends new columns',
    query: 'datatable(a:int)[1, 2] | extend b = a * 2 | extend c = b + 1',
    columns: ['a:int', 'b:long', 'c:long'],
    rows: [
      [1, '2', '3'],
      [2, '4', '5'],
    ],
  },
  {
    name: 'extend of an existing column keeps its place and takes the new type',
    query: 'datatable(a:int, b:string)[1, "x"] | extend a = strcat("v", a)',
    columns: ['a:string', 'b:string'],
    rows: [['v1', 'x']],
  },
  // mv-expand
  {
    name: 'mv-expand an array',
    query: 'datatable(a:int, b:dynamic)[1, dynamic([10, 20]), 2, dynamic(["a", "b"])] | mv-expand b',
    columns: ['a:int', 'b:dynamic'],
    rows: [
      [1, '10'],
      [1, '20'],
      [2, '"a"'],
      [2, '"b"'],
    ],
  },
  {
    name: 'mv-expand a bag (bag mode, the default)',
    query: 'datatable(a:int, b:dynamic)[1, dynamic({"p1": "a1", "p2": "b1"})] | mv-expand b',
    columns: ['a:int', 'b:dynamic'],
    rows: [
      [1, '{"p1":"a1"}'],
      [1, '{"p2":"b1"}'],
    ],
  },
  {
    name: 'mv-expand bagexpansion=array gives [key, value] pairs',
    query:
      'datatable(a:int, b:dynamic)[1, dynamic({"p1": "a1", "p2": "b1"})] | mv-expand bagexpansion=array b',
    columns: ['a:int', 'b:dynamic'],
    rows: [
      [1, '["p1","a1"]'],
      [1, '["p2","b1"]'],
    ],
  },
  {
    name: 'mv-expand kind=array is the same mode',
    query: 'datatable(b:dynamic)[dynamic({"k": 1})] | mv-expand kind=array b',
    columns: ['b:dynamic'],
    rows: [['["k",1]']],
  },
  {
    name: 'mv-expand: null gives one row, empty array and empty bag give none',
    query: 'datatable(a:int, b:dynamic)[1, dynamic(null), 2, dynamic([]), 3, dynamic({})] | mv-expand b',
    columns: ['a:int', 'b:dynamic'],
    rows: [[1, null]],
  },
  {
    name: 'mv-expand several columns in parallel pads the shorter with null',
    query: 'datatable(x:dynamic, y:dynamic)[dynamic([1, 2, 3]), dynamic(["a"])] | mv-expand x, y',
    columns: ['x:dynamic', 'y:dynamic'],
    rows: [
      ['1', '"a"'],
      ['2', null],
      ['3', null],
    ],
  },
  {
    name: 'mv-expand to typeof casts and nulls what does not conform',
    query: 'datatable(x:dynamic)[dynamic([1, "2", 3.5])] | mv-expand x to typeof(long)',
    columns: ['x:long'],
    rows: [['1'], [null], [null]],
  },
  {
    name: 'mv-expand with_itemindex and limit',
    query: 'datatable(x:dynamic)[dynamic(["a", "b", "c"])] | mv-expand with_itemindex=i x limit 2',
    columns: ['x:dynamic', 'i:long'],
    rows: [
      ['"a"', '0'],
      ['"b"', '1'],
    ],
  },
  {
    name: 'mv-expand name = expression appends a column',
    query: 'datatable(a:int)[1] | mv-expand v = dynamic([5, 6])',
    columns: ['a:int', 'v:dynamic'],
    rows: [
      [1, '5'],
      [1, '6'],
    ],
  },
  // bag_unpack (bag-unpack-plugin.md examples)
  {
    name: 'bag_unpack: one column per slot, sorted by name, typed by its values',
    query:
      'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20}), dynamic({"Name": "Dave", "Height": 170, "Age":40}), dynamic({"Name": "Jasmine", "Age":30})] | evaluate bag_unpack(d)',
    columns: ['Age:long', 'Height:long', 'Name:string'],
    rows: [
      ['20', null, 'John'],
      ['40', '170', 'Dave'],
      ['30', null, 'Jasmine'],
    ],
  },
  {
    name: 'bag_unpack with a prefix',
    query: 'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20})] | evaluate bag_unpack(d, "Property_")',
    columns: ['Property_Age:long', 'Property_Name:string'],
    rows: [['20', 'John']],
  },
  {
    name: "bag_unpack columnsConflict='replace_source'",
    query:
      'datatable(Name:string, d:dynamic)[\'James\', dynamic({"Name": "John", "Age":20}), \'David\', dynamic({"Age":40}), \'Emily\', dynamic({"Name": "Jasmine", "Age":30})] | evaluate bag_unpack(d, columnsConflict=\'replace_source\')',
    columns: ['Name:string', 'Age:long'],
    rows: [
      ['John', '20'],
      ['', '40'],
      ['Jasmine', '30'],
    ],
  },
  {
    name: "bag_unpack columnsConflict='keep_source'",
    query:
      'datatable(Name:string, d:dynamic)[\'James\', dynamic({"Name": "John", "Age":20}), \'David\', dynamic({"Name": "Dave", "Age":40})] | evaluate bag_unpack(d, columnsConflict=\'keep_source\')',
    columns: ['Name:string', 'Age:long'],
    rows: [
      ['James', '20'],
      ['David', '40'],
    ],
  },

  {
    name: 'bag_unpack: mixed slot types become dynamic; null and non-bag rows add nothing',
    query:
      'datatable(d:dynamic)[dynamic({"v": 1}), dynamic({"v": "x"}), dynamic(null), dynamic([1])] | evaluate bag_unpack(d)',
    columns: ['v:dynamic'],
    rows: [['1'], ['"x"'], [null], [null]],
  },

  // column_ifexists
  {
    name: 'column_ifexists of a present and a missing column',
    query: 'datatable(a:int)[1] | extend x = column_ifexists("a", 0), y = column_ifexists("nope", "dflt")',
    columns: ['a:int', 'x:int', 'y:string'],
    rows: [[1, 1, 'dflt']],
  },
  {
    name: 'column_ifexists sees columns that bag_unpack created at run time',
    query:
      'datatable(d:dynamic)[dynamic({"@Name": "K"})] | evaluate bag_unpack(d) | extend k = column_ifexists("@Name", ""), t = column_ifexists("#text", "")',
    columns: ['@Name:string', 'k:string', 't:string'],
    rows: [['K', 'K', '']],
  },
  // pivot (pivot-plugin.md shapes)
  {
    name: 'pivot with the default count()',
    query:
      'datatable(State:string, EventType:string)["AL","Wind","AK","Wind","AL","Wind","AK","Snow"] | evaluate pivot(State)',
    columns: ['EventType:string', 'AL:long', 'AK:long'],
    rows: [
      ['Wind', '2', '1'],
      ['Snow', '0', '1'],
    ],
  },
  {
    name: 'pivot with sum() and a by column',
    query:
      'datatable(State:string, EventType:string, D:long)["AR","Rain",1,"AZ","Flood",6,"AR","Heat",3] | evaluate pivot(State, sum(D), EventType)',
    columns: ['EventType:string', 'AR:long', 'AZ:long'],
    rows: [
      ['Rain', '1', '0'],
      ['Flood', '0', '6'],
      ['Heat', '3', '0'],
    ],
  },
  {
    name: 'pivot any(): rows with the same keys merge; the first non-empty value is kept',
    query:
      'datatable(T:int, K:string, V:string)[1,"a","x", 1,"b","y", 1,"a","z", 2,"a",""] | evaluate pivot(K, any(V), T)',
    columns: ['T:int', 'a:string', 'b:string'],
    rows: [
      [1, 'x', 'y'],
      [2, '', ''],
    ],
  },
  // !in and has
  {
    name: '!in over literals and a dynamic let',
    query: 'let l = dynamic(["b"]); datatable(s:string)["a","b","c"] | where s !in ("a") and s !in (l)',
    columns: ['s:string'],
    rows: [['c']],
  },
  {
    name: 'has matches terms, and a needle with punctuation as a phrase',
    query:
      "datatable(p:string)['C:\\\\ProgramData\\\\Microsoft\\\\Crypto\\\\Keys\\\\f01', 'C:\\\\X\\\\Microsoft\\\\CryptoKeys\\\\a'] | where p has 'Microsoft\\\\Crypto\\\\Keys\\\\'",
    columns: ['p:string'],
    rows: [['C:\\ProgramData\\Microsoft\\Crypto\\Keys\\f01']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: "a column missing after bag_unpack fails with Kusto's error at its position",
    query: 'datatable(d:dynamic)[dynamic({"a": 1})] | evaluate bag_unpack(d) | extend x = b',
    code: errorCodes.unresolvedName,
    message: "Failed to resolve scalar expression named 'b'",
    at: 'b',
  },
  {
    name: 'a column missing after pivot fails too',
    query: 'datatable(K:string, T:int)["a", 1] | evaluate pivot(K) | where zz == 1',
    code: errorCodes.unresolvedName,
    message: "Failed to resolve scalar expression named 'zz'",
    at: 'zz',
  },
  {
    name: 'bag_unpack default conflict mode is an error',
    query: 'datatable(Name:string, d:dynamic)["x", dynamic({"Name": "y"})] | evaluate bag_unpack(d)',
    code: errorCodes.columnConflict,
    message: "'Name' already exists",
  },
  {
    name: 'bag_unpack of a non-dynamic column',
    query: 'datatable(s:string)["x"] | evaluate bag_unpack(s)',
    code: errorCodes.badArguments,
  },
  {
    name: 'an unknown plugin is named',
    query: 'datatable(s:string)["x"] | evaluate narrow()',
    code: errorCodes.unsupported,
    message: "plugin 'narrow'",
  },
];

describe('seed-rule operators', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});

// Forms the front end does not produce yet (Kusto.Language rejects the docs' named
// ignoredProperties; the `*` of an output schema is not carried): the plan is adjusted by hand.
describe('bag_unpack forms set in the plan', () => {
  const unpackCases: {
    name: string;
    query: string;
    adjust: (op: EvaluateOp) => EvaluateOp;
    columns: string[];
    rows: Cell[][];
  }[] = [
    {
      name: 'ignoredProperties',
      query:
        'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20, "Address": "A-1"})] | evaluate bag_unpack(d)',
      adjust: (op) => ({
        ...op,
        namedArgs: {
          ignoredProperties: { kind: 'literal', type: 'dynamic', value: '["Address", "Age"]', span: op.span },
        },
      }),
      columns: ['Name:string'],
      rows: [['John']],
    },
    {
      name: 'output schema with *',
      query:
        'datatable(d:dynamic, Description: string)[dynamic({"Name": "John", "Age":20, "height":180}), "Student"] | evaluate bag_unpack(d) : (Name:string, Age:long)',
      adjust: (op) => ({ ...op, outputSchema: { columns: op.outputSchema!.columns, rest: true } }),
      columns: ['Description:string', 'Name:string', 'Age:long'],
      rows: [['Student', 'John', '20']],
    },
    {
      name: 'output schema without *',
      query:
        'datatable(d:dynamic, Description: string)[dynamic({"Name": "John", "Age":20}), "Student"] | evaluate bag_unpack(d) : (Name:string, Age:long, Missing:string)',
      adjust: (op) => op,
      columns: ['Name:string', 'Age:long', 'Missing:string'],
      rows: [['John', '20', '']],
    },
  ];
  for (const c of unpackCases) {
    test(c.name, async () => {
      const plan = withLastOperator(compileKql(c.query), (op) => {
        assert.equal(op.kind, 'evaluate');
        return c.adjust(op as EvaluateOp);
      });
      const r = await executeQuery(plan, { tables: new Map() });
      assert.deepEqual(header(r), c.columns);
      assert.deepEqual(grid(r), c.rows);
    });
  }
});
