/**
 * Rebuilds a scalar expression with each direct child replaced by `go(child)`: the one place
 * that knows where scalar expressions keep their children, for rewrites that substitute some
 * nodes and copy the rest (graph pattern variables, `scan` step references, per-edge paths).
 * Leaves and tabular expressions come back unchanged.
 */
import type { Expr } from './plan.js';

export function mapScalarChildren(expr: Expr, go: (e: Expr) => Expr): Expr {
  switch (expr.kind) {
    case 'call':
      return {
        ...expr,
        args: expr.args.map(go),
        namedArgs: Object.fromEntries(Object.entries(expr.namedArgs).map(([k, v]) => [k, go(v)])),
      };
    case 'binary':
      return { ...expr, left: go(expr.left), right: go(expr.right) };
    case 'unary':
      return { ...expr, operand: go(expr.operand) };
    case 'list':
      return { ...expr, left: go(expr.left), items: expr.items.map(go) };
    case 'between':
      return { ...expr, left: go(expr.left), low: go(expr.low), high: go(expr.high) };
    case 'member':
      return { ...expr, target: go(expr.target) };
    case 'index':
      return { ...expr, target: go(expr.target), index: go(expr.index) };
    default:
      return expr;
  }
}
