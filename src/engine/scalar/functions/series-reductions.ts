/**
 * Series reduced to a value: series_sum, series_product, series_magnitude, series_dot_product,
 * series_cosine_similarity, series_pearson_correlation, series_stats_dynamic, and the
 * multi-value series_stats (see ./multi-value.ts).
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import { newBag } from '../../values/dynamic.js';
import type { ArgInfo } from '../api.js';
import { asBool, asReal, bound, failure, isNumeric } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { type FunctionTable, def } from './registry.js';
import { type SeriesOperand, canHoldSeries, operandReader, seriesReader } from './series-support.js';

function checkSeries(name: string, args: readonly ArgInfo[], count: number, scalarAllowed = false) {
  for (let i = 0; i < count; i++) {
    const t = args[i]!.type;
    if (canHoldSeries(t) || (scalarAllowed && isNumeric(t))) continue;
    return failure(`${name}(): argument ${i + 1} must be a dynamic array of numbers, got ${t}.`, i);
  }
  return null;
}

/** A function of one series folding its numeric elements (non-numeric ones are skipped). */
function fold(
  initial: number,
  step: (acc: number, x: number) => number,
  finish: (acc: number) => number = (x) => x,
) {
  return def(1, 1, (args, name) => {
    const bad = checkSeries(name, args, 1);
    if (bad !== null) return bad;
    const series = seriesReader(args[0]!);
    return bound('real', (a) => {
      const s = series(a[0]!);
      if (s === null) return null;
      let acc = initial;
      for (const x of s) if (x !== null) acc = step(acc, x);
      return finish(acc);
    });
  });
}

/**
 * The numeric pairs of two operands over the shorter length (a scalar broadcasts); null when
 * either is not a series or scalar, or when a series is empty (the pages' "result will be null").
 */
function pairs(l: SeriesOperand | null, r: SeriesOperand | null): [number | null, number | null][] | null {
  if (l === null || r === null) return null;
  if (l.kind === 'scalar' && r.kind === 'scalar') return null;
  const length = Math.min(
    l.kind === 'series' ? l.values.length : Infinity,
    r.kind === 'series' ? r.values.length : Infinity,
  );
  if (length === 0) return null;
  const out: [number | null, number | null][] = [];
  for (let i = 0; i < length; i++) {
    out.push([l.kind === 'scalar' ? l.value : l.values[i]!, r.kind === 'scalar' ? r.value : r.values[i]!]);
  }
  return out;
}

export interface SeriesStats {
  min: number | null;
  minIdx: number | null;
  max: number | null;
  maxIdx: number | null;
  avg: number | null;
  stdev: number | null;
  variance: number | null;
  sum: number | null;
  len: number;
}

/**
 * min, max (first positions), average, sample variance and standard deviation. Unless non-finite
 * values are ignored, a null, NaN, infinite or non-numeric element makes every statistic null.
 */
export function seriesStats(values: readonly (number | null)[], ignoreNonFinite: boolean): SeriesStats {
  const none: SeriesStats = {
    min: null,
    minIdx: null,
    max: null,
    maxIdx: null,
    avg: null,
    stdev: null,
    variance: null,
    sum: null,
    len: values.length,
  };
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let minIdx = -1;
  let maxIdx = -1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x === null || !Number.isFinite(x)) {
      if (ignoreNonFinite) continue;
      return none;
    }
    n++;
    sum += x;
    if (x < min) [min, minIdx] = [x, i];
    if (x > max) [max, maxIdx] = [x, i];
  }
  if (n === 0) return none;
  const avg = sum / n;
  let squares = 0;
  for (const x of values) if (x !== null && Number.isFinite(x)) squares += (x - avg) * (x - avg);
  const variance = n > 1 ? squares / (n - 1) : 0;
  return { min, minIdx, max, maxIdx, avg, stdev: Math.sqrt(variance), variance, sum, len: values.length };
}

function statsBinding(args: readonly ArgInfo[], name: string) {
  const bad = checkSeries(name, args, 1);
  if (bad !== null) return { bad };
  const series = seriesReader(args[0]!);
  const ignore = args[1] ? asBool(args[1].type) : () => false;
  return {
    compute: (a: readonly ScalarValue[]): SeriesStats | null => {
      const s = series(a[0]!);
      return s === null ? null : seriesStats(s, ignore(a[1] ?? false) ?? false);
    },
  };
}

