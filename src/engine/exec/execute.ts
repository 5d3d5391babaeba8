/**
 * Evaluates tabular expressions and statements: sources (tables, datatable, print, range, union,
 * function calls) and pipelines of operators, dispatched by kind.
 */
import type {
  Datatable,
  Expr,
  FunctionDefinition,
  Operator,
  OperatorKind,
  Pipeline,
  PrintSource,
  RangeSource,
  SearchSource,
  Span,
  Statement,
  TableRef,
  TabularCall,
  UnionSource,
} from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError, unresolved, unsupported } from '../errors.js';
import { compileScalar, isTabularExpr } from '../expr/compile.js';
import { exprEnvFor, type OpEnv } from '../operators/common.js';
import { runExtend } from '../operators/extend.js';
import { runJoin, runLookup } from '../operators/join.js';
import { runGetSchema, runRender, runSerialize } from '../operators/misc.js';
import { runMvApply } from '../operators/mv-apply.js';
import { runMvExpand } from '../operators/mv-expand.js';
import { runParse } from '../operators/parse.js';
import { runParseKv } from '../operators/parse-kv.js';
import {
  runProject,
  runProjectAway,
  runProjectByNames,
  runProjectKeep,
  runProjectRename,
  runProjectReorder,
} from '../operators/project.js';
import { runCount, runDistinct, runSample, runSort, runTake, runTop } from '../operators/rows.js';
import { runPartition } from '../operators/partition.js';
import { graphSegmentAt, isGraphOperator, runGraphOperators } from '../operators/graph/pipeline.js';
import { runScan } from '../operators/scan.js';
import { runSummarize } from '../operators/summarize.js';
import { runTopNested } from '../operators/top-nested.js';
import { runMakeSeries } from '../operators/make-series.js';
import { runSearchOp, runSearchSource } from '../operators/search.js';
import { unionRelations, type UnionInput } from '../operators/union.js';
import { runWhere } from '../operators/where.js';
import { runEvaluate } from '../plugins/evaluate.js';
import { createVectorBuilder, rechunk, type Batch } from '../table/index.js';
import type { ExecContext } from './context.js';
import { pushDownFilters } from './pushdown.js';
import { relationFromTable, relationOf, rowCount, type Relation } from './relation.js';
import { lazyTabular, type Scope } from './scope.js';

type Handler<K extends OperatorKind> = (
  op: Extract<Operator, { kind: K }>,
  input: Relation,
  env: OpEnv,
) => Relation;

const handlers: { [K in OperatorKind]: Handler<K> } = {
  where: runWhere,
  extend: runExtend,
  project: runProject,
  'project-away': (op, input) => runProjectAway(op, input),
  'project-keep': (op, input) => runProjectKeep(op, input),
  'project-rename': (op, input) => runProjectRename(op, input),
  'project-reorder': (op, input) => runProjectReorder(op, input),
  'project-by-names': runProjectByNames,
  summarize: runSummarize,
  count: (op, input) => runCount(op, input),
  distinct: runDistinct,
  sort: runSort,
  top: runTop,
  take: runTake,
  join: runJoin,
  lookup: runLookup,
  search: runSearchOp,
  union: (op, input, env) =>
    unionRelations(
      [
        { name: 'union_arg0', relation: input },
        ...unionInputs(op.inputs, op.options.isFuzzy, env, op.span, 1),
      ],
      op.options,
    ),
  as: (op, input, env) => {
    env.scope.define(op.name, { kind: 'tabular', get: () => input });
    return input;
  },
  serialize: runSerialize,
  getschema: (op, input) => runGetSchema(op, input),
  parse: runParse,
  'parse-where': runParse,
  'parse-kv': runParseKv,
  'mv-expand': runMvExpand,
  'mv-apply': runMvApply,
  'top-nested': runTopNested,
  'make-series': runMakeSeries,
  render: (op, input) => runRender(op, input),
  evaluate: runEvaluate,
  sample: runSample,
  invoke: (op, input, env) => callTabularFunction(op.call, env, input),
  scan: runScan,
  partition: runPartition,
  'make-graph': (op, input, env) => runGraphOperators([op], input, env),
  'graph-match': (op, input, env) => runGraphOperators([op], input, env),
  'graph-shortest-paths': (op, input, env) => runGraphOperators([op], input, env),
  'graph-mark-components': (op, input, env) => runGraphOperators([op], input, env),
  'graph-to-table': (op, input, env) => runGraphOperators([op], input, env),
  unsupported: (op) => {
    throw unsupported(`operator '${op.what}'`, op.span);
  },
};

