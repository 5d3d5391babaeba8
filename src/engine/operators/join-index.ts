/**
 * The hash side of a join: the build rows grouped by key, each group a run of row positions in
 * one flat Uint32Array (ascending, so output order follows the build side's). Probing answers a
 * whole batch at once with the group number of each row (-1: no match, or a null key part); a
 * single string key is looked up once per distinct value of the probing column (by dictionary
 * code, cached across batches), not once per row.
 *
 * Keys compare as ./join-keys.ts says.
 */
import type { ScalarType } from '../../types/scalar.js';
import { NULL_ROW, type Batch, type Vector } from '../table/index.js';
import { KeyIds } from './join-keys.js';

export class JoinIndex {
  private readonly keys: KeyIds;
  /** Group g's rows are rows[starts[g] .. starts[g + 1]). */
  readonly starts: Uint32Array;
  readonly rows: Uint32Array;

  /** Indexes the rows of `batch` on the columns `keyCols` (of types `types`). */
  constructor(batch: Batch, keyCols: readonly number[], types: readonly ScalarType[]) {
    const n = batch.length;
    this.keys = new KeyIds(types);
    const groupOf = this.keys.build(
      keyCols.map((k) => batch.columns[k]!),
      n,
    );
    const count = this.keys.count;
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
   * The group of each of the `n` probing rows whose key columns are `cols` (types `types`; -1: no
   * match, or a null key part), in `out` when it is given and long enough (a buffer reused across
   * batches).
   */
  probe(cols: readonly Vector[], types: readonly ScalarType[], n: number, out?: Int32Array): Int32Array {
    return this.keys.lookup(cols, types, n, out);
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
}
