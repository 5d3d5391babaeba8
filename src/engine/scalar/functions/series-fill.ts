/**
 * Series interpolation: series_fill_backward, series_fill_forward, series_fill_const and
 * series_fill_linear. A "missing" element is null, or equals the optional placeholder argument
 * (double(null), long(null) and int(null) all mean null). Known elements keep their original
 * values and types, as the reference pages require ("preserves the original type").
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { toDynamicValue } from '../../values/convert.js';
import type { ArgInfo } from '../api.js';
import { type Adapter, asBool, asReal, bound, failure } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { arrayReader, canHoldSeries, elementNumber } from './series-support.js';

/** A predicate telling missing elements, chosen from the placeholder argument's value. */
function missingTest(placeholder: number | null): (v: DynamicValue) => boolean {
  if (placeholder === null) return (v) => v === null;
  return (v) => {
    const n = elementNumber(v);
    return n !== null && n === placeholder;
  };
}

function placeholderReader(arg: ArgInfo | undefined): Adapter<number | null> {
  if (arg === undefined) return () => null;
  return asReal(arg.type);
}

function checkSeries(name: string, args: readonly ArgInfo[]) {
  if (canHoldSeries(args[0]!.type)) return null;
  return failure(`${name}(): argument 1 must be a dynamic array, got ${args[0]!.type}.`, 0);
}

/** The value a scalar argument contributes as an array element. */
function elementOf(value: ScalarValue, type: ScalarType): DynamicValue {
  return toDynamicValue(value, type);
}

/** Fills each run of missing elements from one direction; runs at the far edge stay missing. */
export function fillDirectional(
  arr: readonly DynamicValue[],
  isMissing: (v: DynamicValue) => boolean,
  backward: boolean,
) {
  const out = arr.slice();
  let carry: DynamicValue | undefined;
  for (let k = 0; k < out.length; k++) {
    const i = backward ? out.length - 1 - k : k;
    if (isMissing(out[i]!)) {
      if (carry !== undefined) out[i] = carry;
    } else carry = out[i]!;
  }
  return out;
}

/**
 * Linear interpolation between the known neighbours of each missing run. Integer-only series get
 * integer results: the reference's example truncates (73.5 becomes 73, 32.667 becomes 32).
 */
export function fillLinear(
  arr: readonly DynamicValue[],
  isMissing: (v: DynamicValue) => boolean,
  fillEdges: boolean,
  constant: DynamicValue,
): DynamicValue[] {
  const known: number[] = [];
  for (let i = 0; i < arr.length; i++) {
    if (!isMissing(arr[i]!) && elementNumber(arr[i]) !== null) known.push(i);
  }
  if (known.length === 0) return arr.map(() => constant);
  const integral = known.every((i) => {
    const v = arr[i]!;
    return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
  });
  const out = arr.slice();
  const first = known[0]!;
  const last = known[known.length - 1]!;
  if (fillEdges) {
    for (let i = 0; i < first; i++) if (isMissing(out[i]!)) out[i] = arr[first]!;
    for (let i = last + 1; i < arr.length; i++) if (isMissing(out[i]!)) out[i] = arr[last]!;
  }
  for (let k = 0; k + 1 < known.length; k++) {
    const lo = known[k]!;
    const hi = known[k + 1]!;
    const y0 = elementNumber(arr[lo])!;
    const y1 = elementNumber(arr[hi])!;
    for (let i = lo + 1; i < hi; i++) {
      if (!isMissing(out[i]!)) continue;
      const y = y0 + ((y1 - y0) * (i - lo)) / (hi - lo);
      out[i] = integral ? Math.trunc(y) : y;
    }
  }
  return out;
}

function directional(backward: boolean) {
  return def(1, 2, (args, name) => {
    const bad = checkSeries(name, args);
    if (bad !== null) return bad;
    const series = arrayReader(args[0]!);
    const placeholder = placeholderReader(args[1]);
    return bound('dynamic', (a) => {
      const arr = series(a[0]!);
      if (arr === null) return null;
      return fillDirectional(arr, missingTest(placeholder(a[1] ?? null)), backward);
    });
  });
}

export const seriesFillFunctions: FunctionTable = {
  series_fill_backward: directional(true),
  series_fill_forward: directional(false),
  series_fill_const: def(2, 3, (args, name) => {
    const bad = checkSeries(name, args);
    if (bad !== null) return bad;
    const series = arrayReader(args[0]!);
    const constantType = args[1]!.type;
    const placeholder = placeholderReader(args[2]);
    return bound('dynamic', (a) => {
      const arr = series(a[0]!);
      if (arr === null) return null;
      const isMissing = missingTest(placeholder(a[2] ?? null));
      const fill = elementOf(a[1]!, constantType);
      return arr.map((v) => (isMissing(v) ? fill : v));
    });
  }),
  series_fill_linear: def(1, 4, (args, name) => {
    const bad = checkSeries(name, args);
    if (bad !== null) return bad;
    const series = arrayReader(args[0]!);
    const placeholder = placeholderReader(args[1]);
    const edges = args[2] ? asBool(args[2].type) : () => true;
    const constantType = args[3]?.type ?? 'real';
    return bound('dynamic', (a) => {
      const arr = series(a[0]!);
      if (arr === null) return null;
      const constant = args[3] === undefined ? 0 : elementOf(a[3]!, constantType);
      return fillLinear(arr, missingTest(placeholder(a[1] ?? null)), edges(a[2] ?? true) ?? true, constant);
    });
  }),
};
