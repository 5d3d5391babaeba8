// Substitution values: the template instance data of one record (or of one nested BinXml value),
// and how each value type reads and renders. Formats follow Windows' own rendering: decimal
// integers, `0x3e7` for hex types, GUIDs in braces, SIDs as `S-1-5-18`, binary as upper-case hex,
// times with seven fractional digits and `Z`.

import { ansiz, hex64, hexBytes, i32, u16, u32, u64, u64n, utf16, utf16z } from './bytes.js';
import {
  filetimeTicks,
  formatFiletime,
  formatSystemtime,
  parseWindowsTime,
  systemtimeTicks,
} from './time.js';

export const VT_NULL = 0x00;
export const VT_STRING = 0x01;
export const VT_ANSI = 0x02;
export const VT_INT8 = 0x03;
export const VT_UINT8 = 0x04;
export const VT_INT16 = 0x05;
export const VT_UINT16 = 0x06;
export const VT_INT32 = 0x07;
export const VT_UINT32 = 0x08;
export const VT_INT64 = 0x09;
export const VT_UINT64 = 0x0a;
export const VT_REAL32 = 0x0b;
export const VT_REAL64 = 0x0c;
export const VT_BOOL = 0x0d;
export const VT_BINARY = 0x0e;
export const VT_GUID = 0x0f;
export const VT_SIZET = 0x10;
export const VT_FILETIME = 0x11;
export const VT_SYSTIME = 0x12;
export const VT_SID = 0x13;
export const VT_HEX32 = 0x14;
export const VT_HEX64 = 0x15;
export const VT_EVTHANDLE = 0x20;
export const VT_BINXML = 0x21;
export const VT_EVTXML = 0x23;
export const VT_ARRAY = 0x80;

/** Maximum values in one template instance: each takes a 4-byte descriptor in a 64 KiB chunk. */
export const MAX_VALUES = 16384;

/** The values of one template instance: descriptors point into the chunk buffer. */
export class Values {
  n = 0;
  buf: Buffer = Buffer.alloc(0);
  readonly type = new Uint8Array(MAX_VALUES);
  readonly off = new Int32Array(MAX_VALUES);
  readonly size = new Int32Array(MAX_VALUES);
}

/** An empty value list (for BinXml outside a template instance). */
export const NO_VALUES = new Values();

/**
 * Reads the instance data at `pos` (bounded by `end`) into `v`. Returns the offset after the
 * values, or -1 when the descriptors or data do not fit.
 */
export function readValues(buf: Buffer, pos: number, end: number, v: Values): number {
  if (pos + 4 > end) return -1;
  const n = u32(buf, pos);
  pos += 4;
  if (n > MAX_VALUES || pos + 4 * n > end) return -1;
  let data = pos + 4 * n;
  for (let i = 0; i < n; i++) {
    const d = pos + 4 * i;
    const size = u16(buf, d);
    v.size[i] = size;
    v.type[i] = buf[d + 2]!;
    v.off[i] = data;
    data += size;
  }
  if (data > end) return -1;
  v.n = n;
  v.buf = buf;
  return data;
}

/** Element size of a fixed-size array type, 0 for variable-size ones. */
function itemSize(type: number, total: number): number {
  switch (type & 0x7f) {
    case VT_INT8:
    case VT_UINT8:
      return 1;
    case VT_INT16:
    case VT_UINT16:
      return 2;
    case VT_INT32:
    case VT_UINT32:
    case VT_REAL32:
    case VT_BOOL:
    case VT_HEX32:
      return 4;
    case VT_INT64:
    case VT_UINT64:
    case VT_REAL64:
    case VT_FILETIME:
    case VT_HEX64:
      return 8;
    case VT_SIZET:
      return total % 8 === 0 ? 8 : 4;
    case VT_GUID:
    case VT_SYSTIME:
      return 16;
    default:
      return 0;
  }
}

