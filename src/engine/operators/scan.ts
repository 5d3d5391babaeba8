/**
 * `scan` (scan-operator.md): a state machine over the rows in order. Each step has a state (the
 * records that matched the steps up to it, and a match id). Every row is checked against the
 * steps from the last to the first:
 *
 * - check 1: the previous step has a state and the row meets this step's condition (evaluated
 *   over the previous step's state): that state moves to this step, extended by the row;
 * - check 2 (when check 1 did not match): this step has an active sequence, or is the first step,
 *   and the row meets the condition over this step's own state: the row replaces this step's
 *   record; on the first step with no active sequence, a new sequence (match id) begins.
 *
 * A match computes the step's assignments into the declared columns (unassigned ones take their
 * default) and outputs the row unless the step says `output=none`; `output=last` keeps only the
 * last row of a run of matches of the step. `StepName.Column` reads the step's record in the state
 * the condition is evaluated over; an empty record reads as the declared defaults (null for the
 * input's columns).
 *
 * Expressions are compiled once against a schema of the input columns, the declared columns and
 * one column per (step, column) of the state, then evaluated per row over one-row batches.
 */
import type { Expr, ScanOp } from '../../plan/plan.js';
import { mapScalarChildren } from '../../plan/map-children.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import type { CompiledExpr } from '../expr/compiled.js';
import { constantVector, createVectorBuilder, rechunk, type Batch, type Vector } from '../table/index.js';
import { converter } from '../values/convert.js';
import { exprEnvFor, nullOf, type OpEnv } from './common.js';

/** The evaluation schema's name for `step.column` (a NUL cannot appear in a KQL column name). */
function stateColumn(step: string, column: string): string {
  return `\u0000${step}.${column}`;
}

/** `s1.x` → the state column of (s1, x), everywhere in a scalar expression. */
function resolveStateRefs(expr: Expr, steps: ReadonlySet<string>): Expr {
  const go = (e: Expr): Expr => resolveStateRefs(e, steps);
  switch (expr.kind) {
    case 'member':
      if (expr.target.kind === 'name' && steps.has(expr.target.name))
        return {
          kind: 'name',
          name: stateColumn(expr.target.name, expr.name),
          resolvedAs: 'column',
          type: null,
          span: expr.span,
        };
      return mapScalarChildren(expr, go);
    default:
      return mapScalarChildren(expr, go);
  }
}

type Row = ScalarValue[];

interface StepState {
  readonly matchId: number;
  /** Record of each step up to this one (null: that step has not matched in this sequence). */
  readonly records: (Row | null)[];
}

interface CompiledStep {
  readonly name: string;
  readonly output: 'all' | 'last' | 'none';
  readonly condition: CompiledExpr;
  /** Position in the declared columns, and the compiled value. */
  readonly assignments: readonly { readonly at: number; readonly expr: CompiledExpr }[];
}