function long(n: number | null): bigint | null {
  return n === null ? null : BigInt(n);
}

/** Pearson's r over equal-length, all-numeric series; null otherwise. */
export function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): number | null {
  if (x.length !== y.length || x.length === 0) return null;
  if (x.some((v) => v === null) || y.some((v) => v === null)) return null;
  const n = x.length;
  const xs = x as number[];
  const ys = y as number[];
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export const seriesReductionFunctions: FunctionTable = {
  series_sum: fold(0, (acc, x) => acc + x),
  series_product: fold(1, (acc, x) => acc * x),
  series_magnitude: fold(0, (acc, x) => acc + x * x, Math.sqrt),
  series_dot_product: def(2, 2, (args, name) => {
    const bad = checkSeries(name, args, 2, true);
    if (bad !== null) return bad;
    const left = operandReader(args[0]!);
    const right = operandReader(args[1]!);
    return bound('real', (a) => {
      const p = pairs(left(a[0]!), right(a[1]!));
      if (p === null) return null;
      let dot = 0;
      for (const [x, y] of p) if (x !== null && y !== null) dot += x * y;
      return dot;
    });
  }),
  series_cosine_similarity: def(2, 4, (args, name) => {
    const bad = checkSeries(name, args, 2, true);
    if (bad !== null) return bad;
    const left = operandReader(args[0]!);
    const right = operandReader(args[1]!);
    const m1 = args[2] ? asReal(args[2].type) : () => null;
    const m2 = args[3] ? asReal(args[3].type) : () => null;
    return bound('real', (a) => {
      const p = pairs(left(a[0]!), right(a[1]!));
      if (p === null) return null;
      let dot = 0;
      let xx = 0;
      let yy = 0;
      for (const [x, y] of p) {
        if (x !== null && y !== null) dot += x * y;
        if (x !== null) xx += x * x;
        if (y !== null) yy += y * y;
      }
      const mx = m1(a[2] ?? null) ?? Math.sqrt(xx);
      const my = m2(a[3] ?? null) ?? Math.sqrt(yy);
      return dot / (mx * my);
    });
  }),
  series_pearson_correlation: def(2, 2, (args, name) => {
    const bad = checkSeries(name, args, 2);
    if (bad !== null) return bad;
    const x = seriesReader(args[0]!);
    const y = seriesReader(args[1]!);
    return bound('real', (a) => {
      const u = x(a[0]!);
      const v = y(a[1]!);
      return u === null || v === null ? null : pearson(u, v);
    });
  }),
  series_stats_dynamic: def(1, 2, (args, name) => {
    const b = statsBinding(args, name);
    if (b.bad) return b.bad;
    return bound('dynamic', (a) => {
      const s = b.compute!(a);
      if (s === null) return null;
      const bag = newBag();
      const entries: [string, DynamicValue][] = [
        ['min', s.min],
        ['min_idx', s.minIdx],
        ['max', s.max],
        ['max_idx', s.maxIdx],
        ['avg', s.avg],
        ['stdev', s.stdev],
        ['variance', s.variance],
        ['sum', s.sum],
        ['len', s.len],
      ];
      for (const [k, v] of entries) bag[k] = v;
      return bag;
    });
  }),
};

export const seriesStatsMultiValue: MultiValueFunctionTable = {
  series_stats: {
    minArgs: 1,
    maxArgs: 2,
    outputs: outputs(
      ['min', 'real'],
      ['min_idx', 'long'],
      ['max', 'real'],
      ['max_idx', 'long'],
      ['avg', 'real'],
      ['stdev', 'real'],
      ['variance', 'real'],
    ),
    bind: (args, name) => {
      const b = statsBinding(args, name);
      if (b.bad) return b.bad;
      return bound('dynamic', (a) => {
        const s = b.compute!(a);
        if (s === null) return [null, null, null, null, null, null, null];
        return [s.min, long(s.minIdx), s.max, long(s.maxIdx), s.avg, s.stdev, s.variance];
      });
    },
  },
};
