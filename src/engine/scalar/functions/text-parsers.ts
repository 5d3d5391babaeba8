/**
 * Parsers of small text formats missing from ./parsers.ts: parse_version and parse_csv.
 *
 * parse_version: one to four dot-separated parts of up to eight digits; missing parts are
 * trailing zeros (`1.0` == `1.0.0.0`). The value is p1·10²⁴ + p2·10¹⁶ + p3·10⁸ + p4, a decimal
 * in Kusto; kqlhunt's decimal is a double (src/types/scalar.ts), so versions whose parts differ
 * below about 10⁻¹⁵ of the value compare equal.
 *
 * parse_csv: the fields of the first record of a comma-separated text, with RFC 4180 quoting
 * (a quoted field may hold commas, newlines and doubled quotes).
 */
import { asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

export function parseVersion(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const p = parts[i] ?? '0';
    if (!/^\d{1,8}$/.test(p)) return null;
    value = value * 1e8 + Number(p);
  }
  return value;
}

export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (; i < text.length; i++) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            i++;
            break;
          }
        } else field += text[i];
      }
      // Text after the closing quote up to the delimiter belongs to the field.
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    }
    fields.push(field);
    if (i < text.length && text[i] === ',') {
      i++;
      continue;
    }
    return fields;
  }
}

export const textParserFunctions: FunctionTable = {
  parse_version: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('decimal', (a) => parseVersion(s(a[0]!)));
  }),
  parse_csv: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => parseCsvRecord(s(a[0]!)));
  }),
};
