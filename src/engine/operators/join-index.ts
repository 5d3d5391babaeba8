/**
 * The hash side of a join: the build rows grouped by key, each group a run of row positions in
 * one flat Uint32Array (ascending, so output order follows the build side's). Probing answers a
 * whole batch at once with the group number of each row (-1: no match, or a null key part); a
 * single string key is looked up once per distinct value of the probing column (by dictionary
 * code, cached across batches), not once per row.
 *
 * Keys compare by value within their type; int, long and integral real keys compare as numbers
 * (each is keyed by its exact integer), and null key parts match nothing.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import {
  NULL_ROW,
  type Batch,
  type StringDictionary,
  type StringVector,
  type Vector,
} from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';

function keyPart(v: ScalarValue, type: ScalarType): HashKey | undefined {
  if (v === null) return undefined;
  if (type === 'int') return BigInt(v as number);
  if ((type === 'real' || type === 'decimal') && Number.isInteger(v)) return BigInt(v as number);
  return hashKey(v, type);
}

/** A row's join key, or undefined when a key part is null. */
export function rowKey(
  cols: readonly Vector[],
  types: readonly ScalarType[],
  i: number,
): HashKey | undefined {
  if (cols.length === 1) return keyPart(cols[0]!.get(i), types[0]!);
  let s = '';
  for (let k = 0; k < cols.length; k++) {
    const p = keyPart(cols[k]!.get(i), types[k]!);
    if (p === undefined) return undefined;
    s += (typeof p === 'string' ? JSON.stringify(p) : typeof p === 'bigint' ? `${p}n` : String(p)) + ',';
  }
  return s;
}

const UNKNOWN = -2;
const NO_GROUP = -1;

export class JoinIndex {
  private readonly groups = new Map<HashKey, number>();
  /** Group g's rows are rows[starts[g] .. starts[g + 1]). */
  readonly starts: Uint32Array;
  readonly rows: Uint32Array;
  private readonly byDict = new WeakMap<StringDictionary, Int32Array>();

  /** Indexes the rows of `batch` on the columns `keyCols` (of types `types`). */
  constructor(batch: Batch, keyCols: readonly number[], types: readonly ScalarType[]) {
    const n = batch.length;
    const cols = keyCols.map((k) => batch.columns[k]!);
    const groupOf = new Int32Array(n);
    if (types.length === 1 && types[0] === 'string') {
      // Within one vector a code stands for one string: one hash lookup per distinct value.
      const v = cols[0] as StringVector;
      const codes = v.codes;
      const strings = v.dict.values;
      const byCode = new Int32Array(v.dict.size).fill(UNKNOWN);
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        let g = byCode[code]!;
        if (g === UNKNOWN) g = byCode[code] = this.groupFor(strings[code]!);
        groupOf[i] = g;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const key = rowKey(cols, types, i);
        groupOf[i] = key === undefined ? NO_GROUP : this.groupFor(key);
      }
    }
    const count = this.groups.size;
    const starts = new Uint32Array(count + 1);
    for (let i = 0; i < n; i++) if (groupOf[i]! >= 0) starts[groupOf[i]! + 1]!++;
    for (let g = 0; g < count; g++) starts[g + 1]! += starts[g]!;
    const next = starts.slice(0, count);
    const rows = new Uint32Array(starts[count]!);
    for (let i = 0; i < n; i++) {
      const g = groupOf[i]!;
      if (g >= 0) rows[next[g]!++] = i;
    }
    this.starts = starts;
    this.rows = rows;
  }

  /**
   * The group of each of the `n` probing rows whose key columns are `cols` (types `types`), in
   * `out` when it is given and long enough (a buffer reused across batches), else in a new array.
   */
  probe(cols: readonly Vector[], types: readonly ScalarType[], n: number, out?: Int32Array): Int32Array {
    if (out === undefined || out.length < n) out = new Int32Array(n);
    if (types.length === 1 && types[0] === 'string') {
      const v = cols[0] as StringVector;
      const cache = this.codeCache(v.dict);
      const codes = v.codes;
      const strings = v.dict.values;
      for (let i = 0; i < n; i++) {
        const code = codes[i]!;
        let g = cache[code]!;
        if (g === UNKNOWN) g = cache[code] = this.groups.get(strings[code]!) ?? NO_GROUP;
        out[i] = g;
      }
      return out;
    }
    for (let i = 0; i < n; i++) {
      const key = rowKey(cols, types, i);
      out[i] = key === undefined ? NO_GROUP : (this.groups.get(key) ?? NO_GROUP);
    }
    return out;
  }

  /**
   * The pairs a probed batch makes, in probing-row order: probing row probeRows[k] with build row
   * buildRows[k]. With `keepUnmatched`, a probing row without a match pairs once with NULL_ROW.
   * `probeRows` is null when every probing row pairs exactly once (it would be 0, 1, 2, ...).
   */
  pairs(
    groups: Int32Array,
    n: number,
    keepUnmatched: boolean,
  ): { probeRows: Uint32Array | null; buildRows: Uint32Array } {
    const { starts, rows } = this;
    let total = 0;
    let once = 0;
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      if (g >= 0) {
        const size = starts[g + 1]! - starts[g]!;
        total += size;
        if (size === 1) once++;
      } else if (keepUnmatched) {
        total++;
        once++;
      }
    }
    if (once === n && total === n) {
      const buildRows = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const g = groups[i]!;
        buildRows[i] = g >= 0 ? rows[starts[g]!]! : NULL_ROW;
      }
      return { probeRows: null, buildRows };
    }
    const probeRows = new Uint32Array(total);
    const buildRows = new Uint32Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const g = groups[i]!;
      if (g < 0) {
        if (keepUnmatched) {
          probeRows[k] = i;
          buildRows[k++] = NULL_ROW;
        }
        continue;
      }
      for (let p = starts[g]!, end = starts[g + 1]!; p < end; p++) {
        probeRows[k] = i;
        buildRows[k++] = rows[p]!;
      }
    }
    return { probeRows, buildRows };
  }

  /** The probing rows (of `n`) that found a match (`matched`), or that found none. */
  static rowsWhere(groups: Int32Array, n: number, matched: boolean): Uint32Array {
    const out = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) if (groups[i]! >= 0 === matched) out[k++] = i;
    return k === n ? out : out.slice(0, k);
  }

  private groupFor(key: HashKey): number {
    let g = this.groups.get(key);
    if (g === undefined) this.groups.set(key, (g = this.groups.size));
    return g;
  }

  /** The group of each code of `dict` seen so far (grown as the dictionary grows). */
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
