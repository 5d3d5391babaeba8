// series_decompose, series_decompose_anomalies (multi-value) and series_decompose_forecast:
// components worked by hand, the documented component order, and the reference pages' generated
// series (weekly seasonality, outliers, an upward trend) with a seeded generator in place of
// rand(), checked against what the pages say the functions find.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import type { ArgInfo } from '../../src/engine/scalar/api.js';
import { seriesMultiValueFunctions } from '../../src/engine/scalar/functions/series.js';
import { decompose } from '../../src/engine/scalar/functions/series-decompose.js';
import { outlierScores } from '../../src/engine/scalar/functions/series-outliers.js';
import { bindFunction } from '../../src/engine/scalar/index.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { approx, bindErrors, table } from './function-table.js';
import { ctx, dyn, int, long, real, str } from './support.js';

type Typed = [ScalarValue, ScalarType];

function evaluate(name: string, ...args: Typed[]): unknown[] {
  const def = seriesMultiValueFunctions[name]!;
  assert.ok(args.length >= def.minArgs && args.length <= def.maxArgs, 'argument count');
  const infos: ArgInfo[] = args.map(([, type]) => ({ type }));
  const b = def.bind(infos, name);
  if (isBindFailure(b)) assert.fail(b.error);
  const out = b.evaluate(
    args.map(([v]) => v),
    ctx,
  ) as unknown[];
  assert.equal(out.length, def.outputs.length);
  return out;
}

function bindError(name: string, ...args: Typed[]): string {
  const b = seriesMultiValueFunctions[name]!.bind(
    args.map(([v, type]) => ({ type, constant: v })),
    name,
  );
  assert.ok(isBindFailure(b), 'expected a bind failure');
  return b.error;
}

const series = (values: unknown[]): Typed => [values as ScalarValue, 'dynamic'];
const close = (actual: unknown, expected: (number | null)[]) => {
  const a = actual as (number | null)[];
  assert.equal(a.length, expected.length);
  expected.forEach((e, i) => {
    if (e === null) return assert.equal(a[i], null, `[${i}]`);
    assert.ok(Math.abs((a[i] as number) - e) < 1e-9, `[${i}]: expected ${e}, got ${String(a[i])}`);
  });
};

/**
 * The pages' example series: hourly points t = 1..24·7·weeks with a weekday/weekend level, an
 * hour-of-day dip, optionally the trend t/72, dips at 150, 200, 780 and spikes at 300, 400, 600.
 * Kusto's rand() is replaced by a seeded linear congruential generator.
 */
function pagesSeries(seed: number, withTrend: boolean, weeks = 5): number[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const y: number[] = [];
  for (let t = 1; t <= 24 * 7 * weeks; t++) {
    const weekend = Math.floor(t / 24) % 7 >= 5;
    let v = 2 * rand() + (weekend ? (withTrend ? 5 : 10) : 15) - Math.floor((t % 24) / 10) ** 2;
    if (withTrend) v += t / 72;
    if (t === 150 || t === 200 || t === 780) v -= 8;
    if (t === 300 || t === 400 || t === 600) v += 8;
    y.push(v);
  }
  return y;
}
const DIPS = [150, 200, 780];
const SPIKES = [300, 400, 600];
const INSERTED = [...DIPS, ...SPIKES].sort((a, b) => a - b);
/** Positions t (1-based, as the pages' t) whose flag is set. */
const flagged = (flags: unknown) => (flags as number[]).flatMap((f, i) => (f !== 0 ? [i + 1] : []));

