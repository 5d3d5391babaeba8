/**
 * Graph operators (make-graph-operator.md, graph-match-operator.md, graph-shortest-paths-operator.md,
 * graph-mark-components-operator.md, graph-to-table-operator.md) from Kusto.Language's
 * `MakeGraphOperator`, `GraphMatchOperator`, `GraphShortestPathsOperator`,
 * `GraphMarkComponentsOperator` and `GraphToTableOperator` nodes.
 *
 * Pattern variables stay plain names in the `where` and `project` expressions; the engine
 * resolves them against the pattern.
 */
import type {
  GraphPatternEdge,
  GraphPatternNode,
  GraphPatternPath,
  GraphToTableOutput,
  Expr,
  MakeGraphNodeTable,
  NamedExpr,
  Operator,
} from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import { namedExpressions, positionalNames } from './columns.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { base, buildOperator, requiredExpr, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { namedParameters, operatorParameters, parameter } from './params.js';

export const makeGraphOperator: OperatorBuilder = (node, ctx) => {
  const sourceColumn = nameText(nodeByRole(node, 'SourceColumn'));
  const targetColumn = nameText(nodeByRole(node, 'TargetColumn'));
  const direction = tokensOf(node).find((t) => t.role === 'DirectionToken' && !t.missing);
  if (sourceColumn === null || targetColumn === null)
    return unsupportedOperator('make-graph without source and target columns', node, ctx);
  if (direction === undefined || direction.text !== '-->')
    return unsupportedOperator(`make-graph with the direction '${direction?.text ?? ''}'`, node, ctx);

  const nodeTables: MakeGraphNodeTable[] = [];
  let nodeIdProperty: string | null = null;
  const withClause = nodeByRole(node, 'WithClause');
  if (withClause?.kind === 'MakeGraphWithTablesAndKeysClause') {
    for (const clause of listByRole(withClause, 'TablesAndKeys')) {
      const table = nodeByRole(clause, 'Table');
      const idColumn = nameText(nodeByRole(clause, 'Column'));
      if (table === null || idColumn === null)
        return unsupportedOperator('make-graph node table without an id column', clause, ctx);
      nodeTables.push({ table: buildExpr(table, ctx, 'tabular'), idColumn, span: ctx.span(clause) });
    }
  } else if (withClause?.kind === 'MakeGraphWithImplicitIdClause') {
    nodeIdProperty = nameText(nodeByRole(withClause, 'Name'));
    if (nodeIdProperty === null) return unsupportedOperator('with_node_id without a name', withClause, ctx);
  } else if (withClause !== null) {
    return unsupportedOperator(`make-graph ${withClause.kind}`, withClause, ctx);
  }

  let partition: { column: string; operators: Operator[] } | null = null;
  const partitionClause = nodeByRole(node, 'PartitionedByClause');
  if (partitionClause !== null) {
    const column = nameText(nodeByRole(partitionClause, 'Entity'));
    const subquery = nodeByRole(partitionClause, 'Subquery');
    if (column === null || subquery === null)
      return unsupportedOperator('partitioned-by without a column and graph operators', partitionClause, ctx);
    partition = { column, operators: operatorChain(subquery).map((op) => buildOperator(op, ctx)) };
  }
  return {
    kind: 'make-graph',
    sourceColumn,
    targetColumn,
    nodeTables,
    nodeIdProperty,
    partition,
    ...base(node, ctx),
  };
};

/** The operators of `op | op | ...` (a sub-query without a source), in order. */
function operatorChain(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let cur: SyntaxNode | null = node;
  while (cur?.kind === 'PipeExpression') {
    const op = nodeByRole(cur, 'Operator');
    if (op !== null) out.unshift(op);
    cur = nodeByRole(cur, 'Expression');
  }
  if (cur !== null) out.unshift(cur);
  return out;
}

const CYCLES = new Set(['unique_edges', 'none', 'all']);

export const graphMatchOperator: OperatorBuilder = (node, ctx) => {
  const cycles = (parameter(operatorParameters(node), 'cycles') ?? 'unique_edges').toLowerCase();
  if (!CYCLES.has(cycles)) return unsupportedOperator(`graph-match cycles=${cycles}`, node, ctx);
  const patterns = patternsOf(node, ctx);
  if (typeof patterns === 'string') return unsupportedOperator(patterns, node, ctx);
  return {
    kind: 'graph-match',
    cycles: cycles as 'unique_edges' | 'none' | 'all',
    patterns,
    ...whereAndProject(node, ctx),
    ...base(node, ctx),
  };
};

export const graphShortestPathsOperator: OperatorBuilder = (node, ctx) => {
  const output = (parameter(operatorParameters(node), 'output') ?? 'any').toLowerCase();
  if (output !== 'any' && output !== 'all')
    return unsupportedOperator(`graph-shortest-paths output=${output}`, node, ctx);
  const patterns = patternsOf(node, ctx);
  if (typeof patterns === 'string') return unsupportedOperator(patterns, node, ctx);
  return {
    kind: 'graph-shortest-paths',
    output,
    patterns,
    ...whereAndProject(node, ctx),
    ...base(node, ctx),
  };
};

