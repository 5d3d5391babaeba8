/**
 * `mv-apply items on (subquery)`: for each input row, expands the items into a sub-table (the
 * row's other columns repeated beside them, as mv-expand would) and runs the subquery over it; the
 * output is the union of the subquery results, in input order.
 */
import type { MvApplyOp } from '../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { concatBatches, sliceBatch, type Batch } from '../table/index.js';
import type { ColumnSchema } from '../../types/scalar.js';
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
  // The source columns that are not expanded come back beside the subquery's rows (mv-apply
  // docs, step 3). A column is expanded when an item names it without renaming it.
  const expanded = new Set(
    op.items.filter((i) => i.expr.kind === 'name' && i.expr.name === i.name).map((i) => i.name),
  );
  const kept = input.columns.map((c, i) => ({ c, i })).filter(({ c }) => !expanded.has(c.name));
  const scope = env.scope.child();
  const outBatches: Batch[] = [];
  let outColumns: ColumnSchema[] | null = null;
  let subColumns: readonly ColumnSchema[] | null = null;
  for (const b of input.batches) {
    for (let r = 0; r < b.length; r++) {
      const expandedRows = expandBatch(sliceBatch(b, r, r + 1), plan, op.span);
      const sub = relationOf(plan.schema, [expandedRows], true);
      scope.define('', { kind: 'tabular', get: () => sub });
      const result = env.ctx.evalTabular(op.subquery, scope);
      if (subColumns === null) {
        subColumns = result.columns;
        outColumns = outputColumns(
          kept.map((k) => k.c),
          subColumns,
        );
      } else if (
        result.columns.length !== subColumns.length ||
        result.columns.some((c, i) => c.name !== subColumns![i]!.name || c.type !== subColumns![i]!.type)
      ) {
        throw new KqlRuntimeError(
          errorCodes.schemaMismatch,
          'mv-apply: the subquery gave different schemas for different rows',
          op.span,
        );
      }
      for (const rb of result.batches) outBatches.push(withSourceColumns(b, r, rb, kept, subColumns));
    }
  }
  if (outColumns === null) {
    // No input rows: run the subquery once over an empty sub-table to learn its schema.
    const sub = relationOf(plan.schema, [], true);
    scope.define('', { kind: 'tabular', get: () => sub });
    outColumns = outputColumns(
      kept.map((k) => k.c),
      env.ctx.evalTabular(op.subquery, scope).columns,
    );
  }
  return relationOf(outColumns, outBatches.length > 0 ? [concatBatches(outColumns, outBatches)] : [], false);
}

/** Kept source columns first (the subquery's own version where it returns one), then the rest. */
function outputColumns(kept: readonly ColumnSchema[], sub: readonly ColumnSchema[]): ColumnSchema[] {
  const subByName = new Map(sub.map((c) => [c.name, c]));
  const keptNames = new Set(kept.map((c) => c.name));
  return [...kept.map((c) => subByName.get(c.name) ?? c), ...sub.filter((c) => !keptNames.has(c.name))];
}

/** One subquery batch for input row `r`, with the row's kept source columns repeated beside it. */
function withSourceColumns(
  input: Batch,
  r: number,
  result: Batch,
  kept: readonly { c: ColumnSchema; i: number }[],
  sub: readonly ColumnSchema[],
): Batch {
  const at = new Map(sub.map((c, i) => [c.name, i]));
  const repeat = new Uint32Array(result.length).fill(r);
  const keptNames = new Set(kept.map((k) => k.c.name));
  const columns = [
    ...kept.map(({ c, i }) => {
      const j = at.get(c.name);
      return j !== undefined ? result.columns[j]! : input.columns[i]!.gather(repeat, result.length);
    }),
    ...sub.flatMap((c, j) => (keptNames.has(c.name) ? [] : [result.columns[j]!])),
  ];
  return { length: result.length, columns };
}
