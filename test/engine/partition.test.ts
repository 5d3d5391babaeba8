// partition (partition-operator.md) and project-by-names (project-by-names-operator.md).
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const T = `datatable(k:string, v:long)["a", 1, "b", 5, "a", 3, "b", 2, "c", 9]`;

const valid: ValidCase[] = [
  {
    name: 'partition (subquery) runs per key, in first-appearance order of the keys',
    query: `${T} | partition hint.strategy=native by k (top 1 by v desc)`,
    columns: ['k:string', 'v:long'],
    rows: [
      ['a', '3'],
      ['b', '5'],
      ['c', '9'],
    ],
  },
  {
    name: 'partition {query} binds the key to toscalar(Key)',
    query: `let L = datatable(n:long)[1, 2, 3]; range x from 1 to 2 step 1 | partition by x { L | where n > toscalar(x) | summarize c = count() }`,
    columns: ['c:long'],
    rows: [['2'], ['1']],
  },
  {
    name: 'partition over an empty input: no partition runs; the subquery gives the schema',
    query: `datatable(k:string, v:long)[] | partition by k (summarize s = sum(v))`,
    columns: ['s:long'],
    rows: [],
  },
  {
    name: 'partition then scan: one session per user',
    query: `datatable(u:long, t:long, e:string)[1, 1, "in", 2, 2, "in", 1, 5, "out", 2, 9, "out"] | partition by u (sort by t asc | scan declare (s:long) with (step a output=none: e == "in" => s = t; step b: e == "out" => s = a.s;)) | project u, s, t`,
    columns: ['u:long', 's:long', 't:long'],
    rows: [
      ['1', '1', '5'],
      ['2', '2', '9'],
    ],
  },
  {
    name: 'project-by-names: names, patterns, arrays; unknown names are ignored',
    query: `datatable(Name:string, Age:int, City:string, Country:string)['Peter', 39, 'New York', 'USA'] | project-by-names "C*", dynamic(["Name", "Nope"]), "City"`,
    columns: ['City:string', 'Country:string', 'Name:string'],
    rows: [['New York', 'USA', 'Peter']],
  },
  {
    name: 'project-by-names with column_names_of() of the function argument',
    query: `let f = (S:(a:long), extra:dynamic) { S | extend z = 1 | project-by-names column_names_of(S), extra }; datatable(a:long, b:string)[1, "x"] | invoke f(dynamic(["z"]))`,
    columns: ['a:long', 'b:string', 'z:long'],
    rows: [['1', 'x', '1']],
  },
  {
    name: 'typeof(T) as a value: extract_json with a result type',
    query: `print v = extract_json("$.a", '{"a": 7}', typeof(long))`,
    columns: ['v:long'],
    rows: [['7']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'project-by-names with a specifier that is not constant',
    query: `${T} | project-by-names k`,
    code: errorCodes.badArguments,
    message: 'constant',
  },
];

describe('partition, project-by-names', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