export function runScan(op: ScanOp, input: Relation, env: OpEnv): Relation {
  const stepNames = new Set(op.steps.map((s) => s.name));
  if (stepNames.size !== op.steps.length)
    throw new KqlRuntimeError(errorCodes.badArguments, 'scan: step names must be unique', op.span);
  const inputWidth = input.columns.length;
  const declEnv = exprEnvFor([], false, env);
  const declared: ColumnSchema[] = [];
  const defaults: ScalarValue[] = op.declarations.map((d) => {
    if (columnIndex(input.columns, d.name) >= 0)
      throw new KqlRuntimeError(
        errorCodes.columnConflict,
        `scan: the declared column '${d.name}' is already a column of the input`,
        op.span,
      );
    declared.push({ name: d.name, type: d.type });
    if (d.defaultValue === null) return nullOf(d.type);
    const c = compileScalar(d.defaultValue, declEnv);
    if (!c.isConstant)
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `scan: the default of '${d.name}' must be a constant`,
        d.defaultValue.span,
      );
    return converter(c.type, d.type)(c.constantValue);
  });
  const extended: ColumnSchema[] = [...input.columns, ...declared];
  /** What an empty record reads as: nulls for the input's columns, the declared defaults. */
  const emptyRecord: Row = [...input.columns.map((c) => nullOf(c.type)), ...defaults];
  const evalSchema: ColumnSchema[] = [
    ...extended,
    ...op.steps.flatMap((s) => extended.map((c) => ({ name: stateColumn(s.name, c.name), type: c.type }))),
  ];
  const env2 = exprEnvFor(evalSchema, true, env);
  const steps: CompiledStep[] = op.steps.map((s) => {
    const condition = compileScalar(resolveStateRefs(s.condition, stepNames), env2);
    if (condition.type !== 'bool')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `scan: the condition of step '${s.name}' must be a bool, not ${condition.type}`,
        s.condition.span,
      );
    const assignments = s.assignments.map((a) => {
      const at = declared.findIndex((d) => d.name === a.column);
      if (at < 0)
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `scan: step '${s.name}' assigns '${a.column}', which is not a declared column`,
          a.span,
        );
      const expr = compileScalar(resolveStateRefs(a.expr, stepNames), env2);
      const convert = converter(expr.type, declared[at]!.type);
      const typed: CompiledExpr =
        expr.type === declared[at]!.type ? expr : convertedExpr(expr, declared[at]!.type, convert);
      return { at, expr: typed };
    });
    return { name: s.name, output: s.output, condition, assignments };
  });

  // Vectors of the current evaluation; columns no expression reads stay a shared null.
  const used = new Set<number>();
  for (const s of steps) {
    for (const d of s.condition.deps) used.add(d);
    for (const a of s.assignments) for (const d of a.expr.deps) used.add(d);
  }
  const placeholders: Vector[] = evalSchema.map((c) => constantVector(c.type, nullOf(c.type), 1));
  const columns: Vector[] = [...placeholders];
  const one: Batch = { length: 1, columns };
  const setRow = (row: Row): void => {
    for (let i = 0; i < extended.length; i++)
      if (used.has(i)) columns[i] = constantVector(evalSchema[i]!.type, row[i]!, 1);
  };
  const setState = (state: StepState | null): void => {
    op.steps.forEach((_, j) => {
      const record = state?.records[j] ?? emptyRecord;
      const base = extended.length * (j + 1);
      for (let i = 0; i < extended.length; i++)
        if (used.has(base + i)) columns[base + i] = constantVector(evalSchema[base + i]!.type, record[i]!, 1);
    });
  };
  /** The row extended by the step's assignments, when it meets the step's condition over `state`. */
  const tryStep = (step: CompiledStep, row: Row, state: StepState | null): Row | null => {
    setState(state);
    if (step.condition.evaluate(one).get(0) !== true) return null;
    const out = row.slice();
    for (const a of step.assignments) out[inputWidth + a.at] = a.expr.evaluate(one).get(0);
    return out;
  };

  const outSchema: ColumnSchema[] = [...extended];
  if (op.matchIdColumn !== null) outSchema.push({ name: op.matchIdColumn, type: 'long' });
  const builders = outSchema.map((c) => createVectorBuilder(c.type, 0));
  const emit = (row: Row, matchId: number): void => {
    row.forEach((v, i) => builders[i]!.push(v));
    if (op.matchIdColumn !== null) builders[row.length]!.push(BigInt(matchId));
  };
  const pendingLast: ({ row: Row; matchId: number } | null)[] = steps.map(() => null);
  const flush = (k: number): void => {
    const p = pendingLast[k];
    if (p) emit(p.row, p.matchId);
    pendingLast[k] = null;
  };
  const output = (k: number, row: Row, matchId: number, repeat: boolean): void => {
    const mode = steps[k]!.output;
    if (mode === 'all') emit(row, matchId);
    else if (mode === 'last') {
      if (!repeat) flush(k);
      pendingLast[k] = { row, matchId };
    }
  };

  const states: (StepState | null)[] = steps.map(() => null);
  let nextMatchId = 0;
  const all = singleBatch(input);
  for (let r = 0; r < all.length; r++) {
    const row: Row = [...all.columns.map((v) => v.get(r)), ...defaults];
    setRow(row);
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k]!;
      const previous = k > 0 ? states[k - 1]! : null;
      if (previous !== null) {
        const out = tryStep(step, row, previous);
        if (out !== null) {
          const records = [...previous.records, out];
          states[k] = { matchId: previous.matchId, records };
          states[k - 1] = null;
          flush(k - 1);
          output(k, out, previous.matchId, false);
          continue;
        }
      }
      const own = states[k]!;
      if (own === null && k > 0) continue;
      const out = tryStep(step, row, own);
      if (out === null) continue;
      const matchId = own === null ? nextMatchId++ : own.matchId;
      const records = own === null ? [out] : [...own.records.slice(0, k), out];
      states[k] = { matchId, records };
      output(k, out, matchId, own !== null);
    }
  }
  steps.forEach((_, k) => flush(k));
  const length = builders[0]?.length ?? 0;
  return relationOf(outSchema, rechunk({ length, columns: builders.map((b) => b.finish()) }), true);
}

/** `expr` with its value converted to a declared column's type (an int into a long column). */
function convertedExpr(
  expr: CompiledExpr,
  type: ColumnSchema['type'],
  convert: (v: ScalarValue) => ScalarValue,
): CompiledExpr {
  return {
    ...expr,
    type,
    isConstant: expr.isConstant,
    constantValue: expr.isConstant ? convert(expr.constantValue) : null,
    columnIndex: undefined,
    select: undefined,
    evaluate: (batch) => constantVector(type, convert(expr.evaluate(batch).get(0)), 1),
  };
}
