/**
 * Small constructors for BoundScalar and BindFailure, and the argument adapters functions choose
 * at bind time (so evaluation does no type dispatch).
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import {
  toLong,
  toReal,
  toStringValue,
  toDatetime,
  toTimespan,
  toBool,
  toInt,
  toDynamic,
} from '../values/convert.js';
import type { ArgInfo, BindFailure, BoundScalar, EvalContext } from './api.js';

export type Evaluate = (args: readonly ScalarValue[], ctx: EvalContext) => ScalarValue;

/** A deterministic bound function. */
export function bound(resultType: ScalarType, evaluate: Evaluate): BoundScalar {
  return { resultType, evaluate, deterministic: true };
}

/** A bound function whose value may change between calls with the same arguments. */
export function volatileBound(resultType: ScalarType, evaluate: Evaluate): BoundScalar {
  return { resultType, evaluate, deterministic: false };
}

export function failure(error: string, argIndex?: number): BindFailure {
  return argIndex === undefined ? { error } : { error, argIndex };
}

export function isConstant(arg: ArgInfo | undefined): boolean {
  return arg !== undefined && Object.prototype.hasOwnProperty.call(arg, 'constant');
}

export const NUMERIC_TYPES: ReadonlySet<ScalarType> = new Set(['int', 'long', 'real', 'decimal']);

export function isNumeric(type: ScalarType): boolean {
  return NUMERIC_TYPES.has(type);
}

export function isIntegral(type: ScalarType): boolean {
  return type === 'int' || type === 'long';
}

/** Adapters from an argument's representation to the one a function computes with. */
export type Adapter<T> = (value: ScalarValue) => T;

const passString: Adapter<string> = (v) => v as string;

/** The argument as a string ('' for null), with tostring()'s rules for other types. */
export function asString(type: ScalarType): Adapter<string> {
  if (type === 'string') return passString;
  return (v) => toStringValue(v, type);
}

/** The argument as a double or null. */
export function asReal(type: ScalarType): Adapter<number | null> {
  if (type === 'real' || type === 'int' || type === 'decimal') return (v) => v as number | null;
  return (v) => toReal(v, type);
}

/** The argument as a long or null (reals truncate). */
export function asLong(type: ScalarType): Adapter<bigint | null> {
  if (type === 'long') return (v) => v as bigint | null;
  return (v) => toLong(v, type);
}

/** The argument as a JS integer number or null (for counts, positions, lengths). */
export function asIndex(type: ScalarType): Adapter<number | null> {
  if (type === 'int') return (v) => v as number | null;
  if (type === 'long') return (v) => (v === null ? null : Number(v as bigint));
  return (v) => {
    const r = toReal(v, type);
    return r === null || Number.isNaN(r) ? null : Math.trunc(r);
  };
}

export function asInt(type: ScalarType): Adapter<number | null> {
  return (v) => toInt(v, type);
}

export function asBool(type: ScalarType): Adapter<boolean | null> {
  if (type === 'bool') return (v) => v as boolean | null;
  return (v) => toBool(v, type);
}

export function asDatetime(type: ScalarType): Adapter<bigint | null> {
  if (type === 'datetime') return (v) => v as bigint | null;
  return (v) => toDatetime(v, type);
}

export function asTimespan(type: ScalarType): Adapter<bigint | null> {
  if (type === 'timespan') return (v) => v as bigint | null;
  return (v) => toTimespan(v, type);
}

/** The argument as a dynamic value: a string argument is parsed as JSON (as Kusto's array functions do). */
export function asDynamic(type: ScalarType): Adapter<DynamicValue> {
  if (type === 'dynamic') return (v) => v as DynamicValue;
  return (v) => toDynamic(v, type);
}

/** Checks the argument count; a BindFailure in Kusto's wording when it is wrong. */
export function checkArity(
  name: string,
  args: readonly ArgInfo[],
  min: number,
  max: number,
): BindFailure | null {
  const n = args.length;
  if (n >= min && n <= max) return null;
  let expected: string;
  if (min === max) expected = `${min} argument${min === 1 ? '' : 's'}`;
  else if (max === Infinity) expected = `at least ${min} argument${min === 1 ? '' : 's'}`;
  else expected = `between ${min} and ${max} arguments`;
  return failure(`The function '${name}' expects ${expected}, but ${n} ${n === 1 ? 'was' : 'were'} given.`);
}

/** The constant string of an argument, if it is a constant (null stays null). */
export function constantString(arg: ArgInfo | undefined): string | undefined {
  if (!isConstant(arg)) return undefined;
  return toStringValue(arg!.constant ?? null, arg!.type);
}
