/**
 * Tabular expressions: table references, pipelines, and the sources that start them
 * (`datatable`, `print`, `range`, `union`, user tabular functions, `materialize`).
 */
import type { Expr, Operator, TabularUnsupported, UnionOptions } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, type SyntaxNode } from '../syntax.js';
import { namedExpressions, resultSchemaOf } from './columns.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { buildOperator } from './operators.js';
import { operatorParameters, parameter } from './params.js';
import { buildArguments, declaredType } from './scalars.js';
import { searchSource } from './search.js';

export function unsupportedTabular(what: string, node: SyntaxNode, ctx: BuildContext): TabularUnsupported {
  return { kind: 'tabularUnsupported', what, span: ctx.noteUnsupported(what, node) };
}

/** Operators that can start a query without input. */
const SOURCE_OPERATORS = new Set([
  'PrintOperator',
  'RangeOperator',
  'UnionOperator',
  'FindOperator',
  'SearchOperator',
]);

function isQueryOperator(node: SyntaxNode): boolean {
  return node.kind.endsWith('Operator') && !SOURCE_OPERATORS.has(node.kind);
}

/** The implicit input of a sub-query that starts with an operator (`mv-apply ... on (summarize ...)`). */
function implicitInput(node: SyntaxNode, ctx: BuildContext): Expr {
  const span = ctx.spanOf(node.start, node.start);
  return { kind: 'table', name: '', resolvedAs: 'unknown', schema: null, span };
}

function pipeline(node: SyntaxNode, ctx: BuildContext): Expr {
  const operatorNodes: SyntaxNode[] = [];
  let cur: SyntaxNode = node;
  while (cur.kind === 'PipeExpression') {
    const op = nodeByRole(cur, 'Operator');
    const input = nodeByRole(cur, 'Expression');
    if (op !== null) operatorNodes.unshift(op);
    if (input === null) return unsupportedTabular('pipe without input', cur, ctx);
    cur = input;
  }
  let source: Expr;
  if (isQueryOperator(cur)) {
    source = implicitInput(cur, ctx);
    operatorNodes.unshift(cur);
  } else {
    source = buildExpr(cur, ctx, 'tabular');
  }
  const operators: Operator[] = operatorNodes.map((op) => buildOperator(op, ctx));
  // `T | search` names its rows' table in `$table`: the table the pipeline starts from.
  const sourceTable = source.kind === 'table' ? source.name : null;
  for (let i = 0; i < operators.length; i++) {
    const op = operators[i]!;
    if (op.kind === 'search') operators[i] = { ...op, tableName: sourceTable };
  }
  return { kind: 'pipeline', source, operators, span: ctx.span(node) };
}

function tableReference(node: SyntaxNode, ctx: BuildContext): Expr {
  const name = nameText(node) ?? '';
  const symbol = node.semantic?.symbol ?? null;
  if (symbol?.kind === 'function') {
    // A tabular function named without parentheses: called with no arguments.
    return {
      kind: 'tabularCall',
      name,
      args: [],
      target: symbol.userDefined ? 'user' : 'builtin',
      span: ctx.span(node),
    };
  }
  let resolvedAs: 'table' | 'variable' | 'parameter' | 'unknown' = 'unknown';
  if (symbol?.kind === 'table') resolvedAs = 'table';
  else if (symbol?.kind === 'variable') resolvedAs = 'variable';
  else if (symbol?.kind === 'parameter') resolvedAs = 'parameter';
  return { kind: 'table', name, resolvedAs, schema: resultSchemaOf(node), span: ctx.span(node) };
}

function functionCall(node: SyntaxNode, ctx: BuildContext): Expr {
  const written = nameText(nodeByRole(node, 'Name')) ?? '';
  const symbol = node.semantic?.symbol ?? null;
  const { args } = buildArguments(node, ctx);
  const lower = written.toLowerCase();
  if (lower === 'table' && !(symbol?.userDefined ?? false)) {
    // table('SecurityEvent'): a table named by a constant string.
    const first = args[0];
    if (args.length === 1 && first?.kind === 'literal' && typeof first.value === 'string') {
      return {
        kind: 'table',
        name: first.value,
        resolvedAs: 'table',
        schema: resultSchemaOf(node),
        span: ctx.span(node),
      };
    }
  }
  if (
    lower === 'cluster' ||
    lower === 'database' ||
    lower === 'external_table' ||
    lower === 'materialized_view'
  ) {
    return unsupportedTabular(`${lower}()`, node, ctx);
  }
  const userDefined = symbol === null || symbol.userDefined;
  return {
    kind: 'tabularCall',
    name: userDefined ? written : lower,
    args,
    target: userDefined ? 'user' : 'builtin',
    span: ctx.span(node),
  };
}

function materialize(node: SyntaxNode, ctx: BuildContext): Expr {
  const inner = nodeByRole(node, 'Expression');
  if (inner === null) return unsupportedTabular('materialize() without an argument', node, ctx);
  return {
    kind: 'tabularCall',
    name: 'materialize',
    args: [buildExpr(inner, ctx, 'tabular')],
    target: 'builtin',
    span: ctx.span(node),
  };
}

