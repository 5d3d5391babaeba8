/**
 * Statements and the query: `let` (values, tables, functions), `set`, `declare query_parameters`,
 * and the expression statement whose value is the query's result.
 */
import type {
  Expr,
  FunctionDefinition,
  FunctionParam,
  LetStatement,
  QueryPlan,
  SetStatement,
  Statement,
} from '../../plan/plan.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr, isTabularNode } from './expressions.js';
import { parameterValue } from './params.js';
import { declaredType, unsupportedScalar } from './scalars.js';
import { rowSchemaColumns, unsupportedTabular } from './tabular.js';

function functionParam(p: SyntaxNode, ctx: BuildContext): FunctionParam | null {
  const nameAndType = nodeByRole(p, 'NameAndType');
  if (nameAndType === null) return null;
  const name = nameText(nodeByRole(nameAndType, 'Name'));
  const typeNode = nodeByRole(nameAndType, 'Type');
  if (name === null || typeNode === null) return null;
  const defaultDecl = nodeByRole(p, 'DefaultValue');
  const defaultNode = defaultDecl === null ? null : nodeByRole(defaultDecl, 'Value');
  const defaultValue = defaultNode === null ? null : buildExpr(defaultNode, ctx, 'scalar');
  if (typeNode.kind === 'SchemaTypeExpression') {
    return { name, type: { kind: 'tabular', columns: rowSchemaColumns(typeNode).columns }, defaultValue };
  }
  const scalar = declaredType(typeNode);
  if (scalar === null) return null;
  return { name, type: { kind: 'scalar', type: scalar }, defaultValue };
}

function functionDefinition(decl: SyntaxNode, ctx: BuildContext): FunctionDefinition | string {
  const paramsNode = nodeByRole(decl, 'Parameters');
  const params: FunctionParam[] = [];
  for (const p of paramsNode === null ? [] : listByRole(paramsNode, 'Parameters')) {
    const param = functionParam(p, ctx);
    if (param === null) return `function parameter ${ctx.text(p)}`;
    params.push(param);
  }
  const body = nodeByRole(decl, 'Body');
  const result = body === null ? null : nodeByRole(body, 'Expression');
  if (body === null || result === null) return 'function without a body';
  const statements = listByRole(body, 'Statements').flatMap((s) => buildStatement(s, ctx));
  const tabular = isTabularNode(result);
  return {
    params,
    statements,
    result: buildExpr(result, ctx, tabular ? 'tabular' : 'scalar'),
    tabular,
    span: ctx.span(decl),
  };
}

function letStatement(node: SyntaxNode, ctx: BuildContext): LetStatement[] {
  const name = nameText(nodeByRole(node, 'Name'));
  const value = nodeByRole(node, 'Expression');
  if (name === null || value === null) return [];
  const span = ctx.span(node);
  if (value.kind === 'FunctionDeclaration') {
    const fn = functionDefinition(value, ctx);
    if (typeof fn === 'string') {
      return [
        { kind: 'let', name, value: { kind: 'tabular', expr: unsupportedTabular(fn, value, ctx) }, span },
      ];
    }
    return [{ kind: 'let', name, value: { kind: 'function', fn }, span }];
  }
  if (isTabularNode(value)) {
    return [{ kind: 'let', name, value: { kind: 'tabular', expr: buildExpr(value, ctx, 'tabular') }, span }];
  }
  return [{ kind: 'let', name, value: { kind: 'scalar', expr: buildExpr(value, ctx, 'scalar') }, span }];
}

function setStatement(node: SyntaxNode, ctx: BuildContext): SetStatement[] {
  const name = nameText(nodeByRole(node, 'Name'));
  if (name === null) return [];
  const clause = nodeByRole(node, 'ValueClause');
  const value = clause === null ? null : nodeByRole(clause, 'Expression');
  return [{ kind: 'set', name, value: value === null ? null : parameterValue(value), span: ctx.span(node) }];
}

/** `declare query_parameters(x:string = "a")`: each parameter is a scalar `let` of its default. */
function queryParameters(node: SyntaxNode, ctx: BuildContext): LetStatement[] {
  const out: LetStatement[] = [];
  for (const p of listByRole(node, 'Parameters')) {
    const param = functionParam(p, ctx);
    if (param === null) continue;
    const expr: Expr =
      param.defaultValue ??
      unsupportedScalar(`query parameter ${param.name} without a default value`, p, ctx);
    out.push({ kind: 'let', name: param.name, value: { kind: 'scalar', expr }, span: ctx.span(p) });
  }
  return out;
}

function patternStatement(node: SyntaxNode, ctx: BuildContext): LetStatement[] {
  const name = nameText(nodeByRole(node, 'Name'));
  if (name === null) return [];
  return [
    {
      kind: 'let',
      name,
      value: { kind: 'tabular', expr: unsupportedTabular('declare pattern', node, ctx) },
      span: ctx.span(node),
    },
  ];
}

export function buildStatement(node: SyntaxNode, ctx: BuildContext): Statement[] {
  switch (node.kind) {
    case 'LetStatement':
      return letStatement(node, ctx);
    case 'SetOptionStatement':
      return setStatement(node, ctx);
    case 'QueryParametersStatement':
      return queryParameters(node, ctx);
    case 'PatternStatement':
      return patternStatement(node, ctx);
    default:
      // alias and restrict statements name clusters and limit access: nothing to do offline.
      return [];
  }
}

export interface BuiltQuery {
  readonly plan: QueryPlan;
  /** Earlier expression statements, whose results the plan does not keep. */
  readonly droppedResults: readonly SyntaxNode[];
}

export function buildQuery(root: SyntaxNode, ctx: BuildContext): BuiltQuery {
  if (root.kind !== 'QueryBlock') {
    const result = unsupportedTabular(
      root.kind === 'CommandBlock' ? 'control command' : root.kind,
      root,
      ctx,
    );
    return { plan: { kind: 'query', statements: [], result, span: ctx.span(root) }, droppedResults: [] };
  }
  const statements: Statement[] = [];
  const expressions: SyntaxNode[] = [];
  for (const s of listByRole(root, 'Statements')) {
    if (s.kind === 'ExpressionStatement') {
      const e = nodeByRole(s, 'Expression');
      if (e !== null) expressions.push(e);
      continue;
    }
    statements.push(...buildStatement(s, ctx));
  }
  const last = expressions[expressions.length - 1];
  const result = last === undefined ? null : buildExpr(last, ctx);
  return {
    plan: { kind: 'query', statements, result, span: ctx.span(root) },
    droppedResults: expressions.slice(0, -1),
  };
}
