/**
 * Functions that read the row itself rather than values: `pack_all([ignore_null_empty])` packs
 * every input column into a property bag (pack-all-function.md), `bag_pack_columns(c1, ...)`
 * packs the listed columns under their own names (bag-pack-columns-function.md) and
 * `estimate_data_size(*)` or `(c1, ...)` sizes the row's columns (estimate-data-size-function.md).
 * A scalar function only sees argument values (scalar/api.ts), so the compiler builds these from
 * the input schema here: the column names are known at compile time, the values are read per batch.
 */
import type { Call } from '../../plan/plan.js';
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { toDynamicValue } from '../values/convert.js';
import { newBag, stringifyDynamic } from '../values/dynamic.js';
import { columnExpr, unionDeps, type CompiledExpr } from './compiled.js';
import type { ExprEnv } from './compile.js';

export const rowBagFunctionNames: ReadonlySet<string> = new Set([
  'pack_all',
  'bag_pack_columns',
  'estimate_data_size',
]);

interface Slot {
  readonly name: string;
  readonly expr: CompiledExpr;
}

/** Compiles a call of one of `rowBagFunctionNames`; `compileArg` compiles an argument as usual. */
export function compileRowBag(
  call: Call,
  env: ExprEnv,
  compileArg: (e: Call['args'][number]) => CompiledExpr,
): CompiledExpr {
  const fail = (msg: string): never => {
    throw new KqlRuntimeError(errorCodes.badArguments, `${call.name}(): ${msg}`, call.span);
  };
  if (call.name === 'pack_all') {
    if (call.args.length > 1) fail(`expected at most 1 argument, got ${call.args.length}`);
    let ignoreNullEmpty = false;
    if (call.args.length === 1) {
      const flag = compileArg(call.args[0]!);
      if (flag.type !== 'bool' || !flag.isConstant) fail('ignore_null_empty must be a constant bool');
      ignoreNullEmpty = flag.constantValue === true;
    }
    const row = env.columns.slice(0, env.rowColumns ?? env.columns.length);
    const slots = row.map((c, i) => ({ name: c.name, expr: columnExpr(i, c.type) }));
    return bagExpr(slots, ignoreNullEmpty);
  }
  if (call.args.length === 0) fail('expected at least one column');
  if (call.name === 'estimate_data_size') {
    const row = env.columns.slice(0, env.rowColumns ?? env.columns.length);
    const sized = call.args.flatMap((a) =>
      a.kind === 'star' ? row.map((c, i) => columnExpr(i, c.type)) : [compileArg(a)],
    );
    return dataSizeExpr(sized);
  }
  const slots = call.args.map((a): Slot => {
    if (a.kind !== 'name') return fail('every argument must be a column name');
    return { name: a.name, expr: compileArg(a) };
  });
  return bagExpr(slots, false);
}

function isNullOrEmpty(v: ScalarValue): boolean {
  return v === null || v === '';
}

function bagExpr(slots: readonly Slot[], ignoreNullEmpty: boolean): CompiledExpr {
  const types: ScalarType[] = slots.map((s) => s.expr.type);
  return {
    type: 'dynamic',
    isConstant: false,
    constantValue: null,
    deterministic: slots.every((s) => s.expr.deterministic),
    deps: unionDeps(slots.map((s) => s.expr)),
    evaluate(batch: Batch): Vector {
      const vectors = slots.map((s) => s.expr.evaluate(batch));
      const out = createVectorBuilder('dynamic', batch.length);
      for (let i = 0; i < batch.length; i++) {
        const bag = newBag();
        slots.forEach((s, k) => {
          const v = vectors[k]!.get(i);
          if (ignoreNullEmpty && isNullOrEmpty(v)) return;
          bag[s.name] = toDynamicValue(v, types[k]!);
        });
        out.push(bag);
      }
      return out.finish();
    },
  };
}

/** Bytes of a value of a fixed-size type (estimate-table-size.md: an int 4, a long or datetime 8). */
const FIXED_SIZE: Readonly<Partial<Record<ScalarType, number>>> = {
  bool: 1,
  int: 4,
  long: 8,
  real: 8,
  datetime: 8,
  timespan: 8,
  decimal: 16,
  guid: 16,
};

/** Extra bytes counted per array or bag: a dynamic value takes more than its JSON text. */
const CONTAINER_OVERHEAD = 8;

function containers(v: DynamicValue): number {
  if (v === null || typeof v !== 'object') return 0;
  let n = 1;
  for (const item of Array.isArray(v) ? v : Object.values(v)) n += containers(item);
  return n;
}

/**
 * kqlhunt's estimate of a value's size: fixed-size types their width, a string its UTF-8 bytes, a
 * dynamic value the UTF-8 bytes of its JSON plus a little per array or bag; a null counts 0.
 * Kusto's exact internal sizes of strings and dynamic values are not documented.
 */
export function estimatedSize(v: ScalarValue, type: ScalarType): number {
  if (v === null) return 0;
  const fixed = FIXED_SIZE[type];
  if (fixed !== undefined) return fixed;
  if (type === 'string') return Buffer.byteLength(v as string, 'utf8');
  const d = v as DynamicValue;
  return Buffer.byteLength(stringifyDynamic(d), 'utf8') + CONTAINER_OVERHEAD * containers(d);
}

function dataSizeExpr(exprs: readonly CompiledExpr[]): CompiledExpr {
  return {
    type: 'long',
    isConstant: false,
    constantValue: null,
    deterministic: exprs.every((e) => e.deterministic),
    deps: unionDeps(exprs),
    evaluate(batch: Batch): Vector {
      const vectors = exprs.map((e) => e.evaluate(batch));
      const out = createVectorBuilder('long', batch.length);
      for (let i = 0; i < batch.length; i++) {
        let bytes = 0;
        exprs.forEach((e, k) => (bytes += estimatedSize(vectors[k]!.get(i), e.type)));
        out.push(BigInt(bytes));
      }
      return out.finish();
    },
  };
}
