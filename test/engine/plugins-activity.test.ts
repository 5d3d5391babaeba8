// activity_metrics, new_activity_metrics, active_users_count.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

// Day 1: a b c; day 2: b c d; day 3: (none); day 4: a e. Outside the analysis: day 0 (z), day 9 (y).
const T = `let T = datatable(user:string, day:datetime, site:string)[
  "z", datetime(2020-01-01), "s1",
  "a", datetime(2020-01-02), "s1", "b", datetime(2020-01-02), "s1", "c", datetime(2020-01-02), "s2",
  "b", datetime(2020-01-03), "s1", "c", datetime(2020-01-03), "s1", "d", datetime(2020-01-03), "s2",
  "a", datetime(2020-01-05), "s1", "e", datetime(2020-01-05), "s1",
  "y", datetime(2020-01-10), "s1"];
let S = datetime(2020-01-02); let E = datetime(2020-01-05);`;

// active_users_count-plugin.md's example data.
const USERS = `let T = datatable(User:string, Timestamp:datetime)[
  "B", datetime(2018-06-29), "B", datetime(2018-06-30), "A", datetime(2018-07-02), "B", datetime(2018-07-04),
  "B", datetime(2018-07-08), "A", datetime(2018-07-10), "A", datetime(2018-07-14), "A", datetime(2018-07-17),
  "A", datetime(2018-07-20), "B", datetime(2018-07-24)];`;

const valid: ValidCase[] = [
  {
    name: 'activity_metrics: distinct, new, and retention against the window before',
    query: `${T} T | evaluate activity_metrics(user, day, S, E, 1d)`,
    columns: [
      'day:datetime',
      'dcount_values:long',
      'dcount_newvalues:long',
      'retention_rate:real',
      'churn_rate:real',
    ],
    rows: [
      ['2020-01-02T00:00:00.0000000Z', '3', '3', NaN, NaN],
      ['2020-01-03T00:00:00.0000000Z', '3', '1', 2 / 3, 1 / 3],
      ['2020-01-05T00:00:00.0000000Z', '2', '1', NaN, NaN],
    ],
  },
  {
    name: 'activity_metrics with a dimension after the timeline column',
    query: `${T} T | evaluate activity_metrics(user, day, S, E, 2d, site) | project day, site, dcount_values, dcount_newvalues`,
    columns: ['day:datetime', 'site:string', 'dcount_values:long', 'dcount_newvalues:long'],
    rows: [
      ['2020-01-02T00:00:00.0000000Z', 's1', '3', '3'],
      ['2020-01-04T00:00:00.0000000Z', 's1', '2', '1'],
      ['2020-01-02T00:00:00.0000000Z', 's2', '2', '2'],
    ],
  },
  {
    name: 'new_activity_metrics: each cohort against itself and every later window',
    query: `${T} T | evaluate new_activity_metrics(user, day, S, E, 1d)`,
    columns: [
      'from_day:datetime',
      'to_day:datetime',
      'dcount_new_values:long',
      'dcount_retained_values:long',
      'dcount_churn_values:long',
      'retention_rate:real',
      'churn_rate:real',
    ],
    rows: [
      ['2020-01-02T00:00:00.0000000Z', '2020-01-02T00:00:00.0000000Z', '0', '3', '0', 1, 0],
      ['2020-01-02T00:00:00.0000000Z', '2020-01-03T00:00:00.0000000Z', '1', '2', '1', 2 / 3, 1 / 3],
      ['2020-01-02T00:00:00.0000000Z', '2020-01-05T00:00:00.0000000Z', '1', '1', '2', 1 / 3, 2 / 3],
      ['2020-01-03T00:00:00.0000000Z', '2020-01-03T00:00:00.0000000Z', '0', '1', '0', 1, 0],
      ['2020-01-03T00:00:00.0000000Z', '2020-01-05T00:00:00.0000000Z', '1', '0', '1', 0, 1],
      ['2020-01-05T00:00:00.0000000Z', '2020-01-05T00:00:00.0000000Z', '0', '1', '0', 1, 0],
    ],
  },
  {
    name: 'new_activity_metrics: one cohort, and Lookback ids count as already seen',
    query: `${T} let Before = datatable(user:string)["b"]; T | evaluate new_activity_metrics(user, day, S, E, 1d, S, Before) | project to_day, dcount_retained_values, dcount_churn_values`,
    columns: ['to_day:datetime', 'dcount_retained_values:long', 'dcount_churn_values:long'],
    rows: [
      ['2020-01-02T00:00:00.0000000Z', '2', '0'],
      ['2020-01-03T00:00:00.0000000Z', '1', '1'],
      ['2020-01-05T00:00:00.0000000Z', '1', '1'],
    ],
  },
  {
    name: 'active_users_count: the documented example',
    query: `${USERS} T | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 3, 7d)`,
    columns: ['Timestamp:datetime', 'dcount:long'],
    rows: [
      ['2018-07-01T00:00:00.0000000Z', '1'],
      ['2018-07-15T00:00:00.0000000Z', '1'],
    ],
  },
  {
    name: 'active_users_count: two periods are enough with ActivePeriodsCount 2',
    query: `${USERS} T | evaluate active_users_count(User, Timestamp, datetime(2018-07-01), datetime(2018-07-31), 8d, 1d, 2, 7d)`,
    columns: ['Timestamp:datetime', 'dcount:long'],
    rows: [
      ['2018-07-01T00:00:00.0000000Z', '1'],
      ['2018-07-08T00:00:00.0000000Z', '2'],
      ['2018-07-15T00:00:00.0000000Z', '1'],
    ],
  },
  {
    name: 'activity plugins over an empty input',
    query: `datatable(user:string, day:datetime)[] | evaluate activity_metrics(user, day, datetime(2020-01-01), datetime(2020-02-01), 1d)`,
    columns: [
      'day:datetime',
      'dcount_values:long',
      'dcount_newvalues:long',
      'retention_rate:real',
      'churn_rate:real',
    ],
    rows: [],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'activity_metrics over a real timeline (kqlhunt supports datetime and whole-number timelines)',
    query: `datatable(user:string, day:real)["a", 1.5] | evaluate activity_metrics(user, day, 0.0, 10.0, 1.0)`,
    code: errorCodes.badArguments,
    message: 'timeline column must be a datetime',
  },
  {
    name: 'new_activity_metrics with a zero window',
    query: `datatable(user:string, day:datetime)["a", datetime(2020-01-01)] | evaluate new_activity_metrics(user, day, datetime(2020-01-01), datetime(2020-02-01), 0d)`,
    code: errorCodes.badArguments,
    message: 'Step must be positive',
  },
];

describe('activity plugins', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
