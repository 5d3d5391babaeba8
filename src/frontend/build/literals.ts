/**
 * Literal tokens to plan values.
 *
 * Strings are decoded here (escapes, `@'verbatim'`, `h'obfuscated'`, multi-line ``` ``` ```
 * strings) rather than taken from the library: these are the rules of the KQL reference
 * (scalar-data-types/string.md). Numbers are parsed exactly (longs as bigint, hex included).
 * Datetime, timespan, guid and dynamic literals keep their source text for the engine to parse.
 */
import type { ScalarType } from '../../types/scalar.js';

export class LiteralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiteralError';
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

function hexAt(s: string, at: number, digits: number): number | null {
  const part = s.slice(at, at + digits);
  return part.length === digits && /^[0-9A-Fa-f]+$/.test(part) ? parseInt(part, 16) : null;
}

function unescapeRegular(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new LiteralError('string literal ends with a lone backslash');
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const code = digits === 0 ? null : hexAt(body, i + 2, digits);
    if (code === null || code > 0x10ffff) throw new LiteralError(`unknown escape sequence \\${e}`);
    out += String.fromCodePoint(code);
    i += 1 + digits;
  }
  return out;
}

/** Decodes one string-literal token as written in a query. */
export function decodeStringLiteral(token: string): string {
  let t = token;
  if (t[0] === 'h' || t[0] === 'H') t = t.slice(1); // obfuscated: the value is unchanged
  for (const fence of ['```', '~~~']) {
    if (t.startsWith(fence)) {
      if (t.length < 6 || !t.endsWith(fence)) throw new LiteralError(`unterminated ${fence} string`);
      return t.slice(3, -3);
    }
  }
  const verbatim = t[0] === '@';
  if (verbatim) t = t.slice(1);
  const quote = t[0];
  if ((quote !== '"' && quote !== "'") || t.length < 2 || t[t.length - 1] !== quote) {
    throw new LiteralError(`not a string literal: ${token}`);
  }
  const body = t.slice(1, -1);
  if (verbatim) return body.split(quote + quote).join(quote);
  return unescapeRegular(body);
}

/** The text inside `name(...)`, or null when the token is not written that way. */
export function wrappedInner(token: string): string | null {
  const open = token.indexOf('(');
  if (open <= 0 || !token.endsWith(')') || !/^[A-Za-z_]+$/.test(token.slice(0, open))) return null;
  return token.slice(open + 1, -1).trim();
}

function isNullWord(s: string | null): boolean {
  return s !== null && s.toLowerCase() === 'null';
}

function parseInteger(text: string, what: string): bigint {
  const t = text.trim();
  const m = /^([+-]?)(0[xX][0-9A-Fa-f]+|[0-9]+)$/.exec(t);
  if (m === null) throw new LiteralError(`not a ${what} literal: ${text}`);
  const v = BigInt(m[2]!);
  return m[1] === '-' ? -v : v;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** `4624`, `0x1F`, `long(5)`, `long(null)`. Hex beyond 2^63 wraps as in .NET's unchecked cast. */
export function parseLongLiteral(token: string): bigint | null {
  const inner = wrappedInner(token) ?? token;
  if (isNullWord(inner)) return null;
  let v = parseInteger(inner, 'long');
  if (/0[xX]/.test(inner)) v = BigInt.asIntN(64, v);
  if (v < INT64_MIN || v > INT64_MAX) throw new LiteralError(`long literal out of range: ${token}`);
  return v;
}

/** `int(5)`, `int(null)`. */
export function parseIntLiteral(token: string): number | null {
  const inner = wrappedInner(token) ?? token;
  if (isNullWord(inner)) return null;
  const v = parseInteger(inner, 'int');
  const wrapped = /0[xX]/.test(inner) ? BigInt.asIntN(32, v) : v;
  if (wrapped < -(1n << 31n) || wrapped >= 1n << 31n)
    throw new LiteralError(`int literal out of range: ${token}`);
  return Number(wrapped);
}

/** `1.5`, `1e3`, `real(1.5)`, `real(null)`, `real(nan)`, `real(+inf)`, `real(-inf)`; also `decimal(...)`. */
export function parseRealLiteral(token: string): number | null {
  const inner = wrappedInner(token) ?? token;
  if (isNullWord(inner)) return null;
  const lower = inner.toLowerCase();
  if (lower === 'nan') return NaN;
  if (lower === '+inf' || lower === 'inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|0[xX][0-9A-Fa-f]+)$/.test(inner)) {
    throw new LiteralError(`not a real literal: ${token}`);
  }
  return /0[xX]/.test(inner) ? Number(parseInteger(inner, 'real')) : Number(inner);
}

/** `true`, `false`, `bool(1)`, `bool(null)`. */
export function parseBoolLiteral(token: string): boolean | null {
  const inner = (wrappedInner(token) ?? token).toLowerCase();
  if (inner === 'null') return null;
  if (inner === 'true' || inner === '1') return true;
  if (inner === 'false' || inner === '0') return false;
  throw new LiteralError(`not a bool literal: ${token}`);
}

/**
 * A literal whose value the engine parses: `datetime(2021-01-01)` → `'2021-01-01'`,
 * `1d` → `'1d'`, `time(1.00:00:00)` → `'1.00:00:00'`, `guid(...)`; `null` for a typed null.
 */
export function textualLiteral(token: string): string | null {
  const inner = wrappedInner(token);
  if (inner === null) return token.trim();
  return isNullWord(inner) ? null : inner;
}

/** The plan type for each literal kind of the syntax tree. */
export const literalKindTypes: Readonly<Record<string, ScalarType>> = {
  BooleanLiteralExpression: 'bool',
  IntLiteralExpression: 'int',
  LongLiteralExpression: 'long',
  RealLiteralExpression: 'real',
  DecimalLiteralExpression: 'decimal',
  DateTimeLiteralExpression: 'datetime',
  TimespanLiteralExpression: 'timespan',
  GuidLiteralExpression: 'guid',
  StringLiteralExpression: 'string',
};
