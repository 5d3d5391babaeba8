/**
 * Kusto's `timespan`: a signed count of 100-ns ticks, as a bigint (src/types/scalar.ts).
 *
 * Literal forms (scalar-data-types/timespan.md): `2d`, `1.5h`, `30m`, `10s`, `100ms`,
 * `10microsecond`, `1tick`, `15 seconds`, a bare number of days (`timespan(2)`), and the clock form
 * `[-][d.]hh:mm[:ss[.fffffff]]`. Printed as .NET's `TimeSpan` "c" format: `1.02:03:04.5000000`.
 */
import {
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  padFraction7,
} from './datetime.js';

/** Ticks per unit, by every unit name Kusto's timespan literals accept. */
const UNIT_TICKS: Readonly<Record<string, bigint>> = {
  d: TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  days: TICKS_PER_DAY,
  h: TICKS_PER_HOUR,
  hr: TICKS_PER_HOUR,
  hrs: TICKS_PER_HOUR,
  hour: TICKS_PER_HOUR,
  hours: TICKS_PER_HOUR,
  m: TICKS_PER_MINUTE,
  min: TICKS_PER_MINUTE,
  mins: TICKS_PER_MINUTE,
  minute: TICKS_PER_MINUTE,
  minutes: TICKS_PER_MINUTE,
  s: TICKS_PER_SECOND,
  sec: TICKS_PER_SECOND,
  secs: TICKS_PER_SECOND,
  second: TICKS_PER_SECOND,
  seconds: TICKS_PER_SECOND,
  ms: 10_000n,
  milli: 10_000n,
  millis: 10_000n,
  millisec: 10_000n,
  millisecond: 10_000n,
  milliseconds: 10_000n,
  microsec: 10n,
  microsecond: 10n,
  microseconds: 10n,
  tick: 1n,
  ticks: 1n,
};

/** Largest .NET TimeSpan, in ticks. */
export const MAX_TIMESPAN_TICKS = 9_223_372_036_854_775_807n;
export const MIN_TIMESPAN_TICKS = -9_223_372_036_854_775_808n;

const UNIT_FORM = /^([+-])?\s*(\d+)(?:\.(\d+))?\s*([A-Za-z]+)?$/;
const CLOCK_FORM = /^([+-])?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;
// .NET also accepts `d:hh:mm:ss` with a colon after the days.
const CLOCK_FORM_DAY_COLON = /^([+-])?(\d+):(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,7}))?$/;

/** `digits.fraction` units of `unit` ticks, exactly (truncated below one tick). */
function scaled(whole: string, fraction: string | undefined, unit: bigint): bigint {
  if (!fraction) return BigInt(whole) * unit;
  const scale = 10n ** BigInt(fraction.length);
  return ((BigInt(whole) * scale + BigInt(fraction)) * unit) / scale;
}

function inRange(ticks: bigint): bigint | null {
  return ticks >= MIN_TIMESPAN_TICKS && ticks <= MAX_TIMESPAN_TICKS ? ticks : null;
}

/** Parses a timespan literal or text form; null when it is none of them. */
export function parseTimespan(input: string): bigint | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 64) return null;
  let m = UNIT_FORM.exec(text);
  if (m) {
    const unit = m[4] === undefined ? TICKS_PER_DAY : UNIT_TICKS[m[4].toLowerCase()];
    if (unit === undefined) return null;
    const ticks = scaled(m[2]!, m[3], unit);
    return inRange(m[1] === '-' ? -ticks : ticks);
  }
  m = CLOCK_FORM.exec(text) ?? CLOCK_FORM_DAY_COLON.exec(text);
  if (m) {
    const days = m[2] === undefined ? 0n : BigInt(m[2]);
    const hours = Number(m[3]);
    const minutes = Number(m[4]);
    const seconds = m[5] === undefined ? 0 : Number(m[5]);
    if (hours > 23 || minutes > 59 || seconds > 59) return null;
    const fraction = m[6] === undefined ? 0n : BigInt(m[6].padEnd(7, '0'));
    const ticks =
      days * TICKS_PER_DAY +
      BigInt(hours) * TICKS_PER_HOUR +
      BigInt(minutes) * TICKS_PER_MINUTE +
      BigInt(seconds) * TICKS_PER_SECOND +
      fraction;
    return inRange(m[1] === '-' ? -ticks : ticks);
  }
  return null;
}

function pad2(n: bigint): string {
  return n < 10n ? '0' + n : String(n);
}

/** `tostring(timespan)`: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespan(ticks: bigint): string {
  const negative = ticks < 0n;
  const abs = negative ? -ticks : ticks;
  const days = abs / TICKS_PER_DAY;
  let rest = abs % TICKS_PER_DAY;
  const hours = rest / TICKS_PER_HOUR;
  rest %= TICKS_PER_HOUR;
  const minutes = rest / TICKS_PER_MINUTE;
  rest %= TICKS_PER_MINUTE;
  const seconds = rest / TICKS_PER_SECOND;
  const fraction = rest % TICKS_PER_SECOND;
  let out = negative ? '-' : '';
  if (days > 0n) out += days + '.';
  out += pad2(hours) + ':' + pad2(minutes) + ':' + pad2(seconds);
  if (fraction > 0n) out += '.' + padFraction7(Number(fraction));
  return out;
}
