/**
 * Compiles a plan expression (src/plan/plan.ts) against an input schema into a CompiledExpr.
 *
 * Functions and operators are bound through the scalar library (./library.ts); the engine itself
 * handles what needs the run-time schema or other rows: column references and
 * `column_ifexists`, `toscalar`, user functions, window functions, member/index access.
 */
import type { Call, Expr, FunctionDefinition, Literal, NameRef, Span } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue, ScalarType } from '../../types/scalar.js';
import { toDynamicValue } from '../values/convert.js';
import { errorCodes, KqlRuntimeError, unresolved, unsupported } from '../errors.js';
import type { ExecContext } from '../exec/context.js';
import { columnIndex, type Relation } from '../exec/relation.js';
import { lazyTabular, type Scope } from '../exec/scope.js';
import { isBindFailure, type ArgInfo, type BindResult, type EvalContext } from '../scalar/api.js';
import { boundCall } from './bound-call.js';
import { columnExpr, constantExpr, memoizeOverDictionary, unionDeps, type CompiledExpr } from './compiled.js';
import { comparisonKernel } from './kernels.js';
import * as lib from './library.js';
import { checkCallOutput, compileMultiValue, type CompiledMultiValue } from './multi-value.js';
import { compileWindowCall, windowFunctionNames } from './window.js';
import { argumentsByParameter } from '../exec/arguments.js';
import { compileRowBag, rowBagFunctionNames } from './row-bags.js';

export interface ExprEnv {
  readonly columns: readonly ColumnSchema[];
  readonly scope: Scope;
  readonly ctx: ExecContext;
  /** Whether the input rows are serialized (window functions need it). */
  readonly serialized: boolean;
  /** Aggregate calls already computed into input columns (summarize's final projection). */
  readonly aggregates?: ReadonlyMap<Expr, number>;
  /**
   * How many leading `columns` are the operator's input row, for `pack_all()`; the rest are
   * computed by the same operator (an `extend`'s earlier columns), which pack_all does not see.
   */
  readonly rowColumns?: number;
}

export function evalContextOf(ctx: ExecContext): EvalContext {
  return { now: ctx.now };
}

/** Compiles `expr` and, where it reads a single string column, evaluates it per distinct value. */
export function compileScalar(expr: Expr, env: ExprEnv): CompiledExpr {
  return memoized(compileNode(expr, env), env);
}

const tabularKinds = new Set([
  'table',
  'pipeline',
  'datatable',
  'print',
  'range',
  'union',
  'search',
  'tabularCall',
  'tabularUnsupported',
]);

export function isTabularExpr(expr: Expr, scope: Scope): boolean {
  if (tabularKinds.has(expr.kind)) return true;
  if (expr.kind === 'name') return scope.lookup(expr.name)?.kind === 'tabular';
  if (expr.kind === 'call' && expr.target === 'user') {
    const b = scope.lookup(expr.name);
    return b?.kind === 'function' && b.fn.tabular;
  }
  return false;
}

function memoized(node: CompiledExpr, env: ExprEnv): CompiledExpr {
  if (!env.ctx.optimizations.dictionaryMemo) return node;
  if (node.isConstant || node.columnIndex !== undefined || !node.deterministic || node.deps.size !== 1)
    return node;
  const [col] = node.deps;
  if (env.columns[col!]?.type !== 'string') return node;
  return memoizeOverDictionary(node, col!, env.ctx.optimizations.fastPaths);
}

/** Memoizes children only when the parent itself cannot be memoized as a whole. */
function prepareChildren(kids: readonly CompiledExpr[], env: ExprEnv): CompiledExpr[] {
  const deps = unionDeps(kids);
  const wholeQualifies =
    deps.size === 1 && kids.every((k) => k.deterministic) && env.columns[[...deps][0]!]?.type === 'string';
  return wholeQualifies ? [...kids] : kids.map((k) => memoized(k, env));
}

function argInfo(e: CompiledExpr): ArgInfo {
  return e.isConstant ? { type: e.type, constant: e.constantValue } : { type: e.type };
}

function bindOrThrow(
  result: BindResult,
  what: string,
  span: Span,
  args: readonly CompiledExpr[],
): Exclude<BindResult, { error: string }> {
  if (isBindFailure(result)) {
    void args;
    throw new KqlRuntimeError(errorCodes.badArguments, result.error, span);
  }
  return result;
}

