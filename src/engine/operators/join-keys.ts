/**
 * Dense ids for the keys of a join (one or several columns) without building a key object per
 * row. Each key column maps its values to small ids (a string column once per dictionary code);
 * columns then combine pairwise, (id so far, next column's id) → a dense id, through a map keyed by
 * a number. The build side assigns ids; a probing side only looks them up, so a value the build
 * side never had means "no match" without a further lookup.
 *
 * Keys compare by value within their type; int, long and integral real keys compare as numbers
 * (each is keyed by its exact integer), and a null key part matches nothing (id -1).
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import {
  LongVector,
  NullMask,
  type StringDictionary,
  type StringVector,
  type Vector,
} from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';

/** The id of a null key part, or of a probed value the build side does not have. */
export const NO_KEY = -1;
const UNKNOWN = -2;
const MAX_EXACT = 2 ** 53;

function keyPart(v: ScalarValue, type: ScalarType): HashKey | undefined {
  if (v === null) return undefined;
  if (type === 'int') return BigInt(v as number);
  if ((type === 'real' || type === 'decimal') && Number.isInteger(v)) return BigInt(v as number);
  return hashKey(v, type);
}

/** One key column's values → ids 0, 1, 2, ... in order of first appearance on the build side. */
interface ColumnIds {
  readonly size: number;
  /**
   * The id of each of the first `n` values of `col` (of type `type`: a probing side's numeric key
   * may differ from the build side's) in `out`; `assign` gives new values an id.
   */
  fill(col: Vector, type: ScalarType, n: number, out: Int32Array, assign: boolean): void;
}

function isLongLike(type: ScalarType): boolean {
  return type === 'long' || type === 'datetime' || type === 'timespan';
}

/** Any key type, through a Map (strings once per dictionary code). */
class MapIds implements ColumnIds {
  private readonly ids = new Map<HashKey, number>();
  private readonly byDict = new WeakMap<StringDictionary, Int32Array>();

  get size(): number {
    return this.ids.size;
  }

  fill(col: Vector, type: ScalarType, n: number, out: Int32Array, assign: boolean): void {
    if (type === 'string') {
      // Within one dictionary a code stands for one string: one hash lookup per distinct value.
      const v = col as StringVector;
      const cache = this.codeCache(v.dict);
      const codes = v.codes;
      const strings = v.dict.values;
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        let id = cache[code]!;
        if (id === UNKNOWN) id = cache[code] = this.idOf(strings[code]!, assign);
        out[i] = id;
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const key = keyPart(col.get(i), type);
      out[i] = key === undefined ? NO_KEY : this.idOf(key, assign);
    }
  }

  private idOf(key: HashKey, assign: boolean): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!assign) return NO_KEY;
      this.ids.set(key, (id = this.ids.size));
    }
    return id;
  }

  /** The id of each code of `dict` seen so far (grown as the dictionary grows). */
  private codeCache(dict: StringDictionary): Int32Array {
    let cache = this.byDict.get(dict);
    if (cache === undefined || cache.length < dict.size) {
      const next = new Int32Array(Math.max(dict.size, 16)).fill(UNKNOWN);
      if (cache !== undefined) next.set(cache);
      cache = next;
      this.byDict.set(dict, cache);
    }
    return cache;
  }
}

