/**
 * `extend`: computes columns in order (a later one may read an earlier one). A name that already
 * exists is replaced in place, keeping its position (docs/SEMANTICS.md: Kusto.Language's binder
 * does the same, although the reference page says "removed and appended"). The columns spread
 * from a multi-value call (`extend (a, b) = series_fit_line(y)`) come from one evaluation of it.
 */
import type { ExtendOp, NamedExpr } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileMultiValueCall, compileScalar, type ExprEnv } from '../expr/compile.js';
import { checkCallOutput, computedExpr, groupSpreadColumns } from '../expr/multi-value.js';
import type { Batch, Vector } from '../table/index.js';
import { exprEnvFor, usesWindowFunction, type OpEnv } from './common.js';

interface Step {
  /** The vectors this step computes, one per target. */
  readonly evaluate: (batch: Batch) => readonly Vector[];
  /** Position each vector replaces, or -1 to append. */
  readonly targets: readonly number[];
}

export function runExtend(op: ExtendOp, input: Relation, env: OpEnv): Relation {
  return extendWith(op.columns, input, env);
}

export function extendWith(columns: readonly NamedExpr[], input: Relation, env: OpEnv): Relation {
  let schema: ColumnSchema[] = [...input.columns];
  const steps: Step[] = [];
  /** Adds (or replaces) a column of the output schema; returns the position it replaces or -1. */
  const place = (col: ColumnSchema): number => {
    const target = columnIndex(schema, col.name);
    if (target >= 0) schema = schema.map((s, i) => (i === target ? col : s));
    else schema.push(col);
    return target;
  };
  for (const group of groupSpreadColumns(columns)) {
    // pack_all() sees the input row, not the columns this extend computed before it.
    const exprEnv: ExprEnv = {
      ...exprEnvFor(schema, input.serialized, env),
      rowColumns: input.columns.length,
    };
    if (group.kind === 'single') {
      const expr = compileScalar(group.column.expr, exprEnv);
      const target = place({ name: group.column.name, type: expr.type });
      steps.push({ evaluate: (b) => [expr.evaluate(b)], targets: [target] });
      continue;
    }
    const multi = compileMultiValueCall(group.call, exprEnv);
    const outputs = group.columns.map((c) => checkCallOutput(c.output, multi.outputs));
    const picked = group.columns.map((c) => c.output.index);
    const targets = group.columns.map((c, k) => place({ name: c.column.name, type: outputs[k]!.type }));
    steps.push({
      evaluate: (b) => {
        const all = multi.evaluate(b);
        return picked.map((index) => all[index]!);
      },
      targets,
    });
  }
  const windowed = columns.some((c) => usesWindowFunction(computedExpr(c)));
  const batches = windowed ? [singleBatch(input)] : input.batches;
  return relationOf(
    schema,
    batches.map((b) => applySteps(b, steps)),
    input.serialized,
  );
}

function applySteps(batch: Batch, steps: readonly Step[]): Batch {
  const cols: Vector[] = [...batch.columns];
  for (const s of steps) {
    const vectors = s.evaluate({ length: batch.length, columns: cols });
    s.targets.forEach((target, k) => {
      if (target >= 0) cols[target] = vectors[k]!;
      else cols.push(vectors[k]!);
    });
  }
  return { length: batch.length, columns: cols };
}
