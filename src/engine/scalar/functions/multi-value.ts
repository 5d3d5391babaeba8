/**
 * Functions that return several values at once (series_stats, series_fit_line, series_decompose,
 * series_periods_detect, ...). In KQL they only appear where a tuple can be spread into columns:
 *
 *   T | extend (a, b) = series_fit_line(y)      // the first two outputs, named a and b
 *   T | project series_stats(x)                 // every output, named series_stats_x_min, ...
 *
 * They are not scalar functions (a single `extend v = series_stats(x)` is an error in Kusto), so
 * they are kept out of the scalar FUNCTIONS map. The table below gives each one's output columns
 * and a binding whose `evaluate` returns a JS array with one value per output column, each in the
 * representation of that column's type (src/types/scalar.ts); the tabular engine spreads it.
 *
 * Column naming (series-fit-2lines-function.md): without names, output `c` of `f(x)` is named
 * `f_x_c` where `x` is the argument's column name; with fewer names than outputs, `project`
 * generates the rest while `extend` keeps only the named ones.
 */
import type { ScalarType } from '../../../types/scalar.js';
import { isBindFailure, type ArgInfo, type BindFailure, type BindResult, type BoundScalar } from '../api.js';
import { checkArity, failure } from '../bound.js';

export interface OutputColumn {
  readonly name: string;
  readonly type: ScalarType;
}

export interface MultiValueFunctionDef {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly outputs: readonly OutputColumn[];
  /** Binds with the argument count checked; the result type is 'dynamic' (an array of outputs). */
  readonly bind: (args: readonly ArgInfo[], name: string) => BindResult;
}

export type MultiValueFunctionTable = Readonly<Record<string, MultiValueFunctionDef>>;

export function outputs(...spec: [string, ScalarType][]): OutputColumn[] {
  return spec.map(([name, type]) => ({ name, type }));
}

/** A multi-value function bound to its arguments: its output columns and how to compute them. */
export interface BoundMultiValue {
  readonly outputs: readonly OutputColumn[];
  /** `evaluate` returns a JS array with one value per output (see the format above). */
  readonly bound: BoundScalar;
}

/** Binds `name` from `table` (lower-cased), checking the argument count first. */
export function bindMultiValue(
  table: MultiValueFunctionTable,
  name: string,
  args: readonly ArgInfo[],
): BoundMultiValue | BindFailure {
  const key = name.toLowerCase();
  const fn = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (fn === undefined) return failure(`Unknown multi-value function: '${name}'.`);
  const arity = checkArity(key, args, fn.minArgs, fn.maxArgs);
  if (arity !== null) return arity;
  const bound = fn.bind(args, key);
  return isBindFailure(bound) ? bound : { outputs: fn.outputs, bound };
}