export function runOperator(op: Operator, input: Relation, env: OpEnv): Relation {
  return (handlers[op.kind] as Handler<typeof op.kind>)(op as never, input, env);
}

export function evalTabular(expr: Expr, scope: Scope, ctx: ExecContext): Relation {
  const env: OpEnv = { scope, ctx };
  switch (expr.kind) {
    case 'table':
      return resolveTable(expr, env);
    case 'name': {
      const b = scope.lookup(expr.name);
      if (b?.kind === 'tabular') return b.get();
      return resolveTable(
        { kind: 'table', name: expr.name, resolvedAs: 'unknown', schema: null, span: expr.span },
        env,
      );
    }
    case 'pipeline':
      return runPipeline(expr, env);
    case 'datatable':
      return runDatatable(expr, env);
    case 'print':
      return runPrint(expr, env);
    case 'range':
      return runRange(expr, env);
    case 'union':
      return runUnionSource(expr, env);
    case 'search':
      return runSearchSource(expr, searchedTables(expr, env), env);
    case 'tabularCall':
      return callTabularFunction(expr, env, null);
    case 'call':
      if (expr.target === 'user') {
        const call: TabularCall = {
          kind: 'tabularCall',
          name: expr.name,
          args: expr.args,
          target: 'user',
          span: expr.span,
        };
        return callTabularFunction(call, env, null);
      }
      break;
    case 'tabularUnsupported':
      throw unsupported(expr.what, expr.span);
    default:
      break;
  }
  throw new KqlRuntimeError(
    errorCodes.invalidPlan,
    `a scalar expression (${expr.kind}) was used where a table is expected`,
    expr.span,
  );
}

function runPipeline(p: Pipeline, env: OpEnv): Relation {
  let rel = evalTabular(p.source, env.scope, env.ctx);
  const ops = env.ctx.optimizations.pushdown ? pushDownFilters(p.operators) : p.operators;
  // After bag_unpack or pivot, the columns are whatever the data held.
  let dataSchema = false;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    checkBudget(env.ctx, op.span);
    if (isGraphOperator(op)) {
      // A graph flows from make-graph to the graph operator that turns it back into a table.
      const segment = graphSegmentAt(ops, i);
      rel = runGraphOperators(segment, rel, env);
      i += segment.length - 1;
      continue;
    }
    try {
      rel = runOperator(op, rel, env);
    } catch (e) {
      if (!(dataSchema && isUnresolved(e) && rowCount(rel) === 0)) throw e;
      // No row reached a column the data did not produce. Kusto raises the error while it
      // explores the schema; kqlhunt returns the empty result and warns (docs/SEMANTICS.md,
      // "Columns missing after bag_unpack or pivot").
      env.ctx.warnings.push({
        code: e.code,
        message: `${e.message}: the data gave no such column, and no row reached it (Kusto fails the query here)`,
        span: e.span,
      });
    }
    if (op.kind === 'evaluate' && op.outputSchema === null) dataSchema = true;
  }
  return rel;
}

function isUnresolved(e: unknown): e is KqlRuntimeError {
  return e instanceof KqlRuntimeError && e.code === errorCodes.unresolvedName;
}

