/**
 * around(value, center, delta): whether value lies in [center − delta, center + delta], bounds
 * included. Numbers compare as doubles; datetimes and timespans as ticks (a datetime center takes
 * a timespan delta). Null when any argument is null.
 */
import type { ScalarType } from '../../../types/scalar.js';
import { asReal, bound, failure, isNumeric } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

function isTemporal(t: ScalarType): boolean {
  return t === 'datetime' || t === 'timespan';
}

export const aroundFunctions: FunctionTable = {
  around: def(3, 3, (args, name) => {
    const [v, c, d] = args.map((arg) => arg.type) as [ScalarType, ScalarType, ScalarType];
    if (isTemporal(v) || isTemporal(c)) {
      if (v !== c || d !== 'timespan')
        return failure(
          `${name}(): value and center must have the same type and delta must be a timespan (got ${v}, ${c}, ${d}).`,
        );
      return bound('bool', (a) => {
        if (a[0] === null || a[1] === null || a[2] === null) return null;
        const value = a[0] as bigint;
        const center = a[1] as bigint;
        const delta = a[2] as bigint;
        return value >= center - delta && value <= center + delta;
      });
    }
    const bad = [v, c, d].findIndex((t) => !isNumeric(t));
    if (bad >= 0)
      return failure(`${name}(): argument ${bad + 1} must be a number, a datetime or a timespan.`, bad);
    const [x, y, z] = args.map((arg) => asReal(arg.type)) as [
      ReturnType<typeof asReal>,
      ReturnType<typeof asReal>,
      ReturnType<typeof asReal>,
    ];
    return bound('bool', (a) => {
      const value = x(a[0]!);
      const center = y(a[1]!);
      const delta = z(a[2]!);
      if (value === null || center === null || delta === null) return null;
      return value >= center - delta && value <= center + delta;
    });
  }),
};
