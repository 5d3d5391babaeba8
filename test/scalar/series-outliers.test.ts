// series_outliers: Tukey's fence scores. The first case is the series and the scores the Kusto
// team published when asked how the score is computed (p10 = 2.7, p90 = 11 by linear
// interpolation, scores scaled by Kusto's 10/90 factor); the rest are worked by hand.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ctukeyFactors,
  normalQuantile,
  outlierScores,
  percentileLinear,
} from '../../src/engine/scalar/functions/series-outliers.js';
import { approx, bindErrors, table } from './function-table.js';
import { dyn, int, real, str } from './support.js';

const published = [-3, 2.4, 15, 3.9, 5, 6, 4.5, 5.2, 3, 4, 5, 16, 7, 5, 5, 4];
const publishedScores = [
  -1.9040785483608571, -0.10021466044004519, 1.3361954725339347, 0, 0, 0, 0, 0, 0, 0, 0, 1.6702443406674186,
  0, 0, 0, 0,
];

// Tukey (25/75) on 1..9, 100: p25 = 3.25, p75 = 7.75, IQR = 4.5.
const tukeyInput = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
const tukeyScores = [-2.25 / 4.5, -1.25 / 4.5, -0.25 / 4.5, 0, 0, 0, 0, 0.25 / 4.5, 1.25 / 4.5, 92.25 / 4.5];

table('series_outliers', [
  [[dyn(JSON.stringify(published))], publishedScores.map((s) => approx(s, 1e-15)), 'dynamic'],
  [[dyn(JSON.stringify(published)), str('ctukey')], publishedScores.map((s) => approx(s, 1e-15))],
  [[dyn(JSON.stringify(tukeyInput)), str('tukey')], tukeyScores.map((s) => (s === 0 ? 0 : approx(s)))],
  // tukey ignores the percentile arguments.
  [
    [dyn(JSON.stringify(tukeyInput)), str('tukey'), real(null), int(5), int(95)],
    tukeyScores.map((s) => (s === 0 ? 0 : approx(s))),
  ],
  // Nulls and non-numbers score 0 and stay out of the percentiles: same scores as without them.
  [
    [dyn(JSON.stringify([null, ...tukeyInput.slice(0, 5), 'x', ...tukeyInput.slice(5)])), str('tukey')],
    [0, ...tukeyScores.slice(0, 5), 0, ...tukeyScores.slice(5)].map((s) => (s === 0 ? 0 : approx(s))),
  ],
  // The ignore value marks missing points the same way.
  [
    [dyn(JSON.stringify([-1, ...tukeyInput, -1])), str('tukey'), int(-1)],
    [0, ...tukeyScores, 0].map((s) => (s === 0 ? 0 : approx(s))),
  ],
  [[dyn('[]')], []],
  [[dyn('[null, null]')], [0, 0]],
  [[dyn('null')], null],
  // A series in a string; p10 = 1.2, p90 = 2.8, so the ends score ∓0.2/1.6 × Kusto's factor.
  [
    [str('[1, 2, 3]')],
    [approx((-0.2 / 1.6) * 2.7726056055079149), 0, approx((0.2 / 1.6) * 2.7726056055079149)],
  ],
  // No spread between the percentiles: a point beyond them is infinitely far.
  [
    [dyn(JSON.stringify([...new Array<number>(20).fill(5), 50]))],
    [...new Array<number>(20).fill(0), Infinity],
  ],
]);

bindErrors('series_outliers', [
  [[dyn('[1,2]'), str('fence')], /unknown outlier detection method 'fence'/],
  [[dyn('[1,2]'), str('ctukey'), real(null), int(1), int(90)], /range \[2\.0, 98\.0\]/],
  [[dyn('[1,2]'), str('ctukey'), real(null), int(10), int(99)], /range \[2\.0, 98\.0\]/],
  [[dyn('[1,2]'), str('ctukey'), real(null), int(60), int(40)], /must be below max_percentile/],
  [[int(3)], /argument 1 must be a dynamic array/],
  [[dyn('[1,2]'), int(1)], /kind\) must be a string/],
  [[dyn('[1,2]'), str('tukey'), str('0')], /argument 3 must be a number/],
]);

describe('series_outliers building blocks', () => {
  test('percentiles interpolate linearly between ranks', () => {
    const sorted = [...published].sort((a, b) => a - b);
    assert.equal(percentileLinear(sorted, 10), 2.7);
    assert.equal(percentileLinear(sorted, 90), 11);
    assert.equal(percentileLinear([4], 90), 4);
    assert.equal(percentileLinear([1, 2], 100), 2);
  });
  test('normal quantiles', () => {
    assert.ok(Math.abs(normalQuantile(0.75) - 0.6744897501960817) < 1e-12);
    assert.ok(Math.abs(normalQuantile(0.9) - 1.2815515655446004) < 1e-12);
    assert.ok(Math.abs(normalQuantile(0.5)) < 1e-15);
  });
  test("the 10/90 factor is Kusto's; other percentiles follow the normal model", () => {
    assert.deepEqual(ctukeyFactors(10, 90), { upper: 2.7726056055079149, lower: 2.7726056055079149 });
    // 25/75 is Tukey's own range: the model factor there is 1, so the anchored factor is
    // Kusto's 10/90 factor over the model's 10/90 factor (2.7143705...).
    const f = ctukeyFactors(25, 75);
    assert.ok(Math.abs(f.upper - 2.7726056055079149 / 2.7143705977391) < 1e-9);
    // Asymmetric percentiles scale each side by its own distance to the fence: the 5th
    // percentile is nearer Tukey's lower fence than the 90th is to the upper one.
    const skew = ctukeyFactors(5, 90);
    assert.ok(skew.lower > skew.upper);
  });
  test('scores against a reference prefix (series_decompose_anomalies test points)', () => {
    // Percentiles of [1..9] only: p10 = 1.8, p90 = 8.2; 100 is far above, 0 below.
    const s = outlierScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 0], undefined, 9);
    const factor = 2.7726056055079149;
    assert.ok(Math.abs(s[9]! - ((100 - 8.2) / 6.4) * factor) < 1e-9);
    assert.ok(Math.abs(s[10]! - ((0 - 1.8) / 6.4) * factor) < 1e-9);
  });
  test('NaN and infinities are not numbers to score', () => {
    const tukey = { kind: 'tukey', ignore: null, minPercentile: 10, maxPercentile: 90 } as const;
    assert.deepEqual(outlierScores([NaN, Infinity, 1, 2, 3, -Infinity], tukey), [
      0,
      0,
      ...outlierScores([1, 2, 3], tukey),
      0,
    ]);
  });
});