/** Stops the query between operators when it is cancelled, out of time, or out of memory. */
function checkBudget(ctx: ExecContext, span: Span): void {
  if (ctx.signal?.aborted) throw new KqlRuntimeError(errorCodes.cancelled, 'Query was cancelled', span);
  const elapsed = performance.now() - ctx.startedAt;
  if (elapsed > ctx.limits.timeoutMs) {
    throw new KqlRuntimeError(
      errorCodes.limitExceeded,
      `Query execution has exceeded the allowed limits: ran ${Math.round(elapsed)} ms, limit ${ctx.limits.timeoutMs} ms (--timeout)`,
      span,
    );
  }
  const rss = process.memoryUsage.rss();
  if (rss > ctx.limits.maxMemoryBytes) {
    throw new KqlRuntimeError(
      errorCodes.limitExceeded,
      `Query execution has exceeded the allowed limits: memory ${Math.round(rss / 2 ** 20)} MiB, limit ${Math.round(ctx.limits.maxMemoryBytes / 2 ** 20)} MiB (--max-memory)`,
      span,
    );
  }
}

function resolveTable(ref: TableRef, env: OpEnv, fuzzy = false): Relation {
  if (ref.resolvedAs !== 'table') {
    const b = env.scope.lookup(ref.name);
    if (b?.kind === 'tabular') return b.get();
    if (b?.kind === 'function' && b.fn.tabular && b.fn.params.length === 0)
      return invokeFunction(b.fn, b.scope, [], env, null, ref.span);
  }
  const table = env.ctx.tables.get(ref.name);
  if (table !== undefined) return relationFromTable(table);
  if (fuzzy) throw new FuzzyMiss();
  throw new KqlRuntimeError(
    errorCodes.unknownTable,
    `Failed to resolve table or column expression named '${ref.name}'`,
    ref.span,
  );
}

class FuzzyMiss extends Error {}

/** The tables a `search` source reads: those it names, or every table in scope. */
function searchedTables(expr: SearchSource, env: OpEnv): UnionInput[] {
  if (expr.tables !== null) return unionInputs(expr.tables, false, env, expr.span, 0);
  return [...env.ctx.tables]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, t]) => ({ name, relation: relationFromTable(t) }));
}

function unionInputs(
  inputs: readonly Expr[],
  fuzzy: boolean,
  env: OpEnv,
  span: Span,
  offset: number,
): UnionInput[] {
  const out: UnionInput[] = [];
  inputs.forEach((e, k) => {
    if (e.kind === 'table' && e.name.includes('*')) {
      const re = new RegExp(
        '^' +
          e.name
            .split('*')
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*') +
          '$',
      );
      for (const [name, t] of [...env.ctx.tables].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        if (re.test(name)) out.push({ name, relation: relationFromTable(t) });
      return;
    }
    try {
      const relation = e.kind === 'table' ? resolveTable(e, env, fuzzy) : evalTabular(e, env.scope, env.ctx);
      out.push({ name: unionSourceName(e) ?? `union_arg${k + offset}`, relation });
    } catch (err) {
      // isfuzzy: an input naming a table that does not exist, even inside a pipeline, is skipped.
      const missing = err instanceof KqlRuntimeError && err.code === errorCodes.unknownTable;
      if (!(err instanceof FuzzyMiss) && !(fuzzy && missing)) throw err;
    }
  });
  if (fuzzy && out.length === 0 && offset === 0)
    throw new KqlRuntimeError(errorCodes.unknownTable, 'union: none of the tables could be resolved', span);
  return out;
}

/**
 * The name `withsource=` gives an input's rows: a table's or a view's name, or the name an `as`
 * at the end of its pipeline gives it (as-operator.md); other inputs are `union_arg#`.
 */
function unionSourceName(e: Expr): string | null {
  switch (e.kind) {
    case 'table':
    case 'name':
      return e.name;
    case 'tabularCall':
      return e.target === 'user' && e.args.length === 0 ? e.name : null;
    case 'pipeline': {
      const last = e.operators.at(-1);
      return last?.kind === 'as' ? last.name : null;
    }
    default:
      return null;
  }
}

function runUnionSource(u: UnionSource, env: OpEnv): Relation {
  return unionRelations(unionInputs(u.inputs, u.options.isFuzzy, env, u.span, 0), u.options);
}

function constantOf(expr: Expr, env: OpEnv, what: string): { type: ScalarType; value: ScalarValue } {
  const c = compileScalar(expr, exprEnvFor([], false, env));
  if (!c.isConstant) {
    // Not foldable (now-independent but volatile, e.g. rand()): evaluate once over a single row.
    const v = c.evaluate({ length: 1, columns: [] });
    return { type: c.type, value: v.get(0) };
  }
  void what;
  return { type: c.type, value: c.constantValue };
}

function runDatatable(d: Datatable, env: OpEnv): Relation {
  const width = d.columns.length;
  if (width === 0 || d.values.length % width !== 0)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `datatable: ${d.values.length} values do not fill rows of ${width} columns`,
      d.span,
    );
  const rows = d.values.length / width;
  const builders = d.columns.map((c) => createVectorBuilder(c.type, rows));
  d.values.forEach((e, i) => {
    const col = d.columns[i % width]!;
    const { type, value } = constantOf(e, env, 'datatable value');
    builders[i % width]!.push(coerceLiteral(value, type, col.type, e.span));
  });
  const batch: Batch = { length: rows, columns: builders.map((b) => b.finish()) };
  return relationOf(d.columns, rechunk(batch), true);
}

