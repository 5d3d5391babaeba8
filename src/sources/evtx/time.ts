// FILETIME and SYSTEMTIME as Windows renders them in event XML: `2025-06-08T07:15:09.2216228Z`
// (seven fractional digits, `Z`). Pure arithmetic: any 64-bit value formats, none throws.

import { FILETIME_EPOCH_TICKS } from '../../types/scalar.js';
import { u16, u32 } from './bytes.js';

const TICKS_PER_SECOND = 10_000_000;

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function ticksOf(y: number, mo: number, d: number, h: number, mi: number, s: number): bigint {
  const sec = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
  return BigInt(sec) * 10000000n + 621355968000000000n;
}

/** Civil date of a day count since 1970-01-01 (proleptic Gregorian). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

let lastSec = -1;
let lastPrefix = '';

/** `YYYY-MM-DDTHH:MM:SS` of whole seconds since 1601-01-01 (cached: neighbours share seconds). */
function secondsPrefix(sec: number): string {
  if (sec === lastSec) return lastPrefix;
  const unix = sec - 11644473600;
  const days = Math.floor(unix / 86400);
  let rem = unix - days * 86400;
  const [y, m, d] = civil(days);
  const hh = Math.floor(rem / 3600);
  rem -= hh * 3600;
  const mm = Math.floor(rem / 60);
  const ss = rem - mm * 60;
  const ys = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  lastPrefix = `${ys}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}`;
  lastSec = sec;
  return lastPrefix;
}

/** A FILETIME (two u32 halves) as Windows renders it. */
export function formatFiletimeParts(lo: number, hi: number): string {
  let sec: number;
  let frac: number;
  if (hi < 1_800_000_000) {
    // hi * 2^32 = hi * 429 * 10^7 + hi * 4967296, every term exact in a double.
    const r = hi * 4967296 + lo;
    const q = Math.floor(r / TICKS_PER_SECOND);
    sec = hi * 429 + q;
    frac = r - q * TICKS_PER_SECOND;
  } else {
    const ft = (BigInt(hi) << 32n) | BigInt(lo);
    sec = Number(ft / 10_000_000n);
    frac = Number(ft % 10_000_000n);
  }
  return secondsPrefix(sec) + '.' + String(frac).padStart(7, '0') + 'Z';
}

export function formatFiletime(b: Uint8Array, o: number): string {
  return formatFiletimeParts(u32(b, o), u32(b, o + 4));
}

/** 100-ns ticks since 0001-01-01 of a FILETIME at `o`. */
export function filetimeTicks(b: Uint8Array, o: number): bigint {
  return ((BigInt(u32(b, o + 4)) << 32n) | BigInt(u32(b, o))) + FILETIME_EPOCH_TICKS;
}

/** Ticks since 0001-01-01 as Windows renders the time (inverse of parseWindowsTime). */
export function formatTicks(ticks: bigint): string {
  const ft = ticks - FILETIME_EPOCH_TICKS;
  if (ft < 0n || ft >= 1n << 64n) return '';
  return formatFiletimeParts(Number(ft & 0xffffffffn), Number(ft >> 32n));
}

/** A SYSTEMTIME (16 bytes) as Windows renders it: milliseconds then four zeros. */
export function formatSystemtime(b: Uint8Array, o: number): string {
  const y = u16(b, o);
  const mo = u16(b, o + 2);
  const d = u16(b, o + 6);
  const h = u16(b, o + 8);
  const mi = u16(b, o + 10);
  const s = u16(b, o + 12);
  const ms = u16(b, o + 14);
  return (
    `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}.` +
    `${String(ms).padStart(3, '0')}0000Z`
  );
}

/** Ticks of a SYSTEMTIME, or null when its fields are out of range. */
export function systemtimeTicks(b: Uint8Array, o: number): bigint | null {
  const y = u16(b, o);
  const mo = u16(b, o + 2);
  const d = u16(b, o + 6);
  const h = u16(b, o + 8);
  const mi = u16(b, o + 10);
  const s = u16(b, o + 12);
  const ms = u16(b, o + 14);
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || ms > 999)
    return null;
  return ticksOf(y, mo, d, h, mi, s) + BigInt(ms) * 10000n;
}

/** Parses `YYYY-MM-DDTHH:MM:SS[.fffffff]Z` into ticks since 0001-01-01, or null. */
export function parseWindowsTime(s: string): bigint | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,7}))?Z$/.exec(s);
  if (!m) return null;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || +m[1]! < 1) return null;
  const frac = BigInt((m[7] ?? '').padEnd(7, '0') || '0');
  return ticksOf(+m[1]!, mo, d, +m[4]!, +m[5]!, +m[6]!) + frac;
}
