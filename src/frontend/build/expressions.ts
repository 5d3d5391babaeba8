/**
 * The entry point for any expression: decides whether a node is tabular or scalar and hands it
 * to the right builder. KQL nests the two freely (`toscalar(T | count)`, `x in (T | project y)`).
 */
import type { Expr } from '../../plan/plan.js';
import type { ScalarType } from '../../types/scalar.js';
import type { BuildContext } from './context.js';
import { buildScalar } from './scalars.js';
import { buildTabular } from './tabular.js';
import type { SyntaxNode } from '../syntax.js';

export type Expectation = 'tabular' | 'scalar' | 'any';

/** Node kinds that can only be tabular, whatever the binder made of them. */
const TABULAR_KINDS = new Set([
  'PipeExpression',
  'DataTableExpression',
  'ContextualDataTableExpression',
  'ExternalDataExpression',
  'InlineExternalTableExpression',
  'MaterializeExpression',
  'PrintOperator',
  'RangeOperator',
  'UnionOperator',
  'FindOperator',
  'SearchOperator',
  'EvaluateOperator',
  'DataScopeExpression',
  'ToTableExpression',
]);

export function isTabularNode(node: SyntaxNode, expect: Expectation = 'any'): boolean {
  if (node.kind === 'ParenthesizedExpression') {
    const inner = node.children.find((c) => c.role === 'Expression');
    if (inner !== undefined && !inner.isToken) return isTabularNode(inner, expect);
  }
  if (TABULAR_KINDS.has(node.kind)) return true;
  const type = node.semantic?.type;
  if (type?.kind === 'table') return true;
  if (type?.kind === 'scalar') return false;
  const symbol = node.semantic?.symbol;
  if (symbol?.kind === 'table') return true;
  if (symbol !== null && symbol !== undefined && symbol.kind !== 'error' && symbol.kind !== 'other') {
    return symbol.tabular;
  }
  // The binder could not tell (an unknown name, an error): the position decides.
  return expect === 'tabular';
}

export function buildExpr(node: SyntaxNode, ctx: BuildContext, expect: Expectation = 'any'): Expr {
  return isTabularNode(node, expect) ? buildTabular(node, ctx) : buildScalar(node, ctx);
}

/** The scalar type the binder gave a node, when it knows one. */
export function scalarTypeOf(node: SyntaxNode): ScalarType | null {
  const t = node.semantic?.type;
  return t?.kind === 'scalar' ? t.type : null;
}
