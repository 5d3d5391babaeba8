/**
 * `extend`: computes columns in order (a later one may read an earlier one). A name that already
 * exists is replaced in place, keeping its position (docs/SEMANTICS.md: Kusto.Language's binder
 * does the same, although the reference page says "removed and appended").
 */
import type { ExtendOp, NamedExpr } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import type { CompiledExpr } from '../expr/compiled.js';
import type { Batch, Vector } from '../table/index.js';
import { exprEnvFor, usesWindowFunction, type OpEnv } from './common.js';

interface Step {
  readonly expr: CompiledExpr;
  /** Position replaced, or -1 to append. */
  readonly target: number;
}

export function runExtend(op: ExtendOp, input: Relation, env: OpEnv): Relation {
  return extendWith(op.columns, input, env);
}

export function extendWith(columns: readonly NamedExpr[], input: Relation, env: OpEnv): Relation {
  let schema: ColumnSchema[] = [...input.columns];
  const steps: Step[] = [];
  for (const c of columns) {
    // pack_all() sees the input row, not the columns this extend computed before it.
    const expr = compileScalar(c.expr, {
      ...exprEnvFor(schema, input.serialized, env),
      rowColumns: input.columns.length,
    });
    const target = columnIndex(schema, c.name);
    const col = { name: c.name, type: expr.type };
    if (target >= 0) schema = schema.map((s, i) => (i === target ? col : s));
    else schema.push(col);
    steps.push({ expr, target });
  }
  const batches = columns.some((c) => usesWindowFunction(c.expr)) ? [singleBatch(input)] : input.batches;
  return relationOf(
    schema,
    batches.map((b) => applySteps(b, steps)),
    input.serialized,
  );
}

function applySteps(batch: Batch, steps: readonly Step[]): Batch {
  const cols: Vector[] = [...batch.columns];
  for (const s of steps) {
    const v = s.expr.evaluate({ length: batch.length, columns: cols });
    if (s.target >= 0) cols[s.target] = v;
    else cols.push(v);
  }
  return { length: batch.length, columns: cols };
}
