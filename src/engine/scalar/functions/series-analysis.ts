/**
 * The time-series analysis functions: outlier scoring, decomposition (anomalies, forecast),
 * period detection, two-segment regression and the Fourier transform. Single-value functions are
 * listed here for the scalar registry; the multi-value ones (./multi-value.ts) are gathered by
 * ./series.ts with the rest of the family's.
 */
import type { MultiValueFunctionTable } from './multi-value.js';
import type { FunctionTable } from './registry.js';
import { seriesTwoLinesFunctions, seriesTwoLinesMultiValue } from './series-2lines.js';
import { seriesDecomposeFunctions, seriesDecomposeMultiValue } from './series-decompose.js';
import { seriesFftMultiValue } from './series-fft.js';
import { seriesOutlierFunctions } from './series-outliers.js';
import { seriesPeriodsMultiValue } from './series-periods.js';

export const seriesAnalysisFunctions: FunctionTable = {
  ...seriesOutlierFunctions,
  ...seriesDecomposeFunctions,
  ...seriesTwoLinesFunctions,
};

export const seriesAnalysisMultiValue: MultiValueFunctionTable = {
  ...seriesDecomposeMultiValue,
  ...seriesPeriodsMultiValue,
  ...seriesFftMultiValue,
  ...seriesTwoLinesMultiValue,
};
