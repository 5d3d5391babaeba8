/**
 * Ordering and equality of typed values, for `sort`, `top`, `min`/`max`, `distinct` and group-by.
 *
 * - null orders before every value (the engine places nulls first or last per `nulls first|last`).
 * - Strings order by UTF-16 code unit (ordinal), as Kusto's sort does.
 * - Reals: NaN orders after null and before every number, so sorting is total.
 * - Dynamic: null < bool < numbers < strings < arrays < bags; numbers compare by value across
 *   long and real; arrays and bags by their JSON text.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { stringifyDynamic } from './dynamic.js';

function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // At least one NaN.
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an === bn ? 0 : an ? -1 : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareNumeric(a: number | bigint, b: number | bigint): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  // Mixed: compare as doubles unless equal there, then exactly.
  const an = Number(a);
  const bn = Number(b);
  const c = compareNumbers(an, bn);
  if (c !== 0 || Number.isNaN(an) || Number.isNaN(bn)) return c;
  if (typeof a === 'number' && !Number.isInteger(a)) return c;
  if (typeof b === 'number' && !Number.isInteger(b)) return c;
  const ab = BigInt(a);
  const bb = BigInt(b);
  return ab < bb ? -1 : ab > bb ? 1 : 0;
}

function dynamicRank(v: DynamicValue): number {
  if (v === null) return 0;
  switch (typeof v) {
    case 'boolean':
      return 1;
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    default:
      return Array.isArray(v) ? 4 : 5;
  }
}

export function compareDynamic(a: DynamicValue, b: DynamicValue): number {
  const ra = dynamicRank(a);
  const rb = dynamicRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 2:
      return compareNumeric(a as number | bigint, b as number | bigint);
    case 3:
      return compareStrings(a as string, b as string);
    default:
      return compareStrings(stringifyDynamic(a), stringifyDynamic(b));
  }
}

/** Total order of two values of the same type: negative, zero or positive. */
export function compareValues(a: ScalarValue, b: ScalarValue, type: ScalarType): number {
  if (a === null || b === null) {
    if (a === null && b === null) return 0;
    return a === null ? -1 : 1;
  }
  switch (type) {
    case 'bool':
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 'int':
    case 'real':
    case 'decimal':
      return compareNumbers(a as number, b as number);
    case 'long':
    case 'datetime':
    case 'timespan':
      return a < b ? -1 : a > b ? 1 : 0;
    case 'string':
    case 'guid':
      return compareStrings(a as string, b as string);
    case 'dynamic':
      return compareDynamic(a as DynamicValue, b as DynamicValue);
  }
}

/** A comparator for `type`, for Array.prototype.sort and the engine's sort. */
export function comparatorFor(type: ScalarType): (a: ScalarValue, b: ScalarValue) => number {
  return (a, b) => compareValues(a, b, type);
}

/**
 * A Map key that is equal for exactly the values group-by puts together: primitives are their own
 * key (Map uses SameValueZero, so NaN groups with NaN and -0 with 0). Dynamic arrays and bags are
 * keyed by their JSON behind a NUL prefix; a dynamic string that itself starts with NUL gets a
 * second prefix, so no string can collide with a composite value.
 */
export type HashKey = string | number | bigint | boolean | null;

const COMPOSITE_PREFIX = '\u0000{}';
const DYNAMIC_STRING_PREFIX = '\u0000s';

export function hashKey(value: ScalarValue, type: ScalarType): HashKey {
  if (value === null) return null;
  if (type !== 'dynamic') return value as HashKey;
  const v = value as DynamicValue;
  switch (typeof v) {
    case 'bigint':
      return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
    case 'string':
      // A string that starts with the composite prefix must not collide with a bag's key.
      return v.startsWith('\u0000') ? DYNAMIC_STRING_PREFIX + v : v;
    case 'object':
      return COMPOSITE_PREFIX + stringifyDynamic(v);
    default:
      return v as HashKey;
  }
}

/** Equality with group-by's meaning (null equals null here, unlike `==`). */
export function sameValue(a: ScalarValue, b: ScalarValue, type: ScalarType): boolean {
  return hashKey(a, type) === hashKey(b, type) || (Number.isNaN(a) && Number.isNaN(b));
}
