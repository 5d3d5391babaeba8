// Datetime text forms: scalar-data-types/datetime.md's tables, and printing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_DATETIME_TICKS,
  civilFromDays,
  datetimeFromParts,
  daysFromCivil,
  formatDatetime,
  formatDatetimeShort,
  parseDatetime,
} from '../../src/engine/values/datetime.js';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, f = 0) =>
  datetimeFromParts(y, mo, d, h, mi, s, f);

describe('parseDatetime: every documented form', () => {
  const cases: [string, bigint | null][] = [
    // ISO 8601
    ['2014-05-25T08:20:03.123456Z', at(2014, 5, 25, 8, 20, 3, 1234560)],
    ['2014-05-25T08:20:03.123456', at(2014, 5, 25, 8, 20, 3, 1234560)],
    ['2014-05-25T08:20', at(2014, 5, 25, 8, 20)],
    ['2014-11-08 15:55:55.123456Z', at(2014, 11, 8, 15, 55, 55, 1234560)],
    ['2014-11-08 15:55:55', at(2014, 11, 8, 15, 55, 55)],
    ['2014-11-08 15:55', at(2014, 11, 8, 15, 55)],
    ['2014-11-08', at(2014, 11, 8)],
    ['2015-12-31 23:59:59.9', at(2015, 12, 31, 23, 59, 59, 9_000_000)],
    ['2021-01-01T10:00:00.1234567Z', at(2021, 1, 1, 10, 0, 0, 1234567)],
    ['2021-01-01T10:00:00.123456789Z', at(2021, 1, 1, 10, 0, 0, 1234567)],
    ['2021-01-01T10:00:00+02:00', at(2021, 1, 1, 8)],
    ['2021-01-01T01:00:00-0230', at(2021, 1, 1, 3, 30)],
    // RFC 822
    ['Sat, 8 Nov 14 15:05:02 GMT', at(2014, 11, 8, 15, 5, 2)],
    ['Sat, 8 Nov 14 15:05:02', at(2014, 11, 8, 15, 5, 2)],
    ['Sat, 8 Nov 14 15:05', at(2014, 11, 8, 15, 5)],
    ['Sat, 8 Nov 14 15:05 GMT', at(2014, 11, 8, 15, 5)],
    ['8 Nov 14 15:05:02 GMT', at(2014, 11, 8, 15, 5, 2)],
    ['8 Nov 14 15:05', at(2014, 11, 8, 15, 5)],
    ['8 Nov 14 15:05 EST', at(2014, 11, 8, 20, 5)],
    // RFC 850
    ['Saturday, 08-Nov-14 15:05:02 GMT', at(2014, 11, 8, 15, 5, 2)],
    ['Saturday, 08-Nov-14 15:05', at(2014, 11, 8, 15, 5)],
    ['08-Nov-14 15:05:02 GMT', at(2014, 11, 8, 15, 5, 2)],
    ['08-Nov-14 15:05', at(2014, 11, 8, 15, 5)],
    // Sortable
    ['2014-11-8 15:05:25', at(2014, 11, 8, 15, 5, 25)],
    ['2014-11-08 15:05:25 GMT', at(2014, 11, 8, 15, 5, 25)],
    ['2014-11-08T15:05 GMT', at(2014, 11, 8, 15, 5)],
    // todatetime-function.md compares todatetime('12-02-2022') with datetime('12-02-2022')
    ['12-02-2022', at(2022, 12, 2)],
    // range
    ['0001-01-01', 0n],
    ['9999-12-31T23:59:59.9999999Z', MAX_DATETIME_TICKS],
    ['0001-01-01T00:00:00+01:00', null],
    ['10000-01-01', null],
    // invalid
    ['2021-02-29', null],
    ['2020-02-29', at(2020, 2, 29)],
    ['2021-13-01', null],
    ['2021-01-01 24:00', null],
    ['Sun, 8 Nov 14 15:05', at(2014, 11, 8, 15, 5)],
    ['Xyz, 8 Nov 14 15:05', null],
    ['', null],
    ['yesterday', null],
    // The canonical form (read without a regular expression) and its near misses.
    ['2017-10-01T00:00:30.0000000Z', at(2017, 10, 1, 0, 0, 30)],
    ['2017-10-01T00:00:30Z', at(2017, 10, 1, 0, 0, 30)],
    ['2017-10-01T00:00:30.5Z', at(2017, 10, 1, 0, 0, 30, 5_000_000)],
    ['2017-10-01T00:00:30.Z', null],
    ['2017-10-01T00:00:3a.0000000Z', null],
    ['2017-02-30T00:00:00.0000000Z', null],
    ['2017-10-01T24:00:00.0000000Z', null],
    [' 2017-10-01T00:00:30Z ', at(2017, 10, 1, 0, 0, 30)],
  ];
  for (const [text, expected] of cases)
    test(JSON.stringify(text), () => assert.equal(parseDatetime(text), expected));
});

describe('formatDatetime', () => {
  const cases: [bigint, string, string][] = [
    [at(2021, 1, 1, 10)!, '2021-01-01T10:00:00.0000000Z', '2021-01-01T10:00:00Z'],
    [at(2021, 1, 1, 10, 0, 0, 1234567)!, '2021-01-01T10:00:00.1234567Z', '2021-01-01T10:00:00.1234567Z'],
    [at(2021, 1, 1, 10, 0, 0, 5_000_000)!, '2021-01-01T10:00:00.5000000Z', '2021-01-01T10:00:00.5000000Z'],
    [0n, '0001-01-01T00:00:00.0000000Z', '0001-01-01T00:00:00Z'],
    [MAX_DATETIME_TICKS, '9999-12-31T23:59:59.9999999Z', '9999-12-31T23:59:59.9999999Z'],
    // scalar-data-types/datetime.md: ticks 31241376000000000 is 0100-01-01.
    [31241376000000000n, '0100-01-01T00:00:00.0000000Z', '0100-01-01T00:00:00Z'],
  ];
  for (const [ticks, full, short] of cases) {
    test(full, () => {
      assert.equal(formatDatetime(ticks), full);
      assert.equal(formatDatetimeShort(ticks), short);
      assert.equal(parseDatetime(full), ticks);
    });
  }
  test('civil conversion round-trips every 97th day of the range', () => {
    const last = daysFromCivil(9999, 12, 31);
    for (let day = 0; day <= last; day += 97) {
      const { year, month, day: d } = civilFromDays(day);
      assert.equal(daysFromCivil(year, month, d), day);
    }
    assert.equal(last, 3652058);
  });
});
