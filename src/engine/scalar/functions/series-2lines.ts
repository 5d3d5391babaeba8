/**
 * Two-segment linear regression: the multi-value series_fit_2lines (see ./multi-value.ts) and
 * series_fit_2lines_dynamic (series-fit-2lines-function.md, series-fit-2lines-dynamic-function.md).
 *
 * Every split is tried: the left line is fitted to the points before split_idx, the right line to
 * split_idx and after, each as series_fit_line fits (x = 1..n over the whole series, so both
 * interceptions are at x = 0 of the same axis). The split kept maximises the total r-square,
 * 1 − (SSE_left + SSE_right) / SST; the first one wins a tie. Each side needs two numeric points
 * (a line), so a series with fewer than four numeric points has no split and gives nulls.
 * variance is the input's sample variance and rvariance the two lines' residual sum of squares over
 * n − 1, as series_fit_line computes them; the sides' figures are series_fit_line's of each side.
 * Where Kusto puts the split point (last of the left or first of the right segment) is not
 * documented; kqlhunt starts the right segment there.
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import { newBag } from '../../values/dynamic.js';
import type { ArgInfo } from '../api.js';
import { bound, failure } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { type FunctionTable, def } from './registry.js';
import { type PolyFit, fitPolynomial } from './series-fit.js';
import { finiteOrNull } from './series-periods.js';
import { canHoldSeries, seriesReader } from './series-support.js';

export interface SideFit {
  readonly rsquare: number;
  readonly slope: number;
  readonly interception: number;
  readonly variance: number;
  readonly rvariance: number;
}

export interface TwoLinesFit {
  readonly rsquare: number;
  readonly splitIdx: number;
  readonly variance: number;
  readonly rvariance: number;
  readonly lineFit: (number | null)[];
  readonly right: SideFit;
  readonly left: SideFit;
}

/** Running sums over the numeric points, for the residual sum of squares of any prefix or suffix. */
class Sums {
  n = 0;
  x = 0;
  y = 0;
  xx = 0;
  xy = 0;
  yy = 0;
  add(x: number, y: number): void {
    this.n++;
    this.x += x;
    this.y += y;
    this.xx += x * x;
    this.xy += x * y;
    this.yy += y * y;
  }
  minus(o: Sums): Sums {
    const r = new Sums();
    r.n = this.n - o.n;
    r.x = this.x - o.x;
    r.y = this.y - o.y;
    r.xx = this.xx - o.xx;
    r.xy = this.xy - o.xy;
    r.yy = this.yy - o.yy;
    return r;
  }
  clone(): Sums {
    return this.minus(new Sums());
  }
  /** The least-squares line's residual sum of squares: Syy − Sxy² / Sxx, centred. */
  sse(): number {
    const sxx = this.xx - (this.x * this.x) / this.n;
    const sxy = this.xy - (this.x * this.y) / this.n;
    const syy = this.yy - (this.y * this.y) / this.n;
    return Math.max(0, syy - (sxy * sxy) / sxx);
  }
}

function side(fit: PolyFit): SideFit {
  return {
    rsquare: fit.rsquare,
    slope: fit.coefficients[0]!,
    interception: fit.coefficients[1]!,
    variance: fit.variance,
    rvariance: fit.rvariance,
  };
}

