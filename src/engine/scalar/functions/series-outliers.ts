/**
 * series_outliers(series [, kind, ignore_val, min_percentile, max_percentile]): an anomaly score
 * per point by Tukey's fence test (series-outliers-function.md).
 *
 * A point above the high percentile scores (x − P_high) / (P_high − P_low), a point below the low
 * percentile (x − P_low) / (P_high − P_low), anything between scores 0; so a score beyond ±1.5 is
 * outside Tukey's fences at k = 1.5. Percentiles interpolate linearly between the sorted values
 * (rank p/100 · (n − 1)), as the Kusto team's answer on how scores are computed shows (p10 = 2.7
 * and p90 = 11 for [-3, 2.4, 15, 3.9, 5, 6, 4.5, 5.2, 3, 4, 5, 16, 7, 5, 5, 4]).
 *
 * `tukey` uses the 25th/75th percentiles unscaled. `ctukey` (the default) uses a wider range,
 * 10th/90th unless given, and scales the score so that 1.5 still means a mild anomaly: Kusto's
 * factor for 10/90 is 2.7726056055079149 (that answer's scores, e.g. −1.9040785483608571 for
 * −3, are (x − p) / 8.3 times it). How Kusto derives the factor for other percentiles is not
 * published; kqlhunt scales it by the normal-distribution model the answer describes (see
 * docs/SEMANTICS.md, "Time-series analysis").
 *
 * Null, non-numeric, non-finite and `ignore_val` points are left out of the percentiles and score
 * 0 ("The score of nulls and ignore values is set to 0"). With no spread between the percentiles a
 * point beyond them scores ±Infinity, the quotient's value.
 */
import type { ScalarValue } from '../../../types/scalar.js';
import { ScalarRuntimeError } from '../api.js';
import type { ArgInfo } from '../api.js';
import { asReal, asString, bound, failure, isConstant, isNumeric } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { canHoldSeries, seriesReader } from './series-support.js';
import { erfc } from './special-math.js';

export type OutlierKind = 'tukey' | 'ctukey';

export interface OutlierOptions {
  readonly kind: OutlierKind;
  /** A value marking missing points (scored 0), or null. */
  readonly ignore: number | null;
  /** Percentiles for `ctukey`, in [2, 98]; `tukey` always uses 25 and 75. */
  readonly minPercentile: number;
  readonly maxPercentile: number;
}

export const DEFAULT_OUTLIER_OPTIONS: OutlierOptions = {
  kind: 'ctukey',
  ignore: null,
  minPercentile: 10,
  maxPercentile: 90,
};

/** The p-th percentile (0..100) of ascending values, interpolating between neighbours. */
export function percentileLinear(sorted: readonly number[], p: number): number {
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const fraction = rank - below;
  if (below + 1 >= sorted.length) return sorted[sorted.length - 1]!;
  return sorted[below]! + fraction * (sorted[below + 1]! - sorted[below]!);
}

