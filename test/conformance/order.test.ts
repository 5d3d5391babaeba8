import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileQuery } from '../../src/frontend/index.js';
import { resultOrderIsFixed } from '../../src/conformance/order.js';

// [query, does the query fix its row order?] — serialize-operator.md's rules.
const cases: [string, boolean][] = [
  ['range x from 1 to 3 step 1', true],
  ['range x from 1 to 3 step 1 | extend y = x * 2 | where y > 2 | project y', true],
  ['range x from 1 to 3 step 1 | summarize count() by x', false],
  ['range x from 1 to 3 step 1 | summarize count() by x | sort by x asc', true],
  ['datatable(a:int)[1, 2, 3]', false],
  ['datatable(a:int)[1, 2, 3] | order by a desc | take 2', true],
  ['datatable(a:int)[1, 2, 3] | top 2 by a', true],
  ['datatable(a:int)[1, 2, 3] | serialize', true],
  ['datatable(a:int)[1, 2, 3] | sort by a | distinct a', false],
  ['datatable(a:int)[1, 2, 3] | sort by a | mv-expand b = pack_array(a)', false],
  ['print x = 1', true],
  ['let T = range x from 1 to 3 step 1; T | where x > 1', true],
  ['let T = datatable(a:int)[1]; T | extend b = a', false],
  ['let f = () { range x from 1 to 3 step 1 }; f()', true],
  ['union (range x from 1 to 2 step 1), (range x from 3 to 4 step 1)', false],
  ['range x from 1 to 3 step 1 | join kind=inner (range x from 1 to 3 step 1) on x', false],
];

for (const [query, fixed] of cases) {
  test(`order: ${query} -> ${fixed ? 'fixed' : 'any order'}`, () => {
    const { plan, diagnostics } = compileQuery(query);
    assert.ok(plan, JSON.stringify(diagnostics));
    assert.equal(resultOrderIsFixed(plan), fixed);
  });
}
