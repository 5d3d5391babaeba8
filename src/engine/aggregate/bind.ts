/**
 * Binds an aggregate call (`count()`, `arg_max(x, *)`, `percentiles(x, 5, 50)`, ...) against the
 * input schema: compiles its arguments and picks the aggregate kind. Deprecated spellings map to
 * their current names (`any` → take_any, `makeset` → make_set with the old 128 limit, ...).
 */
import type { Call, Expr } from '../../plan/plan.js';
import type { ScalarType } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { compileScalar, type ExprEnv } from '../expr/compile.js';
import { columnExpr, type CompiledExpr } from '../expr/compiled.js';
import {
  argExtremumKind,
  collectKind,
  dcountKind,
  makeBagKind,
  percentilesKind,
  takeAnyKind,
} from './collect.js';
import { avgKind, countKind, extremumKind, sumKind, sumResultType, varianceKind } from './numeric.js';
import { bitwiseKind, buildSchemaKind, covarianceKind, weightedPercentilesKind } from './more.js';
import { bindSketchAggregate, sketchAggregateNames } from './sketches.js';
import type { AggregateKind } from './types.js';

export interface BoundAggregate {
  readonly name: string;
  readonly args: readonly CompiledExpr[];
  readonly kind: AggregateKind;
  /** Kusto's names for the outputs after the first (arg_max's returned columns, percentiles). */
  readonly extraOutputNames: readonly string[];
}

const MAX_SET_SIZE = 1048576;
const DEPRECATED_SET_SIZE = 128;

const aliases: Record<string, string> = {
  any: 'take_any',
  anyif: 'take_anyif',
  makeset: 'make_set',
  makelist: 'make_list',
  make_dictionary: 'make_bag',
  count_distinct: 'dcount',
  count_distinctif: 'dcountif',
};

const deprecatedSmallLimit = new Set(['makeset', 'makelist']);

export const aggregateNames = new Set([
  'count',
  'countif',
  'dcount',
  'dcountif',
  'count_distinct',
  'count_distinctif',
  'sum',
  'sumif',
  'avg',
  'avgif',
  'min',
  'max',
  'minif',
  'maxif',
  'arg_min',
  'arg_max',
  'take_any',
  'take_anyif',
  'any',
  'anyif',
  'make_set',
  'make_set_if',
  'make_list',
  'make_list_if',
  'make_list_with_nulls',
  'make_bag',
  'make_bag_if',
  'makeset',
  'makelist',
  'make_dictionary',
  'percentile',
  'percentiles',
  'percentiles_array',
  'stdev',
  'stdevif',
  'stdevp',
  'variance',
  'varianceif',
  'variancep',
  'variancepif',
  'covariance',
  'covarianceif',
  'covariancep',
  'covariancepif',
  'binary_all_and',
  'binary_all_or',
  'binary_all_xor',
  'percentilesw',
  'percentilesw_array',
  'buildschema',
  ...sketchAggregateNames,
]);

export interface BindAggregateOptions {
  /** Columns a `*` argument leaves out (summarize's by columns). */
  readonly starExcludes?: ReadonlySet<string>;
}

