/**
 * `evaluate activity_counts_metrics(Id, Timeline, Start, End, Step [, dim...])`
 * (activity-counts-metrics-plugin.md): for each window of Step from Start up to End (per group of
 * dimensions), the rows' `count`, the distinct ids (`dcount`), the ids not seen in an earlier
 * window (`new_dcount`) and the distinct ids of every window so far (`aggregated_dcount`). Rows
 * outside [Start, End] are left out. Output: Timestamp (the window's start), the dimensions, then
 * the four counts.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { createVectorBuilder, rechunk } from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';
import { PluginArgs } from './plugin-args.js';

interface Window {
  count: number;
  readonly ids: Set<HashKey>;
}

export function runActivityCountsMetrics(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  const id = args.scalar(0, 'IdColumn', input);
  const timeline = args.scalar(1, 'TimelineColumn', input);
  if (timeline.type !== 'datetime')
    args.fail(`TimelineColumn must be a datetime, got ${timeline.type}`, op.args[1]);
  const start = args.constantTicks(2, 'Start', 'datetime') ?? args.fail('Start must not be null');
  const end = args.constantTicks(3, 'End', 'datetime') ?? args.fail('End must not be null');
  const step = args.constantTicks(4, 'Step', 'timespan') ?? args.fail('Step must not be null');
  if (step <= 0n) args.fail('Step must be positive', op.args[4]);
  const dims = op.args.slice(5).map((_, k) => ({
    name: args.columnName(5 + k, 'dimension'),
    expr: args.scalar(5 + k, 'dimension', input),
  }));

  const all = singleBatch(input);
  const ids = id.evaluate(all);
  const times = timeline.evaluate(all);
  const grouper = new Grouper(dims.map((d) => d.expr.type));
  const groupOf = grouper.assign(
    dims.map((d) => d.expr.evaluate(all)),
    all.length,
  );
  const dimKeys = grouper.keyVectors();
  const windowCount = Number((end - start) / step) + 1;
  const windows: Window[][] = Array.from({ length: grouper.groupCount }, () =>
    Array.from({ length: windowCount }, () => ({ count: 0, ids: new Set<HashKey>() })),
  );
  for (let i = 0; i < all.length; i++) {
    const t = times.get(i) as bigint | null;
    if (t === null || t < start || t > end) continue;
    const w = windows[groupOf[i]!]![Number((t - start) / step)]!;
    w.count++;
    const v = ids.get(i);
    if (v !== null) w.ids.add(hashKey(v, id.type));
  }
  const schema: ColumnSchema[] = [
    { name: 'Timestamp', type: 'datetime' },
    ...dims.map((d) => ({ name: d.name, type: d.expr.type })),
    { name: 'count', type: 'long' },
    { name: 'dcount', type: 'long' },
    { name: 'new_dcount', type: 'long' },
    { name: 'aggregated_dcount', type: 'long' },
  ];
  const builders = schema.map((c) => createVectorBuilder(c.type));
  windows.forEach((perWindow, g) => {
    const seen = new Set<HashKey>();
    perWindow.forEach((w, k) => {
      let fresh = 0;
      for (const x of w.ids) {
        if (!seen.has(x)) {
          fresh++;
          seen.add(x);
        }
      }
      builders[0]!.push(start + BigInt(k) * step);
      dims.forEach((_, d) => builders[d + 1]!.push(dimKeys[d]!.get(g)));
      const at = dims.length + 1;
      builders[at]!.push(BigInt(w.count));
      builders[at + 1]!.push(BigInt(w.ids.size));
      builders[at + 2]!.push(BigInt(fresh));
      builders[at + 3]!.push(BigInt(seen.size));
    });
  });
  const length = builders[0]!.length;
  return relationOf(schema, rechunk({ length, columns: builders.map((b) => b.finish()) }), false);
}
