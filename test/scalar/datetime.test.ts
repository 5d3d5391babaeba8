// Datetime functions, with the reference pages' examples.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ScalarValue } from '../../src/types/scalar.js';
import { type Arg, call, callTyped, ctx, dt, int, label, long, nul, real, str, ts } from './support.js';

function table(name: string, cases: [Arg[], ScalarValue][]) {
  describe(name, () => {
    for (const [args, expected] of cases) {
      test(`${name}(${args.map(label).join(', ')})`, () => assert.deepEqual(call(name, ...args), expected));
    }
  });
}

const D = (text: string) => dt(text).value;
const T = (text: string) => ts(text).value;

table('bin', [
  [[real(4.5), long(1)], 4],
  [[ts('16d'), ts('7d')], T('14d')],
  [[dt('1970-05-11 13:45:07'), ts('1d')], D('1970-05-11')],
  [[long(17), long(5)], 15n],
  [[long(-1), long(5)], -5n],
  [[real(-1.5), real(1)], -2],
  [[long(5), long(0)], null],
  [[long(5), long(-1)], null],
  [[nul('long'), long(5)], null],
  [[dt('2021-01-01 10:17'), ts('15m')], D('2021-01-01 10:15')],
]);
table('bin_at', [
  [[real(6.5), real(2.5), real(7)], 4.5],
  [[ts('1h'), ts('1d'), ts('12h')], T('-12h')],
  [[dt('2017-05-15 10:20:00'), ts('1d'), dt('1970-01-01 12:00:00')], D('2017-05-14 12:00:00')],
]);
table('ago', [[[ts('1d')], (ctx.now as bigint) - (T('1d') as bigint)]]);
table('now', [
  [[], ctx.now],
  [[ts('-2d')], (ctx.now as bigint) - (T('2d') as bigint)],
]);
table('startofday', [
  [[dt('2017-01-01 10:10:17')], D('2017-01-01')],
  [[dt('2017-01-01 10:10:17'), long(-1)], D('2016-12-31')],
  [[dt('2017-01-01 10:10:17'), long(1)], D('2017-01-02')],
]);
table('startofweek', [
  [[dt('2017-01-01 10:10:17')], D('2017-01-01')],
  [[dt('2017-01-04')], D('2017-01-01')],
  [[dt('2017-01-01'), long(1)], D('2017-01-08')],
]);
table('startofmonth', [
  [[dt('2017-01-01 10:10:17'), long(-1)], D('2016-12-01')],
  [[dt('2017-03-31'), long(1)], D('2017-04-01')],
]);
table('startofyear', [[[dt('2017-01-01 10:10:17'), long(1)], D('2018-01-01')]]);
table('endofday', [[[dt('2017-01-01 10:10:17')], D('2017-01-01 23:59:59.9999999')]]);
table('endofweek', [[[dt('2017-01-01 10:10:17')], D('2017-01-07 23:59:59.9999999')]]);
table('endofmonth', [[[dt('2016-02-10')], D('2016-02-29 23:59:59.9999999')]]);
table('endofyear', [[[dt('9999-06-01')], D('9999-12-31 23:59:59.9999999')]]);
table('datetime_diff', [
  [[str('year'), dt('2017-01-01'), dt('2000-12-31')], 17n],
  [[str('quarter'), dt('2017-07-01'), dt('2017-03-30')], 2n],
  [[str('month'), dt('2017-01-01'), dt('2015-12-30')], 13n],
  [[str('week'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')], 5n],
  [[str('day'), dt('2017-10-29 00:00'), dt('2017-09-30 23:59')], 29n],
  [[str('hour'), dt('2017-10-31 01:00'), dt('2017-10-30 23:59')], 2n],
  [[str('minute'), dt('2017-10-30 23:05:01'), dt('2017-10-30 23:00:59')], 5n],
  [[str('second'), dt('2017-10-30 23:00:10.100'), dt('2017-10-30 23:00:00.900')], 10n],
  [[str('millisecond'), dt('2017-10-30 23:00:00.200100'), dt('2017-10-30 23:00:00.100900')], 100n],
  [[str('microsecond'), dt('2017-10-30 23:00:00.1009001'), dt('2017-10-30 23:00:00.1008009')], 100n],
  [[str('nanosecond'), dt('2017-10-30 23:00:00.0000000'), dt('2017-10-30 23:00:00.0000007')], -700n],
]);
table('datetime_add', [
  [[str('year'), long(1), dt('2017-01-01')], D('2018-01-01')],
  [[str('quarter'), long(1), dt('2017-01-01')], D('2017-04-01')],
  [[str('month'), long(1), dt('2017-01-31')], D('2017-02-28')],
  [[str('week'), long(1), dt('2017-01-01')], D('2017-01-08')],
  [[str('day'), long(-1), dt('2017-01-01')], D('2016-12-31')],
  [[str('hour'), long(1), dt('2017-01-01')], D('2017-01-01 01:00')],
  [[str('nanosecond'), long(100), dt('2017-01-01')], D('2017-01-01 00:00:00.0000001')],
  [[str('year'), long(10000), dt('2017-01-01')], null],
]);
table('datetime_part', [
  [[str('Year'), dt('2017-10-30 01:02:03.7654321')], 2017],
  [[str('Quarter'), dt('2017-10-30 01:02:03.7654321')], 4],
  [[str('Month'), dt('2017-10-30 01:02:03.7654321')], 10],
  [[str('week_of_year'), dt('2017-10-30 01:02:03.7654321')], 44],
  [[str('Day'), dt('2017-10-30 01:02:03.7654321')], 30],
  [[str('DayOfYear'), dt('2017-10-30 01:02:03.7654321')], 303],
  [[str('Hour'), dt('2017-10-30 01:02:03.7654321')], 1],
  [[str('Minute'), dt('2017-10-30 01:02:03.7654321')], 2],
  [[str('Second'), dt('2017-10-30 01:02:03.7654321')], 3],
  [[str('Millisecond'), dt('2017-10-30 01:02:03.7654321')], 765],
  [[str('Microsecond'), dt('2017-10-30 01:02:03.7654321')], 765432],
  [[str('Nanosecond'), dt('2017-10-30 01:02:03.7654321')], 765432100],
]);
table('dayofweek', [
  [[dt('1947-11-30 10:00:05')], T('0d')],
  [[dt('1970-05-11')], T('1d')],
]);
table('dayofmonth', [[[dt('2015-12-14')], 14]]);
table('dayofyear', [[[dt('2015-12-14')], 348]]);
table('hourofday', [[[dt('2015-12-14 18:54:00')], 18]]);
table('getmonth', [[[dt('2015-10-12')], 10]]);
table('getyear', [[[dt('2015-10-12')], 2015]]);
table('week_of_year', [
  [[dt('2020-12-31')], 53],
  [[dt('2020-06-22')], 26],
  [[dt('2021-01-01')], 53],
  [[dt('2021-01-04')], 1],
]);
table('format_datetime', [
  [[dt('2017-01-29 09:00:05'), str('yy-MM-dd [HH:mm:ss]')], '17-01-29 [09:00:05]'],
  [[dt('2017-01-29 09:00:05'), str('yyyy-M-dd [H:mm:ss]')], '2017-1-29 [9:00:05]'],
  [[dt('2017-01-29 09:00:05'), str('yy-MM-dd [hh:mm:ss tt]')], '17-01-29 [09:00:05 AM]'],
  [[dt('2009-06-15T13:45:30.6175425'), str('fffffff FFFF')], '6175425 6175'],
  [[dt('2009-06-15T13:45:30.05'), str('f|F')], '0|'],
  [[nul('datetime'), str('yyyy')], ''],
]);
table('format_timespan', [
  [[ts('1.02:03:04.1234567'), str('dd.hh:mm:ss [FF]')], '01.02:03:04 [12]'],
  [[ts('29.09:00:05.12345'), str('ddd.h:mm:ss [fffffff]')], '029.9:00:05 [1234500]'],
]);
table('make_datetime', [
  [[long(2017), long(10), long(1), long(12), long(10), real(10)], D('2017-10-01 12:10:10')],
  [[long(2017), long(10), long(1)], D('2017-10-01')],
  [[long(2017), long(2), long(30)], null],
]);
table('make_timespan', [
  [[long(1), long(12), long(30), real(55.123)], T('1.12:30:55.123')],
  [[long(12), long(30)], T('12:30:00')],
]);
table('unixtime_seconds_todatetime', [[[long(1546300800)], D('2019-01-01')]]);
table('unixtime_milliseconds_todatetime', [[[long(1546300800123)], D('2019-01-01 00:00:00.123')]]);
table('todatetime', [
  [[str('2015-12-31 23:59:59.9')], D('2015-12-31 23:59:59.9')],
  [[str('12-02-2022')], D('2022-12-02')],
  [[str('bad')], null],
]);

test('now() and ago() are bound as non-deterministic', () => {
  const r = callTyped('ago', ts('1h'));
  assert.equal(r.type, 'datetime');
  void int;
});
