/**
 * What the activity plugins (activity_counts_metrics, activity_metrics, new_activity_metrics,
 * active_users_count) share: the timeline column cut into windows that start at the analysis
 * Start (Start, Start + Step, ...), rows kept when their time lies in [Start, End], and the
 * optional dimension columns that slice the computation (a group per combination, in order of
 * first appearance).
 *
 * Timelines are datetime (with a timespan step) or whole numbers (long or int, with a whole step):
 * both are kept as bigint, so datetime ticks stay exact.
 */
import type { Expr } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { Grouper } from '../exec/grouping.js';
import { singleBatch, type Relation } from '../exec/relation.js';
import type { CompiledExpr } from '../expr/compiled.js';
import type { Batch, Vector } from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';
import type { PluginArgs } from './plugin-args.js';

export interface Timeline {
  readonly type: ScalarType;
  readonly name: string;
  readonly start: bigint;
  readonly end: bigint;
  readonly step: bigint;
}

/** Reads `Start, End, Step` at `at`, `at + 1`, `at + 2` for the timeline column expression. */
export function readTimeline(
  args: PluginArgs,
  timeline: CompiledExpr,
  timelineArg: Expr,
  at: number,
): Timeline {
  const type = timeline.type;
  if (type !== 'datetime' && type !== 'long' && type !== 'int')
    args.fail(`the timeline column must be a datetime or a whole number, got ${type}`, timelineArg);
  const bound = (index: number, what: string): bigint => {
    const c = args.constant(index, what);
    if (c === undefined || c.value === null) return args.fail(`missing ${what}`);
    if (c.type === 'datetime' || c.type === 'long') {
      if ((c.type === 'datetime') !== (type === 'datetime'))
        args.fail(`${what} must be a ${type}`, args.arg(index));
      return c.value as bigint;
    }
    if (c.type === 'int' && type !== 'datetime') return BigInt(c.value as number);
    return args.fail(`${what} must be a ${type}, got ${c.type}`, args.arg(index));
  };
  const stepOf = (): bigint => {
    const c = args.constant(at + 2, 'Step');
    if (c === undefined || c.value === null) return args.fail('missing Step');
    const ok = type === 'datetime' ? c.type === 'timespan' : c.type === 'long' || c.type === 'int';
    if (!ok)
      args.fail(
        `Step must be a ${type === 'datetime' ? 'timespan' : 'whole number'}, got ${c.type}`,
        args.arg(at + 2),
      );
    const step = typeof c.value === 'bigint' ? c.value : BigInt(c.value as number);
    if (step <= 0n) args.fail('Step must be positive', args.arg(at + 2));
    return step;
  };
  const name = timelineArg.kind === 'name' ? timelineArg.name : 'Timestamp';
  return {
    type: type === 'int' ? 'long' : type,
    name,
    start: bound(at, 'Start'),
    end: bound(at + 1, 'End'),
    step: stepOf(),
  };
}

/** The start of the window holding `t`. */
export function windowOf(t: bigint, tl: Timeline): bigint {
  const d = t - tl.start;
  const q = d / tl.step;
  const floor = d < 0n && q * tl.step !== d ? q - 1n : q;
  return tl.start + floor * tl.step;
}

export function asTicks(v: ScalarValue): bigint | null {
  if (v === null) return null;
  return typeof v === 'bigint' ? v : BigInt(v as number);
}

/** Rows of the input, read once: id key, time and dimension group per row. */
export interface ActivityRows {
  readonly length: number;
  readonly ids: readonly HashKey[];
  readonly times: readonly (bigint | null)[];
  readonly groups: Uint32Array;
  readonly groupCount: number;
  /** The dimension columns (schema and one value per group). */
  readonly dims: readonly ColumnSchema[];
  readonly dimValues: readonly Vector[];
}

/** Dimension arguments: column names, each becoming an output column. */
export function readActivityRows(
  args: PluginArgs,
  input: Relation,
  id: CompiledExpr,
  time: CompiledExpr,
  dimArgs: readonly Expr[],
): ActivityRows {
  const batch: Batch = singleBatch(input);
  const dimExprs = dimArgs.map((e) => {
    if (e.kind !== 'name') return args.fail('a dimension must be a column name', e);
    return { name: e.name, expr: args.compile(e, input.columns, input.serialized) };
  });
  const grouper = new Grouper(dimExprs.map((d) => d.expr.type));
  const groups =
    dimExprs.length === 0
      ? new Uint32Array(batch.length)
      : grouper.assign(
          dimExprs.map((d) => d.expr.evaluate(batch)),
          batch.length,
        );
  const idVector = id.evaluate(batch);
  const timeVector = time.evaluate(batch);
  const ids: HashKey[] = [];
  const times: (bigint | null)[] = [];
  for (let i = 0; i < batch.length; i++) {
    ids.push(hashKey(idVector.get(i), id.type));
    times.push(asTicks(timeVector.get(i)));
  }
  return {
    length: batch.length,
    ids,
    times,
    groups,
    groupCount: dimExprs.length === 0 ? (batch.length > 0 ? 1 : 0) : grouper.groupCount,
    dims: dimExprs.map((d) => ({ name: d.name, type: d.expr.type })),
    dimValues: dimExprs.length === 0 ? [] : grouper.keyVectors(),
  };
}

/** The value of dimension `k` for group `g`. */
export function dimValue(rows: ActivityRows, k: number, g: number): ScalarValue {
  return rows.dimValues[k]!.get(g);
}
