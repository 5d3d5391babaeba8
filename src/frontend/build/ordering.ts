/**
 * Sort keys: `x`, `x asc`, `x desc nulls first`. KQL sorts descending by default, and puts nulls
 * first when ascending and last when descending unless told otherwise.
 */
import type { SortKey } from '../../plan/plan.js';
import { hasToken, nodeByRole, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';

export function orderOf(ordering: SyntaxNode | null, defaultOrder: 'asc' | 'desc'): 'asc' | 'desc' {
  if (ordering === null) return defaultOrder;
  if (hasToken(ordering, 'AscKeyword') || hasToken(ordering, 'GrannyAscKeyword')) return 'asc';
  if (hasToken(ordering, 'DescKeyword') || hasToken(ordering, 'GrannyDescKeyword')) return 'desc';
  return defaultOrder;
}

function nullsOf(ordering: SyntaxNode | null, order: 'asc' | 'desc'): 'first' | 'last' {
  const clause = ordering === null ? null : nodeByRole(ordering, 'NullsClause');
  if (clause !== null) {
    if (hasToken(clause, 'FirstKeyword')) return 'first';
    if (hasToken(clause, 'LastKeyword')) return 'last';
  }
  return order === 'asc' ? 'first' : 'last';
}

/** A sort key from an OrderedExpression or a bare expression. */
export function sortKey(item: SyntaxNode, ctx: BuildContext): SortKey {
  if (item.kind === 'OrderedExpression') {
    const ordering = nodeByRole(item, 'Ordering');
    const order = orderOf(ordering, 'desc');
    const expr = nodeByRole(item, 'Expression') ?? item;
    return { expr: buildExpr(expr, ctx, 'scalar'), order, nulls: nullsOf(ordering, order) };
  }
  return { expr: buildExpr(item, ctx, 'scalar'), order: 'desc', nulls: 'last' };
}
