// datetime_utc_to_local / datetime_local_to_utc: the reference pages' examples, including the
// daylight-saving gap, the repeated hour, and unknown time zones.
import { table } from './function-table.js';
import { dt, nul, str } from './support.js';

const v = (text: string) => dt(text).value;

table('datetime_local_to_utc', [
  [[dt('2020-02-02 20:02:20'), str('US/Pacific')], v('2020-02-03 04:02:20'), 'datetime'],
  [[dt('2020-02-02 20:02:20'), str('America/Chicago')], v('2020-02-03 02:02:20')],
  [[dt('2020-02-02 20:02:20'), str('Europe/Paris')], v('2020-02-02 19:02:20')],
  // Brussels, 2022-03-27: clocks go from 02:00 to 03:00.
  [[dt('2022-03-27 01:00'), str('Europe/Brussels')], v('2022-03-27 00:00')],
  [[dt('2022-03-27 02:00'), str('Europe/Brussels')], v('2022-03-27 00:00')],
  [[dt('2022-03-27 03:00'), str('Europe/Brussels')], v('2022-03-27 01:00')],
  [[dt('2022-03-27 04:00'), str('Europe/Brussels')], v('2022-03-27 02:00')],
  // 2022-10-30 02:30 happens twice in Brussels: standard time (+01:00) is chosen.
  [[dt('2022-10-30 02:30'), str('Europe/Brussels')], v('2022-10-30 01:30')],
  [[dt('2022-01-01 00:00:00.1234567'), str('UTC')], v('2022-01-01 00:00:00.1234567')],
  [[dt('2022-01-01'), str('Not/AZone')], null],
  [[nul('datetime'), str('UTC')], null],
]);
table('datetime_utc_to_local', [
  [[dt('2022-07-11 22:18:48.4678620'), str('US/Pacific')], v('2022-07-11 15:18:48.4678620')],
  [[dt('2022-07-11 22:18:48.4678620'), str('Australia/Canberra')], v('2022-07-12 08:18:48.4678620')],
  [[dt('2022-03-27 00:00'), str('Europe/Brussels')], v('2022-03-27 01:00')],
  // Offsets with seconds: Kolkata kept Madras time, +05:21:10, until 1941 (tz database).
  [[dt('1900-01-01'), str('Asia/Kolkata')], v('1900-01-01 05:21:10')],
  [[dt('2022-01-01'), str('')], null],
]);
