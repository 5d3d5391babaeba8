// The series_* family: the reference pages' examples, plus nulls, empty arrays, ragged lengths,
// scalar broadcasting and wrong argument types.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { seriesMultiValueFunctions } from '../../src/engine/scalar/functions/series.js';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import { approx, bindErrors, table } from './function-table.js';
import { bool, ctx, dyn, int, long, nul, real, str } from './support.js';

// Element-wise math (series-abs/acos/asin/atan/log/sign/sin/tan-function.md examples).
table('series_abs', [
  [[dyn('[-6.5,0,8.2]')], [6.5, 0, 8.2], 'dynamic'],
  [[dyn('[]')], []],
  [[dyn('[1,"a",null,-2]')], [1, null, null, 2]],
  [[dyn('null')], null],
  [[dyn('{"a":1}')], null],
  [[str('[-1,2]')], [1, 2]],
]);
table('series_acos', [[[dyn('[-1,0,1]')], [approx(Math.PI), approx(1.5707963267948966), 0]]]);
table('series_asin', [[[dyn('[-1,0,1]')], [approx(-1.5707963267948966), 0, approx(1.5707963267948966)]]]);
table('series_atan', [[[dyn('[-1,0,1]')], [approx(-0.78539816339744828), 0, approx(0.78539816339744828)]]]);
table('series_log', [[[dyn('[1,2,3]')], [0, approx(0.69314718055994529), approx(1.0986122886681098)]]]);
table('series_sign', [[[dyn('[-6,0,8]')], [-1, 0, 1]]]);
table('series_sin', [[[dyn('[-1,0,1]')], [approx(-0.8414709848078965), 0, approx(0.8414709848078965)]]]);
table('series_tan', [[[dyn('[-1,0,1]')], [approx(-1.5574077246549023), 0, approx(1.5574077246549023)]]]);
table('series_cos', [[[dyn('[0]')], [1]]]);
table('series_exp', [[[dyn('[0,1]')], [1, approx(Math.E)]]]);
table('series_floor', [[[dyn('[1.5,-1.5]')], [1, -2]]]);
table('series_ceiling', [[[dyn('[1.5,-1.5]')], [2, -1]]]);

// Two operands (series-add/divide/pow/equals/greater/less...-function.md examples).
table('series_add', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [5, 4, 5],
  ],
  [
    [dyn('[2,4,8]'), dyn('[8,4,2]')],
    [10, 8, 10],
  ],
  [
    [dyn('[1,2,3]'), dyn('[1]')],
    [2, null, null],
  ],
  [
    [dyn('[1,2]'), long(10)],
    [11, 12],
  ],
  [
    [int(1), dyn('[1,2]')],
    [2, 3],
  ],
  [
    [dyn('[1,null]'), dyn('[1,1]')],
    [2, null],
  ],
  [[dyn('[]'), dyn('[]')], []],
  [[dyn('null'), dyn('[1]')], null],
]);
table('series_subtract', [
  [
    [dyn('[4,2,1]'), dyn('[1,2,4]')],
    [3, 0, -3],
  ],
]);
table('series_multiply', [
  [
    [dyn('[1,2,4]'), real(0.5)],
    [0.5, 1, 2],
  ],
]);
table('series_divide', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [0.25, 1, 4],
  ],
  [
    [dyn('[1,0]'), dyn('[0,0]')],
    [Infinity, NaN],
  ],
]);
table('series_pow', [
  [
    [dyn('[1,2,3,4]'), dyn('[1,2,3,0.5]')],
    [1, 4, 27, 2],
  ],
]);
table('series_equals', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [false, true, false],
  ],
]);
table('series_not_equals', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [true, false, true],
  ],
]);
table('series_greater', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [false, false, true],
  ],
]);
table('series_greater_equals', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [false, true, true],
  ],
]);
table('series_less', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [true, false, false],
  ],
]);
table('series_less_equals', [
  [
    [dyn('[1,2,4]'), dyn('[4,2,1]')],
    [true, true, false],
  ],
]);

bindErrors('series_add', [
  [[long(1), long(2)], /at least one argument must be a dynamic array/],
  [[dyn('[1]'), bool(true)], /argument 2 must be a dynamic array of numbers or a number, got bool/],
]);
bindErrors('series_abs', [[[long(1)], /argument 1 must be a dynamic array of numbers, got long/]]);

