/**
 * `search` (search-operator.md): its options, the tables of `in (...)`, and its predicate, whose
 * bare string literals are terms matched against columns rather than boolean values.
 */
import type { Expr, Operator, SearchMatch, SearchPredicate } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { base } from './operators.js';
import { operatorParameters, parameter } from './params.js';
import { unsupportedScalar } from './scalars.js';
import { unionInputs } from './tabular.js';

/** `search ...` with no input: over the tables of `in (...)`, or every table. */
export function searchSource(node: SyntaxNode, ctx: BuildContext): Expr {
  const inClause = nodeByRole(node, 'InClause');
  return {
    kind: 'search',
    caseSensitive: isCaseSensitive(node),
    tables: inClause === null ? null : unionInputs(inClause, ctx),
    predicate: searchPredicate(nodeByRole(node, 'Condition'), node, ctx),
    span: ctx.span(node),
  };
}

/** `T | search ...`; the pipeline fills in `tableName` from its source. */
export function searchOperator(node: SyntaxNode, ctx: BuildContext): Operator {
  return {
    kind: 'search',
    caseSensitive: isCaseSensitive(node),
    predicate: searchPredicate(nodeByRole(node, 'Condition'), node, ctx),
    tableName: null,
    ...base(node, ctx),
  };
}

function isCaseSensitive(node: SyntaxNode): boolean {
  // `default` and `case_insensitive` are the same (search-operator.md).
  return parameter(operatorParameters(node), 'kind')?.toLowerCase() === 'case_sensitive';
}

/** How a term's `*` wildcards choose its operator (search-operator.md, "Search predicate syntax"). */
export function termMatch(term: string): { match: SearchMatch; needle: string } {
  const leading = term.startsWith('*');
  const trailing = term.length > 1 && term.endsWith('*');
  const core = term.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (core.includes('*')) return { match: 'regex', needle: term };
  if (leading && trailing) return { match: 'contains', needle: core };
  if (leading) return { match: 'hassuffix', needle: core };
  if (trailing) return { match: 'hasprefix', needle: core };
  return { match: 'has', needle: core };
}

function stringLiteral(node: SyntaxNode, ctx: BuildContext): string | null {
  if (node.kind !== 'StringLiteralExpression' && node.kind !== 'CompoundStringLiteralExpression') return null;
  const built = buildExpr(node, ctx, 'scalar');
  return built.kind === 'literal' && typeof built.value === 'string' ? built.value : null;
}

function searchPredicate(node: SyntaxNode | null, owner: SyntaxNode, ctx: BuildContext): SearchPredicate {
  if (node === null) {
    const missing = unsupportedScalar('search without a predicate', owner, ctx);
    return { kind: 'expr', expr: missing, span: missing.span };
  }
  const span = ctx.span(node);
  const term = stringLiteral(node, ctx);
  if (term !== null) return { kind: 'term', column: null, ...termMatch(term), span };
  switch (node.kind) {
    case 'StarExpression':
      return { kind: 'all', span };
    case 'ParenthesizedExpression':
      return searchPredicate(nodeByRole(node, 'Expression'), node, ctx);
    case 'AndExpression':
    case 'OrExpression':
      return {
        kind: node.kind === 'AndExpression' ? 'and' : 'or',
        left: searchPredicate(nodeByRole(node, 'Left'), node, ctx),
        right: searchPredicate(nodeByRole(node, 'Right'), node, ctx),
        span,
      };
    case 'SearchExpression': {
      // Column:"term"
      const column = nameText(nodeByRole(node, 'Left'));
      const right = nodeByRole(node, 'Right');
      const text = right === null ? null : stringLiteral(right, ctx);
      if (column !== null && text !== null) return { kind: 'term', column, ...termMatch(text), span };
      break;
    }
    case 'FunctionCallExpression': {
      // not(...) may hold terms, so it is ours rather than the scalar library's.
      const argumentList = nodeByRole(node, 'ArgumentList');
      const args = argumentList === null ? [] : listByRole(argumentList, 'Expressions');
      const only = args.length === 1 ? args[0] : undefined;
      if (nameText(nodeByRole(node, 'Name'))?.toLowerCase() === 'not' && only !== undefined)
        return { kind: 'not', operand: searchPredicate(only, node, ctx), span };
      break;
    }
  }
  return { kind: 'expr', expr: buildExpr(node, ctx, 'scalar'), span };
}
