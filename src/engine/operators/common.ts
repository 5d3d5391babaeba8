/** What every physical operator receives besides its input. */
import type { Expr } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType } from '../../types/scalar.js';
import type { ExecContext } from '../exec/context.js';
import type { Relation } from '../exec/relation.js';
import type { Scope } from '../exec/scope.js';
import type { ExprEnv } from '../expr/compile.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';

export interface OpEnv {
  readonly scope: Scope;
  readonly ctx: ExecContext;
}

export function exprEnvFor(columns: readonly ColumnSchema[], serialized: boolean, env: OpEnv): ExprEnv {
  return { columns, scope: env.scope, ctx: env.ctx, serialized };
}

export function inputEnv(input: Relation, env: OpEnv): ExprEnv {
  return exprEnvFor(input.columns, input.serialized, env);
}

/** True when `expr` calls a window function anywhere (the operator must then see all rows at once). */
export function usesWindowFunction(expr: Expr): boolean {
  let found = false;
  visitScalar(expr, (e) => {
    if (e.kind === 'call' && windowNames.has(e.name)) found = true;
  });
  return found;
}

const windowNames = new Set(['prev', 'next', 'row_number', 'row_cumsum', 'row_window_session']);

/** Visits every scalar sub-expression (not into nested tabular expressions). */
export function visitScalar(expr: Expr, f: (e: Expr) => void): void {
  f(expr);
  switch (expr.kind) {
    case 'call':
      expr.args.forEach((a) => visitScalar(a, f));
      Object.values(expr.namedArgs).forEach((a) => visitScalar(a, f));
      break;
    case 'binary':
      visitScalar(expr.left, f);
      visitScalar(expr.right, f);
      break;
    case 'unary':
      visitScalar(expr.operand, f);
      break;
    case 'list':
      visitScalar(expr.left, f);
      expr.items.forEach((a) => visitScalar(a, f));
      break;
    case 'between':
      visitScalar(expr.left, f);
      visitScalar(expr.low, f);
      visitScalar(expr.high, f);
      break;
    case 'member':
      visitScalar(expr.target, f);
      break;
    case 'index':
      visitScalar(expr.target, f);
      visitScalar(expr.index, f);
      break;
    case 'callOutput':
      visitScalar(expr.call, f);
      break;
    default:
      break;
  }
}

/** A constant integer argument (take 10, top 5, limit in mv-expand). */
export function constantCount(value: unknown, what: string, span: { start: number; end: number }): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  throw new KqlRuntimeError(
    errorCodes.badArguments,
    `${what}: expected a constant number, got ${String(value)}`,
    span,
  );
}

export function nullOf(type: ScalarType): null | '' {
  return type === 'string' ? '' : null;
}
