/**
 * Member and index access on dynamic values (scalar-data-types/dynamic.md, "Dynamic object
 * accessors"): `d.key` and `d['key']` read a property bag's slot; `a[i]` reads an array element,
 * `a[-1]` the last. A missing slot, an index out of range, or access on a value of the wrong shape
 * gives null. The result is always dynamic.
 */
import type { DynamicValue, ScalarValue } from '../../types/scalar.js';
import { isBag } from '../values/dynamic.js';
import { toDynamic } from '../values/convert.js';
import type { ArgInfo, BindResult } from './api.js';
import { asString, bound, failure, isNumeric } from './bound.js';

/** A bag's slot (own keys only: bags have a null prototype, but a caller's object may not). */
export function getMember(target: DynamicValue, name: string): DynamicValue {
  if (!isBag(target)) return null;
  return Object.prototype.hasOwnProperty.call(target, name) ? target[name]! : null;
}

/** An array's element by position; negative positions count from the end. */
export function getElement(target: DynamicValue, index: number): DynamicValue {
  if (!Array.isArray(target) || !Number.isFinite(index)) return null;
  const i = Math.trunc(index);
  const at = i < 0 ? target.length + i : i;
  return at >= 0 && at < target.length ? (target[at] ?? null) : null;
}

/** `target.name`: the engine passes `[target]`. A string target is parsed as JSON first. */
export function bindMember(target: ArgInfo, name: string): BindResult {
  if (target.type !== 'dynamic' && target.type !== 'string') {
    return failure(`Member access '.${name}' needs a dynamic value, not ${target.type}.`, 0);
  }
  const toDyn =
    target.type === 'dynamic'
      ? (v: ScalarValue) => v as DynamicValue
      : (v: ScalarValue) => toDynamic(v, 'string');
  return bound('dynamic', (args) => getMember(toDyn(args[0]!), name));
}

/** `target[index]`: the engine passes `[target, index]`. */
export function bindIndex(target: ArgInfo, index: ArgInfo): BindResult {
  if (target.type !== 'dynamic' && target.type !== 'string') {
    return failure(`Index access needs a dynamic value, not ${target.type}.`, 0);
  }
  const toDyn =
    target.type === 'dynamic'
      ? (v: ScalarValue) => v as DynamicValue
      : (v: ScalarValue) => toDynamic(v, 'string');
  if (index.type === 'string') {
    return bound('dynamic', (args) => getMember(toDyn(args[0]!), args[1] as string));
  }
  if (isNumeric(index.type) || index.type === 'bool') {
    return bound('dynamic', (args) => {
      const i = args[1];
      if (i === null) return null;
      return getElement(toDyn(args[0]!), typeof i === 'boolean' ? (i ? 1 : 0) : Number(i));
    });
  }
  if (index.type === 'dynamic') {
    return bound('dynamic', (args) => {
      const i = args[1] as DynamicValue;
      const t = toDyn(args[0]!);
      if (typeof i === 'string') return getMember(t, i);
      if (typeof i === 'number' || typeof i === 'bigint') return getElement(t, Number(i));
      return null;
    });
  }
  const key = asString(index.type);
  return bound('dynamic', (args) => getMember(toDyn(args[0]!), key(args[1]!)));
}
