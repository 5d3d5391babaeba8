// series_periods_detect and series_periods_validate (multi-value): the reference pages' traffic
// series, plus exact repetitions, flat and short series, nulls and out-of-range periods.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import type { ArgInfo } from '../../src/engine/scalar/api.js';
import { seriesMultiValueFunctions } from '../../src/engine/scalar/functions/series.js';
import { detectPeriods, periodScore } from '../../src/engine/scalar/functions/series-periods.js';
import type { ScalarValue } from '../../src/types/scalar.js';
import { ctx } from './support.js';

// series-periods-detect-function.md / series-periods-validate-function.md: a month of traffic in
// 12-hour bins.
const traffic = [
  80, 139, 87, 110, 68, 54, 50, 51, 53, 133, 86, 141, 97, 156, 94, 149, 95, 140, 77, 61, 50, 54, 47, 133, 72,
  152, 94, 148, 105, 162, 101, 160, 87, 63, 53, 55, 54, 151, 103, 189, 108, 183, 113, 175, 113, 178, 90, 71,
  62, 62, 65, 165, 109, 181, 115, 182, 121, 178, 114, 170,
];

function evaluate(name: string, args: ScalarValue[], infos: ArgInfo[]): unknown[] {
  const def = seriesMultiValueFunctions[name]!;
  assert.ok(args.length >= def.minArgs && args.length <= def.maxArgs, 'argument count');
  const b = def.bind(infos, name);
  if (isBindFailure(b)) assert.fail(b.error);
  return b.evaluate(args, ctx) as unknown[];
}

const detect = (series: unknown, min: number, max: number, count: number) =>
  evaluate(
    'series_periods_detect',
    [series as ScalarValue, min, max, BigInt(count)],
    [{ type: 'dynamic' }, { type: 'real' }, { type: 'real' }, { type: 'long' }],
  );

const validate = (series: unknown, ...periods: number[]) =>
  evaluate(
    'series_periods_validate',
    [series as ScalarValue, ...periods],
    [{ type: 'dynamic' }, ...periods.map(() => ({ type: 'real' as const }))],
  );

/** The docs print scores truncated to two digits. */
const truncated = (x: unknown) => Math.trunc((x as number) * 100) / 100;

describe('series_periods_detect', () => {
  test('outputs periods and periods_scores (the page names them ..._periods, ..._periods_scores)', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_periods_detect']!.outputs.map((o) => o.name),
      ['periods', 'periods_scores'],
    );
  });
  test("the page's example: [14, 0] with scores [0.84, 0]", () => {
    const [periods, scores] = detect(traffic, 0, 50, 2) as [number[], number[]];
    assert.deepEqual(periods, [14, 0]);
    assert.deepEqual(scores.map(truncated), [0.84, 0]);
  });
  const repeated = (cycle: number[], times: number) => Array.from({ length: times }, () => cycle).flat();
  const cases: [
    name: string,
    series: unknown,
    min: number,
    max: number,
    count: number,
    periods: unknown,
    scores: unknown,
  ][] = [
    ['an exact repetition scores 1', repeated([1, 5, 2, 8, 3], 6), 0, 100, 1, [5], [1]],
    // 10 repeats 5's profile: it is a multiple, not a second period.
    ['multiples are not reported', repeated([1, 5, 2, 8, 3], 6), 0, 100, 3, [5, 0, 0], [1, 0, 0]],
    ['the range excludes the period', repeated([1, 5, 2, 8, 3], 6), 6, 9, 1, [0], [0]],
    // Period 3 is too short, and 10 points leave only 4 and 5 to search.
    ['periods under 4 points are not searched', [...repeated([1, 9, 4], 3), 1], 0, 100, 1, [0], [0]],
    ['a flat series has no period', new Array(40).fill(7), 0, 20, 2, [0, 0], [0, 0]],
    ['an empty series', [], 0, 10, 1, [0], [0]],
    ['no slots', traffic, 0, 50, 0, [], []],
    ['a null series', null, 0, 50, 2, null, null],
  ];
  for (const [name, series, min, max, count, periods, scores] of cases) {
    test(name, () => {
      const [p, s] = detect(series, min, max, count);
      assert.deepEqual(p, periods);
      assert.deepEqual(s, scores);
    });
  }
  test('nulls and non-numbers are left out of the profile', () => {
    const series: unknown[] = repeated([1, 5, 2, 8, 3], 6);
    series[7] = null;
    series[13] = 'x';
    const [p, s] = detect(series, 0, 100, 1) as [number[], number[]];
    assert.deepEqual(p, [5]);
    assert.equal(s[0], 1);
  });
  test('a weekly profile in hourly bins outranks the daily one it contains', () => {
    // Weekdays and weekends differ, so 168 explains more than 24; 24 is still a period.
    const hourly = Array.from({ length: 24 * 7 * 4 }, (_, t) => {
      const weekend = Math.floor(t / 24) % 7 >= 5;
      return (weekend ? 12 : 15) + 10 * Math.sin((2 * Math.PI * t) / 24);
    });
    const [p, s] = detect(hourly, 0.8 * 24, 1.2 * 168, 2) as [number[], number[]];
    assert.deepEqual(p, [168, 24]);
    assert.ok(s[0]! > 1 - 1e-12);
    assert.ok(s[1]! > 0.9 && s[1]! < 1);
  });
});