export const graphMarkComponentsOperator: OperatorBuilder = (node, ctx) => {
  const params = operatorParameters(node);
  const kind = (parameter(params, 'kind') ?? 'weak').toLowerCase();
  if (kind !== 'weak' && kind !== 'strong')
    return unsupportedOperator(`graph-mark-components kind=${kind}`, node, ctx);
  return {
    kind: 'graph-mark-components',
    componentKind: kind,
    componentIdProperty: parameter(params, 'with_component_id') ?? 'ComponentId',
    ...base(node, ctx),
  };
};

export const graphToTableOperator: OperatorBuilder = (node, ctx) => {
  const outputs: GraphToTableOutput[] = [];
  for (const clause of listByRole(node, 'OutputClause')) {
    const keyword = tokensOf(clause).find((t) => t.role === 'EntityKeyword' && !t.missing);
    const entity = keyword?.text.toLowerCase();
    if (entity !== 'nodes' && entity !== 'edges')
      return unsupportedOperator(`graph-to-table ${entity ?? ''}`, clause, ctx);
    const asClause = nodeByRole(clause, 'AsClause');
    const params = namedParameters(listByRole(clause, 'Parameters'));
    outputs.push({
      entity,
      asName: asClause === null ? null : nameText(nodeByRole(asClause, 'Name')),
      nodeIdColumn: parameter(params, 'with_node_id'),
      sourceIdColumn: parameter(params, 'with_source_id'),
      targetIdColumn: parameter(params, 'with_target_id'),
      span: ctx.span(clause),
    });
  }
  if (outputs.length === 0) return unsupportedOperator('graph-to-table without nodes or edges', node, ctx);
  return { kind: 'graph-to-table', outputs, ...base(node, ctx) };
};

// ---------------------------------------------------------------------------------------------
// Patterns

/** The operator's patterns, or a description of what cannot be mapped. */
function patternsOf(node: SyntaxNode, ctx: BuildContext): GraphPatternPath[] | string {
  const out: GraphPatternPath[] = [];
  for (const pattern of listByRole(node, 'Patterns')) {
    const nodes: GraphPatternNode[] = [];
    const edges: GraphPatternEdge[] = [];
    for (const element of listByRole(pattern, 'PatternElements')) {
      const expectNode = nodes.length === edges.length;
      if (element.kind === 'GraphMatchPatternNode' && expectNode) {
        nodes.push({ name: nameText(nodeByRole(element, 'Name')), span: ctx.span(element) });
      } else if (element.kind === 'GraphMatchPatternEdge' && !expectNode) {
        const edge = patternEdge(element, ctx);
        if (typeof edge === 'string') return edge;
        edges.push(edge);
      } else {
        return `graph pattern element ${element.kind} out of place`;
      }
    }
    if (nodes.length === 0 || nodes.length !== edges.length + 1)
      return 'graph pattern that does not end in a node';
    out.push({ nodes, edges, span: ctx.span(pattern) });
  }
  if (out.length === 0) return 'graph operator without a pattern';
  return out;
}

function patternEdge(element: SyntaxNode, ctx: BuildContext): GraphPatternEdge | string {
  const first = tokensOf(element).find((t) => t.role === 'FirstToken' && !t.missing)?.text ?? '';
  const last = tokensOf(element).find((t) => t.role === 'LastToken' && !t.missing)?.text ?? '';
  const arrow = first + last;
  const left = arrow.startsWith('<');
  const right = arrow.endsWith('>');
  if (left && right) return `graph edge ${arrow} pointing both ways`;
  const rangeNode = nodeByRole(element, 'Range');
  let range: GraphPatternEdge['range'] = null;
  if (rangeNode !== null) {
    const start = nodeByRole(rangeNode, 'RangeStart');
    const end = nodeByRole(rangeNode, 'RangeEnd');
    if (start === null || end === null) return 'variable length edge without min..max';
    range = { min: buildExpr(start, ctx, 'scalar'), max: buildExpr(end, ctx, 'scalar') };
  }
  return {
    name: nameText(nodeByRole(element, 'Name')),
    direction: left ? 'left' : right ? 'right' : 'any',
    range,
    span: ctx.span(element),
  };
}

// ---------------------------------------------------------------------------------------------
// where and project

/** Graph functions whose unnamed call is named after the function (node-degree-out.md's example). */
const SELF_NAMED_FUNCTIONS = new Set(['node_degree_in', 'node_degree_out', 'node_id', 'labels']);

function whereAndProject(node: SyntaxNode, ctx: BuildContext): { where: Expr | null; project: NamedExpr[] } {
  const whereClause = nodeByRole(node, 'WhereClause');
  const where = whereClause === null ? null : requiredExpr(whereClause, 'Condition', ctx);
  const projectClause = nodeByRole(node, 'ProjectClause');
  const items = projectClause === null ? [] : listByRole(projectClause, 'Expressions');
  // The output columns are the project items in order; the binder names `n.prop` `n_prop`.
  const columns = namedExpressions(items, node, ctx, new Set(), positionalNames(items, node));
  if (columns.length !== items.length) return { where, project: columns };
  const used = new Set(columns.map((c) => c.name));
  const project = columns.map((column, i) => {
    const item = items[i]!;
    if (item.kind !== 'FunctionCallExpression') return column;
    const fn = (nameText(nodeByRole(item, 'Name')) ?? '').toLowerCase();
    if (!SELF_NAMED_FUNCTIONS.has(fn) || used.has(fn)) return column;
    used.delete(column.name);
    used.add(fn);
    return { ...column, name: fn };
  });
  return { where, project };
}