/** The first slot to try for a 64-bit key (a multiplicative hash of its halves). */
function slotOf(lo: number, hi: number, mask: number): number {
  const h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * long, datetime and timespan keys in an open-addressing table of their two 32-bit halves, read
 * straight from the column's BigInt64Array: no BigInt is created per row, which is what made
 * joins on such keys slow (a `bigint` read from a typed array is a new heap object).
 */
class Int64Ids implements ColumnIds {
  private keys = new Int32Array(2 * 1024);
  private slots = new Int32Array(1024).fill(-1);
  private count = 0;

  constructor(private readonly buildType: ScalarType) {}

  get size(): number {
    return this.count;
  }

  fill(col: Vector, type: ScalarType, n: number, out: Int32Array, assign: boolean): void {
    if (type === this.buildType && col instanceof LongVector) {
      const values = col.values;
      const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
      const nulls = col.nulls;
      for (let i = 0; i < n; i++)
        out[i] = NullMask.isNull(nulls, i) ? NO_KEY : this.idOf(words[2 * i]!, words[2 * i + 1]!, assign);
      return;
    }
    // A probing int or real key against a long one: its exact integer, if it has one.
    for (let i = 0; i < n; i++) {
      const v = col.get(i);
      let b: bigint | null = null;
      if (typeof v === 'bigint') b = v;
      else if (typeof v === 'number' && Number.isInteger(v)) b = BigInt(v);
      out[i] =
        b === null || BigInt.asIntN(64, b) !== b
          ? NO_KEY
          : this.idOf(Number(BigInt.asIntN(32, b)), Number(b >> 32n), assign);
    }
  }

  private idOf(lo: number, hi: number, assign: boolean): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let h = slotOf(lo, hi, mask);
    for (;;) {
      const id = slots[h]!;
      if (id < 0) break;
      if (this.keys[2 * id] === lo && this.keys[2 * id + 1] === hi) return id;
      h = (h + 1) & mask;
    }
    if (!assign) return NO_KEY;
    const id = this.count++;
    if (2 * this.count > this.keys.length) {
      const keys = new Int32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys[2 * id] = lo;
    this.keys[2 * id + 1] = hi;
    slots[h] = id;
    if (2 * this.count > slots.length) this.rehash();
    return id;
  }

  /** Doubles the slot table (kept at most half full) and re-places every id. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      const lo = this.keys[2 * id]!;
      const hi = this.keys[2 * id + 1]!;
      let h = slotOf(lo, hi, mask);
      while (slots[h]! >= 0) h = (h + 1) & mask;
      slots[h] = id;
    }
    this.slots = slots;
  }
}

/** How column k (k ≥ 1) joins the ids of columns 0..k-1. */
interface CombineStep {
  /** Distinct ids of column k on the build side: (a, b) is keyed a * width + b. */
  readonly width: number;
  /** False when a * width could exceed 2^53: keys are then the text `a,b`. */
  readonly exact: boolean;
  readonly pairs: Map<number | string, number>;
}

export class KeyIds {
  private readonly columns: ColumnIds[];
  private readonly steps: CombineStep[] = [];
  private distinct = 0;

  /** Keys on the build side's columns of types `types`. */
  constructor(private readonly types: readonly ScalarType[]) {
    this.columns = types.map((t) => (isLongLike(t) ? new Int64Ids(t) : new MapIds()));
  }

  /** The number of distinct non-null keys the build side had. */
  get count(): number {
    return this.distinct;
  }

  /** Assigns ids to the build side's `n` rows (key columns `cols`): the id of each row, or -1. */
  build(cols: readonly Vector[], n: number): Int32Array {
    const acc = new Int32Array(n);
    this.columns[0]!.fill(cols[0]!, this.types[0]!, n, acc, true);
    let count = this.columns[0]!.size;
    const part = cols.length > 1 ? new Int32Array(n) : acc;
    for (let k = 1; k < cols.length; k++) {
      const column = this.columns[k]!;
      column.fill(cols[k]!, this.types[k]!, n, part, true);
      const step: CombineStep = {
        width: column.size,
        exact: count * column.size <= MAX_EXACT,
        pairs: new Map(),
      };
      this.steps.push(step);
      for (let i = 0; i < n; i++) {
        const a = acc[i]!;
        const b = part[i]!;
        if (a < 0 || b < 0) {
          acc[i] = NO_KEY;
          continue;
        }
        const key = step.exact ? a * step.width + b : `${a},${b}`;
        let id = step.pairs.get(key);
        if (id === undefined) step.pairs.set(key, (id = step.pairs.size));
        acc[i] = id;
      }
      count = step.pairs.size;
    }
    this.distinct = count;
    return acc;
  }

  /**
   * The build side's id of each of the `n` probing rows (key columns `cols` of types `types`), -1
   * where it has none, in `out` when it is given and long enough (a buffer reused across batches).
   */
  lookup(cols: readonly Vector[], types: readonly ScalarType[], n: number, out?: Int32Array): Int32Array {
    const acc = out !== undefined && out.length >= n ? out : new Int32Array(n);
    this.columns[0]!.fill(cols[0]!, types[0]!, n, acc, false);
    if (cols.length === 1) return acc;
    const part = new Int32Array(n);
    for (let k = 1; k < cols.length; k++) {
      this.columns[k]!.fill(cols[k]!, types[k]!, n, part, false);
      const step = this.steps[k - 1]!;
      for (let i = 0; i < n; i++) {
        const a = acc[i]!;
        const b = part[i]!;
        if (a < 0 || b < 0) {
          acc[i] = NO_KEY;
          continue;
        }
        acc[i] = step.pairs.get(step.exact ? a * step.width + b : `${a},${b}`) ?? NO_KEY;
      }
    }
    return acc;
  }
}
