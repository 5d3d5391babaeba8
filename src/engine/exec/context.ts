/**
 * Per-query execution state shared by every operator: the loaded tables, `now()`, limits, the
 * optimisation switches (so benchmarks can measure each), and the entry point for evaluating a
 * nested tabular expression (`toscalar(...)`, `in (T | ...)`, join's right side).
 */
import type { Expr, Span } from '../../plan/plan.js';
import type { Table } from '../table/index.js';
import type { Relation } from './relation.js';
import type { Scope } from './scope.js';

export interface EngineLimits {
  /** Rows any single operator may produce (guards mv-expand/join blow-ups). */
  readonly maxRows: number;
  /** Rows `mv-expand` may produce from one input row when the query sets no `limit`. */
  readonly maxExpandPerRow: number;
  /** Rows the query may return (Kusto's result truncation limit is 500,000 records). */
  readonly maxResultRows: number;
  /** Wall-clock time the query may take, in ms (Kusto's default timeout is 4 minutes). */
  readonly timeoutMs: number;
  /** Resident memory of the process above which the query stops, in bytes. */
  readonly maxMemoryBytes: number;
}

export const defaultLimits: EngineLimits = {
  maxRows: 200_000_000,
  maxExpandPerRow: 2_147_483_647,
  maxResultRows: 500_000,
  timeoutMs: 4 * 60_000,
  maxMemoryBytes: 8 * 1024 ** 3,
};

/** Something the query did that Kusto would not have done quietly; see docs/SEMANTICS.md. */
export interface EngineWarning {
  readonly code: string;
  readonly message: string;
  readonly span: Span | null;
}

export interface EngineOptimizations {
  /** Move `where` below `extend`/`project` when it reads none of the computed columns. */
  readonly pushdown: boolean;
  /** Evaluate expressions over one string column once per distinct value (and cache the result). */
  readonly dictionaryMemo: boolean;
  /**
   * Fast paths beside the general row-by-row code: comparison kernels and selection vectors for
   * `where`, dictionary-code dedupe in `dcount`, typed `arg_min`/`arg_max`, and `mv-expand`'s
   * deferred element columns (read only when something reads them, like deferred gathers). Off,
   * each of them takes the general path, which is how the differential tests check that they
   * give the same answers.
   */
  readonly fastPaths: boolean;
}

export const defaultOptimizations: EngineOptimizations = {
  pushdown: true,
  dictionaryMemo: true,
  fastPaths: true,
};

export interface ExecContext {
  readonly tables: ReadonlyMap<string, Table>;
  readonly now: bigint;
  readonly limits: EngineLimits;
  readonly optimizations: EngineOptimizations;
  /** Warnings collected while running; they travel with the result. */
  readonly warnings: EngineWarning[];
  /** Ends the query at the next operator boundary (Ctrl-C, a caller's deadline). */
  readonly signal?: AbortSignal | undefined;
  /** `performance.now()` when the query started, for `timeoutMs`. */
  readonly startedAt: number;
  evalTabular(expr: Expr, scope: Scope): Relation;
}
