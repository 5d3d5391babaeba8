// hll, hll_if, hll_merge (aggregate and scalar), dcount_hll; tdigest, tdigest_merge,
// merge_tdigest, percentile_tdigest, percentiles_array_tdigest, rank_tdigest, percentrank_tdigest;
// make_list / make_set unwrapping array values.
import { describe, test } from 'node:test';
import { checkValid, type ValidCase } from './support/run.js';

const valid: ValidCase[] = [
  {
    name: 'dcount_hll of hll counts distinct non-null values',
    query: `datatable(x:long)[1, 2, 2, 3, long(null)] | summarize h = hll(x) | project d = dcount_hll(h)`,
    columns: ['d:long'],
    rows: [['3']],
  },
  {
    name: 'hll per group; accuracy sets the precision in the header',
    query: `datatable(k:string, v:string)["a", "x", "a", "y", "b", "x", "a", "x"] | summarize h = hll(v, 0) by k | project k, d = dcount_hll(h), precision = toint(h[0][1])`,
    columns: ['k:string', 'd:long', 'precision:int'],
    rows: [
      ['a', '2', 12],
      ['b', '1', 12],
    ],
  },
  {
    name: 'hll_if counts only rows matching the predicate',
    query: `range x from 1 to 10 step 1 | summarize h = hll_if(x, x % 2 == 0) | project d = dcount_hll(h)`,
    columns: ['d:long'],
    rows: [['5']],
  },
  {
    name: 'hll_merge (scalar) is the union: hll-merge-function.md',
    query: `range x from 1 to 10 step 1 | extend y = x + 5 | summarize hx = hll(x), hy = hll(y) | project d = dcount_hll(hll_merge(hx, hy))`,
    columns: ['d:long'],
    rows: [['15']],
  },
  {
    name: 'hll_merge (aggregate) across groups, as for daily then weekly counts',
    query: `datatable(day:long, user:string)[1, "a", 1, "b", 2, "b", 2, "c", 3, "a"] | summarize h = hll(user) by day | summarize m = hll_merge(h) | project d = dcount_hll(m)`,
    columns: ['d:long'],
    rows: [['3']],
  },
  {
    name: 'int and long values hash alike; strings differ from numbers',
    query: `print a = hll_merge(toscalar(print x = int(1) | summarize hll(x)), toscalar(print x = long(1) | summarize hll(x))), b = hll_merge(toscalar(print x = '1' | summarize hll(x)), toscalar(print x = 1 | summarize hll(x))) | project a = dcount_hll(a), b = dcount_hll(b)`,
    columns: ['a:long', 'b:long'],
    rows: [['1', '2']],
  },
  {
    name: 'hll and tdigest over no rows are null; dcount_hll of a non-hll value is null',
    query: `datatable(x:long)[] | summarize h = hll(x), t = tdigest(x) | extend d = dcount_hll(dynamic([1, 2]))`,
    columns: ['h:dynamic', 't:dynamic', 'd:long'],
    rows: [[null, null, null]],
  },
  {
    name: 'rank_tdigest of 685 in 1..1000 is 685 (rank-tdigest-function.md)',
    query: `range x from 1 to 1000 step 1 | summarize t = tdigest(x) | project r = rank_tdigest(t, 685), p = percentrank_tdigest(t, 250)`,
    columns: ['r:real', 'p:real'],
    rows: [[685, 25]],
  },
  {
    name: 'weighted tdigest: P50 of 1 (weight 1) and 2 (weight 2) is 2 (tdigest-aggregation-function.md)',
    query: `datatable(V:real, W:long)[1.0, 1, 2.0, 2] | summarize TD = tdigest(V, W) | project P50 = percentile_tdigest(TD, 50)`,
    columns: ['P50:dynamic'],
    rows: [['2']],
  },
  {
    name: 'percentile_tdigest with a type; percentiles_array_tdigest with a list and an array',
    query: `range x from 1 to 10 step 1 | summarize t = tdigest(x) | project p = percentile_tdigest(t, 90, typeof(long)), a = percentiles_array_tdigest(t, 10, 50, 100), b = percentiles_array_tdigest(t, dynamic([0, 100]))`,
    columns: ['p:long', 'a:dynamic', 'b:dynamic'],
    rows: [['9', '[1,5,10]', '[1,10]']],
  },
  {
    name: 'merge_tdigest of two digests (merge-tdigest-function.md)',
    query: `range x from 1 to 10 step 1 | extend y = x + 10 | summarize tx = tdigest(x), ty = tdigest(y) | project merged = merge_tdigest(tx, ty) | project p = percentile_tdigest(merged, 100, typeof(long))`,
    columns: ['p:long'],
    rows: [['20']],
  },
  {
    name: 'tdigest_merge aggregate over groups; datetimes keep their type',
    query: `datatable(k:string, t:datetime)["a", datetime(2020-01-01), "b", datetime(2021-06-01), "a", datetime(2019-03-04)] | summarize d = tdigest(t) by k | summarize m = tdigest_merge(d) | project lo = percentile_tdigest(m, 0, typeof(datetime)), hi = percentile_tdigest(m, 100, typeof(datetime))`,
    columns: ['lo:datetime', 'hi:datetime'],
    rows: [['2019-03-04T00:00:00.0000000Z', '2021-06-01T00:00:00.0000000Z']],
  },
  {
    name: 'make_set unwraps array values (make-set-aggregation-function.md)',
    query: `datatable(Val:int, Arr1:dynamic)[1, dynamic(['A1', 'A2', 'A3']), 5, dynamic(['A2', 'C1']), 7, dynamic(['C2', 'A3']), 5, dynamic(['C2', 'A1'])] | summarize Val_set = make_set(Val), Arr1_set = make_set(Arr1)`,
    columns: ['Val_set:dynamic', 'Arr1_set:dynamic'],
    rows: [['[1,5,7]', '["A1","A2","A3","C1","C2"]']],
  },
  {
    name: 'make_list unwraps one level: make_list(pack_array(a)) keeps each array a whole',
    query: `datatable(a:dynamic)[dynamic([1, 2]), dynamic([3]), dynamic({"k": 4}), dynamic(5)] | summarize flat = make_list(a), nested = make_list(pack_array(a)), limited = make_list(a, 2)`,
    columns: ['flat:dynamic', 'nested:dynamic', 'limited:dynamic'],
    rows: [['[1,2,3,{"k":4},5]', '[[1,2],[3],{"k":4},5]', '[1,2]']],
  },
  {
    name: 'make_list_with_nulls keeps array values whole',
    query: `datatable(a:dynamic)[dynamic([1, 2]), dynamic(null)] | summarize l = make_list_with_nulls(a)`,
    columns: ['l:dynamic'],
    rows: [['[[1,2],null]']],
  },
];

describe('sketch aggregates and collect unwrapping', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
});
