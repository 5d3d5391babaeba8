/**
 * Conditional and null-testing functions: iff/iif, case, coalesce, isnull, isnotnull, isempty,
 * isnotempty, not, max_of, min_of, gettype, assert.
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { compareValues } from '../../values/compare.js';
import { typeName } from '../../values/convert.js';
import { asBool, bound, failure, isConstant } from '../bound.js';
import { type FunctionTable, def, unify } from './registry.js';

/** iff(if, then, else) (iff-function.md); a null condition takes the else branch. */
const iff = def(3, 3, (args, name) => {
  const u = unify(name, [args[1]!, args[2]!], true);
  if ('error' in u) return u.error;
  const cond = asBool(args[0]!.type);
  const [thenConv, elseConv] = u.convert as [
    (v: ScalarValue) => ScalarValue,
    (v: ScalarValue) => ScalarValue,
  ];
  return bound(u.type, (a) => (cond(a[0]!) === true ? thenConv(a[1]!) : elseConv(a[2]!)));
});

/** case(pred1, then1, ..., else) (case-function.md). */
const caseFn = def(3, Infinity, (args, name) => {
  if (args.length % 2 === 0)
    return failure(
      `The function '${name}' expects an odd number of arguments: predicate/value pairs and an else value.`,
    );
  const values = args.filter((_, i) => i % 2 === 1 || i === args.length - 1);
  const u = unify(name, values, true);
  if ('error' in u) return u.error;
  const preds = args.filter((_, i) => i % 2 === 0 && i < args.length - 1).map((a) => asBool(a.type));
  const convs = u.convert;
  return bound(u.type, (a) => {
    for (let p = 0; p < preds.length; p++) {
      if (preds[p]!(a[2 * p]!) === true) return convs[p]!(a[2 * p + 1]!);
    }
    return convs[preds.length]!(a[a.length - 1]!);
  });
});

/** Whether a value counts as empty: null, '' or a dynamic '' (isempty-function.md). */
function isEmptyValue(v: ScalarValue): boolean {
  return v === null || v === '';
}

/** coalesce(): the first value that is not null (for strings: not empty) (coalesce-function.md). */
const coalesce = def(1, 64, (args, name) => {
  const u = unify(name, args);
  if ('error' in u) return u.error;
  const convs = u.convert;
  const stringy = u.type === 'string';
  return bound(u.type, (a) => {
    for (let i = 0; i < a.length; i++) {
      const v = convs[i]!(a[i]!);
      if (stringy ? v !== '' : v !== null) return v;
    }
    return stringy ? '' : null;
  });
});

/** max_of / min_of: non-null values take precedence over nulls (max-of-function.md). */
function extremeOf(sign: 1 | -1) {
  return def(1, 64, (args, name) => {
    const u = unify(name, args);
    if ('error' in u) return u.error;
    const { type, convert } = u;
    return bound(type, (a) => {
      let best: ScalarValue = null;
      for (let i = 0; i < a.length; i++) {
        const v = convert[i]!(a[i]!);
        if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
        if (best === null || sign * compareValues(v, best, type) > 0) best = v;
      }
      return best;
    });
  });
}

/**
 * assert(condition, message) (assert-function.md): the condition must be a constant, checked when
 * the query is bound, so a false one fails the query even where no row reaches the call.
 */
const assertFn = def(2, 2, (args, name) => {
  const [condition, message] = args as [ArgInfo, ArgInfo];
  if (condition.type !== 'bool') return failure(`${name}(): the condition must be a bool`, 0);
  if (message.type !== 'string' || !isConstant(message))
    return failure(`${name}(): the message must be a constant string`, 1);
  if (!isConstant(condition))
    return failure(`${name}(): the condition must be a constant when the query is analyzed`, 0);
  if (condition.constant !== true)
    return failure(`assert() has failed with message: '${String(message.constant)}'`);
  return bound('bool', () => true);
});

export const conditionalFunctions: FunctionTable = {
  assert: assertFn,
  iff,
  iif: iff,
  case: caseFn,
  coalesce,
  isnull: def(1, 1, (args) =>
    // A string is never null (isnull-function.md): isnull('') is false.
    args[0]!.type === 'string' ? bound('bool', () => false) : bound('bool', (a) => a[0] === null),
  ),
  isnotnull: def(1, 1, (args) =>
    args[0]!.type === 'string' ? bound('bool', () => true) : bound('bool', (a) => a[0] !== null),
  ),
  isempty: def(1, 1, () => bound('bool', (a) => isEmptyValue(a[0]!))),
  isnotempty: def(1, 1, () => bound('bool', (a) => !isEmptyValue(a[0]!))),
  isnotnullorempty: def(1, 1, () => bound('bool', (a) => !isEmptyValue(a[0]!))),
  not: def(1, 1, (args) => {
    const b = asBool(args[0]!.type);
    return bound('bool', (a) => {
      const v = b(a[0]!);
      return v === null ? null : !v;
    });
  }),
  max_of: extremeOf(1),
  min_of: extremeOf(-1),
  gettype: def(1, 1, (args) => {
    const type = args[0]!.type;
    return bound('string', (a) => typeName(a[0] as DynamicValue, type));
  }),
};