describe('series_decompose', () => {
  test('outputs baseline, seasonal, trend, residual', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_decompose']!.outputs.map((o) => o.name),
      ['baseline', 'seasonal', 'trend', 'residual'],
    );
  });
  const x = [1, 3, 5, 1, 3, 5, 2, 4, 6];
  // Phase medians of x for period 3: 1, 3, 5.
  const seasonal = [1, 3, 5, 1, 3, 5, 1, 3, 5];
  const cases: [
    name: string,
    args: Typed[],
    baseline: number[],
    seas: number[],
    trend: number[],
    residual: (number | null)[],
  ][] = [
    [
      "period 3, trend 'none': the seasonal medians are the baseline",
      [series(x), [3n, 'long'], ['none', 'string']],
      seasonal,
      seasonal,
      new Array(9).fill(0),
      [0, 0, 0, 0, 0, 0, 1, 1, 1],
    ],
    [
      "period 3, trend 'avg': the deseasonal average (1/3) is added",
      [series(x), [3n, 'long'], ['avg', 'string']],
      seasonal.map((s) => s + 1 / 3),
      seasonal,
      new Array(9).fill(1 / 3),
      [-1, -1, -1, -1, -1, -1, 2, 2, 2].map((r) => r / 3),
    ],
    [
      "no seasonality, 'linefit' on a line: the line itself, residual 0",
      [series([1, 3, 5, 7, 9]), [0n, 'long'], ['linefit', 'string']],
      [1, 3, 5, 7, 9],
      [0, 0, 0, 0, 0],
      [1, 3, 5, 7, 9],
      [0, 0, 0, 0, 0],
    ],
    [
      'neither seasonality nor trend: baseline 0 and residual x',
      [series([4, 8, 15]), [0n, 'long'], ['none', 'string']],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [4, 8, 15],
    ],
    [
      'test points are left out of the learning; the line is extrapolated over them',
      [series([1, 2, 3, 4, 100, 100]), [0n, 'long'], ['linefit', 'string'], [2n, 'long']],
      [1, 2, 3, 4, 5, 6],
      [0, 0, 0, 0, 0, 0],
      [1, 2, 3, 4, 5, 6],
      [0, 0, 0, 0, 95, 94],
    ],
    [
      'seasonal medians come from the learning points only',
      [series([1, 9, 1, 9, 1, 9, 50, 50]), [2n, 'long'], ['none', 'string'], [2n, 'long']],
      [1, 9, 1, 9, 1, 9, 1, 9],
      [1, 9, 1, 9, 1, 9, 1, 9],
      new Array(8).fill(0),
      [0, 0, 0, 0, 0, 0, 49, 41],
    ],
    [
      'nulls, strings and NaN are left out; their residual is null',
      [series([2, null, 4, 'x', 6]), [0n, 'long'], ['avg', 'string']],
      [4, 4, 4, 4, 4],
      [0, 0, 0, 0, 0],
      [4, 4, 4, 4, 4],
      [-2, null, 0, null, 2],
    ],
    [
      'a null argument takes its default (avg)',
      [series([2, 4, 6]), [0n, 'long'], ['', 'string']],
      [4, 4, 4],
      [0, 0, 0],
      [4, 4, 4],
      [-2, 0, 2],
    ],
    ['an empty series', [series([])], [], [], [], []],
  ];
  for (const [name, args, baseline, seas, trend, residual] of cases) {
    test(name, () => {
      const [b, s, t, r] = evaluate('series_decompose', ...args);
      close(b, baseline);
      close(s, seas);
      close(t, trend);
      close(r, residual);
    });
  }
  test('a null series gives nulls', () => {
    assert.deepEqual(evaluate('series_decompose', [null, 'dynamic']), [null, null, null, null]);
  });
  test('NaN is not learnt from', () => {
    const d = decompose([2, NaN, 4, Infinity, 6], {
      seasonality: 0,
      trend: 'avg',
      testPoints: 0,
      seasonalityThreshold: 0.6,
    });
    assert.deepEqual(d.trend, [4, 4, 4, 4, 4]);
    assert.deepEqual(d.residual, [-2, null, 0, null, 2]);
  });
  test('the components add up: baseline = seasonal + trend, residual = x − baseline', () => {
    const y = pagesSeries(7, true);
    const [b, s, t, r] = evaluate(
      'series_decompose',
      series(y),
      [-1n, 'long'],
      ['linefit', 'string'],
    ) as number[][];
    y.forEach((v, i) => {
      assert.ok(Math.abs(b[i]! - (s[i]! + t[i]!)) < 1e-9);
      assert.ok(Math.abs(r[i]! - (v - b[i]!)) < 1e-9);
    });
  });
  test("the pages' weekly series: seasonality is detected (168 hourly bins), with or without trend", () => {
    for (const withTrend of [false, true]) {
      const y = pagesSeries(3, withTrend);
      const [, seasonal] = evaluate('series_decompose', series(y)) as number[][];
      for (let i = 0; i + 168 < y.length; i++) assert.equal(seasonal[i], seasonal[i + 168]);
      assert.equal(decompose(y).period, 168);
    }
  });
  test('below the seasonality threshold there is no seasonal component', () => {
    const y = pagesSeries(3, false);
    const [, seasonal] = evaluate(
      'series_decompose',
      series(y),
      [-1n, 'long'],
      ['avg', 'string'],
      [0n, 'long'],
      [0.99, 'real'],
    ) as number[][];
    assert.ok(seasonal.every((v) => v === 0));
  });
  test('bad arguments fail at bind time', () => {
    assert.match(
      bindError('series_decompose', series([1]), [-1n, 'long'], ['cubic', 'string']),
      /unknown trend 'cubic'/,
    );
    assert.match(bindError('series_decompose', series([1]), [-2n, 'long']), /seasonality must be -1/);
    assert.match(
      bindError('series_decompose', series([1]), [0n, 'long'], ['avg', 'string'], [-1n, 'long']),
      /must not be negative/,
    );
    assert.match(
      bindError('series_decompose', series([1]), ['avg', 'string']),
      /argument 2 \(seasonality\) must be a number/,
    );
    assert.match(bindError('series_decompose', [1n, 'long']), /argument 1 must be a dynamic array/);
  });
});