function compileNode(expr: Expr, env: ExprEnv): CompiledExpr {
  switch (expr.kind) {
    case 'literal':
      return compileLiteral(expr);
    case 'name':
      return compileName(expr, env);
    case 'call':
      return compileCall(expr, env);
    case 'binary': {
      const [l, r] = prepareChildren([compileNode(expr.left, env), compileNode(expr.right, env)], env);
      const kernel = env.ctx.optimizations.fastPaths ? comparisonKernel(expr.op, l!, r!) : null;
      if (kernel !== null) return kernel;
      const bound = bindOrThrow(lib.bindBinary(expr.op, argInfo(l!), argInfo(r!)), expr.op, expr.span, [
        l!,
        r!,
      ]);
      return boundCall(bound, [l!, r!], evalContextOf(env.ctx), `operator ${expr.op}`, expr.span);
    }
    case 'unary': {
      const operand = compileNode(expr.operand, env);
      const bound = bindOrThrow(lib.bindUnary(expr.op, argInfo(operand)), expr.op, expr.span, [operand]);
      return boundCall(
        bound,
        [memoized(operand, env)],
        evalContextOf(env.ctx),
        `unary ${expr.op}`,
        expr.span,
      );
    }
    case 'list': {
      const left = compileNode(expr.left, env);
      const items = expr.items.map((item) =>
        isTabularExpr(item, env.scope)
          ? constantExpr('dynamic', firstColumnValues(env.ctx.evalTabular(item, env.scope)))
          : compileNode(item, env),
      );
      const kids = prepareChildren([left, ...items], env);
      const bound = bindOrThrow(
        lib.bindList(expr.op, argInfo(kids[0]!), kids.slice(1).map(argInfo)),
        expr.op,
        expr.span,
        kids,
      );
      return boundCall(bound, kids, evalContextOf(env.ctx), `operator ${expr.op}`, expr.span);
    }
    case 'between':
      return compileBetween(expr.left, expr.low, expr.high, expr.negated, expr.span, env);
    case 'member': {
      const target = memoized(compileNode(expr.target, env), env);
      const bound = bindOrThrow(lib.bindMember(argInfo(target), expr.name), '.', expr.span, [target]);
      return boundCall(bound, [target], evalContextOf(env.ctx), `.${expr.name}`, expr.span);
    }
    case 'index': {
      const kids = prepareChildren([compileNode(expr.target, env), compileNode(expr.index, env)], env);
      const bound = bindOrThrow(lib.bindIndex(argInfo(kids[0]!), argInfo(kids[1]!)), '[]', expr.span, kids);
      return boundCall(bound, kids, evalContextOf(env.ctx), '[]', expr.span);
    }
    case 'callOutput': {
      // One output on its own (print, or a plan built by hand); extend and project spread the
      // whole call at once through compileMultiValueCall.
      const multi = compileMultiValueCall(expr.call, env);
      checkCallOutput(expr, multi.outputs);
      return multi.output(expr.index);
    }
    case 'star':
      throw new KqlRuntimeError(errorCodes.invalidPlan, "'*' is not valid here", expr.span);
    case 'scalarUnsupported':
      throw unsupported(expr.what, expr.span);
    default:
      throw new KqlRuntimeError(
        errorCodes.invalidPlan,
        `a tabular expression (${expr.kind}) was used where a scalar is expected`,
        expr.span,
      );
  }
}

function compileLiteral(expr: Literal): CompiledExpr {
  const { type, value } = expr;
  if (value === null) return constantExpr(type, type === 'string' ? '' : null);
  switch (type) {
    case 'long':
      return constantExpr(type, typeof value === 'bigint' ? value : BigInt(value as number));
    case 'int':
    case 'real':
    case 'decimal':
      return constantExpr(type, typeof value === 'bigint' ? Number(value) : value);
    case 'datetime':
    case 'timespan':
    case 'guid':
    case 'dynamic':
      if (typeof value !== 'string') return constantExpr(type, value);
      try {
        return constantExpr(type, lib.parseLiteral(type, value));
      } catch (e) {
        throw new KqlRuntimeError(errorCodes.badArguments, (e as Error).message, expr.span);
      }
    default:
      return constantExpr(type, value);
  }
}

