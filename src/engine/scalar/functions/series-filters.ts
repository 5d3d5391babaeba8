/**
 * Linear filters over a series: series_fir (finite impulse response, a convolution) and
 * series_iir (infinite impulse response, the recursive formula of series-iir-function.md).
 * Points before the start of the series count as 0. A non-numeric input element makes the output
 * elements that depend on it null (for series_iir, every later element).
 */
import type { DynamicValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { asBool, bound, failure } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { canHoldSeries, seriesReader } from './series-support.js';

function checkArrays(name: string, args: readonly ArgInfo[], count: number) {
  for (let i = 0; i < count; i++) {
    if (!canHoldSeries(args[i]!.type))
      return failure(
        `${name}(): argument ${i + 1} must be a dynamic array of numbers, got ${args[i]!.type}.`,
        i,
      );
  }
  return null;
}

/**
 * y[i] = sum over j of c[j] * x[i + shift - j], where shift is 0, or (length - 1) / 2 rounded down
 * when centred so that a symmetric filter does not delay the series. Normalising divides the
 * coefficients by their sum; it is the default unless a coefficient is negative, and asking for it
 * with a negative coefficient gives null (series-fir-function.md).
 */
export function fir(
  x: readonly (number | null)[],
  filter: readonly (number | null)[],
  normalize: boolean | null,
  center: boolean,
): DynamicValue[] | null {
  if (filter.length === 0 || filter.some((c) => c === null)) return null;
  const coefficients = filter as number[];
  const hasNegative = coefficients.some((c) => c < 0);
  const doNormalize = normalize ?? !hasNegative;
  if (doNormalize && hasNegative) return null;
  const sum = coefficients.reduce((s, c) => s + c, 0);
  const c = doNormalize ? coefficients.map((v) => v / sum) : coefficients;
  const shift = center ? Math.floor((c.length - 1) / 2) : 0;
  const out: DynamicValue[] = new Array<DynamicValue>(x.length);
  for (let i = 0; i < x.length; i++) {
    let y: number | null = 0;
    for (let j = 0; j < c.length; j++) {
      const k = i + shift - j;
      if (k < 0 || k >= x.length) continue;
      const v = x[k]!;
      if (v === null) {
        y = null;
        break;
      }
      y += c[j]! * v;
    }
    out[i] = y;
  }
  return out;
}

/** y[i] = (b[0]x[i] + ... + b[nb-1]x[i-nb+1] - a[1]y[i-1] - ... - a[na-1]y[i-na+1]) / a[0]. */
export function iir(
  x: readonly (number | null)[],
  b: readonly (number | null)[],
  a: readonly (number | null)[],
): DynamicValue[] | null {
  if (a.length === 0 || b.length === 0) return null;
  if (a.some((v) => v === null) || b.some((v) => v === null) || a[0] === 0) return null;
  const y: (number | null)[] = new Array<number | null>(x.length);
  for (let i = 0; i < x.length; i++) {
    let acc: number | null = 0;
    for (let j = 0; j < b.length && acc !== null; j++) {
      if (i - j < 0) break;
      const v = x[i - j]!;
      acc = v === null ? null : acc + b[j]! * v;
    }
    for (let k = 1; k < a.length && acc !== null; k++) {
      if (i - k < 0) break;
      const prev = y[i - k]!;
      acc = prev === null ? null : acc - a[k]! * prev;
    }
    y[i] = acc === null ? null : acc / a[0]!;
  }
  return y;
}

export const seriesFilterFunctions: FunctionTable = {
  series_fir: def(2, 4, (args, name) => {
    const bad = checkArrays(name, args, 2);
    if (bad !== null) return bad;
    const series = seriesReader(args[0]!);
    const filter = seriesReader(args[1]!);
    const normalize = args[2] ? asBool(args[2].type) : () => null;
    const center = args[3] ? asBool(args[3].type) : () => false;
    return bound('dynamic', (a) => {
      const x = series(a[0]!);
      const c = filter(a[1]!);
      if (x === null || c === null) return null;
      return fir(x, c, normalize(a[2] ?? null), center(a[3] ?? false) ?? false);
    });
  }),
  series_iir: def(3, 3, (args, name) => {
    const bad = checkArrays(name, args, 3);
    if (bad !== null) return bad;
    const series = seriesReader(args[0]!);
    const numerators = seriesReader(args[1]!);
    const denominators = seriesReader(args[2]!);
    return bound('dynamic', (a) => {
      const x = series(a[0]!);
      const b = numerators(a[1]!);
      const d = denominators(a[2]!);
      if (x === null || b === null || d === null) return null;
      return iir(x, b, d);
    });
  }),
};
