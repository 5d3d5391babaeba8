/**
 * The series_* family, gathered from its modules: element-wise math and comparisons, gap
 * filling, reductions, linear filters, fitting, and seasonality/anomaly analysis. Multi-value
 * functions (series_stats, series_fit_line, ...) are listed apart: see ./multi-value.ts.
 */
import type { MultiValueFunctionTable } from './multi-value.js';
import type { FunctionTable } from './registry.js';
import { seriesAnalysisMultiValue } from './series-analysis.js';
import { seriesElementwiseFunctions } from './series-elementwise.js';
import { seriesFillFunctions } from './series-fill.js';
import { seriesFilterFunctions } from './series-filters.js';
import { seriesFitFunctions, seriesFitMultiValue } from './series-fit.js';
import { seriesReductionFunctions, seriesStatsMultiValue } from './series-reductions.js';
import { seriesSeasonalFunctions } from './series-seasonal.js';

export const seriesFunctions: FunctionTable = {
  ...seriesElementwiseFunctions,
  ...seriesFillFunctions,
  ...seriesReductionFunctions,
  ...seriesFilterFunctions,
  ...seriesFitFunctions,
  ...seriesSeasonalFunctions,
};

export const seriesMultiValueFunctions: MultiValueFunctionTable = {
  ...seriesStatsMultiValue,
  ...seriesFitMultiValue,
  ...seriesAnalysisMultiValue,
};
