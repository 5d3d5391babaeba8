// make-series (make-series-operator.md): series of aggregates and of expressions over them,
// defaults where a bin has no rows, and what an empty input gives (with and without
// kind=nonempty).
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const data = `datatable(Time:datetime, Value:int, other:int)
  [datetime(2025-01-07), 10, 11, datetime(2025-01-16), 20, 21, datetime(2025-02-01), 30, 5]`;
const range = 'on Time from datetime(2025-01-06) to datetime(2025-02-09) step 7d';

const valid: ValidCase[] = [
  {
    name: 'a constant series takes its value in bins with rows and its default elsewhere',
    query: `${data} | make-series Value = sum(Value), other = -1 default = -2 ${range} | project Value, other`,
    columns: ['Value:dynamic', 'other:dynamic'],
    rows: [['[10,20,0,30,0]', '[-1,-1,-2,-1,-2]']],
  },
  {
    name: 'an expression over several aggregates, per bin',
    query: `${data} | make-series r = sum(Value) * 10 + count() default = 0 ${range} | project r`,
    columns: ['r:dynamic'],
    rows: [['[101,201,0,301,0]']],
  },
  {
    name: 'a real default',
    query: `${data} | make-series a = avg(Value) default = double(null) ${range} | project a`,
    columns: ['a:dynamic'],
    rows: [['[10,20,null,30,null]']],
  },
  {
    name: 'by groups: one series each',
    query: `${data} | make-series c = count() ${range} by big = Value > 15 | project big, c`,
    columns: ['big:bool', 'c:dynamic'],
    rows: [
      [false, '[1,0,0,0,0]'],
      [true, '[0,1,0,1,0]'],
    ],
  },
  {
    name: 'an empty input gives no rows by default',
    query: `${data} | take 0 | make-series avg(Value) default = 1.0 ${range} | count`,
    columns: ['Count:long'],
    rows: [['0']],
  },
  {
    name: 'kind=nonempty gives one row of defaults for an empty input',
    query: `${data} | take 0 | make-series kind=nonempty a = avg(Value) default = 1.0 on Time from datetime(2025-01-06) to datetime(2025-01-20) step 7d`,
    columns: ['a:dynamic', 'Time:dynamic'],
    rows: [['[1,1]', '["2025-01-06T00:00:00.0000000Z","2025-01-13T00:00:00.0000000Z"]']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a default that is not a constant',
    query: `${data} | make-series c = count() default = rand() ${range}`,
    code: errorCodes.badArguments,
    message: 'a default value must be a constant',
  },
];

describe('make-series', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
