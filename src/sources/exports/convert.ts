/**
 * A value read from a file, converted to a column's type in the representation of
 * src/types/scalar.ts. JSON values keep their JSON type where it fits (a JSON number into an int
 * column); text (CSV, or a JSON string in a typed column) is parsed with the scalar library's
 * parsers, so a file reads exactly as a Kusto literal of that type would.
 *
 * An empty text is null (a string column: ''), as Log Analytics exports write nulls. A value
 * that does not convert is null and the caller reports it.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { parseDatetime } from '../../engine/values/datetime.js';
import { parseJson, stringifyDynamic } from '../../engine/values/dynamic.js';
import { parseGuid } from '../../engine/values/guid.js';
import {
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  parseInt32,
  parseLong,
  parseReal,
} from '../../engine/values/numbers.js';
import { parseTimespan } from '../../engine/values/timespan.js';
import { portalDatetimeToIso } from './portal-datetime.js';

export type Converted = { readonly ok: true; readonly value: ScalarValue } | { readonly ok: false };

const NULL: Converted = { ok: true, value: null };
const FAILED: Converted = { ok: false };

function ok(value: ScalarValue): Converted {
  return { ok: true, value };
}

/** The text a non-string JSON value stands for in a string column. */
function asText(value: DynamicValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return stringifyDynamic(value);
}

export function parseDatetimeText(text: string): bigint | null {
  const ticks = parseDatetime(text);
  if (ticks !== null) return ticks;
  const iso = portalDatetimeToIso(text);
  return iso === undefined ? null : parseDatetime(iso);
}

function fromText(text: string, type: ScalarType): Converted {
  if (type === 'string') return ok(text);
  if (text.trim() === '') return NULL;
  let value: ScalarValue;
  switch (type) {
    case 'bool': {
      const lower = text.trim().toLowerCase();
      value = lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : null;
      break;
    }
    case 'int':
      value = parseInt32(text);
      break;
    case 'long':
      value = parseLong(text);
      break;
    case 'real':
    case 'decimal':
      value = parseReal(text);
      break;
    case 'datetime':
      value = parseDatetimeText(text);
      break;
    case 'timespan':
      value = parseTimespan(text);
      break;
    case 'guid':
      value = parseGuid(text);
      break;
    case 'dynamic': {
      // A JSON text is its value; any other text is a dynamic string (as Kusto ingests CSV).
      const parsed = parseJson(text);
      return ok(parsed === undefined ? text : parsed);
    }
  }
  return value === null ? FAILED : ok(value);
}

function fromNumber(n: number | bigint, type: ScalarType): Converted {
  switch (type) {
    case 'int': {
      const v = typeof n === 'bigint' ? Number(n) : n;
      return Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX ? ok(v) : FAILED;
    }
    case 'long': {
      if (typeof n === 'bigint') return n >= LONG_MIN && n <= LONG_MAX ? ok(n) : FAILED;
      return Number.isInteger(n) ? ok(BigInt(n)) : FAILED;
    }
    case 'real':
    case 'decimal':
      return ok(Number(n));
    case 'bool':
      return ok(n !== 0 && n !== 0n);
    case 'string':
      return ok(stringifyDynamic(n));
    case 'dynamic':
      return ok(n);
    default:
      return FAILED;
  }
}

/** Converts one value: text (from CSV, or a JSON string) is parsed; other JSON values are mapped. */
export function convertValue(value: DynamicValue | undefined, type: ScalarType): Converted {
  if (value === undefined || value === null) return type === 'string' ? ok('') : NULL;
  if (typeof value === 'string') return fromText(value, type);
  if (type === 'dynamic') return ok(value);
  if (type === 'string') return ok(asText(value));
  if (typeof value === 'number' || typeof value === 'bigint') return fromNumber(value, type);
  if (typeof value === 'boolean') {
    if (type === 'bool') return ok(value);
    if (type === 'int') return ok(value ? 1 : 0);
    if (type === 'long') return ok(value ? 1n : 0n);
    if (type === 'real' || type === 'decimal') return ok(value ? 1 : 0);
    return FAILED;
  }
  // An object or array in a column of a scalar type.
  return FAILED;
}
