/**
 * Non-cryptographic hashes: hash (hash_xxhash64), hash_combine, hash_many.
 *
 * hash() is XXH64 with seed 0 over the value's bytes, which reproduces the reference pages'
 * values: a string hashes its UTF-8 bytes (hash("World") = 1846988464401551951), a datetime its
 * 64-bit tick count, little-endian (hash(datetime(2015-01-01)) = 1380966698541616202). Other
 * types follow the same rule for their .NET binary form: long/timespan/int as 8-byte integers,
 * real/decimal as 8-byte doubles, bool as one byte, guid as .NET's 16-byte layout, dynamic as its
 * JSON text.
 *
 * hash_combine's algorithm is not published, and the pages warn that it "may change"; here it is
 * the 64-bit golden-ratio combine (h1 ^ (h2 + φ·2⁶⁴ + (h1 << 6) + (h1 >> 2))), folded left over
 * the arguments. Its values are therefore consistent within kqlhunt but differ from Kusto's.
 */
import type { ScalarType, ScalarValue } from '../../../types/scalar.js';
import { stringifyDynamic } from '../../values/dynamic.js';
import type { ArgInfo } from '../api.js';
import { type Adapter, asLong, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

const MASK = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

function rotl(x: bigint, r: bigint): bigint {
  return ((x << r) | (x >> (64n - r))) & MASK;
}

function round(acc: bigint, input: bigint): bigint {
  return (rotl((acc + input * P2) & MASK, 31n) * P1) & MASK;
}

function mergeRound(acc: bigint, v: bigint): bigint {
  return (((acc ^ round(0n, v)) * P1) & MASK) + P4;
}

/** XXH64 of the bytes with a seed, as an unsigned 64-bit value. */
export function xxh64(bytes: Uint8Array, seed = 0n): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let i = 0;
  let h: bigint;
  if (n >= 32) {
    let v1 = (seed + P1 + P2) & MASK;
    let v2 = (seed + P2) & MASK;
    let v3 = seed;
    let v4 = (seed - P1) & MASK;
    for (; i + 32 <= n; i += 32) {
      v1 = round(v1, view.getBigUint64(i, true));
      v2 = round(v2, view.getBigUint64(i + 8, true));
      v3 = round(v3, view.getBigUint64(i + 16, true));
      v4 = round(v4, view.getBigUint64(i + 24, true));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & MASK;
    for (const v of [v1, v2, v3, v4]) h = mergeRound(h, v) & MASK;
  } else {
    h = (seed + P5) & MASK;
  }
  h = (h + BigInt(n)) & MASK;
  for (; i + 8 <= n; i += 8) {
    h ^= round(0n, view.getBigUint64(i, true));
    h = (rotl(h, 27n) * P1 + P4) & MASK;
  }
  if (i + 4 <= n) {
    h ^= (BigInt(view.getUint32(i, true)) * P1) & MASK;
    h = (rotl(h, 23n) * P2 + P3) & MASK;
    i += 4;
  }
  for (; i < n; i++) {
    h ^= (BigInt(bytes[i]!) * P5) & MASK;
    h = (rotl(h, 11n) * P1) & MASK;
  }
  h ^= h >> 33n;
  h = (h * P2) & MASK;
  h ^= h >> 29n;
  h = (h * P3) & MASK;
  h ^= h >> 32n;
  return h;
}

function int64Bytes(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt.asIntN(64, v), true);
  return b;
}

/** .NET's Guid.ToByteArray(): the first three fields little-endian, the last eight bytes as written. */
function guidBytes(text: string): Uint8Array {
  const hex = text.replace(/-/g, '');
  const raw = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order.map((k) => raw[k]!));
}

/** The bytes a value of a type hashes as; null for a null value. */
export function hashBytes(value: ScalarValue, type: ScalarType): Uint8Array | null {
  if (value === null) return null;
  switch (type) {
    case 'string':
      return new TextEncoder().encode(value as string);
    case 'long':
    case 'datetime':
    case 'timespan':
      return int64Bytes(value as bigint);
    case 'int':
      return int64Bytes(BigInt(value as number));
    case 'real':
    case 'decimal': {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, value as number, true);
      return b;
    }
    case 'bool':
      return Uint8Array.of(value ? 1 : 0);
    case 'guid':
      return guidBytes(value as string);
    case 'dynamic':
      return new TextEncoder().encode(stringifyDynamic(value));
  }
}

/** The signed 64-bit hash of a value; null for null. */
export function hashValue(value: ScalarValue, type: ScalarType): bigint | null {
  const bytes = hashBytes(value, type);
  return bytes === null ? null : BigInt.asIntN(64, xxh64(bytes));
}

const GOLDEN = 0x9e3779b97f4a7c15n;

export function combineHashes(h1: bigint, h2: bigint): bigint {
  const a = BigInt.asUintN(64, h1);
  const b = BigInt.asUintN(64, h2);
  return BigInt.asIntN(64, a ^ ((b + GOLDEN + (a << 6n) + (a >> 2n)) & MASK));
}

function hashDef() {
  return def(1, 2, (args) => {
    const type = args[0]!.type;
    const mod: Adapter<bigint | null> | null = args[1] ? asLong(args[1].type) : null;
    return bound('long', (a) => {
      const h = hashValue(a[0]!, type);
      if (h === null) return null;
      if (mod === null) return h;
      const m = mod(a[1]!);
      if (m === null || m <= 0n) return null;
      return ((h % m) + m) % m;
    });
  });
}

function combinationOf(args: readonly ArgInfo[], each: (v: ScalarValue, i: number) => bigint | null) {
  return bound('long', (a) => {
    let combined: bigint | null = null;
    for (let i = 0; i < args.length; i++) {
      const h = each(a[i]!, i);
      if (h === null) return null;
      combined = combined === null ? h : combineHashes(combined, h);
    }
    return combined;
  });
}

export const hashFunctions: FunctionTable = {
  hash: hashDef(),
  hash_xxhash64: hashDef(),
  hash_combine: def(2, 64, (args) => {
    const longs = args.map((arg) => asLong(arg.type));
    return combinationOf(args, (v, i) => longs[i]!(v));
  }),
  hash_many: def(2, 64, (args) => combinationOf(args, (v, i) => hashValue(v, args[i]!.type))),
};