/** `(name: type, ...)` declarations: datatable, parse-kv, evaluate output schemas, function parameters. */
export function rowSchemaColumns(schema: SyntaxNode | null): { columns: ColumnSchema[]; rest: boolean } {
  const columns: ColumnSchema[] = [];
  if (schema === null) return { columns, rest: false };
  // `(*, a:string)` in an evaluate output schema: all input columns too.
  let rest = schema.children.some((c) => c.isToken && c.kind === 'AsteriskToken' && !c.missing);
  for (const item of listByRole(schema, 'Columns')) {
    if (item.kind !== 'NameAndTypeDeclaration') {
      if (item.kind === 'StarExpression' || item.kind === 'NameDeclaration') rest = true;
      continue;
    }
    const name = nameText(nodeByRole(item, 'Name'));
    const type = declaredType(nodeByRole(item, 'Type'));
    if (name !== null && type !== null) columns.push({ name, type });
  }
  return { columns, rest };
}

function datatable(node: SyntaxNode, ctx: BuildContext): Expr {
  const { columns } = rowSchemaColumns(nodeByRole(node, 'Schema'));
  const values = listByRole(node, 'Values').map((v) => buildExpr(v, ctx, 'scalar'));
  if (columns.length === 0 || values.length % columns.length !== 0) {
    return unsupportedTabular('datatable whose values do not fill its columns', node, ctx);
  }
  return { kind: 'datatable', columns, values, span: ctx.span(node) };
}

function print(node: SyntaxNode, ctx: BuildContext): Expr {
  return {
    kind: 'print',
    columns: namedExpressions(listByRole(node, 'Expressions'), node, ctx),
    span: ctx.span(node),
  };
}

function range(node: SyntaxNode, ctx: BuildContext): Expr {
  const column = nameText(nodeByRole(node, 'Name'));
  const from = nodeByRole(node, 'From');
  const to = nodeByRole(node, 'To');
  const step = nodeByRole(node, 'Step');
  if (column === null || from === null || to === null || step === null) {
    return unsupportedTabular('incomplete range', node, ctx);
  }
  return {
    kind: 'range',
    column,
    from: buildExpr(from, ctx, 'scalar'),
    to: buildExpr(to, ctx, 'scalar'),
    step: buildExpr(step, ctx, 'scalar'),
    span: ctx.span(node),
  };
}

export function unionOptions(operator: SyntaxNode): UnionOptions {
  const params = operatorParameters(operator);
  const kind = parameter(params, 'kind');
  const fuzzy = parameter(params, 'isfuzzy');
  return {
    unionKind: kind === 'inner' ? 'inner' : 'outer',
    withSource: parameter(params, 'withsource') ?? parameter(params, 'withsource_'),
    isFuzzy: fuzzy !== null && fuzzy.toLowerCase() === 'true',
  };
}

export function unionInputs(operator: SyntaxNode, ctx: BuildContext): Expr[] {
  return listByRole(operator, 'Expressions').map((e) => buildExpr(e, ctx, 'tabular'));
}

function union(node: SyntaxNode, ctx: BuildContext): Expr {
  return { kind: 'union', options: unionOptions(node), inputs: unionInputs(node, ctx), span: ctx.span(node) };
}

function evaluateAsSource(node: SyntaxNode, ctx: BuildContext): Expr {
  const call = nodeByRole(node, 'FunctionCall');
  const plugin = call === null ? '' : (nameText(nodeByRole(call, 'Name')) ?? '');
  return unsupportedTabular(`evaluate ${plugin} as a source`, node, ctx);
}

type TabularBuilder = (node: SyntaxNode, ctx: BuildContext) => Expr;

const BUILDERS: Readonly<Record<string, TabularBuilder>> = {
  PipeExpression: pipeline,
  ParenthesizedExpression: (node, ctx) => {
    const inner = nodeByRole(node, 'Expression');
    return inner === null
      ? unsupportedTabular('empty parentheses', node, ctx)
      : buildExpr(inner, ctx, 'tabular');
  },
  NameReference: tableReference,
  FunctionCallExpression: functionCall,
  MaterializeExpression: materialize,
  DataTableExpression: datatable,
  PrintOperator: print,
  RangeOperator: range,
  UnionOperator: union,
  EvaluateOperator: evaluateAsSource,
  ExternalDataExpression: (node, ctx) => unsupportedTabular('externaldata', node, ctx),
  InlineExternalTableExpression: (node, ctx) => unsupportedTabular('external table', node, ctx),
  ContextualDataTableExpression: (node, ctx) => unsupportedTabular('contextual datatable', node, ctx),
  FindOperator: (node, ctx) => unsupportedTabular('find', node, ctx),
  SearchOperator: searchSource,
  ToTableExpression: (node, ctx) => unsupportedTabular('totable()', node, ctx),
  DataScopeExpression: (node, ctx) => unsupportedTabular('datascope', node, ctx),
  // cluster('c').database('d').T, database('d').T, a pattern's App('a').Data
  PathExpression: (node, ctx) => unsupportedTabular('qualified table reference', node, ctx),
};

export function buildTabular(node: SyntaxNode, ctx: BuildContext): Expr {
  const builder = BUILDERS[node.kind];
  if (builder !== undefined) return builder(node, ctx);
  if (isQueryOperator(node)) {
    return {
      kind: 'pipeline',
      source: implicitInput(node, ctx),
      operators: [buildOperator(node, ctx)],
      span: ctx.span(node),
    };
  }
  return unsupportedTabular(node.kind, node, ctx);
}
