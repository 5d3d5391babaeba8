/** `evaluate plugin(...)`: dispatches to the plugins kqlhunt implements. */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { constantVector, createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { converter } from '../values/convert.js';
import { runBagUnpack } from './bag-unpack.js';
import { runPivot } from './pivot.js';
import { runIpv4Lookup, runIpv6Lookup } from './ip-lookup.js';
import { runActivityCountsMetrics } from './activity-counts-metrics.js';
import { runRollingPercentile } from './rolling-percentile.js';
import { runRowsNear } from './rows-near.js';
import { runDcountIntersect } from './dcount-intersect.js';
import { runGeoLineLookup, runGeoPolygonLookup } from './geo-lookup.js';
import { runActiveUsersCount, runActivityMetrics, runNewActivityMetrics } from './activity.js';

const plugins: Record<string, (op: EvaluateOp, input: Relation, env: OpEnv) => Relation> = {
  bag_unpack: runBagUnpack,
  pivot: (op, input, env) => applyDeclaredSchema(op, runPivot(op, input, env)),
  ipv4_lookup: runIpv4Lookup,
  ipv6_lookup: runIpv6Lookup,
  dcount_intersect: runDcountIntersect,
  geo_polygon_lookup: runGeoPolygonLookup,
  geo_line_lookup: runGeoLineLookup,
  activity_metrics: runActivityMetrics,
  new_activity_metrics: runNewActivityMetrics,
  active_users_count: runActiveUsersCount,
  rows_near: runRowsNear,
  rolling_percentile: runRollingPercentile,
  activity_counts_metrics: runActivityCountsMetrics,
};

export function runEvaluate(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const plugin = plugins[op.plugin];
  if (plugin === undefined)
    throw new KqlRuntimeError(
      errorCodes.unsupported,
      `plugin '${op.plugin}' is not supported by kqlhunt`,
      op.span,
    );
  return plugin(op, input, env);
}

/**
 * `: (a:string, b:long)` after a plugin whose schema is data-dependent: the declared columns in the
 * declared order and types; a declared column the data did not produce is null. (`bag_unpack`
 * handles its own schema form, which also decides which slots are read.)
 */
function applyDeclaredSchema(op: EvaluateOp, rel: Relation): Relation {
  const declared = op.outputSchema;
  if (declared === null) return rel;
  const schema: ColumnSchema[] = [...declared.columns];
  if (declared.rest) for (const c of rel.columns) if (!schema.some((d) => d.name === c.name)) schema.push(c);
  const sources = schema.map((c) => columnIndex(rel.columns, c.name));
  schema.forEach((c, k) => {
    const at = sources[k]!;
    if (at >= 0 && rel.columns[at]!.type !== c.type && !declared.columns.includes(c))
      throw new KqlRuntimeError(
        errorCodes.schemaMismatch,
        `column '${c.name}' does not match the declared schema`,
        op.span,
      );
  });
  const batches: Batch[] = rel.batches.map((b) => ({
    length: b.length,
    columns: schema.map((c, k): Vector => {
      const at = sources[k]!;
      if (at < 0) return constantVector(c.type, c.type === 'string' ? '' : null, b.length);
      const v = b.columns[at]!;
      if (v.type === c.type) return v;
      const conv = converter(v.type, c.type);
      const out = createVectorBuilder(c.type, b.length);
      for (let i = 0; i < b.length; i++) out.push(conv(v.get(i)));
      return out.finish();
    }),
  }));
  return relationOf(schema, batches, rel.serialized);
}
