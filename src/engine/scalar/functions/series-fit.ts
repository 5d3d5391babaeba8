/**
 * Regression over a series: series_fit_line_dynamic, and the multi-value series_fit_line and
 * series_fit_poly (see ./multi-value.ts).
 *
 * The independent variable defaults to 1, 2, ..., n (series-fit-poly-function.md; the line fit
 * of series-fit-line-function.md's example starts at x = 1: interception -1.666 + slope 2.730 =
 * 1.064, the first fitted value). `variance` is the sample variance of y and `rvariance` the
 * residuals' sum of squares over n − 1, which reproduce that example's 98.628 and 1.686.
 * Non-numeric elements are left out of the fit; the fitted series still covers every position.
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import { newBag } from '../../values/dynamic.js';
import type { ArgInfo } from '../api.js';
import { asIndex, bound, failure } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { type FunctionTable, def } from './registry.js';
import { canHoldSeries, seriesReader } from './series-support.js';

export interface PolyFit {
  readonly rsquare: number;
  /** Highest power first. */
  readonly coefficients: number[];
  readonly variance: number;
  readonly rvariance: number;
  readonly fit: (number | null)[];
}

/** Solves the square system a·c = b by Gaussian elimination with partial pivoting; null if singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-300) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Least-squares polynomial of a degree through the numeric points (x[i], y[i]); null when there
 * are fewer points than coefficients or the system is singular.
 */
export function fitPolynomial(
  y: readonly (number | null)[],
  x: readonly (number | null)[],
  degree: number,
): PolyFit | null {
  const points: [number, number][] = [];
  for (let i = 0; i < y.length; i++) {
    const xi = x[i];
    const yi = y[i];
    if (xi !== null && xi !== undefined && yi !== null && yi !== undefined) points.push([xi, yi]);
  }
  const terms = degree + 1;
  if (degree < 0 || points.length < Math.max(2, terms)) return null;
  // Normal equations in ascending powers: sum x^(i+j) · c_j = sum x^i · y.
  const a = Array.from({ length: terms }, () => new Array<number>(terms).fill(0));
  const b = new Array<number>(terms).fill(0);
  for (const [px, py] of points) {
    const powers = Array.from({ length: 2 * terms - 1 }, (_, k) => px ** k);
    for (let i = 0; i < terms; i++) {
      b[i]! += powers[i]! * py;
      for (let j = 0; j < terms; j++) a[i]![j]! += powers[i + j]!;
    }
  }
  const ascending = solve(a, b);
  if (ascending === null) return null;
  const at = (v: number) => ascending.reduce((s, c, k) => s + c * v ** k, 0);
  const n = points.length;
  const mean = points.reduce((s, [, py]) => s + py, 0) / n;
  const total = points.reduce((s, [, py]) => s + (py - mean) ** 2, 0);
  const residual = points.reduce((s, [px, py]) => s + (py - at(px)) ** 2, 0);
  return {
    rsquare: total === 0 ? 1 : 1 - residual / total,
    coefficients: [...ascending].reverse(),
    variance: total / (n - 1),
    rvariance: residual / (n - 1),
    fit: x.map((xi) => (xi === null ? null : at(xi))),
  };
}

function defaultX(length: number): number[] {
  return Array.from({ length }, (_, i) => i + 1);
}

export function fitLine(y: readonly (number | null)[]): PolyFit | null {
  return fitPolynomial(y, defaultX(y.length), 1);
}

function checkSeries(name: string, args: readonly ArgInfo[], indexes: number[]) {
  for (const i of indexes) {
    if (args[i] && !canHoldSeries(args[i].type))
      return failure(
        `${name}(): argument ${i + 1} must be a dynamic array of numbers, got ${args[i].type}.`,
        i,
      );
  }
  return null;
}

function lineFitBinding(args: readonly ArgInfo[], name: string) {
  const bad = checkSeries(name, args, [0]);
  if (bad !== null) return { bad };
  const series = seriesReader(args[0]!);
  return {
    compute: (a: readonly ScalarValue[]) => {
      const y = series(a[0]!);
      return y === null ? null : fitLine(y);
    },
  };
}

export const seriesFitFunctions: FunctionTable = {
  series_fit_line_dynamic: def(1, 1, (args, name) => {
    const b = lineFitBinding(args, name);
    if (b.bad) return b.bad;
    return bound('dynamic', (a) => {
      const f = b.compute!(a);
      if (f === null) return null;
      const bag = newBag();
      const entries: [string, DynamicValue][] = [
        ['rsquare', f.rsquare],
        ['slope', f.coefficients[0]!],
        ['variance', f.variance],
        ['rvariance', f.rvariance],
        ['interception', f.coefficients[1]!],
        ['line_fit', f.fit],
      ];
      for (const [k, v] of entries) bag[k] = v;
      return bag;
    });
  }),
};

export const seriesFitMultiValue: MultiValueFunctionTable = {
  series_fit_line: {
    minArgs: 1,
    maxArgs: 1,
    outputs: outputs(
      ['rsquare', 'real'],
      ['slope', 'real'],
      ['variance', 'real'],
      ['rvariance', 'real'],
      ['interception', 'real'],
      ['line_fit', 'dynamic'],
    ),
    bind: (args, name) => {
      const b = lineFitBinding(args, name);
      if (b.bad) return b.bad;
      return bound('dynamic', (a) => {
        const f = b.compute!(a);
        if (f === null) return [null, null, null, null, null, null];
        return [f.rsquare, f.coefficients[0]!, f.variance, f.rvariance, f.coefficients[1]!, f.fit];
      });
    },
  },
  series_fit_poly: {
    minArgs: 1,
    maxArgs: 3,
    outputs: outputs(
      ['rsquare', 'real'],
      ['coefficients', 'dynamic'],
      ['variance', 'real'],
      ['rvariance', 'real'],
      ['poly_fit', 'dynamic'],
    ),
    bind: (args, name) => {
      const bad = checkSeries(name, args, [0, 1]);
      if (bad !== null) return bad;
      const ys = seriesReader(args[0]!);
      const xs = args[1] ? seriesReader(args[1]) : null;
      const degree = args[2] ? asIndex(args[2].type) : () => 1;
      return bound('dynamic', (a) => {
        const y = ys(a[0]!);
        // A null x series (series_fit_poly(y, dynamic(null), 2)) means the default 1..n.
        const x = xs === null ? null : xs(a[1]!);
        const d = degree(a[2] ?? 1);
        const f = y === null || d === null ? null : fitPolynomial(y, x ?? defaultX(y.length), d);
        if (f === null) return [null, null, null, null, null];
        return [f.rsquare, f.coefficients, f.variance, f.rvariance, f.fit];
      });
    },
  },
};
