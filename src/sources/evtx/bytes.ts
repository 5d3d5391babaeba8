// Little-endian readers and text decoders over a chunk buffer. Callers check bounds first: these
// helpers never read past what they are told is there.

export function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

export function i32(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
}

/** A u64 as a number when it is below 2^53, else -1 (callers use bigint then). */
export function u64n(b: Uint8Array, o: number): number {
  const hi = u32(b, o + 4);
  if (hi >= 0x200000) return -1;
  return hi * 4294967296 + u32(b, o);
}

export function u64(b: Uint8Array, o: number): bigint {
  return (BigInt(u32(b, o + 4)) << 32n) | BigInt(u32(b, o));
}

export function i64(b: Uint8Array, o: number): bigint {
  return BigInt.asIntN(64, u64(b, o));
}

const hex = '0123456789abcdef';

/** Lower-case hex of a u64 without leading zeros (as Windows renders HexInt64). */
export function hex64(b: Uint8Array, o: number): string {
  const hi = u32(b, o + 4);
  const lo = u32(b, o);
  if (hi === 0) return lo.toString(16);
  return hi.toString(16) + lo.toString(16).padStart(8, '0');
}

/** Two hex digits per byte. */
export function hexBytes(b: Uint8Array, o: number, n: number, upper: boolean): string {
  const digits = upper ? '0123456789ABCDEF' : hex;
  let s = '';
  for (let i = 0; i < n; i++) {
    const v = b[o + i]!;
    s += digits[v >> 4]! + digits[v & 15]!;
  }
  return s;
}

/**
 * UTF-16LE text of `n` code units at `o`. Short strings are built directly (cheaper than a call
 * into the decoder); long ones use Buffer's native decoder. Lone surrogates are kept as they are.
 */
export function utf16(b: Buffer, o: number, n: number): string {
  if (n <= 0) return '';
  if (n <= 24) {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(b[o + 2 * i]! | (b[o + 2 * i + 1]! << 8));
    return s;
  }
  return b.toString('utf16le', o, o + 2 * n);
}

/** UTF-16LE text cut at the first NUL (values are C strings to Windows). */
export function utf16z(b: Buffer, o: number, n: number): string {
  for (let i = 0; i < n; i++) {
    if (b[o + 2 * i] === 0 && b[o + 2 * i + 1] === 0) return utf16(b, o, i);
  }
  return utf16(b, o, n);
}

/** Single-byte (ANSI) text cut at the first NUL; decoded as Latin-1. */
export function ansiz(b: Buffer, o: number, n: number): string {
  let end = o;
  const stop = o + n;
  while (end < stop && b[end] !== 0) end++;
  return b.toString('latin1', o, end);
}
