/**
 * Series decomposition (series-decompose-function.md) and what is built on it: the multi-value
 * series_decompose and series_decompose_anomalies, and series_decompose_forecast.
 *
 * The documented order: the seasonal component is the median of the points in the same phase
 * (../series-seasonal.ts); the trend is extracted from the deseasonalised series as its average
 * (`avg`, the default), its least-squares line (`linefit`, x = 1..n as series_fit_line) or 0
 * (`none`); baseline = seasonal + trend; residual = x − baseline. The last Test_points points are
 * left out of the learning: medians, the average and the line come from the points before them
 * and are extended over them (the line is extrapolated), which is what the forecast returns.
 *
 * Seasonality −1 (the default) detects the period on the learning points with the scoring of
 * ./series-periods.ts, after removing their least-squares line: the best whole period between 4
 * points and half the series, when its score reaches Seasonality_threshold (0.6 by default);
 * otherwise there is no seasonal component.
 *
 * Anomalies (series-decompose-anomalies-function.md): ad_score is series_outliers() of the
 * residual, its percentiles taken over the learning points, and ad_flag is +1 / −1 where the score
 * is above Threshold / below −Threshold, else 0. Null, non-numeric and non-finite points are left
 * out of every estimate; their residual is null and their score and flag 0.
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import { ScalarRuntimeError } from '../api.js';
import type { ArgInfo, BindResult } from '../api.js';
import { asIndex, asReal, asString, bound, failure, isConstant, isNumeric } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { type FunctionTable, def } from './registry.js';
import { fitPolynomial } from './series-fit.js';
import {
  DEFAULT_OUTLIER_OPTIONS,
  type OutlierKind,
  outlierScores,
  parseOutlierKind,
  unknownKindMessage,
} from './series-outliers.js';
import { MIN_PERIOD, detectPeriods, finiteOrNull } from './series-periods.js';
import { seasonalComponent } from './series-seasonal.js';
import { canHoldSeries, seriesReader } from './series-support.js';

export type TrendKind = 'avg' | 'linefit' | 'none';

export interface DecomposeOptions {
  /** −1: detect; 0: none; a positive number of bins. */
  readonly seasonality: number;
  readonly trend: TrendKind;
  readonly testPoints: number;
  readonly seasonalityThreshold: number;
}

export const DEFAULT_DECOMPOSE_OPTIONS: DecomposeOptions = {
  seasonality: -1,
  trend: 'avg',
  testPoints: 0,
  seasonalityThreshold: 0.6,
};

export interface Decomposition {
  readonly baseline: number[];
  readonly seasonal: number[];
  readonly trend: number[];
  readonly residual: (number | null)[];
  /** The period used (0 for none); not an output column, but tests and callers read it. */
  readonly period: number;
  /** How many leading points the model learned from. */
  readonly learningLength: number;
}

/** The period to extract: the given one, or the detected one for −1 (0 when none qualifies). */
export function seasonalPeriod(learning: readonly (number | null)[], options: DecomposeOptions): number {
  if (options.seasonality >= 0) return Math.floor(options.seasonality);
  // A trend shifts every cycle from the one before and hides the period from the phase profile;
  // detection scores the points around their least-squares line (the page's trend examples still
  // find the weekly period).
  const x = Array.from({ length: learning.length }, (_, i) => i + 1);
  const line = fitPolynomial(learning, x, 1);
  const level = line === null ? learning : learning.map((v, i) => (v === null ? null : v - line.fit[i]!));
  const best = detectPeriods(level, MIN_PERIOD, learning.length / 2, 1, options.seasonalityThreshold);
  return best.periods[0] ?? 0;
}

function trendOf(deseasonal: readonly (number | null)[], length: number, kind: TrendKind): number[] {
  if (kind === 'none') return new Array<number>(length).fill(0);
  const known = deseasonal.filter((v): v is number => v !== null);
  if (known.length === 0) return new Array<number>(length).fill(0);
  const average = known.reduce((s, v) => s + v, 0) / known.length;
  if (kind === 'linefit') {
    const x = Array.from({ length: deseasonal.length }, (_, i) => i + 1);
    const fit = fitPolynomial(deseasonal, x, 1);
    if (fit !== null) {
      const [slope, interception] = fit.coefficients as [number, number];
      return Array.from({ length }, (_, i) => interception + slope * (i + 1));
    }
  }
  // `avg`, and a line through fewer than two points, which is its own average.
  return new Array<number>(length).fill(average);
}

