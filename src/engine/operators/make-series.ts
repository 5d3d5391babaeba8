/**
 * `make-series agg = f(x) [default = d], ... on Axis from A to B step S by keys`
 * (make-series-operator.md): per group, one array per aggregate with an element per bin of the
 * axis in [A, B) (A and B default to the data's range), `d` (default 0) where a bin has no rows,
 * and the axis column as an array of bin starts.
 */
import type { MakeSeriesOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { bindAggregate } from '../aggregate/bind.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { createVectorBuilder, rechunk, type Vector } from '../table/index.js';
import { toDynamicValue } from '../values/convert.js';
import { inputEnv, type OpEnv } from './common.js';

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
  const aggs = op.aggregates.map((a) => {
    if (a.expr.kind !== 'call' || a.expr.target !== 'aggregate')
      throw new KqlRuntimeError(
        errorCodes.unsupported,
        'make-series: only a plain aggregate call is supported per series',
        a.span,
      );
    return bindAggregate(a.expr, ienv);
  });
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
  if (op.by.length === 0 && grouper.groupCount === 0) grouper.groupCount = 1;
  const G = grouper.groupCount;
  const results = states.map((s) => s.finish(G * bins)[0]!);
  const schema: ColumnSchema[] = op.by.map((b, k) => ({ name: b.name, type: keys[k]!.type }));
  const columns: Vector[] = grouper.keyVectors();
  op.aggregates.forEach((a, k) => {
    const type: ScalarType = aggs[k]!.kind.outputs[0]!;
    const dflt = a.defaultValue === null ? 0 : compileScalar(a.defaultValue, ienv).constantValue;
    const out = createVectorBuilder('dynamic', G);
    for (let g = 0; g < G; g++) {
      const arr = [];
      for (let bin = 0; bin < bins; bin++) {
        const v = results[k]!.get(g * bins + bin);
        const empty = filled[g * bins + bin] !== 1;
        arr.push(
          empty ? toDynamicValue(dflt, typeof dflt === 'bigint' ? 'long' : 'real') : toDynamicValue(v, type),
        );
      }
      out.push(arr);
    }
    schema.push({ name: a.name, type: 'dynamic' });
    columns.push(out.finish());
  });
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
