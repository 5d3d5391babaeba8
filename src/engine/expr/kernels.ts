/**
 * Vectorized kernels for the hottest shapes: a comparison of an int or long-like column with a
 * constant. They compute exactly what the scalar library's comparison gives (null rules of
 * null-values.md: `==` with a null is false, `!=` true, an ordering null) directly over the typed
 * array, instead of one bound call per row. Anything else goes through the scalar library.
 */
import type { BinaryOp } from '../../plan/plan.js';
import { BoolVector, NullMask, type IntVector, type LongVector, type Batch } from '../table/index.js';
import type { CompiledExpr } from './compiled.js';

type Cmp = '==' | '!=' | '<' | '<=' | '>' | '>=';
const flipped: Record<Cmp, Cmp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const comparisons = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=']);

/** out[i] = 1 where values[i] op k (one tight loop per operator). */
function fill(
  op: Cmp,
  values: Int32Array | BigInt64Array,
  k: number | bigint,
  out: Uint8Array,
  n: number,
): void {
  const v = values as unknown as ArrayLike<number | bigint>;
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
  let constant: number | bigint;
  if (col.type === 'int' && (k.type === 'int' || k.type === 'long')) {
    const n = typeof c === 'bigint' ? Number(c) : (c as number);
    if (!Number.isSafeInteger(n)) return null;
    constant = n;
  } else if (
    (col.type === 'long' && k.type === 'long') ||
    ((col.type === 'datetime' || col.type === 'timespan') && k.type === col.type)
  ) {
    if (typeof c !== 'bigint') return null;
    constant = c;
  } else return null;
  const index = col.columnIndex;
  const nullResult: boolean | null = cmp === '==' ? false : cmp === '!=' ? true : null;
  return {
    type: 'bool',
    isConstant: false,
    constantValue: null,
    deterministic: true,
    deps: col.deps,
    evaluate(batch: Batch): BoolVector {
      const v = batch.columns[index] as IntVector | LongVector;
      const n = batch.length;
      const out = new Uint8Array(n);
      const values = v.values;
      let nulls: NullMask | null = null;
      fill(cmp, values, constant, out, n);
      if (v.nulls !== null) {
        for (let i = 0; i < n; i++) {
          if (!v.nulls.get(i)) continue;
          if (nullResult === null) (nulls ??= new NullMask(n)).set(i);
          else out[i] = nullResult ? 1 : 0;
        }
      }
      return new BoolVector(out, nulls, n);
    },
  };
}