/** The [offset, size] of each item of an array value (bounded by the value's size). */
export function arrayItems(v: Values, i: number): number[] {
  const type = v.type[i]! & 0x7f;
  const off = v.off[i]!;
  const size = v.size[i]!;
  const out: number[] = [];
  const fixed = itemSize(type, size);
  if (fixed > 0) {
    for (let p = 0; p + fixed <= size; p += fixed) out.push(off + p, fixed);
    return out;
  }
  const b = v.buf;
  if (type === VT_STRING) {
    let start = 0;
    for (let p = 0; p + 1 < size; p += 2) {
      if (b[off + p] === 0 && b[off + p + 1] === 0) {
        out.push(off + start, p - start);
        start = p + 2;
      }
    }
    if (start + 1 < size) out.push(off + start, size - start - ((size - start) % 2));
  } else if (type === VT_ANSI) {
    let start = 0;
    for (let p = 0; p < size; p++) {
      if (b[off + p] === 0) {
        out.push(off + start, p - start);
        start = p + 1;
      }
    }
    if (start < size) out.push(off + start, size - start);
  } else if (type === VT_SID) {
    let p = 0;
    while (p + 8 <= size) {
      const len = 8 + 4 * b[off + p + 1]!;
      const n = Math.min(len, size - p);
      out.push(off + p, n);
      p += len;
    }
  } else {
    out.push(off, size);
  }
  return out;
}

function formatReal(x: number, single: boolean): string {
  if (Number.isNaN(x)) return '-1.#IND';
  if (x === Infinity) return '1.#INF';
  if (x === -Infinity) return '-1.#INF';
  if (single) return String(Number(x.toPrecision(7)));
  return String(x);
}

export function formatGuid(b: Uint8Array, o: number): string {
  return (
    '{' +
    hexBytes(b, o + 3, 1, false) +
    hexBytes(b, o + 2, 1, false) +
    hexBytes(b, o + 1, 1, false) +
    hexBytes(b, o, 1, false) +
    '-' +
    hexBytes(b, o + 5, 1, false) +
    hexBytes(b, o + 4, 1, false) +
    '-' +
    hexBytes(b, o + 7, 1, false) +
    hexBytes(b, o + 6, 1, false) +
    '-' +
    hexBytes(b, o + 8, 2, false) +
    '-' +
    hexBytes(b, o + 10, 6, false) +
    '}'
  );
}

/** A SID as `S-R-A-S1-S2...`; an incomplete SID renders the sub-authorities that are there. */
export function formatSid(b: Uint8Array, o: number, size: number): string {
  if (size < 8) return '';
  const rev = b[o]!;
  const count = b[o + 1]!;
  let auth = 0;
  for (let k = 2; k < 8; k++) auth = auth * 256 + b[o + k]!;
  let s = 'S-' + rev + '-' + (auth < 0x100000000 ? String(auth) : '0x' + auth.toString(16).toUpperCase());
  for (let k = 0; k < count && 8 + 4 * k + 4 <= size; k++) s += '-' + u32(b, o + 8 + 4 * k);
  return s;
}

/** One scalar of `type` at [o, o+size) as Windows renders it (unescaped). */
export function formatScalar(b: Buffer, type: number, o: number, size: number): string {
  switch (type) {
    case VT_NULL:
      return '';
    case VT_STRING:
      return utf16z(b, o, size >> 1);
    case VT_ANSI:
      return ansiz(b, o, size);
    case VT_INT8:
      return size >= 1 ? String((b[o]! << 24) >> 24) : '';
    case VT_UINT8:
      return size >= 1 ? String(b[o]) : '';
    case VT_INT16:
      return size >= 2 ? String((u16(b, o) << 16) >> 16) : '';
    case VT_UINT16:
      return size >= 2 ? String(u16(b, o)) : '';
    case VT_INT32:
      return size >= 4 ? String(i32(b, o)) : '';
    case VT_UINT32:
      return size >= 4 ? String(u32(b, o)) : '';
    case VT_INT64: {
      if (size < 8) return '';
      const hi = i32(b, o + 4);
      if (hi >= -0x200000 && hi < 0x200000) return String(hi * 4294967296 + u32(b, o));
      return BigInt.asIntN(64, u64(b, o)).toString();
    }
    case VT_UINT64: {
      if (size < 8) return '';
      const n = u64n(b, o);
      return n >= 0 ? String(n) : u64(b, o).toString();
    }
    case VT_REAL32:
      return size >= 4 ? formatReal(b.readFloatLE(o), true) : '';
    case VT_REAL64:
      return size >= 8 ? formatReal(b.readDoubleLE(o), false) : '';
    case VT_BOOL:
      return size >= 4 ? (u32(b, o) !== 0 ? 'true' : 'false') : size >= 1 && b[o] ? 'true' : 'false';
    case VT_BINARY:
      return hexBytes(b, o, size, true);
    case VT_GUID:
      return size >= 16 ? formatGuid(b, o) : '';
    case VT_SIZET:
      return size >= 8 ? '0x' + hex64(b, o) : size >= 4 ? '0x' + u32(b, o).toString(16) : '';
    case VT_FILETIME:
      return size >= 8 ? formatFiletime(b, o) : '';
    case VT_SYSTIME:
      return size >= 16 ? formatSystemtime(b, o) : '';
    case VT_SID:
      return formatSid(b, o, size);
    case VT_HEX32:
      return size >= 4 ? '0x' + u32(b, o).toString(16) : '';
    case VT_HEX64:
      return size >= 8 ? '0x' + hex64(b, o) : '';
    case VT_EVTXML:
      return utf16z(b, o, size >> 1);
    default:
      return hexBytes(b, o, size, true);
  }
}

