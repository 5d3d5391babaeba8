/** count, countif, sum, sumif, avg, avgif, min, max (+if), stdev, variance (+p, +if). */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { createVectorBuilder, NullMask, type BoolVector, type Vector } from '../table/index.js';
import { compareValues } from '../values/compare.js';
import type { AggregateKind, AggregateState } from './types.js';

function isTrue(v: Vector, i: number): boolean {
  const b = v as BoolVector;
  return b.values[i] === 1 && !NullMask.isNull(b.nulls, i);
}

function grow(arr: Float64Array, need: number): Float64Array {
  if (need <= arr.length) return arr;
  const next = new Float64Array(Math.max(need, arr.length * 2, 64));
  next.set(arr);
  return next;
}

/** count() and countif(pred): `predicateArg` is the index of the predicate, or -1. */
export function countKind(predicateArg: number): AggregateKind {
  return {
    outputs: ['long'],
    create(): AggregateState {
      let counts: Float64Array = new Float64Array(64);
      return {
        add(groups, n, args) {
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            const g = groups[i]!;
            if (g >= counts.length) counts = grow(counts, g + 1);
            if (pred === null || isTrue(pred, i)) counts[g]!++;
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('long', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(BigInt(counts[g] ?? 0));
          return [b.finish()];
        },
      };
    },
  };
}

export function sumResultType(type: ScalarType): ScalarType | null {
  switch (type) {
    case 'int':
    case 'long':
    case 'bool':
      return 'long';
    case 'real':
    case 'decimal':
    case 'timespan':
      return type;
    default:
      return null;
  }
}

/** sum(x) / sumif(x, pred): nulls are ignored; a group with no value gives null. */
export function sumKind(type: ScalarType, predicateArg: number): AggregateKind {
  const out = sumResultType(type)!;
  const exact = out === 'long' || out === 'timespan';
  return {
    outputs: [out],
    create(): AggregateState {
      const sums: (number | bigint | undefined)[] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (pred !== null && !isTrue(pred, i)) continue;
            let x = v.get(i);
            if (x === null) continue;
            if (typeof x === 'boolean') x = x ? 1 : 0;
            const g = groups[i]!;
            const s = sums[g];
            if (exact) {
              const bx = typeof x === 'bigint' ? x : BigInt(x as number);
              sums[g] = s === undefined ? bx : BigInt.asIntN(64, (s as bigint) + bx);
            } else sums[g] = (s === undefined ? 0 : (s as number)) + Number(x);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder(out, groupCount);
          for (let g = 0; g < groupCount; g++) b.push(sums[g] ?? null);
          return [b.finish()];
        },
      };
    },
  };
}

function toNumber(x: ScalarValue): number | null {
  if (x === null) return null;
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  return null;
}

/** avg(x) / avgif(x, pred): a real; a group with no value gives null. */
export function avgKind(predicateArg: number): AggregateKind {
  return {
    outputs: ['real'],
    create(): AggregateState {
      let sums: Float64Array = new Float64Array(64);
      let counts: Float64Array = new Float64Array(64);
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (pred !== null && !isTrue(pred, i)) continue;
            const x = toNumber(v.get(i));
            if (x === null) continue;
            const g = groups[i]!;
            if (g >= sums.length) {
              sums = grow(sums, g + 1);
              counts = grow(counts, g + 1);
            }
            sums[g]! += x;
            counts[g]!++;
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('real', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(counts[g] ? sums[g]! / counts[g]! : null);
          return [b.finish()];
        },
      };
    },
  };
}

/**
 * min/max (and minif/maxif): nulls are ignored, and so are empty strings (kqlhunt's stand-in for a
 * null string); a group with no value gives null ('' for strings).
 */
export function extremumKind(type: ScalarType, sign: 1 | -1, predicateArg: number): AggregateKind {
  return {
    outputs: [type],
    create(): AggregateState {
      const best: ScalarValue[] = [];
      const has: boolean[] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (pred !== null && !isTrue(pred, i)) continue;
            const x = v.get(i);
            if (x === null || x === '') continue;
            const g = groups[i]!;
            if (!has[g] || sign * compareValues(x, best[g]!, type) > 0) {
              best[g] = x;
              has[g] = true;
            }
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder(type, groupCount);
          for (let g = 0; g < groupCount; g++) b.push(has[g] ? best[g]! : null);
          return [b.finish()];
        },
      };
    },
  };
}

/** variance/stdev (sample) and variancep/stdevp (population), with Welford's update. */
export function varianceKind(population: boolean, sqrt: boolean, predicateArg: number): AggregateKind {
  return {
    outputs: ['real'],
    create(): AggregateState {
      let count: Float64Array = new Float64Array(64);
      let mean: Float64Array = new Float64Array(64);
      let m2: Float64Array = new Float64Array(64);
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (pred !== null && !isTrue(pred, i)) continue;
            const x = toNumber(v.get(i));
            if (x === null) continue;
            const g = groups[i]!;
            if (g >= count.length) {
              count = grow(count, g + 1);
              mean = grow(mean, g + 1);
              m2 = grow(m2, g + 1);
            }
            const c = ++count[g]!;
            const d = x - mean[g]!;
            mean[g]! += d / c;
            m2[g]! += d * (x - mean[g]!);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('real', groupCount);
          for (let g = 0; g < groupCount; g++) {
            const c = count[g] ?? 0;
            if (c === 0) {
              b.push(null);
              continue;
            }
            const denom = population ? c : c - 1;
            const variance = denom > 0 ? m2[g]! / denom : 0;
            b.push(sqrt ? Math.sqrt(variance) : variance);
          }
          return [b.finish()];
        },
      };
    },
  };
}
