/**
 * Vectorized kernels for the hottest shapes: a comparison of an int or long-like column with a
 * constant. They compute exactly what the scalar library's comparison gives (null rules of
 * null-values.md: `==` with a null is false, `!=` true, an ordering null) directly over the typed
 * array, instead of one bound call per row. Anything else goes through the scalar library.
 *
 * Each kernel also has a `select` for `where`: it writes the positions of the matching rows
 * straight into a selection vector, with no bool vector in between. Int32Array and BigInt64Array
 * get loops of their own so that every loop sees one element type (V8 then compares int64
 * elements without allocating a BigInt per row).
 */
import type { BinaryOp } from '../../plan/plan.js';
import { BoolVector, NullMask, type IntVector, type LongVector, type Batch } from '../table/index.js';
import type { CompiledExpr } from './compiled.js';

type Cmp = '==' | '!=' | '<' | '<=' | '>' | '>=';
const flipped: Record<Cmp, Cmp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const comparisons = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=']);

/** out[i] = 1 where values[i] op k, for an int column. */
function fillInt(op: Cmp, v: Int32Array, k: number, out: Uint8Array, n: number): void {
  switch (op) {
    case '==':
      for (let i = 0; i < n; i++) if (v[i] === k) out[i] = 1;
      break;
    case '!=':
      for (let i = 0; i < n; i++) if (v[i] !== k) out[i] = 1;
      break;
    case '<':
      for (let i = 0; i < n; i++) if (v[i]! < k) out[i] = 1;
      break;
    case '<=':
      for (let i = 0; i < n; i++) if (v[i]! <= k) out[i] = 1;
      break;
    case '>':
      for (let i = 0; i < n; i++) if (v[i]! > k) out[i] = 1;
      break;
    case '>=':
      for (let i = 0; i < n; i++) if (v[i]! >= k) out[i] = 1;
      break;
  }
}

/** out[i] = 1 where values[i] op k, for a long, datetime or timespan column. */
function fillLong(op: Cmp, v: BigInt64Array, k: bigint, out: Uint8Array, n: number): void {
  switch (op) {
    case '==':
      for (let i = 0; i < n; i++) if (v[i] === k) out[i] = 1;
      break;
    case '!=':
      for (let i = 0; i < n; i++) if (v[i] !== k) out[i] = 1;
      break;
    case '<':
      for (let i = 0; i < n; i++) if (v[i]! < k) out[i] = 1;
      break;
    case '<=':
      for (let i = 0; i < n; i++) if (v[i]! <= k) out[i] = 1;
      break;
    case '>':
      for (let i = 0; i < n; i++) if (v[i]! > k) out[i] = 1;
      break;
    case '>=':
      for (let i = 0; i < n; i++) if (v[i]! >= k) out[i] = 1;
      break;
  }
}

/** Writes the positions where values[i] op k into `sel`; returns how many (no nulls in the column). */
function selectInt(op: Cmp, v: Int32Array, k: number, sel: Uint32Array, n: number): number {
  let m = 0;
  switch (op) {
    case '==':
      for (let i = 0; i < n; i++) if (v[i] === k) sel[m++] = i;
      break;
    case '!=':
      for (let i = 0; i < n; i++) if (v[i] !== k) sel[m++] = i;
      break;
    case '<':
      for (let i = 0; i < n; i++) if (v[i]! < k) sel[m++] = i;
      break;
    case '<=':
      for (let i = 0; i < n; i++) if (v[i]! <= k) sel[m++] = i;
      break;
    case '>':
      for (let i = 0; i < n; i++) if (v[i]! > k) sel[m++] = i;
      break;
    case '>=':
      for (let i = 0; i < n; i++) if (v[i]! >= k) sel[m++] = i;
      break;
  }
  return m;
}

function selectLong(op: Cmp, v: BigInt64Array, k: bigint, sel: Uint32Array, n: number): number {
  let m = 0;
  switch (op) {
    case '==':
      for (let i = 0; i < n; i++) if (v[i] === k) sel[m++] = i;
      break;
    case '!=':
      for (let i = 0; i < n; i++) if (v[i] !== k) sel[m++] = i;
      break;
    case '<':
      for (let i = 0; i < n; i++) if (v[i]! < k) sel[m++] = i;
      break;
    case '<=':
      for (let i = 0; i < n; i++) if (v[i]! <= k) sel[m++] = i;
      break;
    case '>':
      for (let i = 0; i < n; i++) if (v[i]! > k) sel[m++] = i;
      break;
    case '>=':
      for (let i = 0; i < n; i++) if (v[i]! >= k) sel[m++] = i;
      break;
  }
  return m;
}

export function comparisonKernel(op: BinaryOp, left: CompiledExpr, right: CompiledExpr): CompiledExpr | null {
  if (!comparisons.has(op)) return null;
  let col = left;
  let k = right;
  let cmp = op as Cmp;
  if (left.isConstant && right.columnIndex !== undefined) {
    col = right;
    k = left;
    cmp = flipped[cmp];
  }
  if (col.columnIndex === undefined || !k.isConstant || k.constantValue === null) return null;
  const c = k.constantValue;
  let isInt: boolean;
  let intConstant = 0;
  let longConstant = 0n;
  if (col.type === 'int' && (k.type === 'int' || k.type === 'long')) {
    const n = typeof c === 'bigint' ? Number(c) : (c as number);
    if (!Number.isSafeInteger(n)) return null;
    isInt = true;
    intConstant = n;
  } else if (
    (col.type === 'long' && k.type === 'long') ||
    ((col.type === 'datetime' || col.type === 'timespan') && k.type === col.type)
  ) {
    if (typeof c !== 'bigint') return null;
    isInt = false;
    longConstant = c;
  } else return null;
  const index = col.columnIndex;
  const nullResult: boolean | null = cmp === '==' ? false : cmp === '!=' ? true : null;
  const evaluate = (batch: Batch): BoolVector => {
    const v = batch.columns[index] as IntVector | LongVector;
    const n = batch.length;
    const out = new Uint8Array(n);
    let nulls: NullMask | null = null;
    if (isInt) fillInt(cmp, (v as IntVector).values, intConstant, out, n);
    else fillLong(cmp, (v as LongVector).values, longConstant, out, n);
    const srcNulls = v.nulls;
    if (srcNulls !== null) {
      for (let i = 0; i < n; i++) {
        if (!srcNulls.get(i)) continue;
        if (nullResult === null) (nulls ??= new NullMask(n)).set(i);
        else out[i] = nullResult ? 1 : 0;
      }
    }
    return new BoolVector(out, nulls, n);
  };
  const select = (batch: Batch, sel: Uint32Array): number => {
    const v = batch.columns[index] as IntVector | LongVector;
    const n = batch.length;
    if (v.nulls === null)
      return isInt
        ? selectInt(cmp, (v as IntVector).values, intConstant, sel, n)
        : selectLong(cmp, (v as LongVector).values, longConstant, sel, n);
    // A column with nulls: the bool vector already carries the null rules.
    const b = evaluate(batch);
    const values = b.values;
    const nulls = b.nulls;
    let m = 0;
    for (let i = 0; i < n; i++) if (values[i] === 1 && !NullMask.isNull(nulls, i)) sel[m++] = i;
    return m;
  };
  return {
    type: 'bool',
    isConstant: false,
    constantValue: null,
    deterministic: true,
    deps: col.deps,
    evaluate,
    select,
  };
}
