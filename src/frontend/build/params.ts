/**
 * Operator parameters written `name=value` before an operator's arguments: `kind=leftouter`,
 * `hint.strategy=broadcast`, `withsource=Table`, `isfuzzy=true`, `bagexpansion=array`.
 */
import { nameText } from '../names.js';
import { listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import { decodeStringLiteral, LiteralError } from './literals.js';

export interface OperatorParameter {
  readonly name: string;
  /** The value as written: a keyword, a name, a decoded string, a number's text. */
  readonly value: string;
  readonly node: SyntaxNode;
}

function parameterName(nameNode: SyntaxNode | null): string {
  if (nameNode === null) return '';
  return tokensOf(nameNode)
    .filter((t) => !t.missing)
    .map((t) => t.text)
    .join('')
    .toLowerCase();
}

export function parameterValue(value: SyntaxNode | null): string {
  if (value === null) return '';
  if (value.kind === 'NameDeclaration' || value.kind === 'NameReference') return nameText(value) ?? '';
  const tokens = tokensOf(value).filter((t) => !t.missing);
  if (value.kind === 'StringLiteralExpression' || value.kind === 'CompoundStringLiteralExpression') {
    try {
      return tokens.map((t) => decodeStringLiteral(t.text)).join('');
    } catch (err) {
      if (!(err instanceof LiteralError)) throw err;
    }
  }
  return tokens.map((t) => t.text).join(' ');
}

/** The NamedParameters of a list (by default the operator's `Parameters`). */
export function namedParameters(list: readonly SyntaxNode[]): OperatorParameter[] {
  return list
    .filter((p) => p.kind === 'NamedParameter')
    .map((p) => ({
      name: parameterName(nodeByRole(p, 'Name')),
      value: parameterValue(nodeByRole(p, 'Expression')),
      node: p,
    }));
}

export function operatorParameters(operator: SyntaxNode): OperatorParameter[] {
  return namedParameters(listByRole(operator, 'Parameters'));
}

export function parameter(params: readonly OperatorParameter[], name: string): string | null {
  const p = params.find((x) => x.name === name);
  return p === undefined ? null : p.value;
}
