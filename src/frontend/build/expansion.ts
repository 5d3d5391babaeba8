/**
 * `mv-expand` and `mv-apply`: expand dynamic arrays or bags into rows.
 */
import type { Expr, MvExpandItem } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, type SyntaxNode } from '../syntax.js';
import { namedExpressions } from './columns.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { base, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { operatorParameters, parameter } from './params.js';
import { declaredType } from './scalars.js';

/** `to typeof(long)` */
function toTypeOf(item: SyntaxNode): MvExpandItem['toType'] {
  const clause = nodeByRole(item, 'ToTypeOf');
  const typeOf = clause === null ? null : nodeByRole(clause, 'TypeOf');
  if (typeOf === null) return null;
  const types = listByRole(typeOf, 'Types');
  return types.length === 1 ? declaredType(types[0]!) : null;
}

function expandItems(operator: SyntaxNode, ctx: BuildContext): MvExpandItem[] {
  const items: MvExpandItem[] = [];
  for (const item of listByRole(operator, 'Expressions')) {
    const inner = nodeByRole(item, 'Expression') ?? item;
    const [named] = namedExpressions([inner], operator, ctx);
    if (named === undefined) continue;
    items.push({ name: named.name, expr: named.expr, toType: toTypeOf(item), span: ctx.span(item) });
  }
  return items;
}

function itemIndex(operator: SyntaxNode): string | null {
  const p = operatorParameters(operator).find((x) => x.name === 'with_itemindex');
  if (p === undefined) return null;
  return nameText(nodeByRole(p.node, 'Expression')) ?? p.value;
}

function rowLimit(operator: SyntaxNode, ctx: BuildContext): Expr | null {
  const clause = nodeByRole(operator, 'RowLimitClause');
  const limit = clause === null ? null : nodeByRole(clause, 'RowLimit');
  return limit === null ? null : buildExpr(limit, ctx, 'scalar');
}

export const mvExpandOperator: OperatorBuilder = (node, ctx) => {
  const params = operatorParameters(node);
  const expansion = (parameter(params, 'bagexpansion') ?? parameter(params, 'kind') ?? 'bag').toLowerCase();
  if (expansion !== 'bag' && expansion !== 'array') {
    return unsupportedOperator(`mv-expand bagexpansion=${expansion}`, node, ctx);
  }
  return {
    kind: 'mv-expand',
    bagExpansion: expansion,
    items: expandItems(node, ctx),
    itemIndex: itemIndex(node),
    limit: rowLimit(node, ctx),
    ...base(node, ctx),
  };
};

export const mvApplyOperator: OperatorBuilder = (node, ctx) => {
  if (nodeByRole(node, 'ContextIdClause') !== null) return unsupportedOperator('mv-apply with id', node, ctx);
  const subquery = nodeByRole(node, 'Subquery');
  const body = subquery === null ? null : nodeByRole(subquery, 'Expression');
  if (body === null) return unsupportedOperator('mv-apply without a subquery', node, ctx);
  return {
    kind: 'mv-apply',
    items: expandItems(node, ctx),
    itemIndex: itemIndex(node),
    limit: rowLimit(node, ctx),
    subquery: buildExpr(body, ctx, 'tabular'),
    ...base(node, ctx),
  };
};
