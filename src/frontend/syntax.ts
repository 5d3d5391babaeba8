/**
 * Kusto's bound syntax tree, copied into plain data of our own.
 *
 * The adapter (kusto.ts) walks Kusto.Language's tree once and produces these nodes, so that the
 * plan builders never touch the library's objects: they read kinds and roles as strings
 * (`FilterOperator`, role `Condition`), tokens with their text, and what the binder knew of each
 * node (result type, referenced symbol, default column name).
 *
 * Offsets are in the text that was analysed (placeholders already filled); the builders map them
 * back to the original text.
 */
import type { ScalarType } from '../types/scalar.js';

export type SyntaxElement = SyntaxNode | SyntaxToken;

export interface SyntaxToken {
  readonly isToken: true;
  /** Kusto's SyntaxKind name: `IdentifierToken`, `StringLiteralToken`, `DescKeyword`... */
  readonly kind: string;
  /** The property name of this token in its parent (`Keyword`, `Name`...), '' inside lists. */
  readonly role: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A token the parser expected but did not find. */
  readonly missing: boolean;
}

export interface SyntaxNode {
  readonly isToken: false;
  /** A unique number within one tree; column sources refer to nodes by it. */
  readonly id: number;
  /** Kusto's SyntaxKind name: `PipeExpression`, `FilterOperator`, `List`... */
  readonly kind: string;
  readonly role: string;
  readonly start: number;
  readonly end: number;
  /** Child elements in order. `SeparatedElement` wrappers of lists are removed, separators dropped. */
  readonly children: readonly SyntaxElement[];
  readonly semantic: Semantic | null;
}

/** What the binder knew of a node. */
export interface Semantic {
  readonly type: SemanticType | null;
  readonly symbol: SymbolRef | null;
  /**
   * For an expression directly in a list (extend, project, summarize, ...): the column name
   * Kusto gives its value when no name is written (`count_`, `strlen_Account`, `Column1`...).
   */
  readonly resultName: string | null;
}

export type SemanticType =
  /** `type` is null where the binder could not tell (errors) or for the `type` type. */
  | { readonly kind: 'scalar'; readonly type: ScalarType | null; readonly name: string }
  | { readonly kind: 'table'; readonly columns: readonly SemanticColumn[]; readonly open: boolean }
  /**
   * The values of a multi-value call (`series_stats(x)`), in order, each with the column name
   * Kusto gives it when spread without a written name (`series_stats_x_min`).
   */
  | { readonly kind: 'tuple'; readonly columns: readonly SemanticColumn[] }
  | { readonly kind: 'other'; readonly name: string };

export interface SemanticColumn {
  readonly name: string;
  readonly type: ScalarType | null;
  /** The node whose value the column holds, when it is in this tree (`count()` for `count_`). */
  readonly sourceId: number | null;
}

export type SymbolKind =
  | 'column'
  | 'table'
  | 'variable'
  | 'parameter'
  | 'function'
  | 'aggregate'
  | 'plugin'
  | 'operator'
  | 'option'
  | 'queryOperatorParameter'
  | 'tuple'
  | 'type'
  | 'pattern'
  | 'database'
  | 'error'
  | 'other';

export interface SymbolRef {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly tabular: boolean;
  /** A function declared by the query (`let f = (...) {...}`) rather than a built-in. */
  readonly userDefined: boolean;
}

/** Kusto's own diagnostic, untouched but for plain data. */
export interface KustoDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
  readonly severity: 'error' | 'warning' | 'suggestion' | 'information';
  /** Reported by the parser (true) or by the binder (false). */
  readonly syntax: boolean;
}

export interface AnalyzedQuery {
  readonly root: SyntaxNode;
  readonly diagnostics: readonly KustoDiagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Navigation helpers

export function isNode(e: SyntaxElement | null | undefined): e is SyntaxNode {
  return e !== null && e !== undefined && !e.isToken;
}

/** The child playing `role` (`Condition`, `Expression`...), node or token. */
export function childByRole(node: SyntaxNode, role: string): SyntaxElement | null {
  for (const c of node.children) if (c.role === role) return c;
  return null;
}

/** The child node playing `role`, or null when absent or a token. */
export function nodeByRole(node: SyntaxNode, role: string): SyntaxNode | null {
  const c = childByRole(node, role);
  return isNode(c) ? c : null;
}

/** The element nodes of the `List` child playing `role` (separators are already gone). */
export function listByRole(node: SyntaxNode, role: string): SyntaxNode[] {
  const list = nodeByRole(node, role);
  if (list === null) return [];
  return list.children.filter(isNode);
}

/** All tokens below a node, in text order. */
export function tokensOf(e: SyntaxElement): SyntaxToken[] {
  if (e.isToken) return [e];
  const out: SyntaxToken[] = [];
  const walk = (n: SyntaxNode): void => {
    for (const c of n.children) {
      if (c.isToken) out.push(c);
      else walk(c);
    }
  };
  walk(e);
  return out;
}

/** True when the node or one of its descendants is a token of `kind` (`DescKeyword`...). */
export function hasToken(e: SyntaxElement, kind: string): boolean {
  return tokensOf(e).some((t) => t.kind === kind && !t.missing);
}

/** Depth-first walk over nodes, parents before children. */
export function walkNodes(node: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  visit(node);
  for (const c of node.children) if (!c.isToken) walkNodes(c, visit);
}