describe('series_decompose_anomalies', () => {
  test('outputs ad_flag, ad_score, baseline', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_decompose_anomalies']!.outputs.map((o) => o.name),
      ['ad_flag', 'ad_score', 'baseline'],
    );
  });
  test('ad_score is series_outliers of the residual, ad_flag its threshold test', () => {
    const y = pagesSeries(11, true);
    const [, , , residual] = evaluate('series_decompose', series(y), [-1n, 'long'], ['linefit', 'string']);
    const [flags, scores, baseline] = evaluate(
      'series_decompose_anomalies',
      series(y),
      [2, 'real'],
      [-1n, 'long'],
      ['linefit', 'string'],
    ) as number[][];
    assert.deepEqual(scores, outlierScores(residual as number[]));
    flags.forEach((f, i) => assert.equal(f, scores[i]! > 2 ? 1 : scores[i]! < -2 ? -1 : 0));
    const [b] = evaluate('series_decompose', series(y), [-1n, 'long'], ['linefit', 'string']);
    assert.deepEqual(baseline, b);
  });
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`the pages' examples (seed ${seed}): weekly series, every inserted outlier flagged with its sign`, () => {
      const [flags] = evaluate('series_decompose_anomalies', series(pagesSeries(seed, false)));
      const f = flags as number[];
      for (const t of DIPS) assert.equal(f[t - 1], -1, `dip at ${t}`);
      for (const t of SPIKES) assert.equal(f[t - 1], 1, `spike at ${t}`);
    });
    test(`the pages' examples (seed ${seed}): with a trend, 'avg' misses some, 'linefit' finds all`, () => {
      const y = series(pagesSeries(seed, true));
      const [byAverage] = evaluate('series_decompose_anomalies', y);
      assert.ok(!INSERTED.every((t) => flagged(byAverage).includes(t)), "'avg' should miss some outliers");
      const [mild] = evaluate(
        'series_decompose_anomalies',
        y,
        [1.5, 'real'],
        [-1n, 'long'],
        ['linefit', 'string'],
      );
      assert.ok(
        INSERTED.every((t) => flagged(mild).includes(t)),
        `'linefit' flagged ${flagged(mild).join(',')}`,
      );
      // A higher threshold flags fewer of the other points.
      const [strong] = evaluate(
        'series_decompose_anomalies',
        y,
        [2.5, 'real'],
        [-1n, 'long'],
        ['linefit', 'string'],
      );
      const others = (f: unknown) => flagged(f).filter((t) => !INSERTED.includes(t)).length;
      assert.ok(others(strong) < others(mild) || others(mild) === 0);
    });
  }
  test('the tukey method and test points', () => {
    // Learning points 1..10 (residuals around their mean 5.5); the test point 40 is far outside.
    const y = series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40]);
    const [flags, scores] = evaluate(
      'series_decompose_anomalies',
      y,
      [1.5, 'real'],
      [0n, 'long'],
      ['avg', 'string'],
      [1n, 'long'],
      ['tukey', 'string'],
    ) as number[][];
    // Residuals x − 5.5; Tukey's quartiles of the first ten: −2.25 and 2.25, IQR 4.5.
    assert.ok(Math.abs(scores[10]! - (34.5 - 2.25) / 4.5) < 1e-12);
    assert.deepEqual(flags, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
  test('empty and null series', () => {
    assert.deepEqual(evaluate('series_decompose_anomalies', series([])), [[], [], []]);
    assert.deepEqual(evaluate('series_decompose_anomalies', [null, 'dynamic']), [null, null, null]);
    const [flags, scores] = evaluate(
      'series_decompose_anomalies',
      series([null, 1, null]),
      [1.5, 'real'],
      [0n, 'long'],
    );
    assert.deepEqual(flags, [0, 0, 0]);
    assert.deepEqual(scores, [0, 0, 0]);
  });
  test('bad method fails at bind time', () => {
    assert.match(
      bindError(
        'series_decompose_anomalies',
        series([1]),
        [1.5, 'real'],
        [-1n, 'long'],
        ['avg', 'string'],
        [0n, 'long'],
        ['iqr', 'string'],
      ),
      /unknown outlier detection method 'iqr'/,
    );
  });
});

