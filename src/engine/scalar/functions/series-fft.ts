/**
 * The discrete Fourier transform of a complex series: the multi-value series_fft and series_ifft
 * (series-fft-function.md, series-ifft-function.md; see ./multi-value.ts).
 *
 *   series_fft:  X[k] = Σ x[n] · e^(−2πi·kn/N)
 *   series_ifft: x[n] = (1/N) Σ X[k] · e^(+2πi·kn/N)
 *
 * so series_ifft(series_fft(x)) gives x back, as the page's second example shows. Any length is
 * accepted: powers of two by the radix-2 algorithm, other lengths by Bluestein's chirp-z
 * transform over a power-of-two convolution (O(N log N) either way). The imaginary part defaults
 * to zeros. An input with a null or non-numeric element, or whose imaginary part differs in length
 * from the real part, gives nulls: there is no value to transform.
 */
import type { ScalarValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { bound, failure } from '../bound.js';
import { type MultiValueFunctionTable, outputs } from './multi-value.js';
import { canHoldSeries, seriesReader } from './series-support.js';

export interface Complex {
  readonly re: number[];
  readonly im: number[];
}

/** In-place iterative radix-2 FFT; the length must be a power of two. */
function radix2(re: number[], im: number[], inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  const sign = inverse ? 1 : -1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = (sign * 2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        // Twiddles computed directly (not by repeated multiplication) to keep rounding small.
        const wr = Math.cos(step * k);
        const wi = Math.sin(step * k);
        const a = start + k;
        const b = a + half;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** Bluestein: the DFT of any length as a convolution with a chirp, done by radix-2 FFTs. */
function bluestein(re: readonly number[], im: readonly number[], inverse: boolean): Complex {
  const n = re.length;
  let m = 1;
  while (m < 2 * n - 1) m <<= 1;
  const sign = inverse ? 1 : -1;
  // chirp[k] = e^(sign·πi·k²/n); k² taken modulo 2n so the angle stays small and exact.
  const cr = new Array<number>(n);
  const ci = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const angle = (sign * Math.PI * ((k * k) % (2 * n))) / n;
    cr[k] = Math.cos(angle);
    ci[k] = Math.sin(angle);
  }
  const ar = new Array<number>(m).fill(0);
  const ai = new Array<number>(m).fill(0);
  for (let k = 0; k < n; k++) {
    ar[k] = re[k]! * cr[k]! - im[k]! * ci[k]!;
    ai[k] = re[k]! * ci[k]! + im[k]! * cr[k]!;
  }
  const br = new Array<number>(m).fill(0);
  const bi = new Array<number>(m).fill(0);
  for (let k = 0; k < n; k++) {
    br[k] = cr[k]!;
    bi[k] = -ci[k]!;
    if (k > 0) {
      br[m - k] = cr[k]!;
      bi[m - k] = -ci[k]!;
    }
  }
  radix2(ar, ai, false);
  radix2(br, bi, false);
  for (let k = 0; k < m; k++) {
    const r = ar[k]! * br[k]! - ai[k]! * bi[k]!;
    const i = ar[k]! * bi[k]! + ai[k]! * br[k]!;
    ar[k] = r;
    ai[k] = i;
  }
  radix2(ar, ai, true);
  const outRe = new Array<number>(n);
  const outIm = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const r = ar[k]! / m;
    const i = ai[k]! / m;
    outRe[k] = r * cr[k]! - i * ci[k]!;
    outIm[k] = r * ci[k]! + i * cr[k]!;
  }
  return { re: outRe, im: outIm };
}

/** The DFT (or its inverse, scaled by 1/N) of a complex series of any length. */
export function fourier(re: readonly number[], im: readonly number[], inverse: boolean): Complex {
  const n = re.length;
  let out: Complex;
  if (n === 0) return { re: [], im: [] };
  if (isPowerOfTwo(n)) {
    const r = re.slice();
    const i = im.slice();
    radix2(r, i, inverse);
    out = { re: r, im: i };
  } else {
    out = bluestein(re, im, inverse);
  }
  if (inverse) {
    for (let k = 0; k < n; k++) {
      out.re[k]! /= n;
      out.im[k]! /= n;
    }
  }
  return out;
}

function allNumbers(values: readonly (number | null)[]): values is number[] {
  return values.every((v) => v !== null);
}

function bindTransform(args: readonly ArgInfo[], name: string, inverse: boolean) {
  for (let i = 0; i < args.length; i++) {
    if (!canHoldSeries(args[i]!.type))
      return failure(
        `${name}(): argument ${i + 1} must be a dynamic array of numbers, got ${args[i]!.type}.`,
        i,
      );
  }
  const real = seriesReader(args[0]!);
  const imaginary = args[1] ? seriesReader(args[1]) : null;
  return bound('dynamic', (a: readonly ScalarValue[]) => {
    const re = real(a[0]!);
    if (re === null || !allNumbers(re)) return [null, null];
    let im: (number | null)[] | null = new Array<number>(re.length).fill(0);
    // A null imaginary argument means a real series, like an omitted one.
    if (imaginary !== null && a[1] !== null) im = imaginary(a[1]!);
    if (im === null || im.length !== re.length || !allNumbers(im)) return [null, null];
    const out = fourier(re, im, inverse);
    return [out.re, out.im];
  });
}

export const seriesFftMultiValue: MultiValueFunctionTable = {
  series_fft: {
    minArgs: 1,
    maxArgs: 2,
    outputs: outputs(['real', 'dynamic'], ['imag', 'dynamic']),
    bind: (args, name) => bindTransform(args, name, false),
  },
  series_ifft: {
    minArgs: 1,
    maxArgs: 2,
    outputs: outputs(['real', 'dynamic'], ['imag', 'dynamic']),
    bind: (args, name) => bindTransform(args, name, true),
  },
};
