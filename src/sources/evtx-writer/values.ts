// Typed substitution values and their binary form ([MS-EVEN6] 2.2.12 "Value Formats"). Each value
// carries its BinXml type, so a reader renders it the way Windows does: a HexInt64 as `0x3e7`, a SID
// as `S-1-5-18`, a FILETIME as an ISO time with 7 fractional digits.

/** BinXml value type codes used by this writer ([MS-EVEN6] 2.2.12 "Value Types"). */
export const ValueType = {
  null: 0x00,
  string: 0x01,
  uint8: 0x04,
  uint16: 0x06,
  uint32: 0x08,
  uint64: 0x0a,
  guid: 0x0f,
  filetime: 0x11,
  sid: 0x13,
  hex32: 0x14,
  hex64: 0x15,
  binxml: 0x21,
} as const;

export type ValueTypeName = keyof typeof ValueType;
export type ValueTypeCode = (typeof ValueType)[ValueTypeName];

/** A value for a substitution: a System field, a `<Data>` element or a UserData field. */
export type EvtxValue =
  | { readonly type: 'null' }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'uint8' | 'uint16' | 'uint32' | 'hex32'; readonly value: number }
  | { readonly type: 'uint64' | 'hex64'; readonly value: bigint }
  /** ISO-8601 UTC with up to 7 fractional digits, e.g. `2025-06-02T16:47:01.7297032Z`. */
  | { readonly type: 'filetime'; readonly value: string }
  /** With or without braces, any case: `{54849625-5478-4994-a5ba-3e3b0328c30d}`. */
  | { readonly type: 'guid'; readonly value: string }
  /** Textual SID: `S-1-5-21-...`. */
  | { readonly type: 'sid'; readonly value: string };

/** Short constructors, so event specs read like the XML they produce. */
export const v = {
  null: (): EvtxValue => ({ type: 'null' }),
  string: (value: string): EvtxValue => ({ type: 'string', value }),
  uint8: (value: number): EvtxValue => ({ type: 'uint8', value }),
  uint16: (value: number): EvtxValue => ({ type: 'uint16', value }),
  uint32: (value: number): EvtxValue => ({ type: 'uint32', value }),
  uint64: (value: bigint): EvtxValue => ({ type: 'uint64', value }),
  hex32: (value: number): EvtxValue => ({ type: 'hex32', value }),
  hex64: (value: bigint): EvtxValue => ({ type: 'hex64', value }),
  filetime: (value: string): EvtxValue => ({ type: 'filetime', value }),
  guid: (value: string): EvtxValue => ({ type: 'guid', value }),
  sid: (value: string): EvtxValue => ({ type: 'sid', value }),
};

/** A value in its stored form: the type code of its descriptor and its bytes. */
export interface EncodedValue {
  readonly type: ValueTypeCode;
  readonly bytes: Uint8Array;
}

/** A value that cannot be encoded; the caller adds which event and field it belongs to. */
export class ValueError extends Error {}

/** The largest value a descriptor can describe: its size is a 16-bit count of bytes. */
export const maxValueBytes = 0xffff;

export function encodeValue(value: EvtxValue): EncodedValue {
  switch (value.type) {
    case 'null':
      return { type: ValueType.null, bytes: new Uint8Array(0) };
    case 'string':
      return { type: ValueType.string, bytes: utf16le(value.value) };
    case 'uint8':
      return { type: ValueType.uint8, bytes: unsigned(value.value, 1, 'uint8') };
    case 'uint16':
      return { type: ValueType.uint16, bytes: unsigned(value.value, 2, 'uint16') };
    case 'uint32':
      return { type: ValueType.uint32, bytes: unsigned(value.value, 4, 'uint32') };
    case 'hex32':
      return { type: ValueType.hex32, bytes: unsigned(value.value, 4, 'hex32') };
    case 'uint64':
      return { type: ValueType.uint64, bytes: unsigned64(value.value, 'uint64') };
    case 'hex64':
      return { type: ValueType.hex64, bytes: unsigned64(value.value, 'hex64') };
    case 'filetime':
      return { type: ValueType.filetime, bytes: unsigned64(filetimeFromIso(value.value), 'filetime') };
    case 'guid':
      return { type: ValueType.guid, bytes: guidBytes(value.value) };
    case 'sid':
      return { type: ValueType.sid, bytes: sidBytes(value.value) };
  }
}

