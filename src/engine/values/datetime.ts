/**
 * Kusto's `datetime`: 100-ns ticks since 0001-01-01T00:00:00Z, as a bigint (src/types/scalar.ts).
 *
 * Parses every text form `datetime(...)` and `todatetime()` accept (scalar-data-types/datetime.md:
 * ISO 8601, RFC 822, RFC 850, "sortable"; plus the US `MM-dd-yyyy` form the todatetime page
 * compares against) and prints the form `tostring()` gives.
 */

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 600_000_000n;
export const TICKS_PER_HOUR = 36_000_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** 9999-12-31T23:59:59.9999999: .NET's DateTime.MaxValue. */
export const MAX_DATETIME_TICKS = 3_155_378_975_999_999_999n;
export const MIN_DATETIME_TICKS = 0n;

const TICKS_PER_DAY_NUMBER = 864_000_000_000;

/** Days from 0001-01-01 to the given proleptic Gregorian date (month 1..12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Shift the year so it starts in March: the leap day is then the year's last day.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // era*146097 + dayOfEra counts from 0000-03-01; 0001-01-01 is day 306 of that count.
  return era * 146097 + dayOfEra - 306;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The date `days` after 0001-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 306;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Broken-down UTC time of a datetime value. */
export interface DatetimeParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  /** Ticks within the second, 0..9_999_999. */
  fraction: number;
  /** Days since 0001-01-01. */
  dayNumber: number;
  /** Ticks since midnight. */
  timeOfDay: number;
}

export function datetimeParts(ticks: bigint): DatetimeParts {
  const dayNumber = Number(ticks / TICKS_PER_DAY);
  const timeOfDay = Number(ticks - BigInt(dayNumber) * TICKS_PER_DAY);
  const { year, month, day } = civilFromDays(dayNumber);
  const seconds = Math.floor(timeOfDay / 10_000_000);
  return {
    year,
    month,
    day,
    hour: Math.floor(seconds / 3600),
    minute: Math.floor(seconds / 60) % 60,
    second: seconds % 60,
    fraction: timeOfDay - seconds * 10_000_000,
    dayNumber,
    timeOfDay,
  };
}

/** Ticks of a valid date and time; null when a field is out of range. */
export function datetimeFromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  fraction = 0,
): bigint | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (fraction < 0 || fraction > 9_999_999) return null;
  const days = daysFromCivil(year, month, day);
  const timeTicks = ((hour * 60 + minute) * 60 + second) * 10_000_000 + fraction;
  return BigInt(days) * TICKS_PER_DAY + BigInt(timeTicks);
}

export function isValidDatetimeTicks(ticks: bigint): boolean {
  return ticks >= MIN_DATETIME_TICKS && ticks <= MAX_DATETIME_TICKS;
}

// ---------------------------------------------------------------------------------------------
// Printing

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function pad4(n: number): string {
  return n < 10 ? '000' + n : n < 100 ? '00' + n : n < 1000 ? '0' + n : String(n);
}

/** Seven digits of a tick fraction: `0050000`. */
export function padFraction7(fraction: number): string {
  return String(fraction).padStart(7, '0');
}

/**
 * `tostring(datetime)`: `2021-01-01T10:00:00.0000000Z`, always seven fraction digits (.NET's
 * round-trip "o" form). Evidence: hash-sha1-function.md gives hash_sha1(datetime(2020-01-01)) =
 * e903e533f4d636b4fc0dcf3cf81e7b7f330de776, the SHA-1 of exactly "2020-01-01T00:00:00.0000000Z";
 * dynamic values print datetimes the same way (find-operator.md: "2021-05-26T08:30:00.0000000Z").
 * See docs/SEMANTICS.md, "datetime printing".
 */
export function formatDatetime(ticks: bigint): string {
  const p = datetimeParts(ticks);
  return (
    pad4(p.year) +
    '-' +
    pad2(p.month) +
    '-' +
    pad2(p.day) +
    'T' +
    pad2(p.hour) +
    ':' +
    pad2(p.minute) +
    ':' +
    pad2(p.second) +
    '.' +
    padFraction7(p.fraction) +
    'Z'
  );
}

/** A datetime inside a dynamic value's JSON: the same form as tostring(). */
export const formatDatetimeForJson = formatDatetime;

/**
 * The short display form result grids use (`2021-01-01T10:00:00Z`, the fraction only when it is
 * not zero): for output writers, never for tostring().
 */
