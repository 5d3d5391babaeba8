/**
 * `make-series` and `top-nested`: operators whose output columns come from several clauses.
 */
import type { Expr, NamedExpr, TopNestedLevel } from '../../plan/plan.js';
import { listByRole, nodeByRole, type SyntaxNode } from '../syntax.js';
import { namedExpressions, resultSchemaOf } from './columns.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { base, requiredExpr, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { orderOf } from './ordering.js';
import { operatorParameters, parameter } from './params.js';

function optionalExpr(node: SyntaxNode | null, ctx: BuildContext): Expr | null {
  const e = node === null ? null : nodeByRole(node, 'Expression');
  return e === null ? null : buildExpr(e, ctx, 'scalar');
}

export const makeSeriesOperator: OperatorBuilder = (node, ctx) => {
  const aggregates: (NamedExpr & { defaultValue: Expr | null })[] = [];
  for (const item of listByRole(node, 'Aggregates')) {
    const inner = nodeByRole(item, 'Expression') ?? item;
    const [named] = namedExpressions([inner], node, ctx);
    if (named === undefined) continue;
    aggregates.push({ ...named, defaultValue: optionalExpr(nodeByRole(item, 'DefaultExpression'), ctx) });
  }
  const onClause = nodeByRole(node, 'OnClause');
  if (onClause === null) return unsupportedOperator('make-series without on', node, ctx);
  const rangeClause = nodeByRole(node, 'RangeClause');
  if (rangeClause === null || rangeClause.kind !== 'MakeSeriesFromToStepClause') {
    // `in range(start, stop, step)` is the deprecated form.
    return unsupportedOperator('make-series in range(...)', node, ctx);
  }
  const step = optionalExpr(nodeByRole(rangeClause, 'MakeSeriesStepClause'), ctx);
  if (step === null) return unsupportedOperator('make-series without step', node, ctx);
  const byClause = nodeByRole(node, 'ByClause');
  return {
    kind: 'make-series',
    aggregates,
    on: requiredExpr(onClause, 'Expression', ctx),
    from: optionalExpr(nodeByRole(rangeClause, 'MakeSeriesFromClause'), ctx),
    to: optionalExpr(nodeByRole(rangeClause, 'MakeSeriesToClause'), ctx),
    step,
    by: byClause === null ? [] : namedExpressions(listByRole(byClause, 'Expressions'), node, ctx),
    nonEmpty: parameter(operatorParameters(node), 'kind')?.toLowerCase() === 'nonempty',
    ...base(node, ctx),
  };
};

export const topNestedOperator: OperatorBuilder = (node, ctx) => {
  const levels: TopNestedLevel[] = [];
  const clauses = listByRole(node, 'Clauses');
  // Each level adds two columns, in order: its value and its aggregate.
  const schema = resultSchemaOf(node);
  const outputNames = schema !== null && schema.columns.length === 2 * clauses.length ? schema.columns : null;
  clauses.forEach((clause, i) => {
    const count = nodeByRole(clause, 'Expression');
    const of = nodeByRole(clause, 'OfExpression');
    const byNode = nodeByRole(clause, 'ByExpression');
    if (of === null || byNode === null) return;
    const [ofNamed] = namedExpressions([of], node, ctx);
    const ordered = byNode.kind === 'OrderedExpression';
    const byExpr = ordered ? (nodeByRole(byNode, 'Expression') ?? byNode) : byNode;
    const [byNamed] = namedExpressions([byExpr], node, ctx);
    if (ofNamed === undefined || byNamed === undefined) return;
    const name = outputNames?.[2 * i]?.name ?? ofNamed.name;
    const byName =
      outputNames?.[2 * i + 1]?.name ??
      (byExpr.kind === 'SimpleNamedExpression' ? byNamed.name : `aggregated_${name}`);
    levels.push({
      count: count === null ? null : buildExpr(count, ctx, 'scalar'),
      name,
      of: ofNamed.expr,
      withOthers: optionalExpr(nodeByRole(clause, 'WithOthersClause'), ctx),
      by: { ...byNamed, name: byName },
      order: orderOf(ordered ? nodeByRole(byNode, 'Ordering') : null, 'desc'),
    });
  });
  if (levels.length !== clauses.length) return unsupportedOperator('incomplete top-nested clause', node, ctx);
  return { kind: 'top-nested', levels, ...base(node, ctx) };
};