// Filling (series-fill-*-function.md examples).
table('series_fill_backward', [
  [[dyn('[111,null,36,41,null,null,16,61,33,null,null]')], [111, 36, 36, 41, 16, 16, 16, 61, 33, null, null]],
  [
    [dyn('[1,-1,2]'), long(-1)],
    [1, 2, 2],
  ],
  [[dyn('[]')], []],
]);
table('series_fill_forward', [
  [[dyn('[null,null,36,41,null,null,16,61,33,null,null]')], [null, null, 36, 41, 41, 41, 16, 61, 33, 33, 33]],
  [
    [dyn('[1,0,0]'), int(0)],
    [1, 1, 1],
  ],
]);
table('series_fill_const', [
  [
    [dyn('[111,null,36,41,23,null,16,61,33,null,null]'), real(0)],
    [111, 0, 36, 41, 23, 0, 16, 61, 33, 0, 0],
  ],
  [
    [dyn('[111,null,36]'), long(-1)],
    [111, -1, 36],
  ],
  [
    [dyn('[1,5,2]'), long(0), long(5)],
    [1, 0, 2],
  ],
  [
    [dyn('[1,null]'), str('x')],
    [1, 'x'],
  ],
]);
table('series_fill_linear', [
  [
    [dyn('[null,111,null,36,41,null,null,16,61,33,null,null]')],
    [111, 111, 73, 36, 41, 32, 24, 16, 61, 33, 33, 33],
  ],
  [
    [dyn('[null,111,null,36,41,null,null,16,61,33,null,null]'), nul('real'), bool(false)],
    [null, 111, 73, 36, 41, 32, 24, 16, 61, 33, null, null],
  ],
  [
    [dyn('[1.5,null,2.5,null,null,4.5]')],
    [1.5, 2, 2.5, approx(3.1666666666666665), approx(3.8333333333333335), 4.5],
  ],
  [[dyn('[null,null,null,null]')], [0, 0, 0, 0]],
  [
    [dyn('[null,null,null,null]'), nul('real'), bool(true), real(3.14159)],
    [3.14159, 3.14159, 3.14159, 3.14159],
  ],
  [
    [dyn('[null,null]'), nul('real'), bool(true), nul('real')],
    [null, null],
  ],
  [
    [dyn('[1,0,3]'), long(0)],
    [1, 2, 3],
  ],
]);

// Reductions.
table('series_sum', [
  [[dyn('[1,2,3,4]')], 10, 'real'],
  [[dyn('[1,"x",2]')], 3],
  [[dyn('[]')], 0],
  [[dyn('null')], null],
]);
table('series_product', [[[dyn('[1,2,3,4]')], 24]]);
table('series_magnitude', [[[dyn('[1,2,3,4]')], approx(5.4772255750516612)]]);
table('series_dot_product', [
  [[dyn('[1,2,4]'), dyn('[4,2,1]')], 12],
  [[dyn('[3,6,12]'), dyn('[12,6,3]')], 108],
  [[dyn('[1,2,4]'), long(1)], 7],
  [[dyn('[2,4,8]'), long(2)], 28],
  [[dyn('[1,2,3]'), dyn('[1,1]')], 3],
  [[dyn('[]'), dyn('[1]')], null],
]);
table('series_cosine_similarity', [
  [[dyn('[0.1,0.2,0.1,0.2]'), dyn('[0.11,0.2,0.11,0.21]')], approx(0.99935343825504)],
  [[dyn('[0.1,0.2,0.1,0.2]'), dyn('[1,2,3,4]')], approx(0.923760430703401)],
  [[dyn('[1,0]'), dyn('[1,0]'), real(2), real(1)], 0.5],
  [[dyn('[]'), dyn('[]')], null],
]);
table('series_pearson_correlation', [
  [[dyn('[1,2,3,4,5]'), dyn('[2,4,6,8,10]')], approx(1)],
  [[dyn('[1,2,3]'), dyn('[3,2,1]')], approx(-1)],
  [[dyn('[1,2,3]'), dyn('[3,2]')], null],
  [[dyn('[1,null,3]'), dyn('[3,2,1]')], null],
]);
table('series_stats_dynamic', [
  [
    [dyn('[23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]')],
    {
      min: 2,
      min_idx: 8,
      max: 87,
      max_idx: 3,
      avg: approx(32.8),
      stdev: approx(28.503633853548269),
      variance: approx(812.45714285714291),
      sum: 492,
      len: 15,
    },
  ],
  [
    [dyn('[1,null,3]')],
    {
      min: null,
      min_idx: null,
      max: null,
      max_idx: null,
      avg: null,
      stdev: null,
      variance: null,
      sum: null,
      len: 3,
    },
  ],
  [
    [dyn('[1,null,3]'), bool(true)],
    {
      min: 1,
      min_idx: 0,
      max: 3,
      max_idx: 2,
      avg: 2,
      stdev: approx(Math.SQRT2),
      variance: 2,
      sum: 4,
      len: 3,
    },
  ],
]);

