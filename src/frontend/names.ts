/**
 * Names as written in a query: `Computer`, `['a b']`, `Acc*`, `$left`. Identifier tokens are
 * taken as they are; bracketed names are string literals and are decoded.
 */
import { decodeStringLiteral } from './build/literals.js';
import { isNode, tokensOf, type SyntaxElement, type SyntaxNode } from './syntax.js';

const NAME_KINDS = new Set([
  'TokenName',
  'BracketedName',
  'WildcardedName',
  'BracketedWildcardedName',
  'BracedName',
]);

/**
 * The name held by a NameDeclaration, NameReference or one of the name nodes below them.
 * Returns null when the parser found no name (a missing token).
 */
export function nameText(e: SyntaxElement | null): string | null {
  if (e === null) return null;
  if (e.isToken) return e.missing || e.text === '' ? null : e.text;
  if (!NAME_KINDS.has(e.kind)) {
    const inner = e.children.find((c) => c.role === 'Name');
    return inner === undefined ? null : nameText(inner);
  }
  if (e.kind === 'BracketedName' || e.kind === 'BracketedWildcardedName') {
    const literal = tokensOf(e).find((t) => t.kind === 'StringLiteralToken' && !t.missing);
    if (literal === undefined) return null;
    try {
      return decodeStringLiteral(literal.text);
    } catch {
      return null;
    }
  }
  const token = tokensOf(e).find((t) => !t.missing && t.text !== '');
  return token === undefined ? null : token.text;
}

/** A name that may carry `*` wildcards (project-away, project-keep, project-reorder). */
export function namePattern(node: SyntaxNode): string | null {
  return nameText(node);
}

/** True for a NameReference or NameDeclaration node. */
export function isNameNode(e: SyntaxElement | null): e is SyntaxNode {
  return isNode(e) && (e.kind === 'NameReference' || e.kind === 'NameDeclaration');
}
