/**
 * A binder error Kusto.Language reports on valid graph queries: after
 * `make-graph ... with_node_id=Name`, every node has the property `Name` (make-graph-operator.md,
 * "Default node identifier"), and inside `map(inner_nodes(e), ...)`, `all(...)` and `any(...)`
 * node properties are named bare (map-graph-function.md, all-graph-function.md: "A property is
 * referenced using the property name directly"). The library binds `n.Name` but reports a bare
 * `Name` there as unknown (all-graph-function.md's first example).
 */
import { nameText } from './names.js';
import { listByRole, nodeByRole, walkNodes, type KustoDiagnostic, type SyntaxNode } from './syntax.js';

const UNKNOWN_NAME = 'KS142';
const ELEMENT_FUNCTIONS = new Set(['map', 'all', 'any']);

/** The `with_node_id=` names of the query's make-graph operators. */
function nodeIdProperties(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  walkNodes(root, (n) => {
    if (n.kind !== 'MakeGraphWithImplicitIdClause') return;
    const name = nameText(nodeByRole(n, 'Name'));
    if (name !== null) out.add(name);
  });
  return out;
}

/** True for an unknown-name error on a with_node_id property named inside a graph function over inner_nodes(). */
export function isGraphNodeIdDiscrepancy(d: KustoDiagnostic, root: SyntaxNode): boolean {
  if (d.syntax || d.code !== UNKNOWN_NAME) return false;
  const properties = nodeIdProperties(root);
  if (properties.size === 0) return false;
  let found = false;
  walkNodes(root, (n) => {
    if (found || n.kind !== 'FunctionCallExpression') return;
    if (!ELEMENT_FUNCTIONS.has((nameText(nodeByRole(n, 'Name')) ?? '').toLowerCase())) return;
    const argList = nodeByRole(n, 'ArgumentList');
    const args = argList === null ? [] : listByRole(argList, 'Expressions');
    const [source, body] = args;
    if (args.length !== 2 || source === undefined || body === undefined) return;
    if (source.kind !== 'FunctionCallExpression') return;
    if ((nameText(nodeByRole(source, 'Name')) ?? '').toLowerCase() !== 'inner_nodes') return;
    walkNodes(body, (m) => {
      if (m.kind !== 'NameReference' || m.start !== d.start || m.end !== d.start + d.length) return;
      const name = nameText(m);
      if (name !== null && properties.has(name)) found = true;
    });
  });
  return found;
}
