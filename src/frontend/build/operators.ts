/**
 * Query operators (what follows a `|`), one builder per operator kind of the syntax tree.
 * Anything not listed becomes an `unsupported` operator naming it, which the engine reports when
 * it is run.
 */
import type { Expr, Operator, ProjectReorderOp, UnsupportedOp } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { childByRole, listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import { namedExpressions, positionalNames, resultSchemaOf } from './columns.js';
import type { BuildContext } from './context.js';
import { evaluateOperator, invokeOperator } from './evaluate.js';
import {
  graphMarkComponentsOperator,
  graphMatchOperator,
  graphShortestPathsOperator,
  graphToTableOperator,
  makeGraphOperator,
} from './graph.js';
import { mvApplyOperator, mvExpandOperator } from './expansion.js';
import { buildExpr } from './expressions.js';
import { joinOperator, lookupOperator, unionOperator } from './joins.js';
import { orderOf, sortKey } from './ordering.js';
import { parameterValue } from './params.js';
import { parseKvOperator, parseOperator, parseWhereOperator } from './parsing.js';
import { partitionOperator } from './partition.js';
import { scanOperator } from './scan.js';
import { searchOperator } from './search.js';
import { makeSeriesOperator, topNestedOperator } from './series.js';
import { unsupportedScalar } from './scalars.js';

export type OperatorBuilder = (node: SyntaxNode, ctx: BuildContext) => Operator;

export function base(
  node: SyntaxNode,
  ctx: BuildContext,
): { span: ReturnType<BuildContext['span']>; schema: ReturnType<typeof resultSchemaOf> } {
  return { span: ctx.span(node), schema: resultSchemaOf(node) };
}

/** The operator's keyword as written (`project-away`, `mv-expand`), for messages. */
export function operatorKeyword(node: SyntaxNode): string {
  const first = tokensOf(node).find((t) => !t.missing);
  return first === undefined ? node.kind : first.text.toLowerCase();
}

export function unsupportedOperator(what: string, node: SyntaxNode, ctx: BuildContext): UnsupportedOp {
  ctx.noteUnsupported(what, node);
  return { kind: 'unsupported', what, ...base(node, ctx) };
}

/** A required child expression; its absence (after a syntax error) is an unsupported scalar. */
export function requiredExpr(node: SyntaxNode, role: string, ctx: BuildContext): Expr {
  const child = nodeByRole(node, role);
  if (child === null) return unsupportedScalar(`missing ${role}`, node, ctx);
  return buildExpr(child, ctx, 'scalar');
}

function patterns(node: SyntaxNode): string[] {
  return listByRole(node, 'Expressions')
    .map((e) => nameText(e.kind === 'OrderedExpression' ? nodeByRole(e, 'Expression') : e))
    .filter((n): n is string => n !== null);
}

const where: OperatorBuilder = (node, ctx) => ({
  kind: 'where',
  predicate: requiredExpr(node, 'Condition', ctx),
  ...base(node, ctx),
});

const extend: OperatorBuilder = (node, ctx) => ({
  kind: 'extend',
  columns: namedExpressions(listByRole(node, 'Expressions'), node, ctx),
  ...base(node, ctx),
});

const project: OperatorBuilder = (node, ctx) => ({
  kind: 'project',
  columns: namedExpressions(listByRole(node, 'Expressions'), node, ctx),
  ...base(node, ctx),
});

const projectAway: OperatorBuilder = (node, ctx) => ({
  kind: 'project-away',
  patterns: patterns(node),
  ...base(node, ctx),
});

const projectKeep: OperatorBuilder = (node, ctx) => ({
  kind: 'project-keep',
  patterns: patterns(node),
  ...base(node, ctx),
});

const projectRename: OperatorBuilder = (node, ctx) => {
  const renames: { newName: string; oldName: string }[] = [];
  for (const item of listByRole(node, 'Expressions')) {
    const newName = nameText(nodeByRole(item, 'Name'));
    const oldName = nameText(nodeByRole(item, 'Expression'));
    const old = nodeByRole(item, 'Expression');
    if (newName === null || oldName === null || old === null || old.kind !== 'NameReference') {
      return unsupportedOperator('project-rename to an expression', item, ctx);
    }
    renames.push({ newName, oldName });
  }
  return { kind: 'project-rename', renames, ...base(node, ctx) };
};

const projectReorder: OperatorBuilder = (node, ctx) => {
  const items: ProjectReorderOp['patterns'][number][] = [];
  for (const item of listByRole(node, 'Expressions')) {
    const ordered = item.kind === 'OrderedExpression';
    const pattern = nameText(ordered ? nodeByRole(item, 'Expression') : item);
    if (pattern === null) continue;
    const order = ordered ? orderOf(nodeByRole(item, 'Ordering'), 'asc') : null;
    items.push({ pattern, order });
  }
  return { kind: 'project-reorder', patterns: items, ...base(node, ctx) };
};

const projectByNames: OperatorBuilder = (node, ctx) => ({
  kind: 'project-by-names',
  specifiers: listByRole(node, 'Expressions').map((e) => buildExpr(e, ctx)),
  ...base(node, ctx),
});

const summarize: OperatorBuilder = (node, ctx) => {
  const byClause = nodeByRole(node, 'ByClause');
  const used = new Set<string>();
  // The output has the `by` columns first, then the aggregates.
  const byItems = byClause === null ? [] : listByRole(byClause, 'Expressions');
  const aggregateItems = listByRole(node, 'Aggregates');
  const positional = positionalNames([...byItems, ...aggregateItems], node);
  const by = namedExpressions(byItems, node, ctx, used, positional);
  const aggregates = namedExpressions(aggregateItems, node, ctx, used, positional);
  return { kind: 'summarize', aggregates, by, ...base(node, ctx) };
};

const count: OperatorBuilder = (node, ctx) => {
  const schema = resultSchemaOf(node);
  const asClause = nodeByRole(node, 'AsIdentifier');
  const written = asClause === null ? null : nameText(childByRole(asClause, 'Identifier'));
  return { kind: 'count', name: schema?.columns[0]?.name ?? written ?? 'Count', ...base(node, ctx) };
};

const distinct: OperatorBuilder = (node, ctx) => {
  const items = listByRole(node, 'Expressions');
  const star = items.length === 1 && items[0]!.kind === 'StarExpression';
  return { kind: 'distinct', columns: star ? null : namedExpressions(items, node, ctx), ...base(node, ctx) };
};

const sort: OperatorBuilder = (node, ctx) => ({
  kind: 'sort',
  by: listByRole(node, 'Expressions').map((e) => sortKey(e, ctx)),
  ...base(node, ctx),
});

const top: OperatorBuilder = (node, ctx) => {
  const by = nodeByRole(node, 'ByExpression');
  return {
    kind: 'top',
    count: requiredExpr(node, 'Expression', ctx),
    by: by === null ? [] : [sortKey(by, ctx)],
    ...base(node, ctx),
  };
};

const take: OperatorBuilder = (node, ctx) => ({
  kind: 'take',
  count: requiredExpr(node, 'Expression', ctx),
  ...base(node, ctx),
});

const sample: OperatorBuilder = (node, ctx) => ({
  kind: 'sample',
  count: requiredExpr(node, 'Expression', ctx),
  ...base(node, ctx),
});

const as: OperatorBuilder = (node, ctx) => {
  const name = nameText(nodeByRole(node, 'Name'));
  if (name === null) return unsupportedOperator('as without a name', node, ctx);
  return { kind: 'as', name, ...base(node, ctx) };
};

const serialize: OperatorBuilder = (node, ctx) => ({
  kind: 'serialize',
  columns: namedExpressions(listByRole(node, 'Expressions'), node, ctx),
  ...base(node, ctx),
});

const getschema: OperatorBuilder = (node, ctx) => ({ kind: 'getschema', ...base(node, ctx) });

const render: OperatorBuilder = (node, ctx) => {
  const chart = childByRole(node, 'ChartType');
  const properties: Record<string, string> = Object.create(null) as Record<string, string>;
  const withClause = nodeByRole(node, 'WithClause');
  if (withClause !== null) {
    for (const p of listByRole(withClause, 'Properties')) {
      const name = tokensOf(nodeByRole(p, 'Name') ?? p)
        .map((t) => t.text)
        .join('');
      const value = nodeByRole(p, 'Expression');
      if (value === null) continue;
      properties[name] =
        value.kind === 'NameReferenceList'
          ? listByRole(value, 'Names')
              .map((n) => nameText(n) ?? '')
              .join(',')
          : parameterValue(value);
    }
  }
  const chartName =
    chart === null
      ? ''
      : tokensOf(chart)
          .map((t) => t.text.toLowerCase())
          .join('');
  return { kind: 'render', chart: chartName, properties, ...base(node, ctx) };
};

/** Operators the plan has no node for, with the name users know them by. */
const UNSUPPORTED: Readonly<Record<string, string>> = {
  FacetOperator: 'facet',
  ForkOperator: 'fork',
  PartitionByOperator: 'partition-by',
  ReduceByOperator: 'reduce',
  SampleDistinctOperator: 'sample-distinct',
  TopHittersOperator: 'top-hitters',
  ConsumeOperator: 'consume',
  ExecuteAndCacheOperator: 'execute-and-cache',
  AssertSchemaOperator: 'assert-schema',
  MacroExpandOperator: 'macro-expand',
  GraphWhereNodesOperator: 'graph-where-nodes',
  GraphWhereEdgesOperator: 'graph-where-edges',
  FindOperator: 'find',
  BadQueryOperator: 'unparsable operator',
};

const BUILDERS: Readonly<Record<string, OperatorBuilder>> = {
  FilterOperator: where,
  ExtendOperator: extend,
  ProjectOperator: project,
  ProjectAwayOperator: projectAway,
  ProjectKeepOperator: projectKeep,
  ProjectRenameOperator: projectRename,
  ProjectReorderOperator: projectReorder,
  ProjectByNamesOperator: projectByNames,
  SummarizeOperator: summarize,
  CountOperator: count,
  DistinctOperator: distinct,
  SortOperator: sort,
  TopOperator: top,
  TakeOperator: take,
  SampleOperator: sample,
  AsOperator: as,
  SerializeOperator: serialize,
  GetSchemaOperator: getschema,
  RenderOperator: render,
  JoinOperator: joinOperator,
  LookupOperator: lookupOperator,
  UnionOperator: unionOperator,
  SearchOperator: searchOperator,
  ParseOperator: parseOperator,
  ParseWhereOperator: parseWhereOperator,
  ParseKvOperator: parseKvOperator,
  MvExpandOperator: mvExpandOperator,
  MvApplyOperator: mvApplyOperator,
  MakeSeriesOperator: makeSeriesOperator,
  TopNestedOperator: topNestedOperator,
  EvaluateOperator: evaluateOperator,
  InvokeOperator: invokeOperator,
  ScanOperator: scanOperator,
  PartitionOperator: partitionOperator,
  MakeGraphOperator: makeGraphOperator,
  GraphMatchOperator: graphMatchOperator,
  GraphShortestPathsOperator: graphShortestPathsOperator,
  GraphMarkComponentsOperator: graphMarkComponentsOperator,
  GraphToTableOperator: graphToTableOperator,
};

export function buildOperator(node: SyntaxNode, ctx: BuildContext): Operator {
  const builder = BUILDERS[node.kind];
  if (builder !== undefined) return builder(node, ctx);
  return unsupportedOperator(UNSUPPORTED[node.kind] ?? operatorKeyword(node), node, ctx);
}
