/**
 * Numbers as the documentation prints them, compared with a computed number.
 *
 * The docs write `1,234,567` (thousands separators), `1.5E-07`, `NaN`, `Infinity`, and reals
 * rounded to the digits they chose to show (`0.179910044977511`, `40.7914`). A computed number
 * matches when it rounds to the printed one: it lies within half a unit of the last printed digit
 * (plus a relative 1e-12 for the binary noise of the engine's own arithmetic). A printed integer
 * (no fraction, no exponent) is taken as exact: Kusto prints every digit of a real, so `3` is
 * never a rounded `3.4`.
 */

export interface DocNumber {
  /** The text without separators, as JavaScript reads it. */
  readonly text: string;
  readonly value: number;
  /** Exact value when the text is an integer. */
  readonly integer: bigint | null;
  /** The weight of the last printed digit (0.001 for `1.234`, 100 for `1.2E+3`); 0 for NaN/Infinity. */
  readonly unit: number;
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function parseDocNumber(raw: string): DocNumber | undefined {
  let text = raw.trim();
  if (GROUPED.test(text)) text = text.replace(/,/g, '');
  const special = /^([+-]?)(NaN|Infinity|inf|∞)$/i.exec(text);
  if (special) {
    const isNaN = special[2]!.toLowerCase() === 'nan';
    const value = isNaN ? NaN : special[1] === '-' ? -Infinity : Infinity;
    return { text, value, integer: null, unit: 0 };
  }
  const m = NUMBER.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return undefined;
  const fraction = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  const value = Number(text);
  if (Number.isNaN(value)) return undefined;
  const integer = m[3] === undefined && m[4] === undefined ? BigInt(text) : null;
  return { text, value, integer, unit: Math.pow(10, exponent - fraction.length) };
}

/** Does a computed number match the printed one (see the module comment)? */
export function numberMatches(expected: DocNumber, got: number | bigint): boolean {
  if (typeof got === 'bigint') {
    if (expected.integer !== null) return expected.integer === got;
    return numberMatches(expected, Number(got));
  }
  if (Number.isNaN(expected.value)) return Number.isNaN(got);
  if (!Number.isFinite(expected.value)) return expected.value === got;
  if (!Number.isFinite(got)) return false;
  if (expected.integer !== null && Number.isInteger(got) && Math.abs(got) <= Number.MAX_SAFE_INTEGER) {
    return expected.integer === BigInt(got);
  }
  const rounding = expected.integer !== null ? 0 : (expected.unit / 2) * (1 + 1e-9);
  const tolerance = rounding + Math.abs(expected.value) * 1e-12;
  return Math.abs(got - expected.value) <= tolerance;
}
