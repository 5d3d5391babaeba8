/**
 * Time-zone conversions: datetime_utc_to_local(utc, timezone) and datetime_local_to_utc(local,
 * timezone), with the IANA time-zone database Node carries (Intl). An unknown time zone gives
 * null.
 *
 * Local to UTC has two awkward cases around daylight-saving changes. A local time that occurs
 * twice (clocks go back) is taken as standard time, the smaller offset. A local time that never
 * occurs (clocks go forward) takes the offset in force after the change: the reference's example
 * maps 02:00 on 2022-03-27 in Europe/Brussels to 00:00 UTC.
 */
import { UNIX_EPOCH_TICKS } from '../../../types/scalar.js';
import { asDatetime, asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

const TICKS_PER_MS = 10_000n;
const MS_PER_DAY = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatFor(zone: string): Intl.DateTimeFormat | null {
  const key = zone.trim();
  let f = formats.get(key);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: key,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f;
}

/** The zone's offset from UTC, in milliseconds, at a UTC instant (whole seconds). */
function offsetAt(format: Intl.DateTimeFormat, utcMs: number): number {
  const seconds = Math.floor(utcMs / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(seconds))) parts[p.type] = p.value;
  let year = Number(parts['year']);
  if (parts['era'] === 'BC' || parts['era'] === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(parts['month']) - 1, Number(parts['day']));
  d.setUTCHours(Number(parts['hour']), Number(parts['minute']), Number(parts['second']), 0);
  return d.getTime() - seconds;
}

function toMs(ticks: bigint): { ms: number; rest: bigint } {
  const since = ticks - UNIX_EPOCH_TICKS;
  let ms = since / TICKS_PER_MS;
  let rest = since % TICKS_PER_MS;
  if (rest < 0n) {
    rest += TICKS_PER_MS;
    ms -= 1n;
  }
  return { ms: Number(ms), rest };
}

function fromMs(ms: number, rest: bigint): bigint {
  return BigInt(ms) * TICKS_PER_MS + rest + UNIX_EPOCH_TICKS;
}

export function utcToLocal(ticks: bigint, zone: string): bigint | null {
  const format = formatFor(zone);
  if (format === null) return null;
  const { ms, rest } = toMs(ticks);
  return fromMs(ms + offsetAt(format, ms), rest);
}

export function localToUtc(ticks: bigint, zone: string): bigint | null {
  const format = formatFor(zone);
  if (format === null) return null;
  const { ms: local, rest } = toMs(ticks);
  // The offsets in force a day either side bound the ones that can apply at this local time.
  const candidates = [
    ...new Set([offsetAt(format, local - MS_PER_DAY), offsetAt(format, local + MS_PER_DAY)]),
  ];
  const valid = candidates.filter((o) => offsetAt(format, local - o) === o);
  let offset: number;
  if (valid.length > 0) offset = Math.min(...valid);
  else offset = offsetAt(format, local + MS_PER_DAY);
  return fromMs(local - offset, rest);
}

function conversion(f: (ticks: bigint, zone: string) => bigint | null) {
  return def(2, 2, (args) => {
    const dt = asDatetime(args[0]!.type);
    const zone = asString(args[1]!.type);
    return bound('datetime', (a) => {
      const t = dt(a[0]!);
      return t === null ? null : f(t, zone(a[1]!));
    });
  });
}

export const timezoneFunctions: FunctionTable = {
  datetime_utc_to_local: conversion(utcToLocal),
  datetime_local_to_utc: conversion(localToUtc),
};
