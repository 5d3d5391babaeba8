/**
 * Functions that read the row itself rather than values: `pack_all([ignore_null_empty])` packs
 * every input column into a property bag (pack-all-function.md) and `bag_pack_columns(c1, ...)`
 * packs the listed columns under their own names (bag-pack-columns-function.md). A scalar
 * function only sees argument values (scalar/api.ts), so the compiler builds these from the input
 * schema here: the column names are known at compile time, the values are read per batch.
 */
import type { Call } from '../../plan/plan.js';
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { toDynamicValue } from '../values/convert.js';
import { newBag } from '../values/dynamic.js';
import { columnExpr, unionDeps, type CompiledExpr } from './compiled.js';
import type { ExprEnv } from './compile.js';

export const rowBagFunctionNames: ReadonlySet<string> = new Set(['pack_all', 'bag_pack_columns']);

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
