/**
 * Per-query execution state shared by every operator: the loaded tables, `now()`, limits, the
 * optimisation switches (so benchmarks can measure each), and the entry point for evaluating a
 * nested tabular expression (`toscalar(...)`, `in (T | ...)`, join's right side).
 */
import type { Expr } from '../../plan/plan.js';
import type { Table } from '../table/index.js';
import type { Relation } from './relation.js';
import type { Scope } from './scope.js';

export interface EngineLimits {
  /** Rows any single operator may produce (guards mv-expand/join blow-ups). */
  readonly maxRows: number;
  /** Rows `mv-expand` may produce from one input row when the query sets no `limit`. */
  readonly maxExpandPerRow: number;
}

export const defaultLimits: EngineLimits = {
  maxRows: 200_000_000,
  maxExpandPerRow: 2_147_483_647,
};

export interface EngineOptimizations {
  /** Move `where` below `extend`/`project` when it reads none of the computed columns. */
  readonly pushdown: boolean;
  /** Evaluate expressions over one string column once per distinct value (and cache the result). */
  readonly dictionaryMemo: boolean;
}

export const defaultOptimizations: EngineOptimizations = { pushdown: true, dictionaryMemo: true };

export interface ExecContext {
  readonly tables: ReadonlyMap<string, Table>;
  readonly now: bigint;
  readonly limits: EngineLimits;
  readonly optimizations: EngineOptimizations;
  evalTabular(expr: Expr, scope: Scope): Relation;
}
