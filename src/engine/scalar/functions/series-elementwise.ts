/**
 * Element-wise series functions: the one-series math functions (series_abs, series_acos,
 * series_asin, series_atan, series_ceiling, series_cos, series_exp, series_floor, series_log,
 * series_sign, series_sin, series_tan) and the two-operand ones (series_add, series_subtract,
 * series_multiply, series_divide, series_pow, series_equals, series_not_equals, series_greater,
 * series_greater_equals, series_less, series_less_equals).
 *
 * Reference pages: "Any non-numeric element or non-existing element (arrays of different sizes)
 * yields a null element value". So the result of two series is as long as the longer one. One
 * operand may be a numeric scalar, broadcast over the other series.
 */
import type { DynamicValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { bound, failure, isNumeric } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { canHoldSeries, operandAt, operandReader, seriesReader } from './series-support.js';

function checkSeriesArg(name: string, arg: ArgInfo, index: number, scalarAllowed: boolean) {
  if (canHoldSeries(arg.type)) return null;
  if (scalarAllowed && isNumeric(arg.type)) return null;
  return failure(
    `${name}(): argument ${index + 1} must be a dynamic array of numbers${scalarAllowed ? ' or a number' : ''}, got ${arg.type}.`,
    index,
  );
}

/** A function of one series applying `f` to each numeric element. */
function unary(f: (x: number) => number) {
  return def(1, 1, (args, name) => {
    const bad = checkSeriesArg(name, args[0]!, 0, false);
    if (bad !== null) return bad;
    const series = seriesReader(args[0]!);
    return bound('dynamic', (a) => {
      const s = series(a[0]!);
      if (s === null) return null;
      return s.map((x) => (x === null ? null : f(x)));
    });
  });
}

/** A function of two operands (series or scalar) applying `f` element-wise. */
function binary(f: (x: number, y: number) => DynamicValue) {
  return def(2, 2, (args, name) => {
    for (let i = 0; i < 2; i++) {
      const bad = checkSeriesArg(name, args[i]!, i, true);
      if (bad !== null) return bad;
    }
    if (isNumeric(args[0]!.type) && isNumeric(args[1]!.type))
      return failure(`${name}(): at least one argument must be a dynamic array.`);
    const left = operandReader(args[0]!);
    const right = operandReader(args[1]!);
    return bound('dynamic', (a) => {
      const l = left(a[0]!);
      const r = right(a[1]!);
      if (l === null || r === null) return null;
      if (l.kind === 'scalar' && r.kind === 'scalar') return null;
      const length = Math.max(
        l.kind === 'series' ? l.values.length : 0,
        r.kind === 'series' ? r.values.length : 0,
      );
      const out: DynamicValue[] = new Array<DynamicValue>(length);
      for (let i = 0; i < length; i++) {
        const x = operandAt(l, i);
        const y = operandAt(r, i);
        out[i] = x === null || y === null ? null : f(x, y);
      }
      return out;
    });
  });
}

export const seriesElementwiseFunctions: FunctionTable = {
  series_abs: unary(Math.abs),
  series_acos: unary(Math.acos),
  series_asin: unary(Math.asin),
  series_atan: unary(Math.atan),
  series_ceiling: unary(Math.ceil),
  series_cos: unary(Math.cos),
  series_exp: unary(Math.exp),
  series_floor: unary(Math.floor),
  series_log: unary(Math.log),
  series_sign: unary(Math.sign),
  series_sin: unary(Math.sin),
  series_tan: unary(Math.tan),
  series_add: binary((x, y) => x + y),
  series_subtract: binary((x, y) => x - y),
  series_multiply: binary((x, y) => x * y),
  series_divide: binary((x, y) => x / y),
  series_pow: binary((x, y) => x ** y),
  series_equals: binary((x, y) => x === y),
  series_not_equals: binary((x, y) => x !== y),
  series_greater: binary((x, y) => x > y),
  series_greater_equals: binary((x, y) => x >= y),
  series_less: binary((x, y) => x < y),
  series_less_equals: binary((x, y) => x <= y),
};