table('series_decompose_forecast', [
  // A line learnt from four points, forecast two ahead.
  [
    [dyn('[1, 2, 3, 4, 0, 0]'), int(2), int(0), str('linefit')],
    [1, 2, 3, 4, 5, 6].map((v) => approx(v)),
    'dynamic',
  ],
  // A period of 2 repeated into the forecast (trend avg of the deseasonal zeros).
  [
    [dyn('[1, 5, 1, 5, 1, 5, 1, 5, 0, 0, 0, 0]'), long(4), long(2)],
    [1, 5, 1, 5, 1, 5, 1, 5, 1, 5, 1, 5],
  ],
  // Neither component: zeros.
  [
    [dyn('[3, 4, 0]'), int(1), int(0), str('none')],
    [0, 0, 0],
  ],
  // More points than the series: nothing to learn from.
  [
    [dyn('[3, 4]'), int(5), int(0), str('avg')],
    [0, 0],
  ],
  [[dyn('[]'), int(1)], []],
  [[dyn('null'), int(1)], null],
  [
    [dyn('[1, 2, 3]'), real(0), int(0)],
    [2, 2, 2],
  ],
]);

bindErrors('series_decompose_forecast', [
  [[dyn('[1,2]'), int(-1)], /must not be negative/],
  [[dyn('[1,2]'), str('1')], /points\) must be a number/],
  [[dyn('[1,2]'), int(1), int(0), str('quadratic')], /unknown trend 'quadratic'/],
  [[dyn('[1,2]'), int(null)], /points to forecast must be a number/],
]);

describe("series_decompose_forecast on the page's example", () => {
  test('four weeks learnt, the fifth forecast with the weekly profile', () => {
    // make-series over five weeks; the last week has no data (0).
    const learnt = pagesSeries(5, true, 4);
    const y = [...learnt, ...new Array<number>(168).fill(0)];
    const forecast = (evaluateForecast(y, 168) as number[]).slice(-168);
    // The forecast repeats the detected weekly profile (seasonal medians + the average level).
    const d = decompose(learnt, { seasonality: -1, trend: 'avg', testPoints: 0, seasonalityThreshold: 0.6 });
    assert.equal(d.period, 168);
    forecast.forEach((v, i) => assert.ok(Math.abs(v - d.baseline[i]!) < 1e-9, `hour ${i}`));
  });
});

function evaluateForecast(y: number[], points: number): ScalarValue {
  const b = bindFunction('series_decompose_forecast', [{ type: 'dynamic' }, { type: 'long' }]);
  if (isBindFailure(b)) assert.fail(b.error);
  return b.evaluate([y, BigInt(points)], ctx);
}