export function decompose(
  values: readonly (number | null)[],
  options: DecomposeOptions = DEFAULT_DECOMPOSE_OPTIONS,
): Decomposition {
  const n = values.length;
  const clean = finiteOrNull(values);
  const learningLength = Math.max(0, n - Math.max(0, Math.floor(options.testPoints)));
  const learning = clean.slice(0, learningLength);
  const period = seasonalPeriod(learning, options);
  // Medians from the learning points only: the test points are nulls, which the medians skip.
  const masked = learning.concat(new Array<null>(n - learningLength).fill(null));
  const seasonal = seasonalComponent(masked, period).map((v) => v ?? 0);
  const deseasonal = learning.map((v, i) => (v === null ? null : v - seasonal[i]!));
  const trend = trendOf(deseasonal, n, options.trend);
  const baseline = seasonal.map((s, i) => s + trend[i]!);
  const residual = clean.map((v, i) => (v === null ? null : v - baseline[i]!));
  return { baseline, seasonal, trend, residual, period, learningLength };
}

export interface Anomalies {
  readonly flags: number[];
  readonly scores: number[];
  readonly baseline: number[];
}

export function decomposeAnomalies(
  values: readonly (number | null)[],
  threshold: number,
  options: DecomposeOptions,
  method: OutlierKind,
): Anomalies {
  const d = decompose(values, options);
  const scores = outlierScores(d.residual, { ...DEFAULT_OUTLIER_OPTIONS, kind: method }, d.learningLength);
  const flags = scores.map((s) => (s > threshold ? 1 : s < -threshold ? -1 : 0));
  return { flags, scores, baseline: d.baseline };
}

// ---- Binding ----

/** How each optional argument is read, in the function's argument order. */
type ArgRole =
  'threshold' | 'seasonality' | 'trend' | 'testPoints' | 'points' | 'method' | 'seasonalityThreshold';

interface Settings {
  readonly options: DecomposeOptions;
  readonly threshold: number;
  readonly method: OutlierKind;
}

const DEFAULT_SETTINGS: Settings = { options: DEFAULT_DECOMPOSE_OPTIONS, threshold: 1.5, method: 'ctukey' };

function parseTrend(text: string): TrendKind | null {
  const t = text.trim().toLowerCase();
  if (t === '') return 'avg';
  return t === 'avg' || t === 'linefit' || t === 'none' ? t : null;
}

type Reader = (a: readonly ScalarValue[]) => Settings | string;

/**
 * Binds the optional arguments (positions 1.. in `roles`) to a reader of the settings; a null
 * argument takes its default. Returns a bind failure for an argument of the wrong type.
 */
function settingsReader(
  name: string,
  args: readonly ArgInfo[],
  roles: readonly ArgRole[],
): Reader | BindResult {
  const steps: ((a: readonly ScalarValue[], s: Settings) => Settings | string)[] = [];
  for (let k = 0; k < roles.length && k + 1 < args.length; k++) {
    const role = roles[k]!;
    const index = k + 1;
    const arg = args[index]!;
    const textual = role === 'trend' || role === 'method';
    if (textual ? arg.type !== 'string' : !isNumeric(arg.type))
      return failure(
        `${name}(): argument ${index + 1} (${role}) must be ${textual ? 'a string' : 'a number'}, got ${arg.type}.`,
        index,
      );
    if (textual) {
      const read = asString(arg.type);
      steps.push((a, s) => {
        const text = read(a[index] ?? '');
        if (role === 'trend') {
          const trend = parseTrend(text);
          if (trend === null)
            return `${name}(): unknown trend '${text}'; expected 'avg', 'linefit' or 'none'.`;
          return { ...s, options: { ...s.options, trend } };
        }
        const method = parseOutlierKind(text);
        return method === null ? unknownKindMessage(name, text) : { ...s, method };
      });
      continue;
    }
    const whole = role === 'seasonality' || role === 'testPoints' || role === 'points';
    const read = whole ? asIndex(arg.type) : asReal(arg.type);
    steps.push((a, s) => {
      const v = read(a[index] ?? null);
      // series_decompose_forecast's Points is required; any other null argument takes its default.
      if (v === null && role === 'points')
        return `${name}(): the number of points to forecast must be a number, got null.`;
      if (v === null) return s;
      switch (role) {
        case 'threshold':
          return { ...s, threshold: v };
        case 'seasonality':
          if (v < -1)
            return `${name}(): seasonality must be -1 (detect), 0 (none) or a positive number of bins, got ${v}.`;
          return { ...s, options: { ...s.options, seasonality: v } };
        case 'testPoints':
        case 'points':
          if (v < 0)
            return `${name}(): the number of ${role === 'points' ? 'points to forecast' : 'test points'} must not be negative, got ${v}.`;
          return { ...s, options: { ...s.options, testPoints: v } };
        default:
          return { ...s, options: { ...s.options, seasonalityThreshold: v } };
      }
    });
  }
  const reader: Reader = (a) => {
    let s: Settings | string = DEFAULT_SETTINGS;
    for (const step of steps) {
      s = step(a, s);
      if (typeof s === 'string') return s;
    }
    return s;
  };
  // Constant settings are checked once, so a bad trend or method fails at bind time.
  if (args.slice(1).every(isConstant)) {
    const fixed = reader(args.map((a) => a.constant ?? null));
    if (typeof fixed === 'string') return failure(fixed);
  }
  return reader;
}

