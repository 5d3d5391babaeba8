/**
 * Errors Kusto.Language reports where the KQL reference (the authority on semantics,
 * ../shared/kusto-docs/reference) says the query is valid. Each entry names the page that says so;
 * nothing else is forgiven.
 */
import { isGraphNodeIdDiscrepancy } from './graphDiscrepancies.js';
import { nameText } from './names.js';
import { listByRole, nodeByRole, walkNodes, type KustoDiagnostic, type SyntaxNode } from './syntax.js';

interface Discrepancy {
  readonly kustoCode: string;
  /** The reference page that makes the query valid. */
  readonly reference: string;
  /** True when the diagnostic is on argument `arg` of a call of `fn` with `argCount` arguments. */
  readonly applies: (fn: string, arg: SyntaxNode, argCount: number) => boolean;
}

const DISCREPANCIES: readonly Discrepancy[] = [
  {
    // todynamic() is a deprecated alias of parse_json(); "if json is of type dynamic, its value
    // is used as-is". Kusto.Language accepts dynamic for parse_json() but not for the aliases.
    kustoCode: 'KS107',
    reference: 'parse-json-function.md',
    applies: (fn, arg) =>
      (fn === 'todynamic' || fn === 'toobject') &&
      arg.semantic?.type?.kind === 'scalar' &&
      arg.semantic.type.type === 'dynamic',
  },
  {
    // `summarize count(x)` over any column gives `count_x` in the reference's example; the
    // library takes count(x) for a predicate.
    kustoCode: 'KS107',
    reference: 'summarize-operator.md (count(x) in the aggregates-over-empty-input example)',
    applies: (fn, _arg, argCount) => fn === 'count' && argCount === 1,
  },
];

/** The call and argument whose span is exactly the diagnostic's, if any. */
function callArgumentAt(
  root: SyntaxNode,
  start: number,
  end: number,
): { fn: string; arg: SyntaxNode; count: number } | null {
  let found: { fn: string; arg: SyntaxNode; count: number } | null = null;
  walkNodes(root, (n) => {
    if (found !== null || n.kind !== 'FunctionCallExpression') return;
    if (n.start > start || n.end < end) return;
    const argList = nodeByRole(n, 'ArgumentList');
    const args = argList === null ? [] : listByRole(argList, 'Expressions');
    const arg = args.find((a) => a.start === start && a.end === end);
    if (arg !== undefined)
      found = { fn: (nameText(nodeByRole(n, 'Name')) ?? '').toLowerCase(), arg, count: args.length };
  });
  return found;
}

/** True when `d` is one of the library's errors that the reference contradicts. */
export function isBinderDiscrepancy(d: KustoDiagnostic, root: SyntaxNode): boolean {
  if (d.syntax) return false;
  if (isGraphNodeIdDiscrepancy(d, root)) return true;
  const candidates = DISCREPANCIES.filter((x) => x.kustoCode === d.code);
  if (candidates.length === 0) return false;
  const at = callArgumentAt(root, d.start, d.start + d.length);
  return at !== null && candidates.some((x) => x.applies(at.fn, at.arg, at.count));
}
