/**
 * `summarize aggs by keys`. Aggregates may sit inside expressions (`100.0 * countif(x) / count()`):
 * every aggregate call is computed into a hidden column, then each output expression is evaluated
 * over the grouped rows. Output: the by columns, then the aggregates. Without `by`, an empty input
 * still gives one row.
 */
import type { Call, Expr, NamedExpr, SummarizeOp } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { bindAggregate, type BoundAggregate } from '../aggregate/bind.js';
import type { AggregateState } from '../aggregate/types.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { uniqueName } from '../exec/naming.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar, type ExprEnv } from '../expr/compile.js';
import { rechunk, type Batch, type Vector } from '../table/index.js';
import { inputEnv, type OpEnv, exprEnvFor } from './common.js';

/** The aggregate calls inside `expr`, outermost first (aggregates do not nest). */
export function aggregateCalls(expr: Expr): Call[] {
  const out: Call[] = [];
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'call':
        if (e.target === 'aggregate') out.push(e);
        else e.args.forEach(walk);
        break;
      case 'binary':
        walk(e.left);
        walk(e.right);
        break;
      case 'unary':
        walk(e.operand);
        break;
      case 'list':
        walk(e.left);
        e.items.forEach(walk);
        break;
      case 'between':
        walk(e.left);
        walk(e.low);
        walk(e.high);
        break;
      case 'member':
        walk(e.target);
        break;
      case 'index':
        walk(e.target);
        walk(e.index);
        break;
      default:
        break;
    }
  };
  walk(expr);
  return out;
}

export interface GroupedResult {
  readonly keys: Vector[];
  /** One entry per bound aggregate: its output vectors. */
  readonly aggregates: Vector[][];
  readonly groupCount: number;
}

/** Groups `input` by `by` and runs `aggs` per group. */
export function groupAndAggregate(
  input: Relation,
  by: readonly NamedExpr[],
  aggs: readonly BoundAggregate[],
  env: ExprEnv,
): GroupedResult & { keyTypes: ColumnSchema['type'][] } {
  const keyExprs = by.map((b) => compileScalar(b.expr, env));
  for (const [k, e] of keyExprs.entries())
    if (e.type === 'dynamic')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `Summarize group key '${by[k]!.name}' is of a 'dynamic' type. Please use an explicit cast`,
        by[k]!.span,
      );
  const grouper = new Grouper(keyExprs.map((e) => e.type));
  const states: AggregateState[] = aggs.map((a) => a.kind.create());
  for (const batch of input.batches) {
    const groups = grouper.assign(
      keyExprs.map((e) => e.evaluate(batch)),
      batch.length,
    );
    aggs.forEach((a, k) =>
      states[k]!.add(
        groups,
        batch.length,
        a.args.map((e) => e.evaluate(batch)),
      ),
    );
  }
  if (by.length === 0 && grouper.groupCount === 0) grouper.groupCount = 1;
  const groupCount = grouper.groupCount;
  return {
    keys: grouper.keyVectors(),
    keyTypes: keyExprs.map((e) => e.type),
    aggregates: states.map((s) => s.finish(groupCount)),
    groupCount,
  };
}

export function runSummarize(op: SummarizeOp, input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const byNames = new Set(op.by.map((b) => b.name));
  // Every aggregate call, bound once; direct aggregates become output columns as they are.
  const calls: Call[] = [];
  for (const a of op.aggregates) calls.push(...aggregateCalls(a.expr));
  const bound = calls.map((c) => bindAggregate(c, ienv, { starExcludes: byNames }));
  const grouped = groupAndAggregate(input, op.by, bound, ienv);

  // The grouped relation: by columns, then every aggregate output (hidden names).
  const groupedSchema: ColumnSchema[] = op.by.map((b, k) => ({ name: b.name, type: grouped.keyTypes[k]! }));
  const groupedColumns: Vector[] = [...grouped.keys];
  const slotOf = new Map<Expr, number>();
  bound.forEach((b, k) => {
    slotOf.set(calls[k]!, groupedSchema.length);
    b.kind.outputs.forEach((t, j) => {
      groupedSchema.push({ name: `\u0000agg${k}_${j}`, type: t });
      groupedColumns.push(grouped.aggregates[k]![j]!);
    });
  });
  const groupedBatch: Batch = { length: grouped.groupCount, columns: groupedColumns };

  // Output columns: by keys, then each aggregate expression (multi-output aggregates expand).
  const outSchema: ColumnSchema[] = [...groupedSchema.slice(0, op.by.length)];
  const outColumns: Vector[] = [...grouped.keys];
  const taken = new Set(outSchema.map((c) => c.name));
  const post: ExprEnv = { ...exprEnvFor(groupedSchema, false, env), aggregates: slotOf };
  const known = op.schema?.kind === 'known' ? op.schema.columns : null;
  for (const a of op.aggregates) {
    const direct =
      a.expr.kind === 'call' && a.expr.target === 'aggregate' ? bound[calls.indexOf(a.expr)] : undefined;
    if (direct !== undefined && direct.kind.outputs.length > 1) {
      const slot = slotOf.get(a.expr)!;
      const names = [a.name, ...direct.extraOutputNames];
      direct.kind.outputs.forEach((t, j) => {
        const preferred = known?.[outSchema.length]?.name;
        const name = uniqueName(known !== null && preferred !== undefined ? preferred : names[j]!, taken);
        taken.add(name);
        outSchema.push({ name, type: t });
        outColumns.push(groupedColumns[slot + j]!);
      });
      continue;
    }
    const e = compileScalar(a.expr, post);
    const name = taken.has(a.name) ? uniqueName(a.name, taken) : a.name;
    taken.add(name);
    outSchema.push({ name, type: e.type });
    outColumns.push(e.evaluate(groupedBatch));
  }
  return relationOf(outSchema, rechunk({ length: grouped.groupCount, columns: outColumns }), false);
}
