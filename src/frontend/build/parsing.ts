/**
 * `parse` and `parse-kv`: patterns of literal text, typed captures and `*`.
 */
import type { Operator, ParsePart } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { scalarTypeOf } from './expressions.js';
import { decodeStringLiteral, LiteralError } from './literals.js';
import { base, requiredExpr, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { namedParameters, operatorParameters, parameter } from './params.js';
import { declaredType } from './scalars.js';
import { rowSchemaColumns } from './tabular.js';

function patternText(node: SyntaxNode): string {
  return tokensOf(node)
    .filter((t) => t.kind === 'StringLiteralToken' && !t.missing)
    .map((t) => decodeStringLiteral(t.text))
    .join('');
}

function parsePart(item: SyntaxNode): ParsePart | string {
  switch (item.kind) {
    case 'StarExpression':
      return { kind: 'wildcard' };
    case 'StringLiteralExpression':
    case 'CompoundStringLiteralExpression':
      return { kind: 'text', text: patternText(item) };
    case 'NameAndTypeDeclaration': {
      const name = nameText(nodeByRole(item, 'Name'));
      const type = declaredType(nodeByRole(item, 'Type'));
      if (name === null || type === null) return 'parse capture without a name or type';
      return { kind: 'column', name, type };
    }
    case 'NameDeclaration': {
      const name = nameText(item);
      if (name === null) return 'parse capture without a name';
      // An untyped capture is a string; the binder may know better (an existing column).
      return { kind: 'column', name, type: scalarTypeOf(item) ?? 'string' };
    }
    default:
      return `parse pattern element ${item.kind}`;
  }
}

export const parseOperator: OperatorBuilder = (node, ctx) => buildParse(node, ctx, 'parse');

/** `parse-where`: the same pattern as `parse`; non-matching rows are dropped. */
export const parseWhereOperator: OperatorBuilder = (node, ctx) => buildParse(node, ctx, 'parse-where');

function buildParse(node: SyntaxNode, ctx: BuildContext, kindOfOp: 'parse' | 'parse-where'): Operator {
  const params = operatorParameters(node);
  const kind = (parameter(params, 'kind') ?? 'simple').toLowerCase();
  if (kind !== 'simple' && kind !== 'regex' && kind !== 'relaxed') {
    return unsupportedOperator(`parse kind=${kind}`, node, ctx);
  }
  const parts: ParsePart[] = [];
  try {
    for (const item of listByRole(node, 'Patterns')) {
      const part = parsePart(item);
      if (typeof part === 'string') return unsupportedOperator(part, item, ctx);
      parts.push(part);
    }
  } catch (err) {
    if (err instanceof LiteralError) return unsupportedOperator(`parse pattern: ${err.message}`, node, ctx);
    throw err;
  }
  return {
    kind: kindOfOp,
    parseKind: kind,
    flags: parameter(params, 'flags') ?? '',
    source: requiredExpr(node, 'Expression', ctx),
    parts,
    ...base(node, ctx),
  };
}

export const parseKvOperator: OperatorBuilder = (node, ctx) => {
  const { columns } = rowSchemaColumns(nodeByRole(node, 'Keys'));
  const options: Record<string, string | boolean> = Object.create(null) as Record<string, string | boolean>;
  const withClause = nodeByRole(node, 'WithClause');
  if (withClause !== null) {
    for (const p of namedParameters(listByRole(withClause, 'Properties'))) {
      const value = nodeByRole(p.node, 'Expression');
      options[p.name] =
        value?.kind === 'BooleanLiteralExpression' ? p.value.toLowerCase() === 'true' : p.value;
    }
  }
  return {
    kind: 'parse-kv',
    source: requiredExpr(node, 'Expression', ctx),
    columns,
    options,
    ...base(node, ctx),
  };
};
