/**
 * Scalar expressions: literals, names, calls, operators, member and index access.
 *
 * Operators are recognised by their operator token (`==`, `has_cs`, `!in~`) rather than by the
 * library's node kind names, so that what the plan says is what the user wrote.
 */
import type {
  BinaryOp,
  Call,
  Expr,
  ListOp,
  Literal,
  NameResolution,
  ScalarUnsupported,
} from '../../plan/plan.js';
import { isScalarType, type ScalarType } from '../../types/scalar.js';
import { nameText } from '../names.js';
import { childByRole, isNode, listByRole, nodeByRole, tokensOf, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr, scalarTypeOf } from './expressions.js';
import {
  decodeStringLiteral,
  LiteralError,
  literalKindTypes,
  parseBoolLiteral,
  parseIntLiteral,
  parseLongLiteral,
  parseRealLiteral,
  textualLiteral,
} from './literals.js';

const BINARY_OPS: ReadonlySet<string> = new Set<BinaryOp>([
  '+',
  '-',
  '*',
  '/',
  '%',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '=~',
  '!~',
  'and',
  'or',
  'has',
  '!has',
  'has_cs',
  '!has_cs',
  'hasprefix',
  '!hasprefix',
  'hasprefix_cs',
  '!hasprefix_cs',
  'hassuffix',
  '!hassuffix',
  'hassuffix_cs',
  '!hassuffix_cs',
  'contains',
  '!contains',
  'contains_cs',
  '!contains_cs',
  'startswith',
  '!startswith',
  'startswith_cs',
  '!startswith_cs',
  'endswith',
  '!endswith',
  'endswith_cs',
  '!endswith_cs',
  'matches regex',
]);

const LIST_OPS: ReadonlySet<string> = new Set<ListOp>(['in', '!in', 'in~', '!in~', 'has_any', 'has_all']);