/** A datatable cell written as one type and stored as its column's (1 in a long column, ...). */
function coerceLiteral(value: ScalarValue, from: ScalarType, to: ScalarType, span: Span): ScalarValue {
  if (value === null) return to === 'string' ? '' : null;
  if (from === to) return value;
  const numeric = (t: ScalarType): boolean => t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
  if (numeric(from) && numeric(to)) {
    if (to === 'long') return typeof value === 'bigint' ? value : BigInt(Math.trunc(value as number));
    if (to === 'int') return Number(value);
    return Number(value);
  }
  if (to === 'dynamic') {
    if (
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      typeof value === 'number' ||
      typeof value === 'bigint'
    )
      return value;
  }
  throw new KqlRuntimeError(
    errorCodes.badArguments,
    `datatable: a ${from} value cannot be stored in a ${to} column`,
    span,
  );
}

function runPrint(p: PrintSource, env: OpEnv): Relation {
  const one: Batch = { length: 1, columns: [] };
  const ienv = exprEnvFor([], true, env);
  const schema: ColumnSchema[] = [];
  const columns = p.columns.map((c) => {
    const e = compileScalar(c.expr, ienv);
    schema.push({ name: c.name, type: e.type });
    return e.evaluate(one);
  });
  return relationOf(schema, [{ length: 1, columns }], true);
}

function runRange(r: RangeSource, env: OpEnv): Relation {
  const from = constantOf(r.from, env, 'range start');
  const to = constantOf(r.to, env, 'range end');
  const step = constantOf(r.step, env, 'range step');
  const type: ScalarType = from.type === 'int' ? 'long' : from.type;
  const out = createVectorBuilder(type, 0);
  if (from.value === null || to.value === null || step.value === null)
    return relationOf([{ name: r.column, type }], [], true);
  if (type === 'real' || type === 'decimal') {
    const a = Number(from.value);
    const b = Number(to.value);
    const s = Number(step.value);
    if (s === 0)
      throw new KqlRuntimeError(errorCodes.badArguments, 'range: the step must not be zero', r.step.span);
    for (let x = a, i = 0; s > 0 ? x <= b : x >= b; x = a + ++i * s) {
      out.push(x);
      if (out.length > env.ctx.limits.maxRows) break;
    }
  } else {
    const a = BigInt(from.value as bigint | number);
    const b = BigInt(to.value as bigint | number);
    const s = BigInt(typeof step.value === 'number' ? Math.trunc(step.value) : (step.value as bigint));
    if (s === 0n)
      throw new KqlRuntimeError(errorCodes.badArguments, 'range: the step must not be zero', r.step.span);
    for (let x = a; s > 0n ? x <= b : x >= b; x += s) {
      out.push(x);
      if (out.length > env.ctx.limits.maxRows)
        throw new KqlRuntimeError(
          errorCodes.limitExceeded,
          `range produced more than ${env.ctx.limits.maxRows} rows`,
          r.span,
        );
    }
  }
  return relationOf(
    [{ name: r.column, type }],
    rechunk({ length: out.length, columns: [out.finish()] }),
    true,
  );
}

