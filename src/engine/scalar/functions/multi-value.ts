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
import type { ArgInfo, BindResult } from '../api.js';

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
