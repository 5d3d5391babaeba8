/**
 * Arithmetic operators with Kusto's type rules (numerical-operators.md, datetime-timespan-
 * arithmetic.md, and Kusto.Language's operator signatures):
 *
 * - int/long with int/long gives long ("If both operands are of integer types (int or long), the
 *   result will be of type long"), wrapping at 64 bits like .NET's unchecked arithmetic;
 *   a real operand gives real; a decimal operand gives decimal.
 * - Integer `/` truncates towards zero; integer `/` or `%` by zero gives null (see
 *   docs/SEMANTICS.md). Real division follows IEEE 754 (1.0/0 is Infinity).
 * - `%` is "a small non-negative number": 0 <= N % D < abs(D) (numerical-operators.md).
 * - datetime ± timespan -> datetime; datetime - datetime -> timespan; timespan ± timespan ->
 *   timespan; timespan * number and number * timespan -> timespan; timespan / number ->
 *   timespan; timespan / timespan -> real; timespan % timespan -> timespan.
 * - A dynamic operand converts to the other operand's type.
 * - Null is sticky: any null operand gives null (null-values.md).
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { isValidDatetimeTicks } from '../values/datetime.js';
import { realToLong, wrapLong } from '../values/numbers.js';
import type { ArgInfo, BindResult } from './api.js';
import { asLong, asReal, asTimespan, bound, failure, isIntegral, isNumeric } from './bound.js';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%';

type Binary = (a: ScalarValue, b: ScalarValue) => ScalarValue;

function longOp(op: ArithmeticOp): (a: bigint, b: bigint) => bigint | null {
  switch (op) {
    case '+':
      return (a, b) => wrapLong(a + b);
    case '-':
      return (a, b) => wrapLong(a - b);
    case '*':
      return (a, b) => wrapLong(a * b);
    case '/':
      return (a, b) => (b === 0n ? null : wrapLong(a / b));
    case '%':
      return (a, b) => {
        if (b === 0n) return null;
        const r = a % b;
        return r < 0n ? r + (b < 0n ? -b : b) : r;
      };
  }
}

function realOp(op: ArithmeticOp): (a: number, b: number) => number {
  switch (op) {
    case '+':
      return (a, b) => a + b;
    case '-':
      return (a, b) => a - b;
    case '*':
      return (a, b) => a * b;
    case '/':
      return (a, b) => a / b;
    case '%':
      return (a, b) => {
        const r = a % b;
        return r < 0 ? r + Math.abs(b) : r;
      };
  }
}

/** Lift a two-argument function over nulls. */
function sticky<A, B>(
  left: (v: ScalarValue) => A | null,
  right: (v: ScalarValue) => B | null,
  f: (a: A, b: B) => ScalarValue,
): Binary {
  return (x, y) => {
    if (x === null || y === null) return null;
    const a = left(x);
    if (a === null) return null;
    const b = right(y);
    if (b === null) return null;
    return f(a, b);
  };
}

function datetimeResult(t: bigint): bigint | null {
  return isValidDatetimeTicks(t) ? t : null;
}

/** Type of a dynamic operand once converted for the other operand. */
function resolveDynamic(type: ScalarType, other: ScalarType): ScalarType {
  if (type !== 'dynamic') return type;
  if (other === 'dynamic' || other === 'string' || other === 'bool' || other === 'guid') return 'real';
  if (other === 'int') return 'long';
  return other;
}

function numericResult(l: ScalarType, r: ScalarType): ScalarType {
  if (l === 'decimal' || r === 'decimal') return 'decimal';
  if (l === 'real' || r === 'real') return 'real';
  return 'long';
}