export function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(i * 2, s.charCodeAt(i), true);
  return out;
}

function unsigned(n: number, width: 1 | 2 | 4, what: string): Uint8Array {
  const max = 2 ** (8 * width) - 1;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new ValueError(`${what} value ${n} is not an integer in 0..${max}`);
  const out = new Uint8Array(width);
  const view = new DataView(out.buffer);
  if (width === 1) view.setUint8(0, n);
  else if (width === 2) view.setUint16(0, n, true);
  else view.setUint32(0, n, true);
  return out;
}

function unsigned64(n: bigint, what: string): Uint8Array {
  if (n < 0n || n > 0xffffffffffffffffn) throw new ValueError(`${what} value ${n} is not in 0..2^64-1`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n, true);
  return out;
}

const isoTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?Z$/;
/** Milliseconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01. */
const filetimeEpochToUnixMs = 11644473600000n;

/** 100-nanosecond intervals since 1601-01-01 UTC, from an ISO-8601 UTC time. */
export function filetimeFromIso(iso: string): bigint {
  const m = isoTime.exec(iso);
  if (!m)
    throw new ValueError(`time ${JSON.stringify(iso)} is not ISO-8601 UTC like 2025-06-02T16:47:01.7297032Z`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new ValueError(`time ${JSON.stringify(iso)} is not a valid date and time`);
  }
  const fraction = BigInt((m[7] ?? '').padEnd(7, '0'));
  const ticks = (BigInt(ms) + filetimeEpochToUnixMs) * 10000n + fraction;
  if (ticks < 0n) throw new ValueError(`time ${JSON.stringify(iso)} is before 1601-01-01`);
  return ticks;
}

const guidText = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i;

/** A GUID's 16 bytes: the first three groups little-endian, the last two as written. */
export function guidBytes(text: string): Uint8Array {
  const m = guidText.exec(text);
  if (!m || text.startsWith('{') !== text.endsWith('}'))
    throw new ValueError(`GUID ${JSON.stringify(text)} is not like {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}`);
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setUint32(0, parseInt(m[1]!, 16), true);
  view.setUint16(4, parseInt(m[2]!, 16), true);
  view.setUint16(6, parseInt(m[3]!, 16), true);
  const tail = m[4]! + m[5]!;
  for (let i = 0; i < 8; i++) out[8 + i] = parseInt(tail.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A SID's binary form: revision, sub-authority count, 48-bit big-endian authority, sub-authorities. */
export function sidBytes(text: string): Uint8Array {
  const parts = text.split('-');
  if (parts.length < 3 || parts[0] !== 'S' || !parts.slice(1).every((p) => /^\d+$/.test(p))) {
    throw new ValueError(`SID ${JSON.stringify(text)} is not like S-1-5-21-...`);
  }
  const revision = Number(parts[1]);
  const authority = BigInt(parts[2]!);
  const subs = parts.slice(3).map(Number);
  if (revision > 255) throw new ValueError(`SID ${JSON.stringify(text)}: revision above 255`);
  if (authority > 0xffffffffffffn)
    throw new ValueError(`SID ${JSON.stringify(text)}: authority above 2^48-1`);
  if (subs.length > 15) throw new ValueError(`SID ${JSON.stringify(text)}: more than 15 sub-authorities`);
  if (subs.some((s) => s > 0xffffffff))
    throw new ValueError(`SID ${JSON.stringify(text)}: sub-authority above 2^32-1`);
  const out = new Uint8Array(8 + 4 * subs.length);
  const view = new DataView(out.buffer);
  out[0] = revision;
  out[1] = subs.length;
  for (let i = 0; i < 6; i++) out[2 + i] = Number((authority >> BigInt(8 * (5 - i))) & 0xffn);
  subs.forEach((s, i) => view.setUint32(8 + 4 * i, s, true));
  return out;
}