function compileName(expr: NameRef, env: ExprEnv): CompiledExpr {
  const fromColumn = (): CompiledExpr | undefined => {
    const i = columnIndex(env.columns, expr.name);
    return i < 0 ? undefined : columnExpr(i, env.columns[i]!.type);
  };
  const fromScope = (): CompiledExpr | undefined => {
    const b = env.scope.lookup(expr.name);
    if (b === undefined) return undefined;
    if (b.kind === 'scalar') return constantExpr(b.type, b.value);
    if (b.kind === 'expr') return b.expr;
    if (b.kind === 'function' && b.fn.params.length === 0 && !b.fn.tabular)
      return compileUserCall(b.fn, b.scope, [], expr.span, env);
    return undefined;
  };
  const scopeFirst = expr.resolvedAs === 'variable' || expr.resolvedAs === 'parameter';
  const found = scopeFirst ? (fromScope() ?? fromColumn()) : (fromColumn() ?? fromScope());
  if (found === undefined) throw unresolved(expr.name, expr.span);
  return found;
}

function compileCall(expr: Call, env: ExprEnv): CompiledExpr {
  const slot = env.aggregates?.get(expr);
  if (slot !== undefined) return columnExpr(slot, env.columns[slot]!.type);
  if (expr.target === 'aggregate')
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `Function '${expr.name}' cannot be invoked in current context. Details: aggregation functions are valid only in summarize, make-series, top-nested and pivot`,
      expr.span,
    );
  if (expr.target === 'user') {
    const b = env.scope.lookup(expr.name);
    if (b === undefined || b.kind !== 'function') throw unresolved(expr.name, expr.span, 'function');
    const args = argumentsByParameter(
      b.fn.params,
      expr.args.map((a) => compileNode(a, env)),
      Object.fromEntries(Object.entries(expr.namedArgs).map(([k, a]) => [k, compileNode(a, env)])),
      expr.span,
    );
    return compileUserCall(b.fn, b.scope, args, expr.span, env);
  }
  switch (expr.name) {
    case 'column_ifexists': {
      if (expr.args.length !== 2)
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          'column_ifexists(): expected 2 arguments',
          expr.span,
        );
      const name = compileNode(expr.args[0]!, env);
      if (!name.isConstant || typeof name.constantValue !== 'string')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          'column_ifexists(): the column name must be a constant string',
          expr.span,
        );
      const i = columnIndex(env.columns, name.constantValue);
      return i >= 0 ? columnExpr(i, env.columns[i]!.type) : compileNode(expr.args[1]!, env);
    }
    case 'column_names_of': {
      // column-names-of-function.md: the names of a tabular expression's columns, at run time.
      const arg = expr.args[0];
      if (arg === undefined || expr.args.length !== 1 || !isTabularExpr(arg, env.scope))
        throw new KqlRuntimeError(errorCodes.badArguments, 'column_names_of(): expected a table', expr.span);
      return constantExpr(
        'dynamic',
        env.ctx.evalTabular(arg, env.scope).columns.map((c) => c.name),
      );
    }
    case 'toscalar': {
      const arg = expr.args[0];
      if (arg === undefined || expr.args.length !== 1)
        throw new KqlRuntimeError(errorCodes.badArguments, 'toscalar(): expected 1 argument', expr.span);
      if (!isTabularExpr(arg, env.scope)) return compileNode(arg, env);
      const rel = env.ctx.evalTabular(arg, env.scope);
      const col = rel.columns[0];
      if (col === undefined) return constantExpr('dynamic', null);
      const first = rel.batches.find((b) => b.length > 0);
      return constantExpr(col.type, first ? first.columns[0]!.get(0) : col.type === 'string' ? '' : null);
    }
  }
  if (rowBagFunctionNames.has(expr.name)) return compileRowBag(expr, env, (a) => compileNode(a, env));
  if (windowFunctionNames.has(expr.name)) {
    const args = expr.args.map((a) => memoized(compileNode(a, env), env));
    return compileWindowCall(expr.name, args, env.serialized, expr.span);
  }
  const args = prepareChildren(
    expr.args.map((a) => compileNode(a, env)),
    env,
  );
  if (!lib.isScalarFunction(expr.name)) {
    if (lib.isMultiValueFunction(expr.name))
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `${expr.name}() returns several values: it can only be spread into columns, as in 'extend (a, b) = ${expr.name}(...)' or 'project ${expr.name}(...)'`,
        expr.span,
      );
    throw unsupported(`function '${expr.name}'`, expr.span);
  }
  const bound = bindOrThrow(lib.bindFunction(expr.name, args.map(argInfo)), expr.name, expr.span, args);
  // Within one query (the life of a compiled expression) these are functions of their arguments.
  const fixed = PER_QUERY_FUNCTIONS.has(expr.name) ? { ...bound, deterministic: true } : bound;
  return boundCall(fixed, args, evalContextOf(env.ctx), `${expr.name}()`, expr.span);
}

