/**
 * Date and time functions: now, ago, bin/floor, bin_at, startofday..endofyear, datetime_add,
 * datetime_diff, datetime_part, dayofweek, dayofmonth, dayofyear, hourofday, getmonth/monthofyear,
 * getyear, weekofyear/week_of_year, format_datetime, format_timespan, make_datetime,
 * make_timespan, unixtime_*_todatetime, datetime_list_timezones is not offered (no tz database).
 *
 * Weeks start on Sunday (startofweek-function.md); datetime bins are multiples of the bin size
 * counted from 0001-01-01, as .NET DateTime ticks are.
 */
import type { ScalarType, ScalarValue } from '../../../types/scalar.js';
import {
  MAX_DATETIME_TICKS,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  datetimeFromParts,
  datetimeParts,
  daysFromCivil,
  daysInMonth,
  isValidDatetimeTicks,
  padFraction7,
} from '../../values/datetime.js';
import { UNIX_EPOCH_TICKS } from '../../../types/scalar.js';
import type { ArgInfo, BindResult } from '../api.js';
import {
  asDatetime,
  asIndex,
  asLong,
  asReal,
  asString,
  asTimespan,
  bound,
  constantString,
  failure,
  isIntegral,
  isNumeric,
  volatileBound,
} from '../bound.js';
import { type FunctionTable, def } from './registry.js';

