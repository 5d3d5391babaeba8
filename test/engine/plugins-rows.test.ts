// rows_near, rolling_percentile, activity_counts_metrics; union withsource names.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const valid: ValidCase[] = [
  {
    name: 'rows_near: rows around each hit, each once',
    query: `range x from 1 to 9 step 1 | evaluate rows_near(x == 3 or x == 4, 1)`,
    columns: ['x:long'],
    rows: [['2'], ['3'], ['4'], ['5']],
  },
  {
    name: 'rows_near with RowsAfter',
    query: `range x from 1 to 9 step 1 | evaluate rows_near(x == 5, 2, 0)`,
    columns: ['x:long'],
    rows: [['3'], ['4'], ['5']],
  },
  {
    name: 'rows_near with no hit',
    query: `range x from 1 to 3 step 1 | evaluate rows_near(x > 10, 1)`,
    columns: ['x:long'],
    rows: [],
  },
  {
    name: 'rolling_percentile over a window of bins, per dimension',
    query: `datatable(t:long, v:long, d:string)[0, 1, "a", 1, 3, "a", 10, 5, "a", 25, 7, "a", 0, 9, "b"] | evaluate rolling_percentile(v, 50, t, 10, 2, d)`,
    columns: ['t:long', 'd:string', 'rolling_2_percentile_v_50:long'],
    rows: [
      ['0', 'a', '1'],
      ['10', 'a', '3'],
      ['20', 'a', '5'],
      ['0', 'b', '9'],
    ],
  },
  {
    name: 'activity_counts_metrics: count, dcount, new and aggregated distinct ids per window',
    query: `datatable(u:string, t:datetime)["A", datetime(2017-08-01), "B", datetime(2017-08-01), "A", datetime(2017-08-01), "A", datetime(2017-08-02), "C", datetime(2017-08-02), "Z", datetime(2017-09-01)] | evaluate activity_counts_metrics(u, t, datetime(2017-08-01), datetime(2017-08-03), 1d)`,
    columns: ['Timestamp:datetime', 'count:long', 'dcount:long', 'new_dcount:long', 'aggregated_dcount:long'],
    rows: [
      ['2017-08-01T00:00:00.0000000Z', '3', '2', '2', '2'],
      ['2017-08-02T00:00:00.0000000Z', '2', '2', '1', '3'],
      ['2017-08-03T00:00:00.0000000Z', '0', '0', '0', '3'],
    ],
  },
  {
    name: 'union withsource names views and `as` names; a typed-apart name that exists gets a number',
    query: `let V1 = view () { print x = 1 }; let V2 = view () { print x = toint(2) }; let V3 = view () { print x_long = 3 }; union withsource=S V1, V2, V3, (print x_long = 4 | as N)`,
    columns: ['S:string', 'x_long1:long', 'x_int:int', 'x_long:long'],
    rows: [
      ['V1', '1', null, null],
      ['V2', null, 2, null],
      ['V3', null, null, '3'],
      ['N', null, null, '4'],
    ],
  },
  {
    name: 'union isfuzzy skips an input whose table does not exist, inside a pipeline too',
    query: `let V1 = view () { print x = 1 }; union isfuzzy=true (V1 | where x > 0), (Missing | where x > 0) | count`,
    columns: ['Count:long'],
    rows: [['1']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'rows_near with a negative number of rows',
    query: `range x from 1 to 3 step 1 | evaluate rows_near(x == 1, -1)`,
    code: errorCodes.badArguments,
    message: 'must not be negative',
  },
  {
    name: 'activity_counts_metrics with a non-positive step',
    query: `datatable(u:string, t:datetime)[] | evaluate activity_counts_metrics(u, t, datetime(2017-08-01), datetime(2017-08-03), 0d)`,
    code: errorCodes.badArguments,
    message: 'Step must be positive',
  },
];

describe('rows_near, rolling_percentile, activity_counts_metrics, union names', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
