/**
 * Math functions: abs, sign, round, ceiling, sqrt, pow, exp, exp2, exp10, log, log2, log10,
 * pi, rand, isnan, isinf, isfinite, trigonometry, degrees, radians, binary_* bit operations.
 * Integer inputs keep their type where Kusto's does (abs, sign, round of a long); the rest
 * compute in real. Out-of-domain input gives NaN as .NET's Math does (sqrt(-1)).
 */
import type { ScalarType } from '../../../types/scalar.js';
import { wrapLong } from '../../values/numbers.js';
import type { ArgInfo } from '../api.js';
import { asIndex, asLong, asReal, bound, failure, isNumeric, volatileBound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

function realFn(f: (x: number) => number) {
  return def(1, 1, (args) => {
    if (!isNumeric(args[0]!.type) && args[0]!.type !== 'dynamic')
      return failure(`expected a number, got ${args[0]!.type}.`, 0);
    const x = asReal(args[0]!.type);
    return bound('real', (a) => {
      const v = x(a[0]!);
      return v === null ? null : f(v);
    });
  });
}

function realFn2(f: (x: number, y: number) => number) {
  return def(2, 2, (args) => {
    const x = asReal(args[0]!.type);
    const y = asReal(args[1]!.type);
    return bound('real', (a) => {
      const u = x(a[0]!);
      const v = y(a[1]!);
      return u === null || v === null ? null : f(u, v);
    });
  });
}

/** Same-type numeric result: long stays long, int stays int, real stays real. */
function keepType(args: readonly ArgInfo[]): ScalarType {
  const t = args[0]!.type;
  return t === 'dynamic' ? 'real' : t;
}

/**
 * round(number[, precision]): half away from zero, like .NET's MidpointRounding.AwayFromZero,
 * on the decimal text of the number so that round(1.005, 2) is 1.01 as written, not as stored.
 */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const abs = Math.abs(x);
  const text = String(abs);
  const scaled = text.includes('e') ? abs * 10 ** digits : Number(text + 'e' + digits);
  const rounded = Math.floor(scaled + 0.5);
  const back = String(rounded).includes('e') ? rounded / 10 ** digits : Number(rounded + 'e' + -digits);
  return x < 0 ? -back : back;
}

function bitOp(f: (a: bigint, b: bigint) => bigint) {
  return def(2, 2, (args) => {
    const x = asLong(args[0]!.type);
    const y = asLong(args[1]!.type);
    return bound('long', (a) => {
      const u = x(a[0]!);
      const v = y(a[1]!);
      return u === null || v === null ? null : wrapLong(f(u, v));
    });
  });
}

export const mathFunctions: FunctionTable = {
  abs: def(1, 1, (args) => {
    const t = keepType(args);
    if (t === 'long')
      return bound('long', (a) =>
        a[0] === null ? null : (a[0] as bigint) < 0n ? wrapLong(-(a[0] as bigint)) : a[0]!,
      );
    if (t === 'timespan')
      return bound('timespan', (a) =>
        a[0] === null ? null : (a[0] as bigint) < 0n ? -(a[0] as bigint) : a[0]!,
      );
    if (t === 'int') return bound('int', (a) => (a[0] === null ? null : Math.abs(a[0] as number) | 0));
    const x = asReal(args[0]!.type);
    return bound(t === 'decimal' ? 'decimal' : 'real', (a) => {
      const v = x(a[0]!);
      return v === null ? null : Math.abs(v);
    });
  }),
  sign: def(1, 1, (args) => {
    const x = asReal(args[0]!.type);
    return bound('real', (a) => {
      const v = x(a[0]!);
      return v === null ? null : Math.sign(v);
    });
  }),
  round: def(1, 2, (args) => {
    const t = keepType(args);
    const precision = args[1] ? asIndex(args[1].type) : () => 0;
    if (t === 'long' || t === 'int') {
      // Rounding an integer to 0 or more digits leaves it unchanged.
      const x = asLong(args[0]!.type);
      return bound(t, (a) => {
        const v = x(a[0]!);
        const p = precision(a[1] ?? 0);
        if (v === null || p === null) return null;
        if (p >= 0) return t === 'int' ? Number(v) : v;
        const f = 10n ** BigInt(-p);
        const half = f / 2n;
        const r = (((v < 0n ? -v : v) + half) / f) * f;
        const signed = v < 0n ? -r : r;
        return t === 'int' ? Number(signed) : signed;
      });
    }
    const x = asReal(args[0]!.type);
    return bound(t === 'decimal' ? 'decimal' : 'real', (a) => {
      const v = x(a[0]!);
      const p = precision(a[1] ?? 0);
      return v === null || p === null ? null : roundHalfAway(v, p);
    });
  }),
  ceiling: realFn(Math.ceil),
  sqrt: realFn(Math.sqrt),
  exp: realFn(Math.exp),
  exp2: realFn((x) => 2 ** x),
  exp10: realFn((x) => 10 ** x),
  log: realFn(Math.log),
  log2: realFn(Math.log2),
  log10: realFn(Math.log10),
  pow: realFn2((x, y) => x ** y),
  sin: realFn(Math.sin),
  cos: realFn(Math.cos),
  tan: realFn(Math.tan),
  asin: realFn(Math.asin),
  acos: realFn(Math.acos),
  atan: realFn(Math.atan),
  atan2: realFn2(Math.atan2),
  cot: realFn((x) => 1 / Math.tan(x)),
  degrees: realFn((x) => (x * 180) / Math.PI),
  radians: realFn((x) => (x * Math.PI) / 180),
  pi: def(0, 0, () => bound('real', () => Math.PI)),
  isnan: def(1, 1, (args) => {
    const x = asReal(args[0]!.type);
    return bound('bool', (a) => {
      const v = x(a[0]!);
      return v === null ? false : Number.isNaN(v);
    });
  }),
  isinf: def(1, 1, (args) => {
    const x = asReal(args[0]!.type);
    return bound('bool', (a) => {
      const v = x(a[0]!);
      return v === null ? false : v === Infinity || v === -Infinity;
    });
  }),
  isfinite: def(1, 1, (args) => {
    const x = asReal(args[0]!.type);
    return bound('bool', (a) => {
      const v = x(a[0]!);
      return v === null ? false : Number.isFinite(v);
    });
  }),
  rand: def(0, 1, (args) => {
    if (args.length === 0) return volatileBound('real', () => Math.random());
    const n = asLong(args[0]!.type);
    return volatileBound('long', (a) => {
      const v = n(a[0]!);
      if (v === null || v <= 0n) return null;
      return BigInt(Math.floor(Math.random() * Number(v)));
    });
  }),
  binary_and: bitOp((a, b) => a & b),
  binary_or: bitOp((a, b) => a | b),
  binary_xor: bitOp((a, b) => a ^ b),
  binary_shift_left: bitOp((a, b) => (b < 0n || b > 63n ? 0n : a << b)),
  binary_shift_right: bitOp((a, b) => (b < 0n || b > 63n ? 0n : a >> b)),
  binary_not: def(1, 1, (args) => {
    const x = asLong(args[0]!.type);
    return bound('long', (a) => {
      const v = x(a[0]!);
      return v === null ? null : ~v;
    });
  }),
};