/** The standard normal quantile: Φ(z) = p solved by bisection on erfc (p in (0, 1)). */
export function normalQuantile(p: number): number {
  let low = -40;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-15; i++) {
    const mid = (low + high) / 2;
    if (0.5 * erfc(-mid / Math.SQRT2) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** Kusto's ctukey factor for the default 10th/90th percentiles (see the module comment). */
const KUSTO_CTUKEY_FACTOR_10_90 = 2.7726056055079149;

/**
 * The normal-model factor that maps a raw score over the percentile range [lo, hi] onto Tukey's
 * scale: for normal data, the point at Tukey's upper fence (Q3 + 1.5·IQR) scores 1.5. Upper and
 * lower sides differ only when the percentiles are not symmetric.
 */
function normalModelFactors(lo: number, hi: number): { upper: number; lower: number } {
  const zLow = normalQuantile(lo / 100);
  const zHigh = normalQuantile(hi / 100);
  const fence = 4 * normalQuantile(0.75); // Q3 + 1.5 (Q3 − Q1) in standard units.
  return {
    upper: (1.5 * (zHigh - zLow)) / (fence - zHigh),
    lower: (1.5 * (zHigh - zLow)) / (fence + zLow),
  };
}

const DEFAULT_MODEL = normalModelFactors(10, 90);
const factorCache = new Map<string, { upper: number; lower: number }>();

/** The score factors for ctukey with the given percentiles, anchored on Kusto's 10/90 factor. */
export function ctukeyFactors(lo: number, hi: number): { upper: number; lower: number } {
  const key = `${lo}/${hi}`;
  let factors = factorCache.get(key);
  if (factors === undefined) {
    const model = normalModelFactors(lo, hi);
    factors = {
      upper: (KUSTO_CTUKEY_FACTOR_10_90 * model.upper) / DEFAULT_MODEL.upper,
      lower: (KUSTO_CTUKEY_FACTOR_10_90 * model.lower) / DEFAULT_MODEL.lower,
    };
    if (factorCache.size < 256) factorCache.set(key, factors);
  }
  return factors;
}

/** A problem with the options, in words for an error message; null when they are valid. */
export function outlierOptionsProblem(options: OutlierOptions): string | null {
  if (options.kind !== 'ctukey') return null;
  const { minPercentile: lo, maxPercentile: hi } = options;
  if (!(lo >= 2 && lo <= 98) || !(hi >= 2 && hi <= 98))
    return `min_percentile and max_percentile must be in the range [2.0, 98.0] (got ${lo} and ${hi}).`;
  if (lo >= hi) return `min_percentile (${lo}) must be below max_percentile (${hi}).`;
  return null;
}

function usable(v: number | null | undefined, ignore: number | null): v is number {
  return v !== null && v !== undefined && Number.isFinite(v) && v !== ignore;
}

/**
 * The score of every point. Percentiles are taken over the first `referenceLength` points (all by
 * default): series_decompose_anomalies learns them from the points before its test points.
 */
export function outlierScores(
  values: readonly (number | null)[],
  options: OutlierOptions = DEFAULT_OUTLIER_OPTIONS,
  referenceLength = values.length,
): number[] {
  const reference: number[] = [];
  for (let i = 0; i < Math.min(referenceLength, values.length); i++) {
    const v = values[i];
    if (usable(v, options.ignore)) reference.push(v);
  }
  if (reference.length === 0) return values.map(() => 0);
  reference.sort((a, b) => a - b);
  const tukey = options.kind === 'tukey';
  const lo = tukey ? 25 : options.minPercentile;
  const hi = tukey ? 75 : options.maxPercentile;
  const pLow = percentileLinear(reference, lo);
  const pHigh = percentileLinear(reference, hi);
  const range = pHigh - pLow;
  const factors = tukey ? { upper: 1, lower: 1 } : ctukeyFactors(lo, hi);
  return values.map((v) => {
    if (!usable(v, options.ignore)) return 0;
    if (v > pHigh) return ((v - pHigh) / range) * factors.upper;
    if (v < pLow) return ((v - pLow) / range) * factors.lower;
    return 0;
  });
}

/** Reads an AD/outlier method name; null when it is not one Kusto knows. */
export function parseOutlierKind(text: string): OutlierKind | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'ctukey') return 'ctukey';
  if (t === 'tukey') return 'tukey';
  return null;
}

export function unknownKindMessage(name: string, text: string): string {
  return `${name}(): unknown outlier detection method '${text}'; expected 'ctukey' or 'tukey'.`;
}

function bindOutliers(args: readonly ArgInfo[], name: string) {
  if (!canHoldSeries(args[0]!.type))
    return failure(`${name}(): argument 1 must be a dynamic array of numbers, got ${args[0]!.type}.`, 0);
  if (args[1] && args[1].type !== 'string')
    return failure(`${name}(): argument 2 (kind) must be a string, got ${args[1].type}.`, 1);
  for (let i = 2; i < args.length; i++) {
    if (!isNumeric(args[i]!.type))
      return failure(`${name}(): argument ${i + 1} must be a number, got ${args[i]!.type}.`, i);
  }
  const series = seriesReader(args[0]!);
  const kindText = args[1] ? asString(args[1].type) : () => '';
  const ignore = args[2] ? asReal(args[2].type) : () => null;
  const low = args[3] ? asReal(args[3].type) : () => null;
  const high = args[4] ? asReal(args[4].type) : () => null;
  const optionsOf = (a: readonly ScalarValue[]): OutlierOptions | string => {
    const text = kindText(a[1] ?? '');
    const kind = parseOutlierKind(text);
    if (kind === null) return unknownKindMessage(name, text);
    const options: OutlierOptions = {
      kind,
      ignore: ignore(a[2] ?? null),
      minPercentile: low(a[3] ?? null) ?? DEFAULT_OUTLIER_OPTIONS.minPercentile,
      maxPercentile: high(a[4] ?? null) ?? DEFAULT_OUTLIER_OPTIONS.maxPercentile,
    };
    const problem = outlierOptionsProblem(options);
    return problem === null ? options : `${name}(): ${problem}`;
  };
  // Constant options are checked once, so a bad kind or percentile fails at bind time.
  if (args.slice(1).every(isConstant)) {
    const fixed = optionsOf(args.map((a) => a.constant ?? null));
    if (typeof fixed === 'string') return failure(fixed);
  }
  return bound('dynamic', (a) => {
    const s = series(a[0]!);
    if (s === null) return null;
    const options = optionsOf(a);
    if (typeof options === 'string') throw new ScalarRuntimeError(options);
    return outlierScores(s, options);
  });
}

export const seriesOutlierFunctions: FunctionTable = {
  series_outliers: def(1, 5, bindOutliers),
};
