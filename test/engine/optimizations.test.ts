// The optimisations change speed, never answers: each query runs with them on and off and must
// give the same rows (the fast paths over a multi-chunk table with nulls and every value shape
// they meet); and the where-below-extend rewrite moves exactly the filters it may.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executeQuery, TableBuilder, type EngineOptimizations, type Table } from '../../src/engine/index.js';
import { pushDownFilters } from '../../src/engine/exec/pushdown.js';
import { CHUNK_ROWS } from '../../src/engine/table/index.js';
import { newBag } from '../../src/engine/values/dynamic.js';
import type { Pipeline } from '../../src/plan/plan.js';
import type { DynamicValue } from '../../src/types/scalar.js';
import { compileKql, FIXED_NOW, grid } from './support/run.js';

const queries = [
  'datatable(s:string, x:string)["a", "<r><v>1</v></r>", "b", "<r><v>2</v></r>", "a", "<r><v>1</v></r>"] | extend v = parse_xml(x).r.v | where s == "a"',
  'datatable(s:string)["x y", "xy", "", "x"] | where s has "x" or strlen(s) > 3',
  'datatable(s:string, n:long)["a", 1, "b", 2, "a", 3] | extend t = toupper(s) | where n > 1 | summarize count() by t',
];

describe('optimisations do not change results', () => {
  for (const q of queries) {
    test(q, async () => {
      const plan = compileKql(q);
      const on = await executeQuery(plan, { tables: new Map(), now: FIXED_NOW });
      const off = await executeQuery(plan, {
        tables: new Map(),
        now: FIXED_NOW,
        optimizations: { pushdown: false, dictionaryMemo: false, fastPaths: false },
      });
      assert.deepEqual(grid(on), grid(off));
      assert.deepEqual(on.columns, off.columns);
    });
  }
});

/**
 * A table of three chunks whose string columns share one dictionary across chunks (as a loaded
 * table does), with nulls, empty strings, ties, longs beyond 2^53 and every shape mv-expand
 * handles, so that the fast paths meet what the general paths handle.
 */
function fastPathTable(): Table {
  const b = new TableBuilder({
    name: 'T',
    columns: [
      { name: 'i', type: 'long' },
      { name: 'n', type: 'int' },
      { name: 'big', type: 'long' },
      { name: 't', type: 'datetime' },
      { name: 'd', type: 'timespan' },
      { name: 's', type: 'string' },
      { name: 'k', type: 'string' },
      { name: 'v', type: 'dynamic' },
    ],
  });
  const rows = 2 * CHUNK_ROWS + 1234;
  for (let i = 0; i < rows; i++) {
    const bag = newBag();
    bag.a = i % 4;
    bag.b = 'x';
    const shapes: DynamicValue[] = [null, [], bag, 5, 'text', [i % 3, 'x', [1, 2]], [String(i % 5)]];
    // Nulls in the first chunk only: the later chunks take the kernels' null-free loops.
    const nullable = i < CHUNK_ROWS;
    b.appendValues([
      BigInt(i),
      nullable && i % 9 === 0 ? null : ((i * 7) % 50) - 10,
      nullable && i % 11 === 0 ? null : i % 97 === 0 ? 9007199254740993n : BigInt(((i * 7919) % 1000) - 500),
      nullable && i % 13 === 0 ? null : FIXED_NOW + BigInt((i * 37) % 5000) * 10_000_000n,
      nullable && i % 15 === 0 ? null : BigInt((i % 40) - 20) * 10_000_000n,
      i % 17 === 0 ? '' : `u${i % 37} w${i % 5}`,
      `h${(i * 31) % 50}`,
      shapes[i % shapes.length]!,
    ]);
  }
  return b.finish();
}

