// series_fft and series_ifft (multi-value): small transforms worked by hand, any length against a
// direct O(N²) DFT, the reference page's sine-wave examples, and the round trip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import { seriesMultiValueFunctions } from '../../src/engine/scalar/functions/series.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { ctx } from './support.js';

function transform(name: 'series_fft' | 'series_ifft', ...args: unknown[]): [unknown, unknown] {
  const def = seriesMultiValueFunctions[name]!;
  const b = def.bind(
    args.map(() => ({ type: 'dynamic' as ScalarType })),
    name,
  );
  if (isBindFailure(b)) assert.fail(b.error);
  return b.evaluate(args as ScalarValue[], ctx) as [unknown, unknown];
}

function near(actual: unknown, expected: number[], tolerance = 1e-9): void {
  const a = actual as number[];
  assert.equal(a.length, expected.length);
  expected.forEach((e, i) =>
    assert.ok(Math.abs(a[i]! - e) < tolerance, `[${i}]: expected ${e}, got ${a[i]}`),
  );
}

/** The definition, term by term: the reference the fast algorithms are checked against. */
function directDft(re: number[], im: number[], inverse: boolean): [number[], number[]] {
  const n = re.length;
  const sign = inverse ? 1 : -1;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const angle = (sign * 2 * Math.PI * ((k * t) % n)) / n;
      sr += re[t]! * Math.cos(angle) - im[t]! * Math.sin(angle);
      si += re[t]! * Math.sin(angle) + im[t]! * Math.cos(angle);
    }
    outRe.push(inverse ? sr / n : sr);
    outIm.push(inverse ? si / n : si);
  }
  return [outRe, outIm];
}

describe('series_fft', () => {
  test('outputs the real and imaginary parts', () => {
    assert.deepEqual(
      seriesMultiValueFunctions['series_fft']!.outputs.map((o) => o.name),
      ['real', 'imag'],
    );
  });
  const cases: [name: string, args: unknown[], re: number[], im: number[]][] = [
    ['[1, 2, 3, 4]: 10, −2+2i, −2, −2−2i', [[1, 2, 3, 4]], [10, -2, -2, -2], [0, 2, 0, -2]],
    ['an odd length (3)', [[1, 2, 3]], [6, -1.5, -1.5], [0, Math.sqrt(3) / 2, -Math.sqrt(3) / 2]],
    ['an impulse has a flat spectrum', [[1, 0, 0, 0, 0]], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]],
    [
      'a complex input: [i, 0]',
      [
        [0, 0],
        [1, 0],
      ],
      [0, 0],
      [1, 1],
    ],
    ['a single point', [[7]], [7], [0]],
  ];
  for (const [name, args, re, im] of cases) {
    test(name, () => {
      const [r, i] = transform('series_fft', ...args);
      near(r, re);
      near(i, im);
    });
  }
  for (const n of [2, 6, 7, 12, 64, 100, 127]) {
    test(`length ${n} agrees with the direct DFT, forward and inverse`, () => {
      const re = Array.from({ length: n }, (_, t) => Math.sin(t * 1.3) + (t % 5));
      const im = Array.from({ length: n }, (_, t) => Math.cos(t * 0.7) - 1);
      for (const inverse of [false, true]) {
        const [r, i] = transform(inverse ? 'series_ifft' : 'series_fft', re, im);
        const [er, ei] = directDft(re, im, inverse);
        near(r, er, 1e-8);
        near(i, ei, 1e-8);
      }
    });
  }
  test("the page's example: sines of period 8 (real) and 32 (imaginary) over 128 points", () => {
    const n = 128;
    const yReal = Array.from({ length: n }, (_, x) => Math.sin(((2 * Math.PI) / 8) * x));
    const yImag = Array.from({ length: n }, (_, x) => Math.sin(((2 * Math.PI) / 32) * x));
    const [r, i] = transform('series_fft', yReal, yImag) as [number[], number[]];
    // sin at bin 16 is (e^{iθ} − e^{−iθ})/2i: −64i at 16, +64i at 112; i·sin at bin 4 is ±64 real.
    const expectedRe = new Array<number>(n).fill(0);
    const expectedIm = new Array<number>(n).fill(0);
    expectedRe[4] = 64;
    expectedRe[124] = -64;
    expectedIm[16] = -64;
    expectedIm[112] = 64;
    near(r, expectedRe, 1e-9);
    near(i, expectedIm, 1e-9);
    // The second example: series_ifft gives the original series back.
    const [back, backImag] = transform('series_ifft', r, i);
    near(back, yReal, 1e-12);
    near(backImag, yImag, 1e-12);
  });
  test('empty, null, ragged and non-numeric inputs', () => {
    assert.deepEqual(transform('series_fft', []), [[], []]);
    assert.deepEqual(transform('series_fft', null), [null, null]);
    assert.deepEqual(transform('series_fft', [1, 2], [1]), [null, null]);
    assert.deepEqual(transform('series_fft', [1, null]), [null, null]);
    assert.deepEqual(transform('series_fft', [1, 2], [0, 'x']), [null, null]);
    // A null imaginary part is a real series.
    const [r] = transform('series_fft', [1, 2], null);
    near(r, [3, -1]);
  });
  test('a non-array argument fails to bind', () => {
    const b = seriesMultiValueFunctions['series_fft']!.bind([{ type: 'long' }], 'series_fft');
    assert.ok(isBindFailure(b) && /argument 1 must be a dynamic array/.test(b.error));
  });
});

describe('series_ifft', () => {
  test('inverts a real spectrum, scaled by 1/N', () => {
    const [r, i] = transform('series_ifft', [10, -2, -2, -2], [0, 2, 0, -2]);
    near(r, [1, 2, 3, 4]);
    near(i, [0, 0, 0, 0]);
  });
});
