/**
 * Bit-set functions missing from ./math.ts: bitset_count_ones (the population count of a 64-bit
 * two's-complement value, so a negative long counts its sign-extension bits too).
 */
import { asLong, bound, failure, isIntegral } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

export function countOnes(value: bigint): number {
  let v = BigInt.asUintN(64, value);
  let count = 0;
  while (v !== 0n) {
    v &= v - 1n;
    count++;
  }
  return count;
}

export const bitFunctions: FunctionTable = {
  bitset_count_ones: def(1, 1, (args, name) => {
    const t = args[0]!.type;
    if (!isIntegral(t) && t !== 'dynamic')
      return failure(`${name}(): argument 1 must be an int or a long, got ${t}.`, 0);
    const x = asLong(t);
    return bound('int', (a) => {
      const v = x(a[0]!);
      return v === null ? null : countOnes(v);
    });
  }),
};
