/**
 * Kusto's scalar types and how kqlhunt represents their values in JavaScript.
 *
 * This module is the contract between every part: the front end names types with it, sources
 * produce values in these representations, and the engine computes with them. Values are not
 * tagged: the type travels with the column or expression, so a `bigint` is a long, a datetime or a
 * timespan according to its column's type.
 *
 * | type     | JS value                                                          |
 * |----------|-------------------------------------------------------------------|
 * | bool     | boolean                                                           |
 * | int      | number (32-bit integer)                                           |
 * | long     | bigint (exact 64-bit)                                             |
 * | real     | number                                                            |
 * | decimal  | number (Kusto's 128-bit decimal is approximated by a double)      |
 * | string   | string; never null: an unset string is ''                         |
 * | datetime | bigint: 100-ns ticks since 0001-01-01T00:00:00Z (as .NET DateTime) |
 * | timespan | bigint: 100-ns ticks                                              |
 * | guid     | string, lower-case canonical `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` |
 * | dynamic  | DynamicValue: JSON-like; objects have a null prototype            |
 *
 * Every type but string admits `null`.
 */
export type ScalarType =
  'bool' | 'int' | 'long' | 'real' | 'decimal' | 'string' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

export const scalarTypes: readonly ScalarType[] = [
  'bool',
  'int',
  'long',
  'real',
  'decimal',
  'string',
  'datetime',
  'timespan',
  'guid',
  'dynamic',
];

/** A JSON-like value held in a `dynamic` column. Integers beyond 2^53 are bigint. */
export type DynamicValue =
  null | boolean | number | bigint | string | DynamicValue[] | { [key: string]: DynamicValue };

/** Any scalar value, untagged (see the table above). */
export type ScalarValue = null | boolean | number | bigint | string | DynamicValue;

export interface ColumnSchema {
  readonly name: string;
  readonly type: ScalarType;
}

export interface TableSchema {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

/** Ticks between 0001-01-01 and the Unix epoch. */
export const UNIX_EPOCH_TICKS = 621355968000000000n;
/** Ticks between 1601-01-01 (FILETIME's epoch) and 0001-01-01. */
export const FILETIME_EPOCH_TICKS = 504911232000000000n;

export function isScalarType(name: string): name is ScalarType {
  return (scalarTypes as readonly string[]).includes(name);
}