/** Each fast path (and its general twin), on shapes the general path handles. */
const fastPathQueries = [
  // Comparison kernels and selection vectors: int, long, datetime, timespan; nulls; both sides.
  ...['==', '!=', '<', '<=', '>', '>='].flatMap((op) => [
    `T | where n ${op} 7 | project i, n`,
    `T | where 7 ${op} n | count`,
    `T | where n ${op} 7000000000 | count`,
    `T | where big ${op} 3 | project i, big`,
    `T | where big ${op} 9007199254740993 | count`,
    `T | where t ${op} datetime(2024-01-01 00:30:00) | project i, t`,
    `T | where d ${op} 5s | count`,
  ]),
  'T | where n > 0 | where big < 100 | where t >= datetime(2024-01-01 00:10:00) | project i',
  // Memoized string predicates as selections (shared dictionary, and one per batch after extend).
  "T | where s has 'u3' | project i, s",
  "T | where s == '' | count",
  'T | where toint(substring(s, 1, 1)) > 2 | project i, s',
  "range i from 0 to 20000 step 1 | extend s = strcat('u', i % 13) | where s startswith 'u1' | count",
  // dcount deduplicated by dictionary code: per group, with a predicate, across dictionaries.
  'T | summarize dcount(s), dcount(k), dcountif(s, n > 0) by k | order by k asc',
  'T | summarize dcount(s)',
  "union (T | project s), (range i from 0 to 9000 step 1 | project s = strcat('u', i % 50, ' w', i % 5)) | summarize dcount(s)",
  // Typed arg_max / arg_min: ties, nulls, all-null groups, int/long/datetime/timespan keys.
  'T | summarize arg_max(n, i, s) by k | order by k asc',
  'T | summarize arg_min(n, i) by k | order by k asc',
  'T | summarize arg_max(big, i), arg_min(big, i) by k | order by k asc',
  'T | summarize arg_max(t, *) by k | order by k asc',
  'T | summarize arg_min(d, i, v) by k | order by k asc',
  'T | summarize arg_max(t, i) by s | order by s asc',
  'T | where i % 11 == 0 and i < 8192 | summarize arg_max(big, i), arg_min(n, i) by k | order by k asc',
  'T | summarize arg_max(n, i)',
  // mv-expand's deferred elements, read by later operators, and memoized dynamic columns.
  'T | mv-expand v | project i, v',
  'T | mv-expand bagexpansion=array v | project i, v',
  'T | mv-expand with_itemindex=x v limit 2 | project i, x, v',
  'T | mv-expand v to typeof(string) | project i, v',
  'T | extend w = v | mv-expand v, w | where i % 3 == 0 | project i, v, w',
  'T | mv-expand v | mv-expand v | project i, v',
  'T | mv-expand v | take 9000 | project i, v',
  'T | mv-expand v | order by i desc | project i, v',
  "T | extend parts = split(s, ' ') | take 9000 | mv-expand parts | project i, parts",
  'T | mv-expand v | summarize count() by e = tostring(v) | order by e asc',
  "T | extend parts = split(s, ' ') | mv-expand parts | summarize count() by p = tostring(parts) | order by p asc",
  "T | extend parts = split(s, ' ') | project i, parts, n = array_length(parts) | take 30",
  "T | extend parts = split(k, 'h') | mv-expand parts | where i > 16000 | project i, parts",
];

describe('fast paths give the answers of the general paths', () => {
  const tables = new Map([['T', fastPathTable()]]);
  const variants: { name: string; optimizations: Partial<EngineOptimizations> }[] = [
    { name: 'fast paths off', optimizations: { fastPaths: false } },
    { name: 'everything off', optimizations: { pushdown: false, dictionaryMemo: false, fastPaths: false } },
  ];
  for (const q of fastPathQueries) {
    test(q, async () => {
      const plan = compileKql(q, tables);
      const on = await executeQuery(plan, { tables, now: FIXED_NOW });
      assert.ok(on.rows.length > 0, 'the query must return rows to compare');
      for (const v of variants) {
        const off = await executeQuery(plan, { tables, now: FIXED_NOW, optimizations: v.optimizations });
        assert.deepEqual(grid(on), grid(off), v.name);
        assert.deepEqual(on.columns, off.columns, v.name);
      }
    });
  }
});

const pushdownCases: { query: string; order: string[] }[] = [
  { query: 'datatable(a:long, b:long)[] | extend c = a + 1 | where b > 0', order: ['where', 'extend'] },
  { query: 'datatable(a:long, b:long)[] | extend c = a + 1 | where c > 0', order: ['extend', 'where'] },
  { query: 'datatable(a:long, b:long)[] | extend b = a + 1 | where b > 0', order: ['extend', 'where'] },
  {
    query: 'datatable(a:long, b:long)[] | serialize | extend r = row_number() | where b > 0',
    order: ['serialize', 'extend', 'where'],
  },
  {
    query: 'datatable(a:long, b:long)[] | extend c = a | where column_ifexists("c", 0) > 0',
    order: ['extend', 'where'],
  },
];

describe('where moves below extend only when it reads none of the computed columns', () => {
  for (const c of pushdownCases) {
    test(c.query, () => {
      const p = compileKql(c.query).result as Pipeline;
      assert.deepEqual(
        pushDownFilters(p.operators).map((o) => o.kind),
        c.order,
      );
    });
  }
});
