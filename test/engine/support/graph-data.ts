// Small graphs for the graph operator tests, as KQL `let` statements, and a check that compares
// rows as a multiset (graph-match and graph-shortest-paths do not order their rows).
import assert from 'node:assert/strict';
import { grid, header, runKql, type ValidCase } from './run.js';

/**
 * A directed graph with a cycle a→b→c→a, a tail c→d, and node properties for a, b and c only
 * (d is named by an edge alone).
 */
export const SMALL = `let E = datatable(src:string, dst:string, rel:string, w:long)[
  "a", "b", "x", 1,
  "b", "c", "y", 2,
  "c", "a", "x", 3,
  "c", "d", "y", 4];
let N = datatable(id:string, age:long)["a", 10, "b", 20, "c", 30];
`;

/** Two nodes with edges both ways (a→b, b→a) and a self loop on b. */
export const PAIR = `let P = datatable(s:string, t:string, tag:string)["a", "b", "ab", "b", "a", "ba", "b", "b", "bb"];
`;

/** Rows compared in any order (the reference does not fix the order of matches). */
export async function checkValidUnordered(c: ValidCase): Promise<void> {
  const r = await runKql(c.query);
  assert.deepEqual(header(r), c.columns, `columns of: ${c.query}`);
  const key = (row: readonly unknown[]): string => JSON.stringify(row);
  const got = grid(r).map(key).sort();
  const expected = c.rows.map(key).sort();
  assert.deepEqual(got, expected, `rows of: ${c.query}`);
}
