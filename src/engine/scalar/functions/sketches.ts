/**
 * The intermediate results of `hll()` and `tdigest()` as dynamic values, and the scalar functions
 * that read or merge them: dcount_hll, hll_merge (2-64 arguments), percentile_tdigest,
 * percentiles_array_tdigest, percentrank_tdigest, rank_tdigest, merge_tdigest / tdigest_merge.
 *
 * The docs leave the encoding to the engine ("the precise binary representation of these results
 * might change", hll-aggregation-function.md). kqlhunt keeps both exact, like its dcount and
 * percentile:
 * - hll: `[[1024, precision], [hash, ...], []]`, the shape of Kusto's sparse form: the distinct
 *   64-bit hashes of the values as signed decimal strings. dcount_hll counts them, so it agrees
 *   with dcount() up to 64-bit hash collisions; hll_merge is their union.
 * - tdigest: `[[type], [value, ...], [weight, ...]]`: the distinct values in ascending order with
 *   their total weights, and the Kusto type name of the values. Percentiles are nearest-rank over
 *   the weights (as percentilesw), rank_tdigest is the weight of the values up to the given one.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { compareValues, hashKey } from '../../values/compare.js';
import { converter, toDynamicValue } from '../../values/convert.js';
import type { ArgInfo } from '../api.js';
import { asDynamic, asReal, bound, constantString, failure, isConstant } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

// ---------------------------------------------------------------------------------------------
// hll

export const HLL_MARKER = 1024;

/** hll's accuracy argument (0..4) as the precision Kusto reports (hll-aggregation-function.md). */
export function hllPrecision(accuracy: number): number | null {
  const precisions = [12, 14, 16, 17, 18];
  return Number.isInteger(accuracy) ? (precisions[accuracy] ?? null) : null;
}

export function hllValue(hashes: Iterable<string>, precision: number): DynamicValue {
  return [[HLL_MARKER, precision], [...hashes], []];
}

/** The hashes and precision of an hll value; null when `v` is not one. */
export function readHll(v: DynamicValue): { precision: number; hashes: string[] } | null {
  if (!Array.isArray(v) || v.length !== 3) return null;
  const [header, hashes] = v;
  if (!Array.isArray(header) || header[0] !== HLL_MARKER || typeof header[1] !== 'number') return null;
  if (!Array.isArray(hashes) || !hashes.every((h) => typeof h === 'string')) return null;
  return { precision: header[1], hashes: hashes as string[] };
}

/** int and long share a tag: hll(x) of the same numbers merges across the two types. */
const typeTags: Readonly<Record<ScalarType, string>> = {
  bool: 'b',
  int: 'l',
  long: 'l',
  real: 'r',
  decimal: 'r',
  string: 's',
  datetime: 'd',
  timespan: 't',
  guid: 'g',
  dynamic: 'j',
};

/**
 * A 64-bit hash of a value as a signed decimal string. The value's text form is tagged with its
 * type, so that 1 and '1' differ.
 */
export function valueHash(value: ScalarValue, type: ScalarType): string {
  const text = `${typeTags[type]}${String(hashKey(value, type))}`;
  const hi = murmurish(text, 0x9747b28c);
  const lo = murmurish(text, 0x5bd1e995);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
}

