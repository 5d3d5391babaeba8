/**
 * `mv-apply items on (subquery)`: for each input row, expands the items into a sub-table (the
 * row's other columns repeated beside them, as mv-expand would) and runs the subquery over it; the
 * output is the union of the subquery results, in input order.
 */
import type { MvApplyOp } from '../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { concatBatches, sliceBatch, type Batch } from '../table/index.js';
import { constantCount, inputEnv, type OpEnv } from './common.js';
import { compileScalar } from '../expr/compile.js';
import { expandBatch, planExpand } from './mv-expand.js';

export function runMvApply(op: MvApplyOp, input: Relation, env: OpEnv): Relation {
  let limit = env.ctx.limits.maxExpandPerRow;
  if (op.limit !== null) {
    const c = compileScalar(op.limit, inputEnv(input, env));
    if (!c.isConstant)
      throw new KqlRuntimeError(errorCodes.badArguments, 'mv-apply: limit must be a constant', op.limit.span);
    limit = constantCount(c.constantValue, 'mv-apply limit', op.limit.span);
  }
  const plan = planExpand(op.items, 'bag', op.itemIndex, limit, input, env);
  const scope = env.scope.child();
  const subEnv: OpEnv = { scope, ctx: env.ctx };
  const outBatches: Batch[] = [];
  let outColumns: Relation['columns'] | null = null;
  for (const b of input.batches) {
    for (let r = 0; r < b.length; r++) {
      const expanded = expandBatch(sliceBatch(b, r, r + 1), plan, op.span);
      const sub = relationOf(plan.schema, [expanded], true);
      scope.define('', { kind: 'tabular', get: () => sub });
      const result = env.ctx.evalTabular(op.subquery, scope);
      if (outColumns === null) outColumns = result.columns;
      else if (
        result.columns.length !== outColumns.length ||
        result.columns.some((c, i) => c.name !== outColumns![i]!.name || c.type !== outColumns![i]!.type)
      )
        throw new KqlRuntimeError(
          errorCodes.schemaMismatch,
          'mv-apply: the subquery gave different schemas for different rows',
          op.span,
        );
      outBatches.push(...result.batches);
    }
  }
  void subEnv;
  if (outColumns === null) {
    // No input rows: run the subquery once over an empty sub-table to learn its schema.
    const sub = relationOf(plan.schema, [], true);
    scope.define('', { kind: 'tabular', get: () => sub });
    outColumns = env.ctx.evalTabular(op.subquery, scope).columns;
  }
  return relationOf(outColumns, outBatches.length > 0 ? [concatBatches(outColumns, outBatches)] : [], false);
}
