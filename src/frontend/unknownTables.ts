/**
 * Unknown tables. A rule over a table kqlhunt does not define (`SigninLogs`) should report that,
 * and only that: not every column of it that the query goes on to use. So the query is analysed
 * a second time with each unknown table defined as an open table (any column binds), and only
 * the errors that remain are reported besides the unknown tables themselves.
 */
import { decodeStringLiteral, LiteralError } from './build/literals.js';
import { nameText } from './names.js';
import { listByRole, nodeByRole, type KustoDiagnostic, type SyntaxNode } from './syntax.js';

/** Kusto's code for a name that is no table, tabular variable or function. */
export const UNKNOWN_TABLE_CODE = 'KS204';

/** The names of the unknown tables reported in `diagnostics`, as written in `text`. */
export function unknownTableNames(diagnostics: readonly KustoDiagnostic[], text: string): string[] {
  const names = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== UNKNOWN_TABLE_CODE || d.length === 0) continue;
    const written = text.slice(d.start, d.start + d.length).trim();
    names.add(unquote(written));
  }
  return [...names].filter((n) => n !== '');
}

/** `"X"` (in `table("X")`) and `['X']` are the table X. */
function unquote(written: string): string {
  const inner = written.startsWith('[') && written.endsWith(']') ? written.slice(1, -1).trim() : written;
  if (/^(@|h|H)?["']/.test(inner)) {
    try {
      return decodeStringLiteral(inner);
    } catch (err) {
      if (!(err instanceof LiteralError)) throw err;
    }
  }
  return inner;
}

/**
 * The pipelines that start from one of the unknown tables ([start, end) in the analysed text).
 * Whatever is bound inside them is bound against rows nobody knows: a name there may even resolve
 * to something else (a column `Event` of the unknown table becomes our table `Event`).
 */
export function unknownTableScopes(
  root: SyntaxNode,
  names: readonly string[],
): { start: number; end: number }[] {
  const unknown = new Set(names);
  const scopes: { start: number; end: number }[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.kind === 'PipeExpression') {
      const source = unwrap(n);
      if (source.kind === 'NameReference' && unknown.has(nameText(source) ?? '')) {
        scopes.push({ start: n.start, end: n.end });
        return;
      }
    }
    for (const c of n.children) if (!c.isToken) visit(c);
  };
  visit(root);
  return scopes;
}

function unwrap(n: SyntaxNode): SyntaxNode {
  let cur = n;
  while (cur.kind === 'PipeExpression' || cur.kind === 'ParenthesizedExpression') {
    const inner = nodeByRole(cur, 'Expression');
    if (inner === null) break;
    cur = inner;
  }
  return cur;
}

/**
 * Names used as tables (a pipeline's source, a union's input) that the binder could not resolve
 * but did not report: `union isfuzzy=true` forgives missing tables.
 */
export function unresolvedTableNames(root: SyntaxNode): string[] {
  const names = new Set<string>();
  const consider = (n: SyntaxNode): void => {
    const source = unwrap(n);
    if (source.kind !== 'NameReference') return;
    const symbol = source.semantic?.symbol ?? null;
    if (symbol !== null && symbol.kind !== 'error') return;
    const name = nameText(source);
    if (name !== null) names.add(name);
  };
  const visit = (n: SyntaxNode): void => {
    if (n.kind === 'PipeExpression') consider(n);
    if (n.kind === 'UnionOperator') for (const e of listByRole(n, 'Expressions')) consider(e);
    for (const c of n.children) if (!c.isToken) visit(c);
  };
  visit(root);
  return [...names];
}
