/**
 * The engine's one door into the scalar library (src/engine/scalar): binding functions,
 * operators, list comparisons, `between` and member access, multi-value functions, and parsing
 * literal text.
 */
import type { ArgInfo, BindFailure } from '../scalar/api.js';
import { bindMultiValue, type BoundMultiValue } from '../scalar/functions/multi-value.js';
import { seriesMultiValueFunctions } from '../scalar/functions/series.js';

export {
  bindBetween,
  bindBinary,
  bindFunction,
  bindIndex,
  bindListComparison as bindList,
  bindMember,
  bindUnary,
  isScalarFunction,
  parseLiteral,
} from '../scalar/index.js';

export type { BoundMultiValue, OutputColumn } from '../scalar/functions/multi-value.js';

/** True for a function returning several values (series_stats, series_fit_line, ...). */
export function isMultiValueFunction(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(seriesMultiValueFunctions, name.toLowerCase());
}

/** Binds a multi-value function: its outputs, and a binding whose value is the array of them. */
export function bindMultiValueFunction(
  name: string,
  args: readonly ArgInfo[],
): BoundMultiValue | BindFailure {
  return bindMultiValue(seriesMultiValueFunctions, name, args);
}