// Filters (series-iir-function.md examples; series_fir's moving average and difference).
table('series_iir', [
  [
    [dyn('[1,2,3,4,5,6,7,8,9,10]'), dyn('[1]'), dyn('[1,-1]')],
    [1, 3, 6, 10, 15, 21, 28, 36, 45, 55],
  ],
  [
    [dyn('[0,1,2,3,4]'), dyn('[1]'), dyn('[1,-1]')],
    [0, 1, 3, 6, 10],
  ],
  [
    [dyn('[2,4]'), dyn('[1]'), dyn('[2]')],
    [1, 2],
  ],
  [[dyn('[1,2]'), dyn('[1]'), dyn('[0]')], null],
  [
    [dyn('[1,null,2]'), dyn('[1]'), dyn('[1,-1]')],
    [1, null, null],
  ],
]);
table('series_fir', [
  [
    [dyn('[0,0,5,5,0]'), dyn('[1,1,1,1,1]')],
    [0, 0, 1, 2, 2],
  ],
  [
    [dyn('[0,0,5,5,0]'), dyn('[1,1,1,1,1]'), bool(true), bool(true)],
    [1, 2, 2, 2, 2],
  ],
  [
    [dyn('[0,0,2,2,3]'), dyn('[1,-1]'), bool(false), bool(false)],
    [0, 0, 2, 0, 1],
  ],
  [[dyn('[1,2]'), dyn('[1,-1]'), bool(true)], null],
  [[dyn('[1,2]'), dyn('[]')], null],
]);

describe('series_stats (multi-value)', () => {
  const def = seriesMultiValueFunctions['series_stats']!;
  test('lists its output columns in the documented order', () => {
    assert.deepEqual(
      def.outputs.map((o) => o.name),
      ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'],
    );
  });
  test('evaluates to one value per output column', () => {
    const bound = def.bind([{ type: 'dynamic' }], 'series_stats');
    assert.ok(!isBindFailure(bound));
    const v = bound.evaluate([[23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]], ctx) as unknown[];
    assert.deepEqual(v.slice(0, 5), [2, 8n, 87, 3n, 32.8]);
    assert.ok(Math.abs((v[5] as number) - 28.5036338535483) < 1e-12);
  });
});

// Fitting (series-fit-line-function.md's example; exact polynomials).
const lineY = [2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30];
const slope = 2.7307692307692313;
const interception = -1.6666666666666714;
table('series_fit_line_dynamic', [
  [
    [dyn(JSON.stringify(lineY))],
    {
      rsquare: approx(0.982900730884447),
      slope: approx(slope),
      variance: approx(98.62878787878786),
      rvariance: approx(1.6864801864801868),
      interception: approx(interception),
      line_fit: lineY.map((_, i) => approx(interception + slope * (i + 1))),
    },
  ],
  [[dyn('[5]')], null],
  [[dyn('null')], null],
]);

describe('series_fit_line and series_fit_poly (multi-value)', () => {
  const evaluate = (name: string, args: unknown[], types: ('dynamic' | 'long')[]) => {
    const def = seriesMultiValueFunctions[name]!;
    const b = def.bind(
      types.map((type) => ({ type })),
      name,
    );
    assert.ok(!isBindFailure(b));
    return b.evaluate(args as never, ctx) as unknown[];
  };
  test('series_fit_line outputs rsquare, slope, variance, rvariance, interception, line_fit', () => {
    const v = evaluate('series_fit_line', [[1, 3, 5, 7]], ['dynamic']);
    const expected = [1, 2, 20 / 3, 0, -1];
    expected.forEach((e, i) =>
      assert.ok(Math.abs((v[i] as number) - e) < 1e-9, `output ${i}: ${String(v[i])}`),
    );
    assert.deepEqual(v[5], [1, 3, 5, 7]);
  });
  test('series_fit_poly recovers a quadratic exactly, highest power first', () => {
    const x = [0, 1, 2, 3, 4];
    const y = x.map((t) => 2 * t * t - 3 * t + 1);
    const v = evaluate('series_fit_poly', [y, x, 2n], ['dynamic', 'dynamic', 'long']);
    const coefficients = (v[1] as number[]).map((c) => Math.round(c * 1e9) / 1e9);
    assert.deepEqual(coefficients, [2, -3, 1]);
    assert.ok(Math.abs((v[0] as number) - 1) < 1e-12);
  });
  test('series_fit_poly with too few points gives nulls', () => {
    assert.deepEqual(evaluate('series_fit_poly', [[1, 2], null, 3n], ['dynamic', 'dynamic', 'long']), [
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

// series-seasonal-function.md's "Force a period" example; automatic detection is refused.
table('series_seasonal', [
  [
    [dyn('[1, 3, 5, 1, 3, 5, 2, 4, 6]'), long(3)],
    [1, 3, 5, 1, 3, 5, 1, 3, 5],
  ],
  [
    [dyn('[1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6]'), long(3)],
    [1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5],
  ],
  [
    [dyn('[1, 2, 3]'), long(0)],
    [0, 0, 0],
  ],
  [
    [dyn('[1, null, 3, 5]'), long(2)],
    [2, 5, 2, 5],
  ],
]);
bindErrors('series_seasonal', [
  [[dyn('[1,2]')], /automatic period detection .* is not supported/],
  [[dyn('[1,2]'), long(-1)], /automatic period detection/],
]);
