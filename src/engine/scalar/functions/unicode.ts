/**
 * unicode_codepoints_to_string(values...): the string of the given code points. Arguments are
 * numbers or dynamic arrays of numbers (up to 64 arguments). A value that is not a Unicode scalar
 * value (negative, above U+10FFFF, a surrogate, a non-integer) makes the result null, which for a
 * string is the empty string. The inverse, unicode_codepoints_from_string, is in ./strings.ts.
 */
import type { DynamicValue } from '../../../types/scalar.js';
import { asDynamic, bound, failure, isIntegral } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

function isScalarValue(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
}

/** Appends the code points in `v` (a number or an array of numbers); false when one is invalid. */
function collect(v: DynamicValue, out: number[]): boolean {
  if (Array.isArray(v)) return v.every((e) => !Array.isArray(e) && collect(e, out));
  const n = typeof v === 'bigint' ? Number(v) : v;
  if (typeof n !== 'number' || !isScalarValue(n)) return false;
  out.push(n);
  return true;
}

export const unicodeFunctions: FunctionTable = {
  unicode_codepoints_to_string: def(1, 64, (args, name) => {
    const i = args.findIndex((arg) => !isIntegral(arg.type) && arg.type !== 'dynamic');
    if (i >= 0)
      return failure(
        `${name}(): argument ${i + 1} must be an int, a long or a dynamic array, got ${args[i]!.type}.`,
        i,
      );
    const readers = args.map((arg) => asDynamic(arg.type));
    return bound('string', (a) => {
      const points: number[] = [];
      for (let k = 0; k < readers.length; k++) {
        if (!collect(readers[k]!(a[k]!), points)) return '';
      }
      return String.fromCodePoint(...points);
    });
  }),
};
