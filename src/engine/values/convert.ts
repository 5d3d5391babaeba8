/**
 * Conversions between Kusto's scalar types, with Kusto's null rules: a failed conversion gives
 * null, and `tostring(null)` gives '' (tostring-function.md: "If value is null, the result is an
 * empty string").
 *
 * `converter(from, to)` picks the conversion once, at bind time, so the per-value path is one
 * direct call.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { formatDatetime, formatDatetimeForJson, parseDatetime } from './datetime.js';
import { dynamicKind, parseJson, stringifyDynamic } from './dynamic.js';
import { parseGuid } from './guid.js';
import {
  INT_MAX,
  INT_MIN,
  formatDecimal,
  formatReal,
  longToInt,
  parseInt32,
  parseLong,
  parseReal,
  realToLong,
} from './numbers.js';
import { formatTimespan, parseTimespan } from './timespan.js';

export type Converter = (value: ScalarValue) => ScalarValue;

const SAFE = 9007199254740991;

// ---------------------------------------------------------------------------------------------
// To string

/** `tostring(value)` for a value of type `type`. */
export function toStringValue(value: ScalarValue, type: ScalarType): string {
  if (value === null) return '';
  switch (type) {
    case 'string':
    case 'guid':
      return value as string;
    case 'bool':
      return value ? 'true' : 'false';
    case 'int':
      return String(value);
    case 'long':
      return (value as bigint).toString();
    case 'real':
      return formatReal(value as number);
    case 'decimal':
      return formatDecimal(value as number);
    case 'datetime':
      return formatDatetime(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'dynamic':
      return dynamicToString(value as DynamicValue);
  }
}

/** A dynamic string is its text; anything else is its JSON. */
export function dynamicToString(value: DynamicValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= SAFE ? String(value) : formatReal(value);
  return stringifyDynamic(value);
}

// ---------------------------------------------------------------------------------------------
// To dynamic

/** A typed value as the dynamic value that holds it (pack_array, bag_pack, make_list...). */
export function toDynamicValue(value: ScalarValue, type: ScalarType): DynamicValue {
  if (value === null) return null;
  switch (type) {
    case 'long': {
      const v = value as bigint;
      return v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : v;
    }
    case 'datetime':
      return formatDatetimeForJson(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    default:
      return value as DynamicValue;
  }
}

// ---------------------------------------------------------------------------------------------
// Per-target conversions from each source type

function boolFromText(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  // A number's text converts as the number does (tobool(123) == true in tobool-function.md).
  const n = parseReal(t);
  return n === null || Number.isNaN(n) ? null : n !== 0;
}

export function toBool(value: ScalarValue, type: ScalarType): boolean | null {
  if (value === null) return null;
  switch (type) {
    case 'bool':
      return value as boolean;
    case 'int':
    case 'real':
    case 'decimal':
      return Number.isNaN(value) ? null : value !== 0;
    case 'long':
      return value !== 0n;
    case 'string':
      return boolFromText(value as string);
    case 'dynamic': {
      const v = value as DynamicValue;
      if (typeof v === 'boolean') return v;
      if (typeof v === 'number') return Number.isNaN(v) ? null : v !== 0;
      if (typeof v === 'bigint') return v !== 0n;
      if (typeof v === 'string') return boolFromText(v);
      return null;
    }
    default:
      return null;
  }
}

export function toLong(value: ScalarValue, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'long':
    case 'datetime':
    case 'timespan':
      // tolong() of a datetime or timespan is its ticks.
      return value as bigint;
    case 'int':
      return BigInt(value as number);
    case 'real':
    case 'decimal':
      return realToLong(value as number);
    case 'bool':
      return value ? 1n : 0n;
    case 'string':
      return parseLong(value as string);
    case 'dynamic': {
      const v = value as DynamicValue;
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return realToLong(v);
      if (typeof v === 'boolean') return v ? 1n : 0n;
      if (typeof v === 'string') return parseLong(v);
      return null;
    }
    default:
      return null;
  }
}

export function toInt(value: ScalarValue, type: ScalarType): number | null {
  if (value === null) return null;
  switch (type) {
    case 'int':
      return value as number;
    case 'string':
      return parseInt32(value as string);
    case 'real':
    case 'decimal': {
      const v = value as number;
      if (!Number.isFinite(v)) return null;
      const t = Math.trunc(v);
      return t >= INT_MIN && t <= INT_MAX ? t : null;
    }
    default: {
      const long = toLong(value, type);
      return long === null ? null : longToInt(long);
    }
  }
}

export function toReal(value: ScalarValue, type: ScalarType): number | null {
  if (value === null) return null;
  switch (type) {
    case 'real':
    case 'decimal':
    case 'int':
      return value as number;
    case 'long':
    case 'datetime':
    case 'timespan':
      return Number(value as bigint);
    case 'bool':
      return value ? 1 : 0;
    case 'string':
      return parseReal(value as string);
    case 'dynamic': {
      const v = value as DynamicValue;
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'string') return parseReal(v);
      return null;
    }
    default:
      return null;
  }
}

