/**
 * `evaluate rolling_percentile(Value, Percentile, Index, BinSize, BinsPerWindow [, dim...])`
 * (rolling-percentile-plugin.md): the index is binned by BinSize; for each group of dimensions
 * and each bin from its first to its last, the nearest-rank percentile (as `percentile()`) of the
 * values in the window of BinsPerWindow bins ending at that bin. Output: the bin, the dimensions,
 * then `rolling_<BinsPerWindow>_percentile_<Value>_<Percentile>`.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { percentileResultType } from '../aggregate/collect.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { createVectorBuilder, rechunk } from '../table/index.js';
import { compareValues } from '../values/compare.js';
import { PluginArgs } from './plugin-args.js';

const BINNABLE: ReadonlySet<ScalarType> = new Set(['int', 'long', 'real', 'datetime', 'timespan']);

export function runRollingPercentile(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  const valueName = args.columnName(0, 'ValueColumn');
  const value = args.scalar(0, 'ValueColumn', input);
  const pct = args.constantNumber(1, 'Percentile');
  if (!(pct >= 0 && pct <= 100)) args.fail(`Percentile ${pct} is outside [0, 100]`, op.args[1]);
  const indexName = args.columnName(2, 'IndexColumn');
  const index = args.scalar(2, 'IndexColumn', input);
  if (!BINNABLE.has(index.type))
    args.fail(`IndexColumn must be a number, datetime or timespan, got ${index.type}`);
  const binSize = args.constant(3, 'BinSize');
  const size = binSize === undefined || binSize.value === null ? NaN : Number(binSize.value);
  if (!(size > 0)) args.fail('BinSize must be positive', op.args[3]);
  const window = Math.trunc(args.constantNumber(4, 'BinsPerWindow'));
  if (window < 1) args.fail('BinsPerWindow must be at least 1', op.args[4]);
  const dims = op.args.slice(5).map((_, k) => ({
    name: args.columnName(5 + k, 'dimension'),
    expr: args.scalar(5 + k, 'dimension', input),
  }));

  const all = singleBatch(input);
  const values = value.evaluate(all);
  const indexes = index.evaluate(all);
  const grouper = new Grouper(dims.map((d) => d.expr.type));
  const groupOf = grouper.assign(
    dims.map((d) => d.expr.evaluate(all)),
    all.length,
  );
  const dimKeys = grouper.keyVectors();
  // Per group: bin number → values.
  const groups: Map<number, ScalarValue[]>[] = [];
  for (let i = 0; i < all.length; i++) {
    const at = indexes.get(i);
    const v = values.get(i);
    if (at === null || v === null) continue;
    const bin = Math.floor(Number(at) / size);
    const bins = (groups[groupOf[i]!] ??= new Map());
    let list = bins.get(bin);
    if (list === undefined) bins.set(bin, (list = []));
    list.push(value.type === 'int' ? BigInt(v as number) : v);
  }
  const outType = percentileResultType(value.type);
  const schema: ColumnSchema[] = [
    { name: indexName, type: index.type },
    ...dims.map((d) => ({ name: d.name, type: d.expr.type })),
    { name: `rolling_${window}_percentile_${valueName}_${String(pct).replace('.', '_')}`, type: outType },
  ];
  const builders = schema.map((c) => createVectorBuilder(c.type));
  const binStart = (bin: number): ScalarValue => {
    const start = bin * size;
    if (index.type === 'datetime' || index.type === 'timespan' || index.type === 'long') return BigInt(start);
    return start;
  };
  groups.forEach((bins, g) => {
    const numbers = [...bins.keys()];
    const first = Math.min(...numbers);
    const last = Math.max(...numbers);
    for (let bin = first; bin <= last; bin++) {
      const inWindow: ScalarValue[] = [];
      for (let b = bin - window + 1; b <= bin; b++) inWindow.push(...(bins.get(b) ?? []));
      inWindow.sort((a, b) => compareValues(a, b, outType));
      const rank = Math.max(1, Math.ceil((pct / 100) * inWindow.length));
      builders[0]!.push(binStart(bin));
      dims.forEach((_, k) => builders[k + 1]!.push(dimKeys[k]!.get(g)));
      builders[dims.length + 1]!.push(inWindow.length === 0 ? null : inWindow[rank - 1]!);
    }
  });
  const length = builders[0]!.length;
  return relationOf(schema, rechunk({ length, columns: builders.map((b) => b.finish()) }), false);
}
