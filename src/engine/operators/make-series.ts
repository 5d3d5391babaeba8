/**
 * `make-series agg = f(x) [default = d], ... on Axis from A to B step S by keys`
 * (make-series-operator.md): per group, one array per series expression (aggregates, or an
 * expression over them as in summarize) with an element per bin of the axis in [A, B) (A and B
 * default to the data's range), `d` (default 0) where a bin has no rows, and the axis column as an
 * array of bin starts. An empty input gives no rows, or with `kind=nonempty` (and no `by`) one
 * row of default values.
 */
import type { Call, Expr, MakeSeriesOp } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue, ScalarValue } from '../../types/scalar.js';
import { bindAggregate } from '../aggregate/bind.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar, type ExprEnv } from '../expr/compile.js';
import { createVectorBuilder, rechunk, type Batch, type Vector } from '../table/index.js';
import { toDynamicValue } from '../values/convert.js';
import { exprEnvFor, inputEnv, type OpEnv } from './common.js';
import { aggregateCalls } from './summarize.js';

function asNumber(v: ScalarValue): number {
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

export function runMakeSeries(op: MakeSeriesOp, input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const axis = compileScalar(op.on, ienv);
  const step = compileScalar(op.step, ienv);
  if (!step.isConstant || step.constantValue === null)
    throw new KqlRuntimeError(errorCodes.badArguments, 'make-series: step must be a constant', op.step.span);
  const axisName = op.on.kind === 'name' ? op.on.name : 'Column1';
  const exact = axis.type === 'datetime' || axis.type === 'timespan' || axis.type === 'long';
  const stepN = asNumber(step.constantValue);
  if (!(stepN > 0))
    throw new KqlRuntimeError(errorCodes.badArguments, 'make-series: step must be positive', op.step.span);

  const constant = (e: MakeSeriesOp['from']): ScalarValue | null => {
    if (e === null) return null;
    const c = compileScalar(e, ienv);
    if (!c.isConstant)
      throw new KqlRuntimeError(errorCodes.badArguments, 'make-series: from/to must be constants', e.span);
    return c.constantValue;
  };
  let from = constant(op.from);
  let to = constant(op.to);
  const axisValues = input.batches.map((b) => axis.evaluate(b));
  if (from === null || to === null) {
    let lo: number | null = null;
    let hi: number | null = null;
    for (const v of axisValues)
      for (let i = 0; i < v.length; i++) {
        const x = v.get(i);
        if (x === null) continue;
        const n = asNumber(x);
        if (lo === null || n < lo) lo = n;
        if (hi === null || n > hi) hi = n;
      }
    if (from === null && lo !== null)
      from = exact ? BigInt(Math.floor(lo / stepN) * stepN) : Math.floor(lo / stepN) * stepN;
    if (to === null && hi !== null) to = exact ? BigInt(hi) + 1n : hi + Number.EPSILON;
  }
  const fromN = from === null ? 0 : asNumber(from);
  const toN = to === null ? 0 : asNumber(to);
  const bins = from === null || to === null ? 0 : Math.max(0, Math.ceil((toN - fromN) / stepN));
  if (bins > 1_000_000)
    throw new KqlRuntimeError(errorCodes.limitExceeded, `make-series: ${bins} bins is too many`, op.span);

  const keys = op.by.map((b) => compileScalar(b.expr, ienv));
  const grouper = new Grouper(keys.map((k) => k.type));
  // Every aggregate call inside the series expressions (`x = sum(v)`, `y = 2 * avg(v)`, even none:
  // `z = -1`), computed per (group, bin) cell as summarize computes them per group.
  const calls: Call[] = op.aggregates.flatMap((a) => aggregateCalls(a.expr));
  const aggs = calls.map((c) => bindAggregate(c, ienv));
  const states = aggs.map((a) => a.kind.create());
  const filled: number[] = [];
  input.batches.forEach((b, bi) => {
    const gids = grouper.assign(
      keys.map((k) => k.evaluate(b)),
      b.length,
    );
    const av = axisValues[bi]!;
    const cells: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < b.length; i++) {
      const x = av.get(i);
      if (x === null) continue;
      const bin = Math.floor((asNumber(x) - fromN) / stepN);
      if (bin < 0 || bin >= bins) continue;
      cells.push(gids[i]! * bins + bin);
      filled[gids[i]! * bins + bin] = 1;
      rows.push(i);
    }
    const idx = Uint32Array.from(rows);
    const args = aggs.map((a) => a.args.map((e) => e.evaluate(b).gather(idx)));
    states.forEach((s, k) => s.add(Uint32Array.from(cells), cells.length, args[k]!));
  });
  // An empty input gives no series, unless `kind=nonempty` asks for one of default values.
  if (op.by.length === 0 && grouper.groupCount === 0 && op.nonEmpty === true) grouper.groupCount = 1;
  const G = grouper.groupCount;
  const cellCount = G * bins;
  const cellSchema: ColumnSchema[] = [];
  const cellColumns: Vector[] = [];
  const slotOf = new Map<Expr, number>();
  aggs.forEach((a, k) => {
    slotOf.set(calls[k]!, cellSchema.length);
    const outputs = states[k]!.finish(cellCount);
    a.kind.outputs.forEach((t, j) => {
      cellSchema.push({ name: `\u0000agg${k}_${j}`, type: t });
      cellColumns.push(outputs[j]!);
    });
  });
  const cellBatch: Batch = { length: cellCount, columns: cellColumns };
  const cellEnv: ExprEnv = { ...exprEnvFor(cellSchema, false, env), aggregates: slotOf };
  const schema: ColumnSchema[] = op.by.map((b, k) => ({ name: b.name, type: keys[k]!.type }));
  const columns: Vector[] = grouper.keyVectors();
  for (const a of op.aggregates) {
    const series = compileScalar(a.expr, cellEnv);
    const values = series.evaluate(cellBatch);
    const dflt = a.defaultValue === null ? null : compileScalar(a.defaultValue, ienv);
    if (dflt !== null && !dflt.isConstant)
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'make-series: a default value must be a constant',
        a.defaultValue!.span,
      );
    // The documented default of the default is 0.
    const missing = dflt === null ? 0 : toDynamicValue(dflt.constantValue, dflt.type);
    const out = createVectorBuilder('dynamic', G);
    for (let g = 0; g < G; g++) {
      const arr: DynamicValue[] = [];
      for (let bin = 0; bin < bins; bin++) {
        const cell = g * bins + bin;
        arr.push(filled[cell] === 1 ? toDynamicValue(values.get(cell), series.type) : missing);
      }
      out.push(arr);
    }
    schema.push({ name: a.name, type: 'dynamic' });
    columns.push(out.finish());
  }
  const axisOut = createVectorBuilder('dynamic', G);
  const binStarts = Array.from({ length: bins }, (_, bin) =>
    toDynamicValue(
      exact
        ? BigInt(from as bigint) + BigInt(bin) * BigInt(step.constantValue as bigint)
        : fromN + bin * stepN,
      axis.type,
    ),
  );
  for (let g = 0; g < G; g++) axisOut.push(binStarts);
  schema.push({ name: axisName, type: 'dynamic' });
  columns.push(axisOut.finish());
  return relationOf(schema, rechunk({ length: G, columns }), false);
}
