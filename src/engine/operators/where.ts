/** `where predicate`: keeps the rows for which the predicate is true (null counts as false). */
import type { WhereOp } from '../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import type { CompiledExpr } from '../expr/compiled.js';
import { CHUNK_ROWS, gatherBatch, NullMask, type Batch, type BoolVector } from '../table/index.js';
import { inputEnv, usesWindowFunction, type OpEnv } from './common.js';

export function compilePredicate(predicate: CompiledExpr, span: WhereOp['span']): CompiledExpr {
  if (predicate.type !== 'bool')
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `The predicate of 'where' must be of type bool, got ${predicate.type}`,
      span,
    );
  return predicate;
}

/**
 * Rows of `batch` where `pred` holds. `scratch` (optional, reused across batches) receives the
 * selection; the kept positions are then copied out at their exact size, so a filter over many
 * batches allocates only what it keeps.
 */
export function filterBatch(batch: Batch, pred: CompiledExpr, scratch?: Uint32Array): Batch {
  const idx =
    scratch !== undefined && scratch.length >= batch.length ? scratch : new Uint32Array(batch.length);
  let n = 0;
  if (pred.select !== undefined) n = pred.select(batch, idx);
  else {
    const v = pred.evaluate(batch) as BoolVector;
    const values = v.values;
    const nulls = v.nulls;
    for (let i = 0; i < batch.length; i++) if (values[i] === 1 && !NullMask.isNull(nulls, i)) idx[n++] = i;
  }
  if (n === batch.length) return batch;
  // The gathered columns keep their index array: it must be theirs alone and no larger than kept.
  return gatherBatch(batch, idx === scratch || n < batch.length >>> 2 ? idx.slice(0, n) : idx, n);
}

export function runWhere(op: WhereOp, input: Relation, env: OpEnv): Relation {
  const pred = compilePredicate(compileScalar(op.predicate, inputEnv(input, env)), op.predicate.span);
  if (pred.isConstant)
    return pred.constantValue === true ? input : relationOf(input.columns, [], input.serialized);
  const batches = usesWindowFunction(op.predicate) ? [singleBatch(input)] : input.batches;
  let scratch = new Uint32Array(CHUNK_ROWS);
  return relationOf(
    input.columns,
    batches.map((b) => {
      if (b.length > scratch.length) scratch = new Uint32Array(b.length);
      return filterBatch(b, pred, scratch);
    }),
    input.serialized,
  );
}