export function bindAggregate(call: Call, env: ExprEnv, options: BindAggregateOptions = {}): BoundAggregate {
  const written = call.name;
  const name = aliases[written] ?? written;
  const fail = (msg: string): never => {
    throw new KqlRuntimeError(errorCodes.badArguments, `${written}(): ${msg}`, call.span);
  };
  const compileArg = (e: Expr): CompiledExpr => compileScalar(e, env);
  const constArg = (i: number, what: string): number => {
    const e = call.args[i];
    if (e === undefined) return fail(`missing ${what}`);
    const c = compileArg(e);
    if (!c.isConstant || c.constantValue === null) return fail(`${what} must be a constant`);
    return Number(c.constantValue);
  };
  const arity = (min: number, max: number): void => {
    if (call.args.length < min || call.args.length > max)
      fail(`expected ${min === max ? min : `${min} to ${max}`} arguments, got ${call.args.length}`);
  };
  const boolArg = (i: number): CompiledExpr => {
    const c = compileArg(call.args[i]!);
    if (c.type !== 'bool') fail(`argument ${i + 1} must be a bool predicate, got ${c.type}`);
    return c;
  };
  const mk = (args: CompiledExpr[], kind: AggregateKind, extra: string[] = []): BoundAggregate => ({
    name,
    args,
    kind,
    extraOutputNames: extra,
  });

  switch (name) {
    case 'count':
      if (call.args.length > 1) fail('expected no argument');
      // count(x) counts the rows where x is not null... Kusto's count() takes no argument; count(x) is accepted as count().
      return mk([], countKind(-1));
    case 'countif':
      arity(1, 1);
      return mk([boolArg(0)], countKind(0));
    case 'dcount':
    case 'dcountif': {
      const isIf = name === 'dcountif';
      arity(isIf ? 2 : 1, isIf ? 3 : 2);
      const x = compileArg(call.args[0]!);
      return mk(
        isIf ? [x, boolArg(1)] : [x],
        dcountKind(x.type, isIf ? 1 : -1, env.ctx.optimizations.fastPaths),
      );
    }
    case 'sum':
    case 'sumif': {
      const isIf = name === 'sumif';
      arity(isIf ? 2 : 1, isIf ? 2 : 1);
      const x = compileArg(call.args[0]!);
      if (sumResultType(x.type) === null) fail(`cannot sum values of type ${x.type}`);
      return mk(isIf ? [x, boolArg(1)] : [x], sumKind(x.type, isIf ? 1 : -1));
    }
    case 'avg':
    case 'avgif': {
      const isIf = name === 'avgif';
      arity(isIf ? 2 : 1, isIf ? 2 : 1);
      const x = compileArg(call.args[0]!);
      if (!['int', 'long', 'real', 'decimal', 'bool'].includes(x.type))
        fail(`cannot average values of type ${x.type}`);
      return mk(isIf ? [x, boolArg(1)] : [x], avgKind(isIf ? 1 : -1));
    }
    case 'min':
    case 'max':
    case 'minif':
    case 'maxif': {
      const isIf = name.endsWith('if');
      arity(isIf ? 2 : 1, isIf ? 2 : 1);
      const x = compileArg(call.args[0]!);
      return mk(
        isIf ? [x, boolArg(1)] : [x],
        extremumKind(x.type, name.startsWith('max') ? 1 : -1, isIf ? 1 : -1),
      );
    }
    case 'stdev':
    case 'stdevif':
    case 'stdevp':
    case 'variance':
    case 'varianceif':
    case 'variancep':
    case 'variancepif': {
      const isIf = name.endsWith('if');
      arity(isIf ? 2 : 1, isIf ? 2 : 1);
      const x = compileArg(call.args[0]!);
      return mk(
        isIf ? [x, boolArg(1)] : [x],
        varianceKind(name.replace(/if$/, '').endsWith('p'), name.startsWith('stdev'), isIf ? 1 : -1),
      );
    }
    case 'covariance':
    case 'covarianceif':
    case 'covariancep':
    case 'covariancepif': {
      const isIf = name.endsWith('if');
      arity(isIf ? 3 : 2, isIf ? 3 : 2);
      const x = compileArg(call.args[0]!);
      const y = compileArg(call.args[1]!);
      for (const [k, a] of [x, y].entries())
        if (!['int', 'long', 'real', 'decimal'].includes(a.type))
          fail(`argument ${k + 1} must be a number, got ${a.type}`);
      return mk(
        isIf ? [x, y, boolArg(2)] : [x, y],
        covarianceKind(name.includes('covariancep'), isIf ? 2 : -1),
      );
    }
    case 'binary_all_and':
    case 'binary_all_or':
    case 'binary_all_xor': {
      arity(1, 1);
      const x = compileArg(call.args[0]!);
      if (x.type !== 'long' && x.type !== 'int') fail(`expected a long, got ${x.type}`);
      return mk([x], bitwiseKind(name.slice('binary_all_'.length) as 'and' | 'or' | 'xor'));
    }
    case 'buildschema': {
      arity(1, 1);
      const x = compileArg(call.args[0]!);
      if (x.type !== 'dynamic') fail(`expected a dynamic value, got ${x.type}`);
      return mk([x], buildSchemaKind());
    }
    case 'percentilesw':
    case 'percentilesw_array': {
      if (call.args.length < 3) fail('expected a value, a weight and at least one percentile');
      const x = compileArg(call.args[0]!);
      const w = compileArg(call.args[1]!);
      if (!['int', 'long', 'real', 'decimal'].includes(w.type))
        fail(`the weight must be a number, got ${w.type}`);
      const ps = call.args.slice(2).map((_, k) => constArg(k + 2, 'percentile'));
      for (const p of ps) if (!(p >= 0 && p <= 100)) fail(`percentile ${p} is outside [0, 100]`);
      const base = x.columnIndex !== undefined ? env.columns[x.columnIndex]!.name : 'x';
      const asArray = name === 'percentilesw_array';
      const extra = ps.slice(1).map((p) => `percentile_${base}_${percentileSuffix(p)}`);
      return mk([x, w], weightedPercentilesKind(x.type, ps, asArray), asArray ? [] : extra);
    }
    case 'make_set':
    case 'make_list':
    case 'make_list_with_nulls':
    case 'make_set_if':
    case 'make_list_if': {
      const isIf = name.endsWith('_if');
      arity(isIf ? 2 : 1, isIf ? 3 : 2);
      const x = compileArg(call.args[0]!);
      const sizeArg = isIf ? 2 : 1;
      const maxSize =
        call.args.length > sizeArg
          ? constArg(sizeArg, 'maxSize')
          : deprecatedSmallLimit.has(written)
            ? DEPRECATED_SET_SIZE
            : MAX_SET_SIZE;
      return mk(
        isIf ? [x, boolArg(1)] : [x],
        collectKind(
          x.type,
          name.startsWith('make_set'),
          maxSize,
          isIf ? 1 : -1,
          name === 'make_list_with_nulls',
        ),
      );
    }
    case 'make_bag':
    case 'make_bag_if': {
      const isIf = name === 'make_bag_if';
      arity(isIf ? 2 : 1, isIf ? 3 : 2);
      const x = compileArg(call.args[0]!);
      const sizeArg = isIf ? 2 : 1;
      const maxSize = call.args.length > sizeArg ? constArg(sizeArg, 'maxSize') : MAX_SET_SIZE;
      return mk(isIf ? [x, boolArg(1)] : [x], makeBagKind(maxSize, isIf ? 1 : -1));
    }
    case 'percentile':
    case 'percentiles':
    case 'percentiles_array': {
      if (name === 'percentile') arity(2, 2);
      else if (call.args.length < 2) fail('expected a value and at least one percentile');
      const x = compileArg(call.args[0]!);
      const ps = call.args.slice(1).map((_, k) => constArg(k + 1, 'percentile'));
      for (const p of ps) if (!(p >= 0 && p <= 100)) fail(`percentile ${p} is outside [0, 100]`);
      const base = x.columnIndex !== undefined ? env.columns[x.columnIndex]!.name : 'x';
      const extra = ps.slice(1).map((p) => `percentile_${base}_${percentileSuffix(p)}`);
      return mk(
        [x],
        percentilesKind(x.type, ps, name === 'percentiles_array'),
        name === 'percentiles_array' ? [] : extra,
      );
    }
    case 'take_any':
    case 'take_anyif': {
      const isIf = name === 'take_anyif';
      if (isIf) {
        arity(2, 2);
        const x = compileArg(call.args[0]!);
        return mk([x, boolArg(1)], takeAnyKind([x.type], 1));
      }
      const args = expandStar(call.args, env, options.starExcludes ?? new Set(), call);
      if (args.length === 0) fail('expected at least one argument');
      return mk(
        args.map((a) => a.expr),
        takeAnyKind(
          args.map((a) => a.expr.type),
          -1,
        ),
        args.slice(1).map((a) => a.name),
      );
    }
    case 'arg_min':
    case 'arg_max': {
      if (call.args.length < 1) fail('expected at least one argument');
      const by = compileArg(call.args[0]!);
      const byName = by.columnIndex !== undefined ? env.columns[by.columnIndex]!.name : null;
      const excludes = new Set(options.starExcludes ?? []);
      if (byName !== null) excludes.add(byName);
      const rest = expandStar(call.args.slice(1), env, excludes, call);
      return mk(
        [by, ...rest.map((a) => a.expr)],
        argExtremumKind(
          [by.type, ...rest.map((a) => a.expr.type)],
          name === 'arg_max' ? 1 : -1,
          env.ctx.optimizations.fastPaths,
        ),
        rest.map((a) => a.name),
      );
    }
  }
  const sketch = bindSketchAggregate(name, {
    args: call.args,
    compile: compileArg,
    constant: constArg,
    fail,
  });
  if (sketch !== null) return mk(sketch.args, sketch.kind);
  throw new KqlRuntimeError(
    errorCodes.unsupported,
    `aggregation function '${written}' is not supported by kqlhunt`,
    call.span,
  );
}

function percentileSuffix(p: number): string {
  return String(p).replace('.', '_');
}

/** Arguments with `*` expanded to every input column (minus `excludes`), each with its output name. */
function expandStar(
  args: readonly Expr[],
  env: ExprEnv,
  excludes: ReadonlySet<string>,
  call: Call,
): { expr: CompiledExpr; name: string }[] {
  const out: { expr: CompiledExpr; name: string }[] = [];
  args.forEach((a, k) => {
    if (a.kind === 'star') {
      env.columns.forEach((c, i) => {
        if (!excludes.has(c.name)) out.push({ expr: columnExpr(i, c.type), name: c.name });
      });
    } else {
      const e = compileScalar(a, env);
      const name = e.columnIndex !== undefined ? env.columns[e.columnIndex]!.name : `${call.name}_arg${k}`;
      out.push({ expr: e, name });
    }
  });
  return out;
}

export type { ScalarType };