/** Binds an arithmetic operator to its operand types. */
export function bindArithmetic(op: ArithmeticOp, left: ArgInfo, right: ArgInfo): BindResult {
  const lt = resolveDynamic(left.type, right.type);
  const rt = resolveDynamic(right.type, left.type);
  const undefinedOp = failure(
    `The operator '${op}' is not defined for the operand types ${left.type} and ${right.type}.`,
  );

  if (isNumeric(lt) && isNumeric(rt)) {
    const resultType = numericResult(lt, rt);
    if (resultType === 'long') {
      if (lt === 'long' && rt === 'long' && left.type === 'long' && right.type === 'long') {
        const f = longOp(op);
        return bound('long', (args) => {
          const a = args[0] as bigint | null;
          const b = args[1] as bigint | null;
          return a === null || b === null ? null : f(a, b);
        });
      }
      const ev = sticky(asLong(left.type), asLong(right.type), longOp(op));
      return bound('long', (args) => ev(args[0]!, args[1]!));
    }
    const f = realOp(op);
    const ev = sticky(asReal(left.type), asReal(right.type), f);
    return bound(resultType, (args) => ev(args[0]!, args[1]!));
  }

  // datetime and timespan
  if (lt === 'datetime' && rt === 'timespan' && (op === '+' || op === '-')) {
    const plus = op === '+';
    const ev = sticky(asLong('datetime'), asTimespan(right.type), (a, b) =>
      datetimeResult(plus ? a + b : a - b),
    );
    return bound('datetime', (args) => ev(args[0]!, args[1]!));
  }
  if (lt === 'timespan' && rt === 'datetime' && op === '+') {
    const ev = sticky(asTimespan(left.type), asLong('datetime'), (a, b) => datetimeResult(a + b));
    return bound('datetime', (args) => ev(args[0]!, args[1]!));
  }
  if (lt === 'datetime' && rt === 'datetime' && op === '-') {
    return bound('timespan', (args) => {
      const a = args[0] as bigint | null;
      const b = args[1] as bigint | null;
      return a === null || b === null ? null : a - b;
    });
  }
  if (lt === 'timespan' && rt === 'timespan') {
    const l = asTimespan(left.type);
    const r = asTimespan(right.type);
    if (op === '/') {
      const ev = sticky(l, r, (a, b) => (b === 0n ? null : Number(a) / Number(b)));
      return bound('real', (args) => ev(args[0]!, args[1]!));
    }
    if (op === '*') return undefinedOp;
    const f = longOp(op);
    const ev = sticky(l, r, f);
    return bound('timespan', (args) => ev(args[0]!, args[1]!));
  }
  if (lt === 'timespan' && isNumeric(rt) && (op === '*' || op === '/')) {
    return bindTimespanScale(op, left, right, false);
  }
  if (isNumeric(lt) && rt === 'timespan' && op === '*') {
    return bindTimespanScale(op, right, left, true);
  }
  return undefinedOp;
}

/** timespan * number, number * timespan, timespan / number: ticks scaled, rounded to a tick. */
function bindTimespanScale(op: '*' | '/', span: ArgInfo, factor: ArgInfo, swapped: boolean): BindResult {
  const toSpan = asTimespan(span.type);
  const integral = isIntegral(factor.type);
  const spanIndex = swapped ? 1 : 0;
  const factorIndex = swapped ? 0 : 1;
  if (integral) {
    const toFactor = asLong(factor.type);
    return bound('timespan', (args) => {
      const s = toSpan(args[spanIndex]!);
      const f = toFactor(args[factorIndex]!);
      if (s === null || f === null) return null;
      if (op === '*') return wrapLong(s * f);
      return f === 0n ? null : s / f;
    });
  }
  const toFactor = asReal(factor.type);
  return bound('timespan', (args) => {
    const s = toSpan(args[spanIndex]!);
    const f = toFactor(args[factorIndex]!);
    if (s === null || f === null) return null;
    const ticks = op === '*' ? Number(s) * f : Number(s) / f;
    return realToLong(Math.round(ticks));
  });
}

/** Unary minus and plus. */
export function bindNegate(op: '-' | '+', operand: ArgInfo): BindResult {
  const t = operand.type;
  if (op === '+') {
    if (isNumeric(t) || t === 'timespan') return bound(t, (args) => args[0]!);
    return failure(`The operator '+' is not defined for the operand type ${t}.`);
  }
  switch (t) {
    case 'int':
      return bound('int', (args) => (args[0] === null ? null : -(args[0] as number) | 0));
    case 'long':
    case 'timespan':
      return bound(t, (args) => (args[0] === null ? null : wrapLong(-(args[0] as bigint))));
    case 'real':
    case 'decimal':
      return bound(t, (args) => (args[0] === null ? null : -(args[0] as number)));
    case 'dynamic': {
      const toReal = asReal('dynamic');
      return bound('real', (args) => {
        const v = toReal(args[0]!);
        return v === null ? null : -v;
      });
    }
    default:
      return failure(`The operator '-' is not defined for the operand type ${t}.`);
  }
}
