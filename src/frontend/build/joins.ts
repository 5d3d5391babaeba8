/**
 * join, lookup and union (as an operator after a pipe).
 *
 * Join conditions are either a column name present on both sides (`on Account`) or equalities
 * between `$left.a` and `$right.b`, written in either order.
 */
import type { JoinCondition, JoinKind, Operator } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { childByRole, listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { base, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { operatorParameters, parameter } from './params.js';
import { unionInputs, unionOptions } from './tabular.js';

const JOIN_KINDS: Readonly<Record<string, JoinKind>> = {
  innerunique: 'innerunique',
  inner: 'inner',
  leftouter: 'leftouter',
  rightouter: 'rightouter',
  fullouter: 'fullouter',
  leftanti: 'leftanti',
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightanti: 'rightanti',
  rightantisemi: 'rightanti',
  leftsemi: 'leftsemi',
  rightsemi: 'rightsemi',
};

/** `$left.x`: the side and the column, or null for anything else. */
function sideColumn(node: SyntaxNode | null): { side: 'left' | 'right'; name: string } | null {
  if (node === null || node.kind !== 'PathExpression') return null;
  const target = nameText(nodeByRole(node, 'Expression'));
  const name = nameText(childByRole(node, 'Selector'));
  if (name === null) return null;
  if (target === '$left') return { side: 'left', name };
  if (target === '$right') return { side: 'right', name };
  return null;
}

/** Equality conditions joined by `and` (the `where` form of join allows that). */
function flattenAnd(node: SyntaxNode): SyntaxNode[] {
  if (node.kind === 'AndExpression') {
    const l = nodeByRole(node, 'Left');
    const r = nodeByRole(node, 'Right');
    if (l !== null && r !== null) return [...flattenAnd(l), ...flattenAnd(r)];
  }
  return [node];
}

function conditionsOf(items: readonly SyntaxNode[], ctx: BuildContext): JoinCondition[] | string {
  const out: JoinCondition[] = [];
  for (const item of items.flatMap(flattenAnd)) {
    const span = ctx.span(item);
    if (item.kind === 'NameReference') {
      const name = nameText(item);
      if (name === null) return 'join condition without a name';
      out.push({ kind: 'same', name, span });
      continue;
    }
    const op = tokensOf(childByRole(item, 'Operator') ?? item)[0]?.text;
    if (item.kind === 'EqualExpression' && op === '==') {
      const a = sideColumn(nodeByRole(item, 'Left'));
      const b = sideColumn(nodeByRole(item, 'Right'));
      if (a !== null && b !== null && a.side !== b.side) {
        const left = a.side === 'left' ? a.name : b.name;
        const right = a.side === 'left' ? b.name : a.name;
        out.push({ kind: 'equal', left, right, span });
        continue;
      }
    }
    return `join condition ${ctx.text(item)}`;
  }
  return out;
}

function conditionClause(node: SyntaxNode, ctx: BuildContext, role: string): JoinCondition[] | string {
  const clause = nodeByRole(node, role);
  if (clause === null) return 'join without a condition';
  if (clause.kind === 'JoinWhereClause') {
    const expr = nodeByRole(clause, 'Expression');
    return expr === null ? 'join where without a condition' : conditionsOf([expr], ctx);
  }
  return conditionsOf(listByRole(clause, 'Expressions'), ctx);
}

export const joinOperator: OperatorBuilder = (node, ctx) => {
  const params = operatorParameters(node);
  const written = parameter(params, 'kind');
  const joinKind = written === null ? 'innerunique' : JOIN_KINDS[written.toLowerCase()];
  if (joinKind === undefined) return unsupportedOperator(`join kind=${written}`, node, ctx);
  const right = nodeByRole(node, 'Expression');
  if (right === null) return unsupportedOperator('join without a right side', node, ctx);
  const on = conditionClause(node, ctx, 'ConditionClause');
  if (typeof on === 'string') return unsupportedOperator(on, node, ctx);
  const hints: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of params) if (p.name.startsWith('hint.')) hints[p.name] = p.value;
  return {
    kind: 'join',
    joinKind,
    defaultKind: written === null,
    right: buildExpr(right, ctx, 'tabular'),
    on,
    hints,
    ...base(node, ctx),
  };
};

export const lookupOperator: OperatorBuilder = (node, ctx): Operator => {
  const written = parameter(operatorParameters(node), 'kind');
  const lookupKind = written === null ? 'leftouter' : written.toLowerCase();
  if (lookupKind !== 'leftouter' && lookupKind !== 'inner') {
    return unsupportedOperator(`lookup kind=${written}`, node, ctx);
  }
  const right = nodeByRole(node, 'Expression');
  if (right === null) return unsupportedOperator('lookup without a right side', node, ctx);
  const on = conditionClause(node, ctx, 'LookupClause');
  if (typeof on === 'string') return unsupportedOperator(on, node, ctx);
  return { kind: 'lookup', lookupKind, right: buildExpr(right, ctx, 'tabular'), on, ...base(node, ctx) };
};

export const unionOperator: OperatorBuilder = (node, ctx) => ({
  kind: 'union',
  options: unionOptions(node),
  inputs: unionInputs(node, ctx),
  ...base(node, ctx),
});
