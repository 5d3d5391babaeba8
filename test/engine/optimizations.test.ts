// The optimisations change speed, never answers: each query runs with them on and off and must
// give the same rows; and the where-below-extend rewrite moves exactly the filters it may.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { executeQuery } from '../../src/engine/index.js';
import { pushDownFilters } from '../../src/engine/exec/pushdown.js';
import type { Pipeline } from '../../src/plan/plan.js';
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
        optimizations: { pushdown: false, dictionaryMemo: false },
      });
      assert.deepEqual(grid(on), grid(off));
      assert.deepEqual(on.columns, off.columns);
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