/** Binds a decomposition function: the series check, then its settings, then `compute`. */
function bindDecomposing(
  name: string,
  args: readonly ArgInfo[],
  roles: readonly ArgRole[],
  compute: (series: (number | null)[], settings: Settings) => ScalarValue,
  onNull: ScalarValue,
): BindResult {
  if (!canHoldSeries(args[0]!.type))
    return failure(`${name}(): argument 1 must be a dynamic array of numbers, got ${args[0]!.type}.`, 0);
  const reader = settingsReader(name, args, roles);
  if (typeof reader !== 'function') return reader;
  const series = seriesReader(args[0]!);
  return bound('dynamic', (a) => {
    const s = series(a[0]!);
    if (s === null) return onNull;
    const settings = reader(a);
    if (typeof settings === 'string') throw new ScalarRuntimeError(settings);
    return compute(s, settings);
  });
}

const DECOMPOSE_ROLES: ArgRole[] = ['seasonality', 'trend', 'testPoints', 'seasonalityThreshold'];
const ANOMALIES_ROLES: ArgRole[] = [
  'threshold',
  'seasonality',
  'trend',
  'testPoints',
  'method',
  'seasonalityThreshold',
];

export const seriesDecomposeMultiValue: MultiValueFunctionTable = {
  series_decompose: {
    minArgs: 1,
    maxArgs: 5,
    outputs: outputs(
      ['baseline', 'dynamic'],
      ['seasonal', 'dynamic'],
      ['trend', 'dynamic'],
      ['residual', 'dynamic'],
    ),
    bind: (args, name) =>
      bindDecomposing(
        name,
        args,
        DECOMPOSE_ROLES,
        (s, { options }) => {
          const d = decompose(s, options);
          return [d.baseline, d.seasonal, d.trend, d.residual] as DynamicValue[];
        },
        [null, null, null, null],
      ),
  },
  series_decompose_anomalies: {
    minArgs: 1,
    maxArgs: 7,
    outputs: outputs(['ad_flag', 'dynamic'], ['ad_score', 'dynamic'], ['baseline', 'dynamic']),
    bind: (args, name) =>
      bindDecomposing(
        name,
        args,
        ANOMALIES_ROLES,
        (s, { options, threshold, method }) => {
          const r = decomposeAnomalies(s, threshold, options, method);
          return [r.flags, r.scores, r.baseline];
        },
        [null, null, null],
      ),
  },
};

export const seriesDecomposeFunctions: FunctionTable = {
  // series_decompose_forecast(Series, Points [, Seasonality, Trend, Seasonality_threshold]): the
  // baseline learned without the last Points points, which it forecasts.
  series_decompose_forecast: def(2, 5, (args, name) =>
    bindDecomposing(
      name,
      args,
      ['points', 'seasonality', 'trend', 'seasonalityThreshold'],
      (s, { options }) => decompose(s, options).baseline,
      null,
    ),
  ),
};