// ---------------------------------------------------------------------------------------------
// bin

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** bin(value, roundTo) / floor(): the multiple of roundTo at or below value (bin-function.md). */
function bindBin(value: ArgInfo, size: ArgInfo, origin?: ArgInfo): BindResult {
  const vt = value.type;
  if (vt === 'datetime' || vt === 'timespan') {
    const v = asLong(vt);
    const s = asTimespan(size.type === 'timespan' ? 'timespan' : size.type);
    const sizeOf = size.type === 'timespan' ? s : (x: ScalarValue) => asLong(size.type)(x);
    const o = origin ? (origin.type === vt ? asLong(vt) : asLong(origin.type)) : null;
    return bound(vt, (a) => {
      const x = v(a[0]!);
      const step = sizeOf(a[1]!);
      if (x === null || step === null || step <= 0n) return null;
      const base = o === null ? 0n : o(a[2]!);
      if (base === null) return null;
      const r = base + floorDiv(x - base, step) * step;
      return vt === 'datetime' && !isValidDatetimeTicks(r) ? null : r;
    });
  }
  if (!isNumeric(vt)) return failure(`bin() cannot round values of type ${vt}.`, 0);
  if (isIntegral(vt) && isIntegral(size.type) && (origin === undefined || isIntegral(origin.type))) {
    const v = asLong(vt);
    const s = asLong(size.type);
    const o = origin ? asLong(origin.type) : null;
    return bound('long', (a) => {
      const x = v(a[0]!);
      const step = s(a[1]!);
      if (x === null || step === null || step <= 0n) return null;
      const base = o === null ? 0n : o(a[2]!);
      if (base === null) return null;
      return base + floorDiv(x - base, step) * step;
    });
  }
  const v = asReal(vt);
  const s = asReal(size.type);
  const o = origin ? asReal(origin.type) : null;
  const resultType: ScalarType = vt === 'decimal' ? 'decimal' : 'real';
  return bound(resultType, (a) => {
    const x = v(a[0]!);
    const step = s(a[1]!);
    if (x === null || step === null || !(step > 0)) return null;
    const base = o === null ? 0 : o(a[2]!);
    if (base === null) return null;
    return base + Math.floor((x - base) / step) * step;
  });
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

/** Day number (since 0001-01-01, a Monday) of the Sunday starting the week that holds `day`. */
function weekStartDay(day: number): number {
  // 0001-01-01 is a Monday: (day + 1) % 7 is 0 on Sundays.
  return day - ((day + 1) % 7);
}

function ticksOfDay(day: number): bigint {
  return BigInt(day) * TICKS_PER_DAY;
}

type Unit =
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'millisecond'
  | 'microsecond'
  | 'nanosecond';

const UNIT_NAMES: Readonly<Record<string, Unit>> = {
  year: 'year',
  years: 'year',
  quarter: 'quarter',
  quarters: 'quarter',
  month: 'month',
  months: 'month',
  week: 'week',
  weeks: 'week',
  day: 'day',
  days: 'day',
  hour: 'hour',
  hours: 'hour',
  minute: 'minute',
  minutes: 'minute',
  second: 'second',
  seconds: 'second',
  millisecond: 'millisecond',
  milliseconds: 'millisecond',
  microsecond: 'microsecond',
  microseconds: 'microsecond',
  nanosecond: 'nanosecond',
  nanoseconds: 'nanosecond',
};

const FIXED_UNIT_TICKS: Partial<Record<Unit, bigint>> = {
  week: 7n * TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  millisecond: 10_000n,
  microsecond: 10n,
};

function unitOf(text: string): Unit | undefined {
  return UNIT_NAMES[text.trim().toLowerCase()];
}

/** A unit argument: resolved at bind time when constant. */
function unitArg(arg: ArgInfo, name: string): ((v: ScalarValue) => Unit | undefined) | BindResult {
  const constant = constantString(arg);
  if (constant !== undefined) {
    const unit = unitOf(constant);
    if (unit === undefined) return failure(`${name}(): unknown period '${constant}'.`, 0);
    return () => unit;
  }
  const text = asString(arg.type);
  return (v) => unitOf(text(v));
}

function isBindFailureLike(x: unknown): x is BindResult {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** Adds `amount` calendar months, clamping the day to the target month's length (.NET AddMonths). */
function addMonths(ticks: bigint, amount: number): bigint | null {
  const p = datetimeParts(ticks);
  const total = p.year * 12 + (p.month - 1) + amount;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) return null;
  const day = Math.min(p.day, daysInMonth(year, month));
  return ticksOfDay(daysFromCivil(year, month, day)) + BigInt(p.timeOfDay);
}

/** datetime_add(period, amount, datetime) (datetime-add-function.md). */
function datetimeAdd(unit: Unit, amount: bigint, ticks: bigint): bigint | null {
  let r: bigint | null;
  switch (unit) {
    case 'year':
      r = addMonths(ticks, Number(amount) * 12);
      break;
    case 'quarter':
      r = addMonths(ticks, Number(amount) * 3);
      break;
    case 'month':
      r = addMonths(ticks, Number(amount));
      break;
    case 'nanosecond':
      r = ticks + amount / 100n;
      break;
    default:
      r = ticks + amount * FIXED_UNIT_TICKS[unit]!;
  }
  return r !== null && isValidDatetimeTicks(r) ? r : null;
}

/** datetime_diff(period, dt1, dt2): period boundaries crossed from dt2 to dt1 (datetime-diff-function.md). */
function datetimeDiff(unit: Unit, a: bigint, b: bigint): bigint {
  switch (unit) {
    case 'year':
      return BigInt(datetimeParts(a).year - datetimeParts(b).year);
    case 'quarter': {
      const pa = datetimeParts(a);
      const pb = datetimeParts(b);
      return BigInt(
        pa.year * 4 + Math.floor((pa.month - 1) / 3) - (pb.year * 4 + Math.floor((pb.month - 1) / 3)),
      );
    }
    case 'month': {
      const pa = datetimeParts(a);
      const pb = datetimeParts(b);
      return BigInt(pa.year * 12 + pa.month - (pb.year * 12 + pb.month));
    }
    case 'week': {
      const da = Number(a / TICKS_PER_DAY);
      const db = Number(b / TICKS_PER_DAY);
      return BigInt((weekStartDay(da) - weekStartDay(db)) / 7);
    }
    case 'nanosecond':
      return (a - b) * 100n;
    default: {
      const size = FIXED_UNIT_TICKS[unit]!;
      return a / size - b / size;
    }
  }
}

/** datetime_part(part, datetime) (datetime-part-function.md). */
function datetimePart(part: string, ticks: bigint): bigint | null {
  const p = datetimeParts(ticks);
  switch (part) {
    case 'year':
      return BigInt(p.year);
    case 'quarter':
      return BigInt(Math.floor((p.month - 1) / 3) + 1);
    case 'month':
      return BigInt(p.month);
    case 'week_of_year':
    case 'weekofyear':
    case 'week':
      return BigInt(isoWeek(ticks));
    case 'day':
      return BigInt(p.day);
    case 'dayofyear':
      return BigInt(p.dayNumber - daysFromCivil(p.year, 1, 1) + 1);
    case 'hour':
      return BigInt(p.hour);
    case 'minute':
      return BigInt(p.minute);
    case 'second':
      return BigInt(p.second);
    case 'millisecond':
      return BigInt(Math.floor(p.fraction / 10_000));
    case 'microsecond':
      return BigInt(Math.floor(p.fraction / 10));
    case 'nanosecond':
      return BigInt(p.fraction * 100);
    default:
      return null;
  }
}

/** ISO 8601 week number (week-of-year-function.md: "based on the ISO 8601 standard"). */
export function isoWeek(ticks: bigint): number {
  const day = Number(ticks / TICKS_PER_DAY);
  const weekday = day % 7; // 0 = Monday
  const thursday = day - weekday + 3;
  const { year } = datetimeParts(ticksOfDay(thursday));
  const jan1 = daysFromCivil(year, 1, 1);
  return Math.floor((thursday - jan1) / 7) + 1;
}

// ---------------------------------------------------------------------------------------------
// startof / endof

type Period = 'day' | 'week' | 'month' | 'year';

/** The start of the period holding `ticks`, shifted by `offset` periods. */
function startOf(period: Period, ticks: bigint, offset: number): bigint | null {
  const day = Number(ticks / TICKS_PER_DAY);
  let r: bigint | null;
  switch (period) {
    case 'day':
      r = ticksOfDay(day + offset);
      break;
    case 'week':
      r = ticksOfDay(weekStartDay(day) + offset * 7);
      break;
    case 'month': {
      const p = datetimeParts(ticks);
      r = addMonths(ticksOfDay(daysFromCivil(p.year, p.month, 1)), offset);
      break;
    }
    case 'year': {
      const p = datetimeParts(ticks);
      const year = p.year + offset;
      r = year < 1 || year > 9999 ? null : ticksOfDay(daysFromCivil(year, 1, 1));
      break;
    }
  }
  return r !== null && isValidDatetimeTicks(r) ? r : null;
}

function endOf(period: Period, ticks: bigint, offset: number): bigint | null {
  const start = startOf(period, ticks, offset);
  if (start === null) return null;
  const next =
    period === 'year' && datetimeParts(start).year === 9999
      ? MAX_DATETIME_TICKS + 1n
      : startOf(period, start, 1);
  return next === null ? MAX_DATETIME_TICKS : next - 1n;
}

function periodFunction(kind: 'start' | 'end', period: Period) {
  const f = kind === 'start' ? startOf : endOf;
  return def(1, 2, (args) => {
    const d = asDatetime(args[0]!.type);
    const off = args[1] ? asIndex(args[1].type) : () => 0;
    return bound('datetime', (a) => {
      const t = d(a[0]!);
      const o = off(a[1] ?? 0);
      if (t === null || o === null) return null;
      return f(period, t, o);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// format_datetime / format_timespan

const FORMAT_LETTERS = new Set(['d', 'f', 'F', 'h', 'H', 'm', 'M', 's', 'y', 't']);

type Token = string | { letter: string; count: number };

/** Splits a format into specifier runs (`yyyy`, `fff`) and literal delimiters. */
function tokenizeFormat(format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length;) {
    const c = format[i]!;
    if (FORMAT_LETTERS.has(c)) {
      let j = i;
      while (format[j] === c) j++;
      tokens.push({ letter: c, count: j - i });
      i = j;
    } else if (c === '\\' && i + 1 < format.length) {
      tokens.push(format[i + 1]!);
      i += 2;
    } else {
      tokens.push(c);
      i++;
    }
  }
  return tokens;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fractionDigits(fraction: number, count: number, optional: boolean): string {
  const digits = padFraction7(fraction).slice(0, Math.min(count, 7));
  if (!optional) return digits;
  // F: trailing zeros dropped; all zero prints nothing (format-datetime-function.md).
  return digits.replace(/0+$/, '');
}

/** format_datetime(date, format) (format-datetime-function.md). */
export function compileDatetimeFormat(format: string): (ticks: bigint) => string {
  const tokens = tokenizeFormat(format);
  return (ticks) => {
    const p = datetimeParts(ticks);
    let out = '';
    for (const t of tokens) {
      if (typeof t === 'string') {
        out += t;
        continue;
      }
      const { letter, count } = t;
      switch (letter) {
        case 'd':
          out += count === 1 ? String(p.day) : pad(p.day, 2);
          break;
        case 'f':
        case 'F':
          out += fractionDigits(p.fraction, count, letter === 'F');
          break;
        case 'h': {
          const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
          out += count === 1 ? String(h12) : pad(h12, 2);
          break;
        }
        case 'H':
          out += count === 1 ? String(p.hour) : pad(p.hour, 2);
          break;
        case 'm':
          out += count === 1 ? String(p.minute) : pad(p.minute, 2);
          break;
        case 'M':
          out += count === 1 ? String(p.month) : pad(p.month, 2);
          break;
        case 's':
          out += count === 1 ? String(p.second) : pad(p.second, 2);
          break;
        case 'y':
          out += count === 1 ? String(p.year % 100) : count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
          break;
        case 't':
          out += (p.hour < 12 ? 'AM' : 'PM').slice(0, count === 1 ? 1 : 2);
          break;
      }
    }
    return out;
  };
}

/** format_timespan(timespan, format): d (days), h/H, m, s, f/F as for datetimes (format-timespan-function.md). */
export function compileTimespanFormat(format: string): (ticks: bigint) => string {
  const tokens = tokenizeFormat(format);
  return (ticks) => {
    const negative = ticks < 0n;
    const abs = negative ? -ticks : ticks;
    const days = Number(abs / TICKS_PER_DAY);
    const rest = Number(abs % TICKS_PER_DAY);
    const seconds = Math.floor(rest / 10_000_000);
    const fraction = rest - seconds * 10_000_000;
    const hour = Math.floor(seconds / 3600);
    const minute = Math.floor(seconds / 60) % 60;
    const second = seconds % 60;
    let out = negative ? '-' : '';
    for (const t of tokens) {
      if (typeof t === 'string') {
        out += t;
        continue;
      }
      const { letter, count } = t;
      switch (letter) {
        case 'd':
          out += pad(days, count);
          break;
        case 'h':
        case 'H':
          out += pad(hour, count);
          break;
        case 'm':
          out += pad(minute, count);
          break;
        case 's':
          out += pad(second, count);
          break;
        case 'f':
        case 'F':
          out += fractionDigits(fraction, count, letter === 'F');
          break;
        default:
          out += letter.repeat(count);
      }
    }
    return out;
  };
}

function formatDef(kind: 'datetime' | 'timespan') {
  const compile = kind === 'datetime' ? compileDatetimeFormat : compileTimespanFormat;
  return def(2, 2, (args) => {
    const v = kind === 'datetime' ? asDatetime(args[0]!.type) : asTimespan(args[0]!.type);
    const constant = constantString(args[1]);
    const fixed = constant === undefined ? null : compile(constant);
    const fmt = asString(args[1]!.type);
    return bound('string', (a) => {
      const t = v(a[0]!);
      if (t === null) return '';
      return (fixed ?? compile(fmt(a[1]!)))(t);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Table

function partFunction(f: (ticks: bigint) => ScalarValue, resultType: ScalarType) {
  return def(1, 1, (args) => {
    const d = asDatetime(args[0]!.type);
    return bound(resultType, (a) => {
      const t = d(a[0]!);
      return t === null ? null : f(t);
    });
  });
}

function unixToDatetime(ticksPerUnit: number) {
  return def(1, 1, (args) => {
    const v = asReal(args[0]!.type);
    return bound('datetime', (a) => {
      const x = v(a[0]!);
      if (x === null || !Number.isFinite(x)) return null;
      const r = UNIX_EPOCH_TICKS + BigInt(Math.round(x * ticksPerUnit));
      return isValidDatetimeTicks(r) ? r : null;
    });
  });
}

export const datetimeFunctions: FunctionTable = {
  now: def(0, 1, (args) => {
    const off = args[0] ? asTimespan(args[0].type) : null;
    return volatileBound('datetime', (a, ctx) => {
      if (off === null) return ctx.now;
      const o = off(a[0]!);
      return o === null ? null : ctx.now + o;
    });
  }),
  ago: def(1, 1, (args) => {
    const span = asTimespan(args[0]!.type);
    return volatileBound('datetime', (a, ctx) => {
      const s = span(a[0]!);
      return s === null ? null : ctx.now - s;
    });
  }),
  bin: def(2, 2, (args) => bindBin(args[0]!, args[1]!)),
  floor: def(2, 2, (args) => bindBin(args[0]!, args[1]!)),
  bin_at: def(3, 3, (args) => bindBin(args[0]!, args[1]!, args[2]!)),
  startofday: periodFunction('start', 'day'),
  startofweek: periodFunction('start', 'week'),
  startofmonth: periodFunction('start', 'month'),
  startofyear: periodFunction('start', 'year'),
  endofday: periodFunction('end', 'day'),
  endofweek: periodFunction('end', 'week'),
  endofmonth: periodFunction('end', 'month'),
  endofyear: periodFunction('end', 'year'),
  datetime_add: def(3, 3, (args, name) => {
    const unit = unitArg(args[0]!, name);
    if (isBindFailureLike(unit)) return unit;
    const amount = asLong(args[1]!.type);
    const d = asDatetime(args[2]!.type);
    return bound('datetime', (a) => {
      const u = unit(a[0]!);
      const n = amount(a[1]!);
      const t = d(a[2]!);
      if (u === undefined || n === null || t === null) return null;
      return datetimeAdd(u, n, t);
    });
  }),
  datetime_diff: def(3, 3, (args, name) => {
    const unit = unitArg(args[0]!, name);
    if (isBindFailureLike(unit)) return unit;
    const d1 = asDatetime(args[1]!.type);
    const d2 = asDatetime(args[2]!.type);
    return bound('long', (a) => {
      const u = unit(a[0]!);
      const x = d1(a[1]!);
      const y = d2(a[2]!);
      if (u === undefined || x === null || y === null) return null;
      return datetimeDiff(u, x, y);
    });
  }),
  datetime_part: def(2, 2, (args) => {
    const part = asString(args[0]!.type);
    const d = asDatetime(args[1]!.type);
    return bound('int', (a) => {
      const t = d(a[1]!);
      if (t === null) return null;
      const r = datetimePart(part(a[0]!).trim().toLowerCase(), t);
      return r === null ? null : Number(r);
    });
  }),
  dayofweek: partFunction((t) => BigInt((Number(t / TICKS_PER_DAY) + 1) % 7) * TICKS_PER_DAY, 'timespan'),
  dayofmonth: partFunction((t) => datetimeParts(t).day, 'int'),
  dayofyear: partFunction((t) => {
    const p = datetimeParts(t);
    return p.dayNumber - daysFromCivil(p.year, 1, 1) + 1;
  }, 'int'),
  hourofday: partFunction((t) => datetimeParts(t).hour, 'int'),
  getmonth: partFunction((t) => datetimeParts(t).month, 'int'),
  monthofyear: partFunction((t) => datetimeParts(t).month, 'int'),
  getyear: partFunction((t) => datetimeParts(t).year, 'int'),
  weekofyear: partFunction(isoWeek, 'int'),
  week_of_year: partFunction(isoWeek, 'int'),
  format_datetime: formatDef('datetime'),
  format_timespan: formatDef('timespan'),
  make_datetime: def(1, 7, (args) => {
    const parts = args.map((x, i) => (i === 5 ? asReal(x.type) : asIndex(x.type)));
    return bound('datetime', (a) => {
      const v = parts.map((p, i) => p(a[i]!));
      if (v.some((x) => x === null)) return null;
      const [y, mo = 1, d = 1, h = 0, mi = 0, s = 0] = v as number[];
      const whole = Math.floor(s);
      return datetimeFromParts(y!, mo, d, h, mi, whole, Math.round((s - whole) * 1e7));
    });
  }),
  make_timespan: def(1, 5, (args) => {
    const parts = args.map((x, i) => (i === args.length - 1 ? asReal(x.type) : asIndex(x.type)));
    return bound('timespan', (a) => {
      const v = parts.map((p, i) => p(a[i]!));
      if (v.some((x) => x === null)) return null;
      // make_timespan(hour, minute), (hour, minute, second), (day, hour, minute, second).
      const n = v as number[];
      const [d, h, m, s] =
        n.length === 2
          ? [0, n[0]!, n[1]!, 0]
          : n.length === 3
            ? [0, n[0]!, n[1]!, n[2]!]
            : n.length === 1
              ? [0, n[0]!, 0, 0]
              : [n[0]!, n[1]!, n[2]!, n[3]!];
      return (
        BigInt(d) * TICKS_PER_DAY +
        BigInt(h) * TICKS_PER_HOUR +
        BigInt(m) * TICKS_PER_MINUTE +
        BigInt(Math.round(s * 1e7))
      );
    });
  }),
  unixtime_seconds_todatetime: unixToDatetime(1e7),
  unixtime_milliseconds_todatetime: unixToDatetime(1e4),
  unixtime_microseconds_todatetime: unixToDatetime(10),
  unixtime_nanoseconds_todatetime: unixToDatetime(0.01),
};