/** Value `i` as text (unescaped); arrays join their items with ', ', BinXml gives ''. */
export function valueText(v: Values, i: number): string {
  if (i >= v.n) return '';
  const type = v.type[i]!;
  if (type & VT_ARRAY) {
    const items = arrayItems(v, i);
    let s = '';
    for (let k = 0; k < items.length; k += 2) {
      if (k) s += ', ';
      s += formatScalar(v.buf, type & 0x7f, items[k]!, items[k + 1]!);
    }
    return s;
  }
  if (type === VT_BINXML) return '';
  return formatScalar(v.buf, type, v.off[i]!, v.size[i]!);
}

/** Value `i` as a number when it is an integer type (or decimal/hex text), else null. */
export function valueInt(v: Values, i: number): number | null {
  if (i >= v.n) return null;
  const b = v.buf;
  const o = v.off[i]!;
  const size = v.size[i]!;
  switch (v.type[i]) {
    case VT_INT8:
      return size >= 1 ? (b[o]! << 24) >> 24 : null;
    case VT_UINT8:
      return size >= 1 ? b[o]! : null;
    case VT_INT16:
      return size >= 2 ? (u16(b, o) << 16) >> 16 : null;
    case VT_UINT16:
      return size >= 2 ? u16(b, o) : null;
    case VT_INT32:
      return size >= 4 ? i32(b, o) : null;
    case VT_UINT32:
    case VT_HEX32:
      return size >= 4 ? u32(b, o) : null;
    case VT_INT64:
    case VT_UINT64:
    case VT_HEX64:
    case VT_SIZET: {
      if (size === 4) return u32(b, o);
      if (size < 8) return null;
      const n = u64n(b, o);
      return n >= 0 ? n : null;
    }
    case VT_STRING:
    case VT_ANSI:
      return parseIntText(valueText(v, i));
    default:
      return null;
  }
}

export function parseIntText(s: string): number | null {
  const t = s.trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t.slice(2), 16);
  return null;
}

export function parseBigText(s: string): bigint | null {
  const t = s.trim();
  if (/^-?\d+$/.test(t) || /^0x[0-9a-f]+$/i.test(t)) {
    try {
      return BigInt.asUintN(64, BigInt(t));
    } catch {
      return null;
    }
  }
  return null;
}

/** Value `i` as a 64-bit integer. */
export function valueBig(v: Values, i: number): bigint | null {
  if (i >= v.n) return null;
  const b = v.buf;
  const o = v.off[i]!;
  const size = v.size[i]!;
  switch (v.type[i]) {
    case VT_INT64:
      return size >= 8 ? BigInt.asIntN(64, u64(b, o)) : null;
    case VT_UINT64:
    case VT_HEX64:
    case VT_FILETIME:
      return size >= 8 ? u64(b, o) : null;
    case VT_SIZET:
      return size >= 8 ? u64(b, o) : size >= 4 ? BigInt(u32(b, o)) : null;
    case VT_STRING:
    case VT_ANSI:
      return parseBigText(valueText(v, i));
    default: {
      const n = valueInt(v, i);
      return n === null ? null : BigInt(n);
    }
  }
}

/** Value `i` as ticks since 0001-01-01 (FILETIME, SYSTEMTIME or Windows time text). */
export function valueTicks(v: Values, i: number): bigint | null {
  if (i >= v.n) return null;
  const o = v.off[i]!;
  switch (v.type[i]) {
    case VT_FILETIME:
      return v.size[i]! >= 8 ? filetimeTicks(v.buf, o) : null;
    case VT_SYSTIME:
      return v.size[i]! >= 16 ? systemtimeTicks(v.buf, o) : null;
    case VT_STRING:
    case VT_ANSI:
      return parseWindowsTime(valueText(v, i));
    default:
      return null;
  }
}

/** Canonical GUID text (`xxxxxxxx-...`, lower case, no braces) of GUID text, or null. */
export function canonicalGuid(s: string): string | null {
  const m = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i.exec(s.trim());
  return m ? m[1]!.toLowerCase() : null;
}

export { utf16 };