/** The operator as written, normalised: `matches   regex` → `matches regex`, `Has` → `has`. */
function operatorText(node: SyntaxNode): string | null {
  const op = childByRole(node, 'Operator');
  if (op === null) return null;
  const text = tokensOf(op)
    .filter((t) => !t.missing)
    .map((t) => t.text)
    .join(' ');
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function unsupportedScalar(what: string, node: SyntaxNode, ctx: BuildContext): ScalarUnsupported {
  return { kind: 'scalarUnsupported', what, span: ctx.noteUnsupported(what, node) };
}

function literalToken(node: SyntaxNode): string {
  return tokensOf(node)
    .filter((t) => !t.missing)
    .map((t) => t.text)
    .join('');
}

function literal(node: SyntaxNode, ctx: BuildContext): Expr {
  const type = literalKindTypes[node.kind]!;
  const text = literalToken(node);
  let value: Literal['value'];
  try {
    switch (type) {
      case 'bool':
        value = parseBoolLiteral(text);
        break;
      case 'int':
        value = parseIntLiteral(text);
        break;
      case 'long':
        value = parseLongLiteral(text);
        break;
      case 'real':
      case 'decimal':
        value = parseRealLiteral(text);
        break;
      case 'string':
        value = decodeStringLiteral(text);
        break;
      default:
        value = textualLiteral(text);
    }
  } catch (err) {
    if (err instanceof LiteralError) return unsupportedScalar(`malformed literal: ${err.message}`, node, ctx);
    throw err;
  }
  return { kind: 'literal', type, value, span: ctx.span(node) };
}

/** `"a" 'b' @"c"`: adjacent string literals are one string. */
function compoundString(node: SyntaxNode, ctx: BuildContext): Expr {
  let value = '';
  try {
    for (const t of tokensOf(node)) {
      if (t.kind === 'StringLiteralToken' && !t.missing) value += decodeStringLiteral(t.text);
    }
  } catch (err) {
    if (err instanceof LiteralError) return unsupportedScalar(`malformed literal: ${err.message}`, node, ctx);
    throw err;
  }
  return { kind: 'literal', type: 'string', value, span: ctx.span(node) };
}

/** `dynamic([...])`: the engine parses the text inside the parentheses. */
function dynamicLiteral(node: SyntaxNode, ctx: BuildContext): Expr {
  const inner = nodeByRole(node, 'Expression');
  if (inner === null) return unsupportedScalar('dynamic literal without a value', node, ctx);
  if (inner.kind === 'NullLiteralExpression') {
    return { kind: 'literal', type: 'dynamic', value: null, span: ctx.span(node) };
  }
  return { kind: 'literal', type: 'dynamic', value: ctx.text(inner), span: ctx.span(node) };
}

function nullLiteral(node: SyntaxNode, ctx: BuildContext): Expr {
  return { kind: 'literal', type: scalarTypeOf(node) ?? 'dynamic', value: null, span: ctx.span(node) };
}

function nameReference(node: SyntaxNode, ctx: BuildContext): Expr {
  const name = nameText(node) ?? '';
  const symbol = node.semantic?.symbol ?? null;
  if (symbol !== null && (symbol.kind === 'function' || symbol.kind === 'aggregate')) {
    // A function named without parentheses: KQL calls it with no arguments.
    return callOf(node, name, [], {}, ctx);
  }
  let resolvedAs: NameResolution = 'unknown';
  if (symbol?.kind === 'column') resolvedAs = 'column';
  else if (symbol?.kind === 'variable') resolvedAs = 'variable';
  else if (symbol?.kind === 'parameter') resolvedAs = 'parameter';
  return { kind: 'name', name, resolvedAs, type: scalarTypeOf(node), span: ctx.span(node) };
}

function callOf(
  node: SyntaxNode,
  writtenName: string,
  args: Expr[],
  namedArgs: Record<string, Expr>,
  ctx: BuildContext,
): Call {
  const symbol = node.semantic?.symbol ?? null;
  let target: Call['target'] = 'builtin';
  if (symbol?.kind === 'aggregate') target = 'aggregate';
  else if (symbol?.kind === 'function' && symbol.userDefined) target = 'user';
  // Built-in names are lower case in KQL; user functions keep their case.
  const name = target === 'user' ? writtenName : writtenName.toLowerCase();
  return { kind: 'call', name, args, namedArgs, target, type: scalarTypeOf(node), span: ctx.span(node) };
}

/** Arguments of a call: positional, and `name = value` as named arguments. */
export function buildArguments(
  call: SyntaxNode,
  ctx: BuildContext,
): { args: Expr[]; namedArgs: Record<string, Expr> } {
  const argList = nodeByRole(call, 'ArgumentList');
  const args: Expr[] = [];
  const namedArgs: Record<string, Expr> = Object.create(null) as Record<string, Expr>;
  if (argList === null) return { args, namedArgs };
  for (const arg of listByRole(argList, 'Expressions')) {
    if (arg.kind === 'SimpleNamedExpression') {
      const name = nameText(nodeByRole(arg, 'Name'));
      const value = nodeByRole(arg, 'Expression');
      if (name !== null && value !== null) {
        namedArgs[name] = buildExpr(value, ctx);
        continue;
      }
    }
    args.push(buildExpr(arg, ctx));
  }
  return { args, namedArgs };
}

function functionCall(node: SyntaxNode, ctx: BuildContext): Expr {
  const name = nameText(nodeByRole(node, 'Name')) ?? '';
  const { args, namedArgs } = buildArguments(node, ctx);
  return callOf(node, name, args, namedArgs, ctx);
}

function toScalar(node: SyntaxNode, ctx: BuildContext): Expr {
  const inner = nodeByRole(node, 'Expression');
  if (inner === null) return unsupportedScalar('toscalar() without an argument', node, ctx);
  return {
    kind: 'call',
    name: 'toscalar',
    args: [buildExpr(inner, ctx, 'tabular')],
    namedArgs: Object.create(null) as Record<string, Expr>,
    target: 'builtin',
    type: scalarTypeOf(node),
    span: ctx.span(node),
  };
}

function operand(node: SyntaxNode, role: string, ctx: BuildContext): Expr {
  const child = nodeByRole(node, role);
  if (child === null) return unsupportedScalar(`missing ${role.toLowerCase()} operand`, node, ctx);
  return buildExpr(child, ctx);
}

function listItems(right: SyntaxNode, ctx: BuildContext): Expr[] {
  if (right.kind === 'ExpressionList') return listByRole(right, 'Expressions').map((e) => buildExpr(e, ctx));
  return [buildExpr(right, ctx)];
}

function binaryOrList(node: SyntaxNode, ctx: BuildContext): Expr {
  const op = operatorText(node);
  if (op === null) return unsupportedScalar(node.kind, node, ctx);
  if (BINARY_OPS.has(op)) {
    return {
      kind: 'binary',
      op: op as BinaryOp,
      left: operand(node, 'Left', ctx),
      right: operand(node, 'Right', ctx),
      type: scalarTypeOf(node),
      span: ctx.span(node),
    };
  }
  if (LIST_OPS.has(op)) {
    const right = nodeByRole(node, 'Right');
    return {
      kind: 'list',
      op: op as ListOp,
      left: operand(node, 'Left', ctx),
      items: right === null ? [] : listItems(right, ctx),
      span: ctx.span(node),
    };
  }
  if (op === 'between' || op === '!between') {
    const couple = nodeByRole(node, 'Right');
    if (couple === null || couple.kind !== 'ExpressionCouple') {
      return unsupportedScalar(`${op} without a range`, node, ctx);
    }
    return {
      kind: 'between',
      negated: op === '!between',
      left: operand(node, 'Left', ctx),
      low: operand(couple, 'First', ctx),
      high: operand(couple, 'Second', ctx),
      span: ctx.span(node),
    };
  }
  return unsupportedScalar(`operator ${op}`, node, ctx);
}

function unary(node: SyntaxNode, ctx: BuildContext): Expr {
  return {
    kind: 'unary',
    op: node.kind === 'UnaryMinusExpression' ? '-' : '+',
    operand: operand(node, 'Expression', ctx),
    span: ctx.span(node),
  };
}

function path(node: SyntaxNode, ctx: BuildContext): Expr {
  const selector = nodeByRole(node, 'Selector');
  if (selector?.kind === 'BracketedExpression') {
    // `a.[b]`: index by an expression, as `a[b]`.
    const index = nodeByRole(selector, 'Expression');
    if (index === null) return unsupportedScalar('index access without an index', node, ctx);
    return {
      kind: 'index',
      target: operand(node, 'Expression', ctx),
      index: buildExpr(index, ctx),
      span: ctx.span(node),
    };
  }
  const name = nameText(childByRole(node, 'Selector'));
  if (name === null) return unsupportedScalar('member access without a name', node, ctx);
  return { kind: 'member', target: operand(node, 'Expression', ctx), name, span: ctx.span(node) };
}

function element(node: SyntaxNode, ctx: BuildContext): Expr {
  const selector = nodeByRole(node, 'Selector');
  const index = selector === null ? null : nodeByRole(selector, 'Expression');
  if (index === null) return unsupportedScalar('index access without an index', node, ctx);
  return {
    kind: 'index',
    target: operand(node, 'Expression', ctx),
    index: buildExpr(index, ctx),
    span: ctx.span(node),
  };
}

/**
 * `typeof(long)` as a value (extract_json's third argument): the plan has no type values, so it
 * is the string `typeof(T)` with T the binder's canonical name (`typeof(double)` → `typeof(real)`),
 * which the functions taking a type read.
 */
function typeOfLiteral(node: SyntaxNode, ctx: BuildContext): Expr {
  const types = listByRole(node, 'Types');
  const symbol = node.semantic?.symbol;
  const name = types.length === 1 ? declaredType(types[0]!) : symbol?.kind === 'type' ? symbol.name : null;
  if (name === null) return unsupportedScalar('typeof() of a tuple type', node, ctx);
  return { kind: 'literal', type: 'string', value: `typeof(${name})`, span: ctx.span(node) };
}

function inner(node: SyntaxNode, ctx: BuildContext): Expr {
  return operand(node, 'Expression', ctx);
}

type ScalarBuilder = (node: SyntaxNode, ctx: BuildContext) => Expr;

const BUILDERS: Readonly<Record<string, ScalarBuilder>> = {
  ...Object.fromEntries(Object.keys(literalKindTypes).map((k) => [k, literal])),
  CompoundStringLiteralExpression: compoundString,
  DynamicExpression: dynamicLiteral,
  NullLiteralExpression: nullLiteral,
  NameReference: nameReference,
  FunctionCallExpression: functionCall,
  ToScalarExpression: toScalar,
  ParenthesizedExpression: inner,
  BracketedExpression: inner,
  SimpleNamedExpression: inner,
  PathExpression: path,
  ElementExpression: element,
  UnaryMinusExpression: unary,
  UnaryPlusExpression: unary,
  StarExpression: (node, ctx) => ({ kind: 'star', span: ctx.span(node) }),
  TypeOfLiteralExpression: typeOfLiteral,
};

const OPERATOR_WHAT: Readonly<Record<string, string>> = {
  TokenLiteralExpression: 'keyword as a value',
  JsonObjectExpression: 'JSON outside dynamic()',
  JsonArrayExpression: 'JSON outside dynamic()',
  PackExpression: 'pack(*)',
  AtExpression: '@ expression',
  EntityGroupExpression: 'entity_group',
};

export function buildScalar(node: SyntaxNode, ctx: BuildContext): Expr {
  const builder = BUILDERS[node.kind];
  if (builder !== undefined) return builder(node, ctx);
  if (isNode(childByRole(node, 'Left')) && childByRole(node, 'Operator') !== null)
    return binaryOrList(node, ctx);
  return unsupportedScalar(OPERATOR_WHAT[node.kind] ?? node.kind, node, ctx);
}

/** Type names KQL accepts besides the canonical ones. */
const TYPE_ALIASES: Readonly<Record<string, ScalarType>> = {
  boolean: 'bool',
  int32: 'int',
  int64: 'long',
  double: 'real',
  float: 'real',
  date: 'datetime',
  time: 'timespan',
  uniqueid: 'guid',
};

/** The declared type of a PrimitiveTypeExpression (`string`, `int`, `double`...), null when unknown. */
export function declaredType(typeNode: SyntaxNode | null): ScalarType | null {
  if (typeNode === null) return null;
  const symbol = typeNode.semantic?.symbol;
  const written = symbol?.kind === 'type' ? symbol.name : literalToken(typeNode);
  const name = written.trim().toLowerCase();
  if (isScalarType(name)) return name;
  return TYPE_ALIASES[name] ?? null;
}