/**
 * Functions the scalar library binds as volatile (their value is not a function of their
 * arguments alone) whose value is nevertheless fixed for a whole query: "the current UTC time
 * will stay the same across all uses of now() in a single query statement" (now-function.md),
 * and ago(x) is now() - x. Folding them lets `make-series ... from startofday(ago(14d))` see a
 * constant, as Kusto does.
 */
const PER_QUERY_FUNCTIONS: ReadonlySet<string> = new Set(['now', 'ago']);

/**
 * Compiles a call of a multi-value function (series_stats, series_fit_line, ...) whose outputs
 * an operator spreads into columns (plan.ts CallOutput).
 */
export function compileMultiValueCall(call: Call, env: ExprEnv): CompiledMultiValue {
  if (call.target !== 'builtin' || !lib.isMultiValueFunction(call.name))
    throw unsupported(`multi-value function '${call.name}'`, call.span);
  const args = prepareChildren(
    call.args.map((a) => compileNode(a, env)),
    env,
  );
  const bound = lib.bindMultiValueFunction(call.name, args.map(argInfo));
  if ('error' in bound) throw new KqlRuntimeError(errorCodes.badArguments, bound.error, call.span);
  return compileMultiValue(call.name, bound, args, evalContextOf(env.ctx), call.span);
}

/**
 * Inlines a scalar user function: parameters are bound to the caller's compiled arguments, one
 * per parameter (./../exec/arguments.ts; undefined where the default applies).
 */
function compileUserCall(
  fn: FunctionDefinition,
  defScope: Scope,
  args: readonly (CompiledExpr | undefined)[],
  span: Span,
  env: ExprEnv,
): CompiledExpr {
  if (fn.tabular)
    throw new KqlRuntimeError(
      errorCodes.invalidPlan,
      'a tabular function was called where a scalar is expected',
      span,
    );
  const scope = defScope.child();
  const bodyEnv: ExprEnv = { ...env, scope };
  fn.params.forEach((p, i) => {
    const a = args[i];
    if (a !== undefined) scope.define(p.name, { kind: 'expr', expr: a });
    else if (p.defaultValue !== null)
      scope.define(p.name, { kind: 'expr', expr: compileNode(p.defaultValue, bodyEnv) });
    else
      throw new KqlRuntimeError(errorCodes.badArguments, `missing argument for parameter '${p.name}'`, span);
  });
  for (const st of fn.statements) {
    if (st.kind !== 'let') continue;
    const v = st.value;
    if (v.kind === 'scalar') scope.define(st.name, { kind: 'expr', expr: compileNode(v.expr, bodyEnv) });
    else if (v.kind === 'tabular') {
      const e = v.expr;
      scope.define(
        st.name,
        lazyTabular(() => env.ctx.evalTabular(e, scope)),
      );
    } else scope.define(st.name, { kind: 'function', fn: v.fn, scope });
  }
  return compileNode(fn.result, bodyEnv);
}

function compileBetween(
  left: Expr,
  low: Expr,
  high: Expr,
  negated: boolean,
  span: Span,
  env: ExprEnv,
): CompiledExpr {
  const kids = prepareChildren([compileNode(left, env), compileNode(low, env), compileNode(high, env)], env);
  const bound = bindOrThrow(
    lib.bindBetween(argInfo(kids[0]!), argInfo(kids[1]!), argInfo(kids[2]!), negated),
    'between',
    span,
    kids,
  );
  return boundCall(bound, kids, evalContextOf(env.ctx), 'between', span);
}

/**
 * The first column of a relation as a dynamic array (for `in (T | project x)`): each value in the
 * dynamic representation of its column's type (a datetime as its ISO text, not raw ticks), so
 * that the list comparison converts it back like any dynamic element.
 */
export function firstColumnValues(rel: Relation): DynamicValue[] {
  const out: DynamicValue[] = [];
  const column = rel.columns[0];
  if (column === undefined) return out;
  for (const b of rel.batches) {
    const v = b.columns[0]!;
    for (let i = 0; i < b.length; i++) out.push(toDynamicValue(v.get(i), column.type));
  }
  return out;
}

export type { ScalarType };