/** A 32-bit string hash (murmur3's mixing steps over UTF-16 code units), unsigned. */
function murmurish(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    let k = Math.imul(text.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= text.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The union of several hll values (nulls skipped); null when none is an hll. */
export function mergeHll(values: readonly DynamicValue[]): DynamicValue {
  let precision = -1;
  const hashes = new Set<string>();
  for (const v of values) {
    const h = readHll(v);
    if (h === null) continue;
    precision = Math.max(precision, h.precision);
    for (const x of h.hashes) hashes.add(x);
  }
  return precision < 0 ? null : hllValue(hashes, precision);
}

// ---------------------------------------------------------------------------------------------
// tdigest

export interface DigestEntry {
  readonly value: ScalarValue;
  weight: number;
}

export interface Digest {
  readonly type: ScalarType;
  /** Distinct values, ascending, in the representation of `type`. */
  readonly entries: readonly DigestEntry[];
}

const digestTypes: ReadonlySet<string> = new Set([
  'int',
  'long',
  'real',
  'decimal',
  'datetime',
  'timespan',
  'string',
  'bool',
  'guid',
]);

/** Merges equal values and sorts: the canonical form every digest is kept in. */
export function normalizeDigest(type: ScalarType, entries: Iterable<DigestEntry>): Digest {
  const byKey = new Map<unknown, DigestEntry>();
  for (const e of entries) {
    if (e.value === null || !(e.weight > 0)) continue;
    const k = hashKey(e.value, type);
    const at = byKey.get(k);
    if (at === undefined) byKey.set(k, { value: e.value, weight: e.weight });
    else at.weight += e.weight;
  }
  const sorted = [...byKey.values()].sort((a, b) => compareValues(a.value, b.value, type));
  return { type, entries: sorted };
}

export function digestValue(d: Digest): DynamicValue {
  if (d.entries.length === 0) return null;
  return [[d.type], d.entries.map((e) => toDynamicValue(e.value, d.type)), d.entries.map((e) => e.weight)];
}

/** The digest a dynamic value holds; null when it is not one. */
export function readDigest(v: DynamicValue): Digest | null {
  if (!Array.isArray(v) || v.length !== 3) return null;
  const [header, values, weights] = v;
  if (!Array.isArray(header) || typeof header[0] !== 'string' || !digestTypes.has(header[0])) return null;
  if (!Array.isArray(values) || !Array.isArray(weights) || values.length !== weights.length) return null;
  const type = header[0] as ScalarType;
  const fromDynamic = converter('dynamic', type);
  const entries: DigestEntry[] = [];
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    const x = fromDynamic(values[i]!);
    if (typeof w !== 'number' || x === null) return null;
    entries.push({ value: x, weight: w });
  }
  return { type, entries };
}

/** Digests merged; values of a digest of another type are converted to the first one's type. */
export function mergeDigests(values: readonly DynamicValue[]): Digest | null {
  let type: ScalarType | null = null;
  const all: DigestEntry[] = [];
  for (const v of values) {
    const d = readDigest(v);
    if (d === null) continue;
    type ??= d.type;
    const conv = converter(d.type, type);
    for (const e of d.entries) all.push({ value: conv(e.value), weight: e.weight });
  }
  return type === null ? null : normalizeDigest(type, all);
}

function totalWeight(d: Digest): number {
  let t = 0;
  for (const e of d.entries) t += e.weight;
  return t;
}

/** The nearest-rank percentile: the first value whose cumulative weight reaches ceil(p% of all). */
export function digestPercentile(d: Digest, p: number): ScalarValue {
  if (d.entries.length === 0 || !(p >= 0 && p <= 100)) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * totalWeight(d)));
  let cumulative = 0;
  for (const e of d.entries) {
    cumulative += e.weight;
    if (cumulative >= rank) return e.value;
  }
  return d.entries[d.entries.length - 1]!.value;
}

/** The total weight of the values less than or equal to `x` (x already in the digest's type). */
export function digestRank(d: Digest, x: ScalarValue): number | null {
  if (x === null) return null;
  let rank = 0;
  for (const e of d.entries) {
    if (compareValues(e.value, x, d.type) > 0) break;
    rank += e.weight;
  }
  return rank;
}

// ---------------------------------------------------------------------------------------------
// Scalar functions

const KNOWN_TYPES: Readonly<Record<string, ScalarType>> = {
  int: 'int',
  long: 'long',
  real: 'real',
  double: 'real',
  decimal: 'decimal',
  bool: 'bool',
  boolean: 'bool',
  string: 'string',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  guid: 'guid',
  dynamic: 'dynamic',
};

/** A `typeof(long)` argument (passed as the constant string 'typeof(long)'). */
function typeLiteral(arg: ArgInfo): ScalarType | null {
  const text = constantString(arg);
  if (text === undefined || !/^typeof\(.*\)$/.test(text.trim())) return null;
  return KNOWN_TYPES[text.trim().slice('typeof('.length, -1).trim()] ?? null;
}

