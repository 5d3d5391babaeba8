// mv-expand ... to typeof(T) (mv-expand-operator.md): elements that are a T keep their value,
// others become null. Datetimes and timespans inside dynamic values are their text (range() of
// datetimes, make_list of a datetime column), so that text is read as the typed value.
import { describe, test } from 'node:test';
import { checkValid, type ValidCase } from './support/run.js';

const valid: ValidCase[] = [
  {
    name: 'range() of datetimes expands to datetimes',
    query:
      'print r = range(datetime(2017-10-01), datetime(2017-10-01 00:01:00), 30s) | mv-expand r to typeof(datetime)',
    columns: ['r:datetime'],
    rows: [
      ['2017-10-01T00:00:00.0000000Z'],
      ['2017-10-01T00:00:30.0000000Z'],
      ['2017-10-01T00:01:00.0000000Z'],
    ],
  },
  {
    name: 'datetime text in any Kusto form; other elements are null',
    query: `print d = dynamic(["2020-01-02", "2020-01-02T03:04:05.1234567Z", 5, "not a date", null]) | mv-expand d to typeof(datetime)`,
    columns: ['d:datetime'],
    rows: [['2020-01-02T00:00:00.0000000Z'], ['2020-01-02T03:04:05.1234567Z'], [null], [null], [null]],
  },
  {
    name: 'timespans from make_list and from text',
    query: `datatable(t:timespan)[1h, 90s] | summarize l = make_list(t) | extend l = array_concat(l, dynamic(["1.00:00:00", "x"])) | mv-expand l to typeof(timespan)`,
    columns: ['l:timespan'],
    rows: [['01:00:00'], ['00:01:30'], ['1.00:00:00'], [null]],
  },
  {
    name: 'typed elements still take their type (int)',
    query: 'print b = dynamic([1, 2.5, "3"]) | mv-expand b to typeof(int)',
    columns: ['b:int'],
    rows: [[1], [null], [null]],
  },
];

describe('mv-expand to typeof', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
});
