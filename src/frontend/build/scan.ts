/**
 * `scan` (scan-operator.md): declared columns, then steps with a condition and assignments.
 * References to a step's state (`s1.total`) stay `member` expressions on the step's name; the
 * engine resolves them against the scan state.
 */
import type { ScanDeclaration, ScanStep } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, tokensOf } from '../syntax.js';
import { buildExpr } from './expressions.js';
import { base, requiredExpr, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { operatorParameters, parameter } from './params.js';
import { declaredType } from './scalars.js';

export const scanOperator: OperatorBuilder = (node, ctx) => {
  const declarations: ScanDeclaration[] = [];
  const declare = nodeByRole(node, 'DeclareClause');
  for (const d of declare === null ? [] : listByRole(declare, 'Declarations')) {
    const nameAndType = nodeByRole(d, 'NameAndType');
    const name = nameAndType === null ? null : nameText(nodeByRole(nameAndType, 'Name'));
    const type = nameAndType === null ? null : declaredType(nodeByRole(nameAndType, 'Type'));
    if (name === null || type === null) return unsupportedOperator('scan declaration without a type', d, ctx);
    const defaultClause = nodeByRole(d, 'DefaultValue');
    const value = defaultClause === null ? null : nodeByRole(defaultClause, 'Value');
    declarations.push({ name, type, defaultValue: value === null ? null : buildExpr(value, ctx, 'scalar') });
  }
  const steps: ScanStep[] = [];
  for (const s of listByRole(node, 'Steps')) {
    const name = nameText(nodeByRole(s, 'Name'));
    if (name === null) return unsupportedOperator('scan step without a name', s, ctx);
    const outputClause = nodeByRole(s, 'ScanStepOutput');
    const outputKind =
      outputClause === null
        ? 'all'
        : (tokensOf(outputClause)
            .find((t) => t.role === 'OutputKind')
            ?.text.toLowerCase() ?? 'all');
    if (outputKind !== 'all' && outputKind !== 'last' && outputKind !== 'none')
      return unsupportedOperator(`scan step output=${outputKind}`, s, ctx);
    const computation = nodeByRole(s, 'ComputationClause');
    const assignments: ScanStep['assignments'][number][] = [];
    for (const a of computation === null ? [] : listByRole(computation, 'Assignments')) {
      const column = nameText(nodeByRole(a, 'Name'));
      if (column === null) return unsupportedOperator('scan assignment without a column', a, ctx);
      assignments.push({ column, expr: requiredExpr(a, 'Expression', ctx), span: ctx.span(a) });
    }
    steps.push({
      name,
      output: outputKind,
      condition: requiredExpr(s, 'Condition', ctx),
      assignments,
      span: ctx.span(s),
    });
  }
  return {
    kind: 'scan',
    matchIdColumn: parameter(operatorParameters(node), 'with_match_id'),
    declarations,
    steps,
    ...base(node, ctx),
  };
};
