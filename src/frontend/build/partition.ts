/** `partition [hints] by Column (subquery)` and `partition by Column { query }` (partition-operator.md). */
import { nameText } from '../names.js';
import { nodeByRole } from '../syntax.js';
import { buildExpr } from './expressions.js';
import { base, requiredExpr, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { operatorParameters } from './params.js';
import { buildTabular } from './tabular.js';

export const partitionOperator: OperatorBuilder = (node, ctx) => {
  const by = nodeByRole(node, 'ByExpression');
  const column = by === null ? null : nameText(by);
  if (by === null || column === null || by.kind !== 'NameReference')
    return unsupportedOperator('partition by an expression that is not a column', node, ctx);
  const operand = nodeByRole(node, 'Operand');
  const inner = operand === null ? null : (nodeByRole(operand, 'Subquery') ?? nodeByRole(operand, 'Query'));
  if (inner === null) return unsupportedOperator('partition without a subquery', node, ctx);
  const hints: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of operatorParameters(node)) hints[p.name] = p.value;
  return {
    kind: 'partition',
    by: requiredExpr(node, 'ByExpression', ctx),
    column,
    subquery:
      operand!.kind === 'PartitionQuery' ? buildExpr(inner, ctx, 'tabular') : buildTabular(inner, ctx),
    hints,
    ...base(node, ctx),
  };
};
