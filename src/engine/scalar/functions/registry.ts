/**
 * The shape of a built-in scalar function's definition: its arity and how it binds. Each family
 * module (strings.ts, datetime.ts, ...) exports a table of these; index.ts merges them.
 */
import type { ScalarType } from '../../../types/scalar.js';
import type { ArgInfo, BindResult } from '../api.js';
import { converter } from '../../values/convert.js';
import { failure, isNumeric } from '../bound.js';

export interface FunctionDef {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Binds with the argument count already checked. */
  readonly bind: (args: readonly ArgInfo[], name: string) => BindResult;
}

export type FunctionTable = Readonly<Record<string, FunctionDef>>;

export function def(minArgs: number, maxArgs: number, bind: FunctionDef['bind']): FunctionDef {
  return { minArgs, maxArgs, bind };
}

/** The type several values unify to (iff branches, coalesce, max_of); null when they do not. */
export function commonType(types: readonly ScalarType[]): ScalarType | null {
  let result: ScalarType | null = null;
  for (const t of types) {
    if (result === null || result === t) {
      result = t;
      continue;
    }
    if (isNumeric(result) && isNumeric(t)) {
      result = numericRank(t) > numericRank(result) ? t : result;
      continue;
    }
    if (result === 'dynamic' || t === 'dynamic') {
      result = 'dynamic';
      continue;
    }
    return null;
  }
  return result;
}

function numericRank(t: ScalarType): number {
  return t === 'int' ? 0 : t === 'long' ? 1 : t === 'decimal' ? 2 : 3;
}

/** Binds argument conversions to a common type, or fails naming the first mismatch. */
export function unify(
  name: string,
  args: readonly ArgInfo[],
  /** For iff/case branches: a dynamic branch takes the other branches' type (Kusto's binder). */
  dynamicYields = false,
):
  | {
      type: ScalarType;
      convert: ((
        v: import('../../../types/scalar.js').ScalarValue,
      ) => import('../../../types/scalar.js').ScalarValue)[];
    }
  | { error: BindResult } {
  const typed = dynamicYields ? args.filter((a) => a.type !== 'dynamic') : args;
  const type = typed.length === 0 ? 'dynamic' : commonType(typed.map((a) => a.type));
  if (type === null) {
    return {
      error: failure(
        `The arguments of '${name}' must all have the same type (got ${args.map((a) => a.type).join(', ')}).`,
      ),
    };
  }
  return { type, convert: args.map((a) => converter(a.type, type)) };
}