function isTypeLiteral(arg: ArgInfo | undefined): boolean {
  return arg !== undefined && arg.type === 'string' && isConstant(arg) && typeLiteral(arg) !== null;
}

/** A digest's value as `type` when given, else as the dynamic value holding it. */
function digestResult(d: Digest, x: ScalarValue, type: ScalarType | null): ScalarValue {
  if (x === null) return null;
  if (type === null || type === 'dynamic') return toDynamicValue(x, d.type);
  return converter(d.type, type)(x);
}

function mergeDef(merge: (values: readonly DynamicValue[]) => DynamicValue) {
  return (args: readonly ArgInfo[]) => {
    const readers = args.map((a) => asDynamic(a.type));
    return bound('dynamic', (vs) => merge(vs.map((v, i) => readers[i]!(v))));
  };
}

const mergeTdigest = mergeDef((vs) => {
  const d = mergeDigests(vs);
  return d === null ? null : digestValue(d);
});

export const sketchFunctions: FunctionTable = {
  dcount_hll: def(1, 1, (args) => {
    const read = asDynamic(args[0]!.type);
    return bound('long', (a) => {
      const h = readHll(read(a[0]!));
      return h === null ? null : BigInt(h.hashes.length);
    });
  }),
  hll_merge: def(2, 64, mergeDef(mergeHll)),
  merge_tdigest: def(1, 64, mergeTdigest),
  tdigest_merge: def(1, 64, mergeTdigest),
  percentile_tdigest: def(2, 3, (args) => {
    const read = asDynamic(args[0]!.type);
    const p = asReal(args[1]!.type);
    let type: ScalarType | null = null;
    if (args[2] !== undefined) {
      type = typeLiteral(args[2]);
      if (type === null)
        return failure('percentile_tdigest(): the third argument must be a type, such as typeof(long).', 2);
    }
    return bound(type ?? 'dynamic', (a) => {
      const d = readDigest(read(a[0]!));
      const pct = p(a[1]!);
      return d === null || pct === null ? null : digestResult(d, digestPercentile(d, pct), type);
    });
  }),
  percentiles_array_tdigest: def(2, 64, (args) => {
    const read = asDynamic(args[0]!.type);
    const last = args[args.length - 1];
    const type =
      args.length === 3 && args[1]!.type === 'dynamic' && isTypeLiteral(last) ? typeLiteral(last!) : null;
    const pctArgs = type === null ? args.slice(1) : args.slice(1, 2);
    const readers = pctArgs.map((a) => (a.type === 'dynamic' ? asDynamic(a.type) : asReal(a.type)));
    return bound('dynamic', (a) => {
      const d = readDigest(read(a[0]!));
      if (d === null) return null;
      const ps: (number | null)[] = [];
      readers.forEach((r, k) => {
        const v = r(a[k + 1]!);
        if (Array.isArray(v)) for (const x of v) ps.push(typeof x === 'number' ? x : null);
        else ps.push(typeof v === 'number' ? v : null);
      });
      return ps.map((p) => {
        const x = p === null ? null : digestResult(d, digestPercentile(d, p), type);
        return x === null ? null : toDynamicValue(x, type ?? 'dynamic');
      });
    });
  }),
  rank_tdigest: def(2, 2, (args) => rankDef(args, false)),
  percentrank_tdigest: def(2, 2, (args) => rankDef(args, true)),
};

function rankDef(args: readonly ArgInfo[], asPercent: boolean) {
  const read = asDynamic(args[0]!.type);
  const valueType = args[1]!.type;
  return bound('real', (a) => {
    const d = readDigest(read(a[0]!));
    if (d === null) return null;
    const rank = digestRank(d, converter(valueType, d.type)(a[1]!));
    if (rank === null) return null;
    if (!asPercent) return rank;
    const total = totalWeight(d);
    return total === 0 ? null : (rank * 100) / total;
  });
}
