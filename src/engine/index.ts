/**
 * kqlhunt's tabular engine: executes a logical plan (src/plan/plan.ts) over columnar tables.
 *
 *   const result = await executeQuery(plan, { tables: new Map([['SecurityEvent', table]]) });
 *
 * Errors are KqlRuntimeError with a stable `code` and the query `span` they concern.
 */
import type { QueryPlan } from '../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../types/scalar.js';
import {
  defaultLimits,
  defaultOptimizations,
  type EngineLimits,
  type EngineOptimizations,
  type EngineWarning,
  type ExecContext,
} from './exec/context.js';
import { evalTabular, runStatements } from './exec/execute.js';
import type { Relation, RenderHint } from './exec/relation.js';
import { Scope } from './exec/scope.js';
import { rowCount } from './exec/relation.js';
import { errorCodes, KqlRuntimeError } from './errors.js';
import { compileScalar, isTabularExpr } from './expr/compile.js';
import type { Table } from './table/index.js';
import { UNIX_EPOCH_TICKS } from '../types/scalar.js';

export { errorCodes, KqlRuntimeError, type ErrorCode } from './errors.js';
export { Table, TableBuilder } from './table/index.js';
export type { EngineLimits, EngineOptimizations, EngineWarning, RenderHint };

export interface QueryResult {
  readonly columns: ColumnSchema[];
  /** Row-major values in the representation of src/types/scalar.ts. */
  readonly rows: ScalarValue[][];
  /** `render` at the end of the query, kept for interfaces; it does not change rows. */
  readonly render?: RenderHint;
  /** Deviations worth telling the user about (see EngineWarning). */
  readonly warnings?: readonly EngineWarning[];
}

export interface ExecuteOptions {
  readonly tables: ReadonlyMap<string, Table>;
  /** now() for the whole query, in 100-ns ticks; defaults to the wall clock. */
  readonly now?: bigint;
  readonly limits?: Partial<EngineLimits>;
  /** Aborting it stops the query at the next operator with a KR011 error. */
  readonly signal?: AbortSignal;
  /** Switches for benchmarks and differential tests; everything is on by default. */
  readonly optimizations?: Partial<EngineOptimizations>;
}

export function currentTicks(): bigint {
  return BigInt(Date.now()) * 10_000n + UNIX_EPOCH_TICKS;
}

export async function executeQuery(plan: QueryPlan, options: ExecuteOptions): Promise<QueryResult> {
  return executeQuerySync(plan, options);
}

/** The same as executeQuery, for callers that cannot await. */
export function executeQuerySync(plan: QueryPlan, options: ExecuteOptions): QueryResult {
  const ctx: ExecContext = {
    tables: options.tables,
    now: options.now ?? currentTicks(),
    limits: { ...defaultLimits, ...options.limits },
    optimizations: { ...defaultOptimizations, ...options.optimizations },
    warnings: [],
    signal: options.signal,
    startedAt: performance.now(),
    evalTabular: (expr, scope) => evalTabular(expr, scope, ctx),
  };
  const scope = new Scope(null);
  runStatements(plan.statements, scope, ctx);
  if (plan.result === null) return { columns: [], rows: [] };
  if (!isTabularExpr(plan.result, scope)) {
    // A bare scalar query (`1 + 1`) prints its value, as `print` would.
    const e = compileScalar(plan.result, { columns: [], scope, ctx, serialized: true });
    return {
      columns: [{ name: 'print_0', type: e.type }],
      rows: [[e.evaluate({ length: 1, columns: [] }).get(0)]],
    };
  }
  const relation = ctx.evalTabular(plan.result, scope);
  const total = rowCount(relation);
  if (total > ctx.limits.maxResultRows) {
    throw new KqlRuntimeError(
      errorCodes.limitExceeded,
      `Query result set has exceeded the internal record count limit ${ctx.limits.maxResultRows} ` +
        `(${total} records); raise it with --max-result-rows or narrow the query`,
      null,
    );
  }
  const result = materialize(relation);
  return ctx.warnings.length > 0 ? { ...result, warnings: ctx.warnings } : result;
}

export function materialize(rel: Relation): QueryResult {
  const rows: ScalarValue[][] = [];
  for (const b of rel.batches) {
    for (let r = 0; r < b.length; r++) {
      const row: ScalarValue[] = new Array(b.columns.length);
      for (let c = 0; c < b.columns.length; c++) row[c] = b.columns[c]!.get(r);
      rows.push(row);
    }
  }
  return rel.render === undefined
    ? { columns: [...rel.columns], rows }
    : { columns: [...rel.columns], rows, render: rel.render };
}