export function fitTwoLines(values: readonly (number | null)[]): TwoLinesFit | null {
  const y = finiteOrNull(values);
  const n = y.length;
  const x = Array.from({ length: n }, (_, i) => i + 1);
  // prefix[i]: sums over the numeric points before index i.
  const prefix: Sums[] = [new Sums()];
  const running = new Sums();
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== null && v !== undefined) running.add(x[i]!, v);
    prefix.push(running.clone());
  }
  const total = prefix[n]!;
  if (total.n < 4) return null;
  const mean = total.y / total.n;
  const sst = total.yy - total.n * mean * mean;
  let best = -1;
  let bestSse = Infinity;
  for (let split = 1; split < n; split++) {
    const left = prefix[split]!;
    const right = total.minus(left);
    if (left.n < 2 || right.n < 2) continue;
    const sse = left.sse() + right.sse();
    // A later split must be better beyond rounding to displace an earlier one.
    if (best < 0 || sse < bestSse - 1e-12 * Math.max(1, bestSse)) {
      bestSse = sse;
      best = split;
    }
  }
  if (best < 0) return null;
  const leftFit = fitPolynomial(y.slice(0, best), x.slice(0, best), 1);
  const rightFit = fitPolynomial(y.slice(best), x.slice(best), 1);
  if (leftFit === null || rightFit === null) return null;
  // series_fit_line's rvariance is the residual sum of squares over (points − 1).
  const sse =
    leftFit.rvariance * (countNumeric(y, 0, best) - 1) + rightFit.rvariance * (countNumeric(y, best, n) - 1);
  return {
    rsquare: sst <= 0 ? 1 : 1 - sse / sst,
    splitIdx: best,
    variance: sst / (total.n - 1),
    rvariance: sse / (total.n - 1),
    lineFit: [...leftFit.fit, ...rightFit.fit],
    right: side(rightFit),
    left: side(leftFit),
  };
}

function countNumeric(y: readonly (number | null)[], from: number, to: number): number {
  let c = 0;
  for (let i = from; i < to; i++) if (y[i] !== null) c++;
  return c;
}

function bindFit(args: readonly ArgInfo[], name: string) {
  if (!canHoldSeries(args[0]!.type))
    return {
      bad: failure(`${name}(): argument 1 must be a dynamic array of numbers, got ${args[0]!.type}.`, 0),
    };
  const series = seriesReader(args[0]!);
  return {
    compute: (a: readonly ScalarValue[]): TwoLinesFit | null => {
      const s = series(a[0]!);
      return s === null ? null : fitTwoLines(s);
    },
  };
}

const SIDE_KEYS = ['rsquare', 'slope', 'interception', 'variance', 'rvariance'] as const;

function sideBag(s: SideFit) {
  const bag = newBag();
  for (const k of SIDE_KEYS) bag[k] = s[k];
  return bag;
}

export const seriesTwoLinesMultiValue: MultiValueFunctionTable = {
  series_fit_2lines: {
    minArgs: 1,
    maxArgs: 1,
    outputs: outputs(
      ['rsquare', 'real'],
      ['split_idx', 'long'],
      ['variance', 'real'],
      ['rvariance', 'real'],
      ['line_fit', 'dynamic'],
      ['right_rsquare', 'real'],
      ['right_slope', 'real'],
      ['right_interception', 'real'],
      ['right_variance', 'real'],
      ['right_rvariance', 'real'],
      ['left_rsquare', 'real'],
      ['left_slope', 'real'],
      ['left_interception', 'real'],
      ['left_variance', 'real'],
      ['left_rvariance', 'real'],
    ),
    bind: (args, name) => {
      const b = bindFit(args, name);
      if (b.bad) return b.bad;
      return bound('dynamic', (a) => {
        const f = b.compute!(a);
        if (f === null) return new Array<null>(15).fill(null);
        return [
          f.rsquare,
          BigInt(f.splitIdx),
          f.variance,
          f.rvariance,
          f.lineFit,
          ...SIDE_KEYS.map((k) => f.right[k]),
          ...SIDE_KEYS.map((k) => f.left[k]),
        ];
      });
    },
  },
};

export const seriesTwoLinesFunctions: FunctionTable = {
  series_fit_2lines_dynamic: def(1, 1, (args, name) => {
    const b = bindFit(args, name);
    if (b.bad) return b.bad;
    return bound('dynamic', (a) => {
      const f = b.compute!(a);
      if (f === null) return null;
      const bag = newBag();
      const entries: [string, DynamicValue][] = [
        ['rsquare', f.rsquare],
        ['split_idx', f.splitIdx],
        ['variance', f.variance],
        ['rvariance', f.rvariance],
        ['line_fit', f.lineFit],
        ['right', sideBag(f.right)],
        ['left', sideBag(f.left)],
      ];
      for (const [k, v] of entries) bag[k] = v;
      return bag;
    });
  }),
};
