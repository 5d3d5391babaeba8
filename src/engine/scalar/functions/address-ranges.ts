/**
 * What ipv4_is_in_range / ipv4_is_in_any_range and their ipv6 twins share: the argument list
 * flattening (strings and dynamic arrays of strings) and the two range tests, over any address
 * family given its parser and its containment test.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { dynamicToString } from '../../values/convert.js';
import { asDynamic, asString, bound } from '../bound.js';
import { def, type FunctionDef } from './registry.js';

/** The texts of trailing arguments: each a string, or a dynamic array whose elements count one by one. */
export function argumentTexts(values: readonly ScalarValue[], types: readonly ScalarType[]): string[] {
  const out: string[] = [];
  values.forEach((v, i) => {
    const d = asDynamic(types[i]!)(v);
    if (Array.isArray(d)) for (const e of d as DynamicValue[]) out.push(dynamicToString(e));
    else if (d !== null) out.push(dynamicToString(d));
  });
  return out;
}

/** `x_is_in_range(ip, range)` and `x_is_in_any_range(ip, ranges...)`; unparsable input gives null. */
export function rangeFunctions<N>(
  parse: (text: string) => N | null,
  contains: (ip: N, range: N) => boolean,
): { inRange: FunctionDef; inAnyRange: FunctionDef } {
  return {
    inRange: def(2, 2, (args) => {
      const s = asString(args[0]!.type);
      const r = asString(args[1]!.type);
      return bound('bool', (a) => {
        const ip = parse(s(a[0]!));
        const range = parse(r(a[1]!));
        return ip === null || range === null ? null : contains(ip, range);
      });
    }),
    inAnyRange: def(2, 64, (args) => {
      const s = asString(args[0]!.type);
      const types = args.slice(1).map((x) => x.type);
      return bound('bool', (a) => {
        const ip = parse(s(a[0]!));
        if (ip === null) return null;
        const ranges = argumentTexts(a.slice(1), types).map(parse);
        if (ranges.some((x) => x === null)) return null;
        return ranges.some((range) => contains(ip, range!));
      });
    }),
  };
}