describe('series_periods_validate', () => {
  test('outputs periods and scores', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_periods_validate']!.outputs.map((o) => o.name),
      ['periods', 'scores'],
    );
  });
  test("the page's example: [14.0, 10.0] scores [0.84, 0.0]", () => {
    const [periods, scores] = validate(traffic, 14, 10) as [number[], number[]];
    assert.deepEqual(periods, [14, 10]);
    assert.deepEqual(scores.map(truncated), [0.84, 0]);
  });
  test('periods under 4 or over half the series score 0', () => {
    const [, scores] = validate(traffic, 2, 3.9, 30, 31, 1000) as [number[], number[]];
    assert.deepEqual(scores.slice(0, 2), [0, 0]);
    assert.ok(scores[2]! >= 0);
    assert.deepEqual(scores.slice(3), [0, 0]);
  });
  test('a fractional period groups points by the whole part of i mod P', () => {
    // A cycle of 4.5 points: x[i] = the phase ⌊i mod 4.5⌋, repeated exactly.
    const series = Array.from({ length: 45 }, (_, i) => Math.floor(i % 4.5));
    const [, scores] = validate(series, 4.5) as [number[], number[]];
    assert.equal(scores[0], 1);
  });
  test('a null series gives nulls; a null period scores 0', () => {
    assert.deepEqual(validate(null, 14), [null, null]);
    const out = evaluate('series_periods_validate', [traffic, null], [{ type: 'dynamic' }, { type: 'real' }]);
    assert.deepEqual(out, [[null], [0]]);
  });
  test('accepts at most 16 periods; rejects non-numeric periods', () => {
    assert.equal(seriesMultiValueFunctions['series_periods_validate']!.maxArgs, 17);
    const b = seriesMultiValueFunctions['series_periods_validate']!.bind(
      [{ type: 'dynamic' }, { type: 'string' }],
      'series_periods_validate',
    );
    assert.ok(isBindFailure(b) && /argument 2 must be a number/.test(b.error));
  });
});

describe('period score', () => {
  test('the predictive R² of the phase means', () => {
    // Period 4 over two cycles: each point is predicted by the one other point in its phase.
    const x = [1, 2, 3, 4, 3, 2, 3, 6];
    // mean 3, total variation 4+1+0+1+0+1+0+9 = 16; leave-one-out errors: 2,0,0,2 twice → 16.
    assert.equal(periodScore(x, 4), 0);
    const y = [1, 2, 3, 4, 1.5, 2, 3, 4.5];
    // mean 2.625; variation 10.375; errors ±0.5 at phases 0 and 3 → 4 × 0.25 = 1.
    assert.ok(Math.abs(periodScore(y, 4) - (1 - 1 / 10.375)) < 1e-12);
  });
  test('detectPeriods honours its minimum score', () => {
    assert.deepEqual(detectPeriods(traffic, 0, 50, 1, 0.9), { periods: [0], scores: [0] });
  });
});