export function toDatetime(value: ScalarValue, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'datetime':
      return value as bigint;
    case 'string':
      return parseDatetime(value as string);
    case 'dynamic':
      return typeof value === 'string' ? parseDatetime(value) : null;
    default:
      return null;
  }
}

export function toTimespan(value: ScalarValue, type: ScalarType): bigint | null {
  if (value === null) return null;
  switch (type) {
    case 'timespan':
      return value as bigint;
    case 'string':
      return parseTimespan(value as string);
    case 'dynamic':
      return typeof value === 'string' ? parseTimespan(value) : null;
    default:
      return null;
  }
}

export function toGuid(value: ScalarValue, type: ScalarType): string | null {
  if (value === null) return null;
  if (type === 'guid') return value as string;
  if (type === 'string' || (type === 'dynamic' && typeof value === 'string'))
    return parseGuid(value as string);
  return null;
}

/**
 * `todynamic()` / `parse_json()`: a string is parsed as JSON, and kept as a dynamic string when it
 * is not JSON (parse-json-function.md); other types are held as they are.
 */
export function toDynamic(value: ScalarValue, type: ScalarType): DynamicValue {
  if (value === null) return null;
  if (type === 'string') {
    const parsed = parseJson(value as string);
    return parsed === undefined ? (value as string) : parsed;
  }
  if (type === 'dynamic') return value as DynamicValue;
  return toDynamicValue(value, type);
}

/** Converts a value of type `from` to type `to` with the `to*()` function's rules. */
export function convert(value: ScalarValue, from: ScalarType, to: ScalarType): ScalarValue {
  return converter(from, to)(value);
}

/** The conversion from `from` to `to`, chosen once. */
export function converter(from: ScalarType, to: ScalarType): Converter {
  if (from === to) return identity;
  switch (to) {
    case 'string':
      return (v) => toStringValue(v, from);
    case 'bool':
      return (v) => toBool(v, from);
    case 'int':
      return (v) => toInt(v, from);
    case 'long':
      return (v) => toLong(v, from);
    case 'real':
    case 'decimal':
      return (v) => toReal(v, from);
    case 'datetime':
      return (v) => toDatetime(v, from);
    case 'timespan':
      return (v) => toTimespan(v, from);
    case 'guid':
      return (v) => toGuid(v, from);
    case 'dynamic':
      return from === 'string' ? (v) => (v === null ? null : (v as string)) : (v) => toDynamicValue(v, from);
  }
}

function identity(v: ScalarValue): ScalarValue {
  return v;
}

/** Kusto's gettype() of a typed value. */
export function typeName(value: ScalarValue, type: ScalarType): string {
  if (type === 'dynamic') {
    const kind = dynamicKind(value as DynamicValue);
    return kind === 'null' ? 'null' : kind;
  }
  if (type === 'int') return 'int';
  if (type === 'decimal') return 'decimal';
  return type;
}