/** Calls a tabular function: a user `let` function, or `materialize(T)`. `piped` is invoke's input. */
function callTabularFunction(call: TabularCall, env: OpEnv, piped: Relation | null): Relation {
  if (call.target === 'builtin') {
    if (call.name === 'materialize' || call.name === 'view') {
      const arg = call.args[0];
      if (arg === undefined)
        throw new KqlRuntimeError(errorCodes.badArguments, `${call.name}(): expected a table`, call.span);
      return evalTabular(arg, env.scope, env.ctx);
    }
    throw unsupported(`function '${call.name}'`, call.span);
  }
  const b = env.scope.lookup(call.name);
  if (b === undefined || b.kind !== 'function') {
    if (b?.kind === 'tabular' && call.args.length === 0 && piped === null) return b.get();
    throw unresolved(call.name, call.span, 'function');
  }
  return invokeFunction(b.fn, b.scope, call.args, env, piped, call.span);
}

function invokeFunction(
  fn: FunctionDefinition,
  defScope: Scope,
  args: readonly Expr[],
  env: OpEnv,
  piped: Relation | null,
  span: Span,
): Relation {
  if (!fn.tabular)
    throw new KqlRuntimeError(
      errorCodes.invalidPlan,
      'a scalar function was called where a table is expected',
      span,
    );
  const scope = defScope.child();
  const all: (Expr | Relation)[] = piped !== null ? [piped, ...args] : [...args];
  if (all.length > fn.params.length)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `expected at most ${fn.params.length} arguments, got ${all.length}`,
      span,
    );
  fn.params.forEach((p, i) => {
    const a = all[i];
    if (p.type.kind === 'tabular') {
      if (a === undefined)
        throw new KqlRuntimeError(errorCodes.badArguments, `missing table argument '${p.name}'`, span);
      const rel = 'columns' in a && 'batches' in a ? a : evalTabular(a as Expr, env.scope, env.ctx);
      scope.define(p.name, { kind: 'tabular', get: () => rel });
      return;
    }
    const e = (a as Expr | undefined) ?? p.defaultValue;
    if (e === undefined || e === null)
      throw new KqlRuntimeError(errorCodes.badArguments, `missing argument for parameter '${p.name}'`, span);
    const { type, value } = constantOf(e, i < all.length ? env : { scope, ctx: env.ctx }, 'argument');
    scope.define(p.name, { kind: 'scalar', type: p.type.type ?? type, value });
  });
  runStatements(fn.statements, scope, env.ctx);
  return evalTabular(fn.result, scope, env.ctx);
}

export function runStatements(statements: readonly Statement[], scope: Scope, ctx: ExecContext): void {
  const env: OpEnv = { scope, ctx };
  for (const st of statements) {
    if (st.kind === 'set') continue;
    const v = st.value;
    if (v.kind === 'scalar') {
      if (isTabularExpr(v.expr, scope)) {
        const e = v.expr;
        scope.define(
          st.name,
          lazyTabular(() => evalTabular(e, scope, ctx)),
        );
      } else {
        const { type, value } = constantOf(v.expr, env, 'let value');
        scope.define(st.name, { kind: 'scalar', type, value });
      }
    } else if (v.kind === 'tabular') {
      const e = v.expr;
      scope.define(
        st.name,
        lazyTabular(() => evalTabular(e, scope, ctx)),
      );
    } else scope.define(st.name, { kind: 'function', fn: v.fn, scope });
  }
}
