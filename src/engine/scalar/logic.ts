/**
 * `and` / `or` with three-valued logic (null-values.md): `and` is false if either side is false,
 * else null if either is null; `or` is true if either side is true, else null if either is null.
 * Non-bool operands convert as tobool() does.
 */
import type { ArgInfo, BindResult } from './api.js';
import { asBool, bound } from './bound.js';

export function bindLogical(op: 'and' | 'or', left: ArgInfo, right: ArgInfo): BindResult {
  const l = asBool(left.type);
  const r = asBool(right.type);
  if (op === 'and') {
    return bound('bool', (args) => {
      const a = l(args[0]!);
      if (a === false) return false;
      const b = r(args[1]!);
      if (b === false) return false;
      return a === null || b === null ? null : true;
    });
  }
  return bound('bool', (args) => {
    const a = l(args[0]!);
    if (a === true) return true;
    const b = r(args[1]!);
    if (b === true) return true;
    return a === null || b === null ? null : false;
  });
}
