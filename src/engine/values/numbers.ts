/**
 * Text forms of Kusto's numbers: `int` (32-bit, a JS number), `long` (64-bit, a bigint), `real`
 * (a double) and `decimal` (approximated by a double, see src/types/scalar.ts).
 */

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = -9223372036854775808n;
export const LONG_MAX = 9223372036854775807n;

/** 64-bit two's-complement wrap, as .NET's unchecked long arithmetic. */
export function wrapLong(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** A finite double truncated towards zero into a long; null when it does not fit. */
export function realToLong(value: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  const truncated = Math.trunc(value);
  if (truncated < -9223372036854775808 || truncated >= 9223372036854775808) return null;
  return BigInt(truncated);
}

/** A long as a 32-bit int, wrapping as .NET's unchecked (int) cast does. */
export function longToInt(value: bigint): number {
  return Number(BigInt.asIntN(32, value));
}

const INTEGER_TEXT = /^\s*([+-]?\d+)\s*$/;
const REAL_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const SPECIAL_REALS: Readonly<Record<string, number>> = {
  nan: NaN,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
};

/** A real's text (`1.5`, `-2e10`, `.5`, `NaN`, `Infinity`); null when it is not one. */
export function parseReal(text: string): number | null {
  if (REAL_TEXT.test(text)) return Number(text);
  const special = SPECIAL_REALS[text.trim().toLowerCase()];
  return special ?? null;
}

/**
 * A long's text. An integer is exact (beyond 2^53 too); a real text is truncated towards zero, as
 * `tolong()` truncates reals (toint-function.md: "If the input includes a decimal value, the
 * result truncate to only the integer portion"). Null when out of range or not a number.
 */
export function parseLong(text: string): bigint | null {
  const m = INTEGER_TEXT.exec(text);
  if (m) {
    const value = BigInt(m[1]!);
    return value >= LONG_MIN && value <= LONG_MAX ? value : null;
  }
  const real = parseReal(text);
  return real === null ? null : realToLong(real);
}

/** An int's text; null when it is not a number or out of the 32-bit range. */
export function parseInt32(text: string): number | null {
  const value = parseLong(text);
  if (value === null || value < BigInt(INT_MIN) || value > BigInt(INT_MAX)) return null;
  return Number(value);
}

/**
 * `tostring(real)` as .NET (Core 3.0+) prints a double: the shortest text that reads back to the
 * same double, in fixed notation unless the decimal exponent is 15 or more or below -4, then
 * `1E+15`, `1.5E-07` (two exponent digits at least). `NaN`, `Infinity`, `-Infinity`.
 * See docs/SEMANTICS.md, "real printing".
 */
export function formatReal(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const exponential = value.toExponential(); // shortest round-trip digits: "-1.2345e+21"
  const ePos = exponential.indexOf('e');
  const exponent = Number(exponential.slice(ePos + 1));
  if (exponent >= 15 || exponent < -4) {
    const mantissa = exponential.slice(0, ePos);
    const abs = Math.abs(exponent);
    return mantissa + 'E' + (exponent < 0 ? '-' : '+') + (abs < 10 ? '0' + abs : String(abs));
  }
  // In this range JS's own fixed notation is the shortest round-trip text too.
  return String(value);
}

/** `tostring(decimal)`: decimals print in fixed notation, never with an exponent. */
export function formatDecimal(value: number): string {
  if (!Number.isFinite(value)) return formatReal(value);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Expand an exponent: decimal's 28-29 significant digits never need one.
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
