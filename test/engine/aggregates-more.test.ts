// covariance (+p, +if), variancepif, binary_all_*, percentilesw(_array), buildschema; names from the binder.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const XY = `datatable(x:real, y:real)[1.0, 14.0, 2.0, 10.0, 3.0, 17.0, 4.0, 20.0, 5.0, 50.0, real(null), 3.0]`;

const valid: ValidCase[] = [
  {
    name: 'covariancep and covariance skip rows with a null',
    query: `${XY} | summarize p = covariancep(x, y), s = covariance(x, y)`,
    columns: ['p:real', 's:real'],
    rows: [[16.4, 20.5]],
  },
  {
    name: 'covarianceif and covariancepif',
    query: `${XY} | summarize s = covarianceif(x, y, x > 1), p = covariancepif(x, y, x > 1)`,
    columns: ['s:real', 'p:real'],
    rows: [[20.5, 15.375]],
  },
  {
    name: 'covariance over no pair is null',
    query: `datatable(x:long, y:long)[] | summarize c = covariance(x, y)`,
    columns: ['c:real'],
    rows: [[null]],
  },
  {
    name: 'variancepif is the population variance of the matching rows',
    query: `range x from 1 to 5 step 1 | summarize v = variancepif(x, x > 1)`,
    columns: ['v:real'],
    rows: [[1.25]],
  },
  {
    name: 'binary_all_and / or / xor; nulls are skipped',
    query: `datatable(n:long)[12, 10, long(null)] | summarize a = binary_all_and(n), o = binary_all_or(n), x = binary_all_xor(n)`,
    columns: ['a:long', 'o:long', 'x:long'],
    rows: [['8', '14', '6']],
  },
  {
    name: 'binary_all_or over nothing is null',
    query: `datatable(n:long)[] | summarize o = binary_all_or(n)`,
    columns: ['o:long'],
    rows: [[null]],
  },
  {
    name: 'percentilesw: nearest rank by cumulative weight',
    query: `datatable(w:long, v:long)[8, 10, 6, 20, 3, 30, 1, 40] | summarize percentilesw(v, w, 50, 75, 99.9)`,
    columns: ['percentile_v_50:long', 'percentile_v_75:long', 'percentile_v_99_9:long'],
    rows: [['20', '20', '40']],
  },
  {
    name: 'percentilesw_array gives one array',
    query: `datatable(w:long, v:long)[8, 10, 6, 20, 3, 30, 1, 40] | summarize p = percentilesw_array(v, w, 50, 99.9)`,
    columns: ['p:dynamic'],
    rows: [['[20,40]']],
  },
  {
    name: 'buildschema merges alternatives, bags and array elements',
    query: `datatable(d:dynamic)[dynamic({"x":1, "y":3.5}), dynamic({"x":"s", "z":[1, 2]}), dynamic({"y":{"w":"z"}, "z":["f"]}), dynamic(null)] | summarize s = buildschema(d)`,
    columns: ['s:dynamic'],
    rows: [['{"x":["long","string"],"y":["double",{"w":"string"}],"z":{"`indexer`":["long","string"]}}']],
  },
  {
    name: "summarize names: take_any(x) is x, percentile(x, 50) is percentile_x_50 (the binder's names)",
    query: `datatable(x:long)[1] | summarize take_any(x), percentile(x, 50), percentiles(x, 5, 50)`,
    columns: ['x:long', 'percentile_x_50:long', 'percentile_x_5:long', 'percentile_x_501:long'],
    rows: [['1', '1', '1', '1']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'percentilesw with a percentile above 100',
    query: `datatable(w:long, v:long)[1, 1] | summarize percentilesw(v, w, 150)`,
    code: errorCodes.badArguments,
    message: 'outside [0, 100]',
  },
];

describe('more aggregates', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
