/** Operators that pick or count rows: take/limit, count, sample, distinct, sort/order, top. */
import type {
  CountOp,
  DistinctOp,
  SampleOp,
  SortKey,
  SortOp,
  TakeOp,
  TopOp,
  NamedExpr,
  Span,
} from '../../plan/plan.js';
import type { ColumnSchema, ScalarType } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, rowCount, singleBatch, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { constantVector, gatherBatch, rechunk, sliceBatch, type Batch, type Vector } from '../table/index.js';
import { compareValues } from '../values/compare.js';
import { constantCount, inputEnv, type OpEnv } from './common.js';

function countArg(expr: TakeOp['count'], input: Relation, env: OpEnv, what: string): number {
  const c = compileScalar(expr, inputEnv(input, env));
  if (!c.isConstant)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `${what}: the row count must be a constant`,
      expr.span,
    );
  return Math.max(0, constantCount(c.constantValue, what, expr.span));
}

/** The first `n` rows, in input order. */
export function takeRows(input: Relation, n: number): Relation {
  const out: Batch[] = [];
  let left = n;
  for (const b of input.batches) {
    if (left <= 0) break;
    out.push(b.length <= left ? b : sliceBatch(b, 0, left));
    left -= Math.min(left, b.length);
  }
  return relationOf(input.columns, out, input.serialized);
}

export function runTake(op: TakeOp, input: Relation, env: OpEnv): Relation {
  return takeRows(input, countArg(op.count, input, env, 'take'));
}

export function runCount(op: CountOp, input: Relation): Relation {
  const n = BigInt(rowCount(input));
  return relationOf(
    [{ name: op.name, type: 'long' }],
    [{ length: 1, columns: [constantVector('long', n, 1)] }],
    false,
  );
}

/** `sample n`: n rows picked at random (without replacement). */
export function runSample(op: SampleOp, input: Relation, env: OpEnv): Relation {
  const n = countArg(op.count, input, env, 'sample');
  const all = singleBatch(input);
  const idx = Array.from({ length: all.length }, (_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const pick = Uint32Array.from(idx.slice(0, n));
  return relationOf(input.columns, rechunk(gatherBatch(all, pick, pick.length)), false);
}

export function runDistinct(op: DistinctOp, input: Relation, env: OpEnv): Relation {
  const columns: readonly NamedExpr[] =
    op.columns ??
    input.columns.map((c) => ({
      name: c.name,
      expr: {
        kind: 'name' as const,
        name: c.name,
        resolvedAs: 'column' as const,
        type: c.type,
        span: op.span,
      },
      span: op.span,
    }));
  const ienv = inputEnv(input, env);
  const exprs = columns.map((c) => compileScalar(c.expr, ienv));
  const grouper = new Grouper(exprs.map((e) => e.type));
  for (const b of input.batches)
    grouper.assign(
      exprs.map((e) => e.evaluate(b)),
      b.length,
    );
  const schema: ColumnSchema[] = columns.map((c, k) => ({ name: c.name, type: exprs[k]!.type }));
  const keys = grouper.keyVectors();
  return relationOf(schema, rechunk({ length: grouper.groupCount, columns: keys }), false);
}

/** Row order for sort keys: Kusto's nulls first/last as the plan says (the front end sets the defaults). */
export function sortedIndices(
  batch: Batch,
  keys: readonly { values: Vector; type: ScalarType; key: SortKey }[],
): Uint32Array {
  const idx = new Uint32Array(batch.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const cmp = (a: number, b: number): number => {
    for (const k of keys) {
      const x = k.values.get(a);
      const y = k.values.get(b);
      const xn = x === null;
      const yn = y === null;
      let c: number;
      if (xn || yn) {
        if (xn && yn) c = 0;
        else c = (xn ? -1 : 1) * (k.key.nulls === 'first' ? 1 : -1);
      } else {
        c = compareValues(x, y, k.type);
        if (k.key.order === 'desc') c = -c;
      }
      if (c !== 0) return c;
    }
    return a - b;
  };
  return idx.sort(cmp);
}

function sortRelation(input: Relation, by: readonly SortKey[], env: OpEnv, span: Span): Batch {
  const all = singleBatch(input);
  const ienv = inputEnv(input, env);
  const keys = by.map((k) => {
    const e = compileScalar(k.expr, ienv);
    if (e.type === 'dynamic')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'sort: a dynamic value cannot be a sort key; cast it first',
        k.expr.span ?? span,
      );
    return { values: e.evaluate(all), type: e.type, key: k };
  });
  return gatherBatch(all, sortedIndices(all, keys));
}

export function runSort(op: SortOp, input: Relation, env: OpEnv): Relation {
  return relationOf(input.columns, rechunk(sortRelation(input, op.by, env, op.span)), true);
}

export function runTop(op: TopOp, input: Relation, env: OpEnv): Relation {
  const n = countArg(op.count, input, env, 'top');
  const sorted = sortRelation(input, op.by, env, op.span);
  return relationOf(input.columns, rechunk(sliceBatch(sorted, 0, Math.min(n, sorted.length))), true);
}
