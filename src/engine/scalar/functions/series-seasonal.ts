/**
 * series_seasonal(series, period): the seasonal component, each point being the median of the
 * points in the same phase of the period (the mean of the two middle ones for an even count, as
 * the reference's example gives 1.5 for phase values 1 and 2). Period 0 means no seasonality:
 * zeros. Non-numeric points are left out of the medians.
 *
 * The default period, -1, asks Kusto to detect it with series_periods_detect, whose scoring is not
 * published; kqlhunt does not guess it, and reports an error instead of returning a different
 * period than Kusto would.
 */
import { ScalarRuntimeError } from '../api.js';
import { asIndex, bound, failure, isConstant } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { canHoldSeries, seriesReader } from './series-support.js';

const AUTODETECT_UNSUPPORTED =
  'series_seasonal(): automatic period detection (period -1, the default) is not supported by kqlhunt; give the period in bins, e.g. series_seasonal(s, 24).';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function seasonalComponent(series: readonly (number | null)[], period: number): (number | null)[] {
  if (period <= 0) return series.map(() => 0);
  const medians: (number | null)[] = [];
  for (let phase = 0; phase < period; phase++) {
    const values: number[] = [];
    for (let i = phase; i < series.length; i += period) {
      const v = series[i]!;
      if (v !== null && Number.isFinite(v)) values.push(v);
    }
    medians.push(values.length === 0 ? null : median(values));
  }
  return series.map((_, i) => medians[i % period]!);
}

export const seriesSeasonalFunctions: FunctionTable = {
  series_seasonal: def(1, 2, (args, name) => {
    if (!canHoldSeries(args[0]!.type))
      return failure(`${name}(): argument 1 must be a dynamic array of numbers, got ${args[0]!.type}.`, 0);
    if (args[1] === undefined) return failure(AUTODETECT_UNSUPPORTED);
    const period = asIndex(args[1].type);
    if (isConstant(args[1]) && period(args[1].constant ?? null) === -1)
      return failure(AUTODETECT_UNSUPPORTED, 1);
    const series = seriesReader(args[0]!);
    return bound('dynamic', (a) => {
      const s = series(a[0]!);
      const p = period(a[1]!);
      if (s === null || p === null) return null;
      if (p < 0) throw new ScalarRuntimeError(AUTODETECT_UNSUPPORTED);
      return seasonalComponent(s, p);
    });
  }),
};
