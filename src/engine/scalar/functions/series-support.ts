/**
 * What the series_* families share: reading a dynamic argument as a numeric series, and building
 * the binding of functions whose arguments are series or numeric scalars.
 *
 * A series is a dynamic array. Its elements are numeric when they are JSON numbers (or longs
 * beyond 2^53, held as bigint); any other element (a string, a bool, null, a nested array) is
 * "non-numeric", which the reference pages turn into a null result element.
 */
import type { DynamicValue, ScalarType } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { type Adapter, asDynamic, asReal, isNumeric } from '../bound.js';

/** A numeric element as a double; null for anything else. */
export function elementNumber(v: DynamicValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

/** Every element as a double or null (non-numeric). */
export function numbersOf(arr: readonly DynamicValue[]): (number | null)[] {
  return arr.map(elementNumber);
}

/**
 * A series argument, or a numeric scalar broadcast to the other series' length: series_add(s, 5)
 * adds 5 to every element, as the series-dot-product page describes for scalar arguments.
 */
export type SeriesOperand =
  | { readonly kind: 'series'; readonly values: (number | null)[] }
  | { readonly kind: 'scalar'; readonly value: number | null };

/** Reads a series-or-scalar argument; null when the value is neither (a bag, a string). */
export function operandReader(arg: ArgInfo): Adapter<SeriesOperand | null> {
  if (isNumeric(arg.type)) {
    const real = asReal(arg.type);
    return (v) => ({ kind: 'scalar', value: real(v) });
  }
  const dyn = asDynamic(arg.type);
  return (v) => {
    const d = dyn(v);
    if (Array.isArray(d)) return { kind: 'series', values: numbersOf(d) };
    if (typeof d === 'number' || typeof d === 'bigint') return { kind: 'scalar', value: Number(d) };
    return null;
  };
}

/** Reads a series argument: the elements as doubles or null; null when it is not an array. */
export function seriesReader(arg: ArgInfo): Adapter<(number | null)[] | null> {
  const dyn = asDynamic(arg.type);
  return (v) => {
    const d = dyn(v);
    return Array.isArray(d) ? numbersOf(d) : null;
  };
}

/** Reads an array argument keeping its elements as they are (the fill functions keep types). */
export function arrayReader(arg: ArgInfo): Adapter<DynamicValue[] | null> {
  const dyn = asDynamic(arg.type);
  return (v) => {
    const d = dyn(v);
    return Array.isArray(d) ? d : null;
  };
}

/** The element of an operand at index i (a scalar is the same everywhere). */
export function operandAt(op: SeriesOperand, i: number): number | null {
  if (op.kind === 'scalar') return op.value;
  return i < op.values.length ? op.values[i]! : null;
}

/** True when the type can carry a series (dynamic, or a string holding JSON). */
export function canHoldSeries(type: ScalarType): boolean {
  return type === 'dynamic' || type === 'string';
}