export function formatDatetimeShort(ticks: bigint): string {
  const full = formatDatetime(ticks);
  return full.endsWith('.0000000Z') ? full.slice(0, -9) + 'Z' : full;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const WEEKDAYS = new Set([
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** RFC 822 zone names, offsets in minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  gmt: 0,
  utc: 0,
  ut: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Minutes east of UTC for `Z`, `GMT`, `+05:00`, `-0800`; undefined when not a zone. */
function parseZone(text: string): number | undefined {
  const named = ZONES[text.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  const total = hours * 60 + minutes;
  return m[1] === '-' ? -total : total;
}

/** Up to seven fraction digits as ticks; further digits are dropped (truncation). */
function fractionTicks(digits: string | undefined): number {
  if (!digits) return 0;
  return Number(digits.slice(0, 7).padEnd(7, '0'));
}

/** RFC 850 two-digit years: 00..29 are 20xx, 30..99 19xx (the .NET invariant cutoff, 2029). */
function expandYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function withZone(local: bigint | null, zone: string | undefined): bigint | null {
  if (local === null) return null;
  if (zone === undefined || zone === '') return local;
  const minutes = parseZone(zone);
  if (minutes === undefined) return null;
  const utc = local - BigInt(minutes) * TICKS_PER_MINUTE;
  return isValidDatetimeTicks(utc) ? utc : null;
}

// ISO 8601 and "sortable": 2014-05-25T08:20:03.123456Z, 2014-11-08 15:05 GMT, 2014-11-8, 2014/11/08.
const ISO_FORM =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,3})?$/;
// RFC 822 / RFC 850: [Sat, ]8 Nov 14 15:05:02 GMT, [Saturday, ]08-Nov-14 15:05 GMT.
const RFC_FORM =
  /^(?:([A-Za-z]+),?\s+)?(\d{1,2})([ -])([A-Za-z]{3})\3(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s+(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,3}))?$/;
// US month-first dates (todatetime('12-02-2022') in todatetime-function.md): MM-dd-yyyy, MM/dd/yyyy.
const US_FORM =
  /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[A-Za-z]{1,3})?$/;

/** The value of the `count` decimal digits at `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The form kqlhunt itself writes (and logs mostly hold), `2014-05-25T08:20:03[.1234567]Z`, read
 * without a regular expression: dynamic values keep datetimes as this text, so it is parsed often.
 * Undefined when the text has another form (the general parser decides then).
 */
function parseCanonical(text: string): bigint | null | undefined {
  const n = text.length;
  if (n < 20 || n > 28 || text.charCodeAt(n - 1) !== 90 /* Z */) return undefined;
  if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
    return undefined;
  let fraction = 0;
  if (n > 20) {
    if (text[19] !== '.' || n === 21) return undefined;
    fraction = digitsAt(text, 20, n - 21);
    if (fraction < 0) return undefined;
    for (let i = n - 21; i < 7; i++) fraction *= 10;
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if ((year | month | day | hour | minute | second) < 0) return undefined;
  return datetimeFromParts(year, month, day, hour, minute, second, fraction);
}

/** Parses a datetime text form; null when it is none of them or out of range. */
export function parseDatetime(input: string): bigint | null {
  const canonical = parseCanonical(input);
  if (canonical !== undefined) return canonical;
  const text = input.trim();
  if (text.length === 0 || text.length > 64) return null;
  let m = ISO_FORM.exec(text);
  if (m) {
    const local = datetimeFromParts(
      Number(m[1]),
      Number(m[3]),
      Number(m[4]),
      m[5] === undefined ? 0 : Number(m[5]),
      m[6] === undefined ? 0 : Number(m[6]),
      m[7] === undefined ? 0 : Number(m[7]),
      fractionTicks(m[8]),
    );
    return withZone(local, m[9]);
  }
  m = RFC_FORM.exec(text);
  if (m) {
    if (m[1] !== undefined && !WEEKDAYS.has(m[1].toLowerCase())) return null;
    const month = MONTHS[m[4]!.toLowerCase()];
    if (month === undefined) return null;
    const local = datetimeFromParts(
      expandYear(m[5]!),
      month,
      Number(m[2]),
      Number(m[6]),
      Number(m[7]),
      m[8] === undefined ? 0 : Number(m[8]),
      fractionTicks(m[9]),
    );
    return withZone(local, m[10]);
  }
  m = US_FORM.exec(text);
  if (m) {
    const local = datetimeFromParts(
      Number(m[4]),
      Number(m[1]),
      Number(m[3]),
      m[5] === undefined ? 0 : Number(m[5]),
      m[6] === undefined ? 0 : Number(m[6]),
      m[7] === undefined ? 0 : Number(m[7]),
      fractionTicks(m[8]),
    );
    return withZone(local, m[9]);
  }
  return null;
}

export function datetimeToUnixMilliseconds(ticks: bigint): number {
  return Number((ticks - 621_355_968_000_000_000n) / TICKS_PER_MILLISECOND);
}

export { TICKS_PER_DAY_NUMBER };
