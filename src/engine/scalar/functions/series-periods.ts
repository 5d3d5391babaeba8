/**
 * Period scoring and detection: the multi-value series_periods_detect and series_periods_validate
 * (see ./multi-value.ts), and the seasonality autodetection of series_decompose and its family.
 *
 * Kusto does not publish how it scores a period. kqlhunt scores period P by how well the series'
 * periodic profile predicts points it has not seen: the predictive R² (PRESS statistic)
 *
 *   score(P) = max(0, 1 − Σ (x_i − m_{−i})² / Σ (x_i − mean)²)
 *
 * where m_{−i} is the mean of the other points in the same phase (i mod P) as x_i. A period the
 * series does not have predicts worse than the overall mean and scores 0; an exact repetition
 * scores 1. This reproduces the reference pages' examples: for the 60-point traffic series of
 * series-periods-detect-function.md the weekly period 14 scores 0.8419 ("approximately .84") and
 * 10 scores 0 (series-periods-validate-function.md). Periods shorter than 4 points or longer than
 * half the series score 0, as the pages require. A fractional period's phase is ⌊i mod P⌋.
 *
 * Detection scores every whole period in [max(4, min_period), min(max_period, n/2)] and reports
 * those that are local maxima of the score, at least MIN_REPORTED_SCORE, best first, leaving out
 * multiples of a period already reported (a multiple repeats its divisor's profile and scores no
 * better, as 28 does for 14 in the page's series). Unused slots hold period 0 with score 0.
 */
import type { ScalarValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { asIndex, asReal, bound, failure, isNumeric } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { canHoldSeries, seriesReader } from './series-support.js';

/** The shortest period the scoring accepts (series-periods-detect-function.md). */
export const MIN_PERIOD = 4;

/**
 * The lowest score series_periods_detect reports. Kusto's threshold is not published; its page
 * reports [14, 0] for a series whose next-best whole period (4) scores 0.17 here, so a weak
 * profile explaining less than half the variance out of sample is not reported.
 */
export const MIN_REPORTED_SCORE = 0.5;

/** The series with null, non-numeric and non-finite points as null. */
export function finiteOrNull(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v !== null && Number.isFinite(v) ? v : null));
}

/** The predictive R² of the period's phase profile (see the module comment); 0 when out of range. */
export function periodScore(values: readonly (number | null)[], period: number): number {
  const n = values.length;
  if (!(period >= MIN_PERIOD) || period > n / 2) return 0;
  const phases = Math.ceil(period);
  const sums = new Array<number>(phases).fill(0);
  const counts = new Array<number>(phases).fill(0);
  let total = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const phase = Math.floor(i % period);
    sums[phase]! += v;
    counts[phase]!++;
    total += v;
    count++;
  }
  if (count < 2) return 0;
  const mean = total / count;
  let variation = 0;
  let press = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const phase = Math.floor(i % period);
    const c = counts[phase]!;
    // A point alone in its phase is predicted by the mean of all the others: no gain, no penalty.
    const predicted = c >= 2 ? (sums[phase]! - v) / (c - 1) : (total - v) / (count - 1);
    press += (v - predicted) ** 2;
    variation += (v - mean) ** 2;
  }
  if (variation === 0) return 0;
  return Math.max(0, 1 - press / variation);
}

export interface DetectedPeriods {
  readonly periods: number[];
  readonly scores: number[];
}

/** The most significant whole periods in [minPeriod, maxPeriod], padded to `count` with zeros. */
export function detectPeriods(
  values: readonly (number | null)[],
  minPeriod: number,
  maxPeriod: number,
  count: number,
  minScore = MIN_REPORTED_SCORE,
): DetectedPeriods {
  const slots = Math.max(0, Math.floor(count));
  const clean = finiteOrNull(values);
  const longest = Math.floor(clean.length / 2);
  const low = Math.max(MIN_PERIOD, Math.ceil(minPeriod));
  const high = Math.min(Math.floor(maxPeriod), longest);
  const scoreOf = new Map<number, number>();
  const score = (p: number): number => {
    if (p < MIN_PERIOD || p > longest) return -Infinity;
    let s = scoreOf.get(p);
    if (s === undefined) scoreOf.set(p, (s = periodScore(clean, p)));
    return s;
  };
  const candidates: number[] = [];
  for (let p = low; p <= high; p++) {
    const s = score(p);
    if (s >= minScore && s > 0 && s >= score(p - 1) && s >= score(p + 1)) candidates.push(p);
  }
  candidates.sort((a, b) => score(b) - score(a) || a - b);
  const periods: number[] = [];
  const scores: number[] = [];
  for (const p of candidates) {
    if (periods.length >= slots) break;
    if (periods.some((q) => p % q === 0)) continue;
    periods.push(p);
    scores.push(score(p));
  }
  while (periods.length < slots) {
    periods.push(0);
    scores.push(0);
  }
  return { periods, scores };
}

function checkSeries(name: string, args: readonly ArgInfo[]) {
  if (!canHoldSeries(args[0]!.type))
    return failure(`${name}(): argument 1 must be a dynamic array of numbers, got ${args[0]!.type}.`, 0);
  for (let i = 1; i < args.length; i++) {
    if (!isNumeric(args[i]!.type))
      return failure(`${name}(): argument ${i + 1} must be a number, got ${args[i]!.type}.`, i);
  }
  return null;
}

/** series_periods_validate accepts up to 16 periods (series-periods-validate-function.md). */
const MAX_VALIDATED_PERIODS = 16;

export const seriesPeriodsMultiValue: MultiValueFunctionTable = {
  series_periods_detect: {
    minArgs: 4,
    maxArgs: 4,
    // The page's output columns are series_periods_detect_y_periods and ..._periods_scores.
    outputs: outputs(['periods', 'dynamic'], ['periods_scores', 'dynamic']),
    bind: (args, name) => {
      const bad = checkSeries(name, args);
      if (bad !== null) return bad;
      const series = seriesReader(args[0]!);
      const min = asReal(args[1]!.type);
      const max = asReal(args[2]!.type);
      const count = asIndex(args[3]!.type);
      return bound('dynamic', (a) => {
        const s = series(a[0]!);
        const lo = min(a[1]!);
        const hi = max(a[2]!);
        const k = count(a[3]!);
        if (s === null || lo === null || hi === null || k === null) return [null, null];
        const found = detectPeriods(s, lo, hi, k);
        return [found.periods, found.scores];
      });
    },
  },
  series_periods_validate: {
    minArgs: 2,
    maxArgs: 1 + MAX_VALIDATED_PERIODS,
    outputs: outputs(['periods', 'dynamic'], ['scores', 'dynamic']),
    bind: (args, name) => {
      const bad = checkSeries(name, args);
      if (bad !== null) return bad;
      const series = seriesReader(args[0]!);
      const periods = args.slice(1).map((arg) => asReal(arg.type));
      return bound('dynamic', (a: readonly ScalarValue[]) => {
        const s = series(a[0]!);
        if (s === null) return [null, null];
        const clean = finiteOrNull(s);
        const given = periods.map((read, i) => read(a[i + 1]!));
        const scores = given.map((p) => (p === null ? 0 : periodScore(clean, p)));
        return [given, scores];
      });
    },
  },
};
