// series_fit_2lines (multi-value) and series_fit_2lines_dynamic: the reference pages' series
// (a rise then a fall), exact broken lines, short series and nulls.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import { seriesMultiValueFunctions } from '../../src/engine/scalar/functions/series.js';
import type { ScalarValue } from '../../src/types/scalar.js';
import { approx, bindErrors, table } from './function-table.js';
import { ctx, dyn, int } from './support.js';

// series-fit-2lines-function.md's y. The best split starts the falling part at 12 (index 5).
// Left: x = 1..5, y = 1, 2.2, 2.5, 4.7, 5 → x̄ 3, ȳ 3.08, Sxy 10.5, Sxx 10: slope 1.05,
// interception −0.07. Right: x = 6..11, y = 12, 10.3, 10.3, 9, 8.3, 6.2 → x̄ 8.5, ȳ 9.35,
// Sxy −18.15, Sxx 17.5: slope −1.0371428571..., interception 18.1657142857....
const pagesY = [1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2];
const leftLine = (x: number) => -0.07 + 1.05 * x;
const rightSlope = -18.15 / 17.5;
const rightInterception = 9.35 - rightSlope * 8.5;
const rightLine = (x: number) => rightInterception + rightSlope * x;
const pagesFit = pagesY.map((_, i) => (i < 5 ? leftLine(i + 1) : rightLine(i + 1)));
// Residual sums of squares: left 0.723, right 0.92085714...; total variation 138.94.
const leftSse = pagesY.slice(0, 5).reduce((s, y, i) => s + (y - leftLine(i + 1)) ** 2, 0);
const rightSse = pagesY.slice(5).reduce((s, y, i) => s + (y - rightLine(i + 6)) ** 2, 0);
const mean = pagesY.reduce((s, y) => s + y, 0) / pagesY.length;
const sst = pagesY.reduce((s, y) => s + (y - mean) ** 2, 0);

function fit2(values: unknown): unknown[] {
  const def = seriesMultiValueFunctions['series_fit_2lines']!;
  const b = def.bind([{ type: 'dynamic' }], 'series_fit_2lines');
  if (isBindFailure(b)) assert.fail(b.error);
  return b.evaluate([values as ScalarValue], ctx) as unknown[];
}

describe('series_fit_2lines', () => {
  test('outputs the documented columns in order', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_fit_2lines']!.outputs.map((o) => o.name),
      [
        'rsquare',
        'split_idx',
        'variance',
        'rvariance',
        'line_fit',
        'right_rsquare',
        'right_slope',
        'right_interception',
        'right_variance',
        'right_rvariance',
        'left_rsquare',
        'left_slope',
        'left_interception',
        'left_variance',
        'left_rvariance',
      ],
    );
  });
  test("the page's series: split at index 5, both lines", () => {
    const v = fit2(pagesY);
    const near = (a: unknown, e: number, what: string) =>
      assert.ok(Math.abs((a as number) - e) < 1e-9, `${what}: ${String(a)} vs ${e}`);
    near(v[0], 1 - (leftSse + rightSse) / sst, 'rsquare');
    assert.equal(v[1], 5n);
    near(v[2], sst / 10, 'variance');
    near(v[3], (leftSse + rightSse) / 10, 'rvariance');
    (v[4] as number[]).forEach((y, i) => near(y, pagesFit[i]!, `line_fit[${i}]`));
    near(v[6], rightSlope, 'right_slope');
    near(v[7], rightInterception, 'right_interception');
    near(v[9], rightSse / 5, 'right_rvariance');
    near(v[11], 1.05, 'left_slope');
    near(v[12], -0.07, 'left_interception');
    near(v[13], 2.937, 'left_variance');
    near(v[14], leftSse / 4, 'left_rvariance');
  });
  const cases: [name: string, input: unknown, split: bigint | null, rsquare: number | null][] = [
    ['two exact lines', [0, 1, 2, 3, 4, 10, 8, 6, 4, 2], 5n, 1],
    ['a level change', [5, 5, 5, 5, 9, 9, 9, 9], 4n, 1],
    ['four points: two on each side', [1, 2, 10, 20], 2n, 1],
    ['three points cannot be split', [1, 2, 3], null, null],
    ['nulls do not count as points', [1, null, 2, 'x', 3], null, null],
    ['an empty series', [], null, null],
    ['a null series', null, null, null],
  ];
  for (const [name, input, split, rsquare] of cases) {
    test(name, () => {
      const v = fit2(input);
      assert.equal(v.length, 15);
      assert.equal(v[1], split);
      if (rsquare === null) assert.ok(v.every((x) => x === null));
      else assert.ok(Math.abs((v[0] as number) - rsquare) < 1e-12);
    });
  }
  test('nulls inside: left out of the fits, still given a fitted value', () => {
    const v = fit2([0, null, 2, 3, 10, NaN, 6, 4]);
    assert.equal(v[1], 4n);
    assert.ok(Math.abs((v[0] as number) - 1) < 1e-12);
    const line = v[4] as number[];
    assert.ok(Math.abs(line[1]! - 1) < 1e-12);
    assert.ok(Math.abs(line[5]! - 8) < 1e-12);
  });
});

table('series_fit_2lines_dynamic', [
  [
    [dyn(JSON.stringify(pagesY))],
    {
      rsquare: approx(1 - (leftSse + rightSse) / sst, 1e-9),
      split_idx: 5,
      variance: approx(sst / 10, 1e-9),
      rvariance: approx((leftSse + rightSse) / 10, 1e-9),
      line_fit: pagesFit.map((y) => approx(y, 1e-9)),
      right: {
        rsquare: approx(1 - rightSse / (3.995 * 5), 1e-9),
        slope: approx(rightSlope, 1e-9),
        interception: approx(rightInterception, 1e-9),
        variance: approx(3.995, 1e-9),
        rvariance: approx(rightSse / 5, 1e-9),
      },
      left: {
        rsquare: approx(1 - leftSse / (2.937 * 4), 1e-9),
        slope: approx(1.05, 1e-9),
        interception: approx(-0.07, 1e-9),
        variance: approx(2.937, 1e-9),
        rvariance: approx(leftSse / 4, 1e-9),
      },
    },
    'dynamic',
  ],
  [[dyn('[1, 2, 3]')], null],
  [[dyn('null')], null],
]);

bindErrors('series_fit_2lines_dynamic', [[[int(1)], /argument 1 must be a dynamic array/]]);
