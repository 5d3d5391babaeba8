/**
 * Aggregates that keep values: dcount (exact), make_set, make_list, make_bag (+ _if),
 * percentile(s) (exact nearest-rank), take_any, arg_min/arg_max.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import {
  createVectorBuilder,
  NullMask,
  type BoolVector,
  type IntVector,
  type LongVector,
  type StringDictionary,
  type StringVector,
  type Vector,
} from '../table/index.js';
import { compareValues, hashKey, type HashKey } from '../values/compare.js';
import { toDynamicValue } from '../values/convert.js';
import { isBag, newBag } from '../values/dynamic.js';
import type { AggregateKind, AggregateState } from './types.js';

function passes(pred: Vector | null, i: number): boolean {
  if (pred === null) return true;
  const b = pred as BoolVector;
  return b.values[i] === 1 && !NullMask.isNull(b.nulls, i);
}

function isEmpty(x: ScalarValue): boolean {
  return x === null || x === '';
}

/** Bytes of per-group "code seen" bitmaps one dcount may hold before it stops making new ones. */
const SEEN_CODES_BUDGET = 64 * 1024 * 1024;

/**
 * dcount / dcountif / count_distinct: exact distinct count of non-null values. With `codeDedupe`,
 * a string argument is first deduplicated by dictionary code (a bitmap per group and dictionary),
 * so the set of values sees each distinct string of a dictionary once instead of once per row;
 * the set stays the source of truth (a code maps to one string), so the count is the same.
 */
export function dcountKind(type: ScalarType, predicateArg: number, codeDedupe = false): AggregateKind {
  return {
    outputs: ['long'],
    create(): AggregateState {
      const sets: Set<HashKey>[] = [];
      const seenByDict = new WeakMap<StringDictionary, (Uint8Array | null)[]>();
      let seenBytes = 0;
      const addCodes = (groups: Uint32Array, n: number, v: StringVector, pred: Vector | null): void => {
        const codes = v.codes;
        const dict = v.dict;
        const strings = dict.values;
        let seen = seenByDict.get(dict);
        if (seen === undefined) seenByDict.set(dict, (seen = []));
        for (let i = 0; i < n; i++) {
          if (pred !== null && !passes(pred, i)) continue;
          const g = groups[i]!;
          const code = codes[i]!;
          let bits = seen[g];
          if (bits === undefined || (bits !== null && bits.length <= code >>> 3)) {
            // A new or too small bitmap (the dictionary grows as chunks are added).
            const bytes = Math.max((dict.size + 7) >>> 3, ((code >>> 3) + 1) * 2);
            if (seenBytes + bytes - (bits?.length ?? 0) > SEEN_CODES_BUDGET) bits = null;
            else {
              const next = new Uint8Array(bytes);
              if (bits) next.set(bits);
              seenBytes += bytes - (bits?.length ?? 0);
              bits = next;
            }
            seen[g] = bits;
          }
          if (bits !== null) {
            const mask = 1 << (code & 7);
            if ((bits[code >>> 3]! & mask) !== 0) continue;
            bits[code >>> 3]! |= mask;
          }
          (sets[g] ??= new Set()).add(hashKey(strings[code]!, type));
        }
      };
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          if (codeDedupe && v.type === 'string') {
            addCodes(groups, n, v, pred);
            return;
          }
          for (let i = 0; i < n; i++) {
            if (!passes(pred, i)) continue;
            const x = v.get(i);
            if (x === null) continue;
            const g = groups[i]!;
            (sets[g] ??= new Set()).add(hashKey(x, type));
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('long', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(BigInt(sets[g]?.size ?? 0));
          return [b.finish()];
        },
      };
    },
  };
}

/**
 * make_set / make_list (+ _if): a dynamic array, nulls ignored, at most `maxSize` elements. A
 * dynamic array value contributes its elements, not itself (make-set-aggregation-function.md's
 * "Set from array column"; geo-point-in-polygon-function.md builds MultiPolygon coordinates with
 * make_list(pack_array(...)), which relies on the same one-level unwrapping). make_list_with_nulls
 * (`keepNulls`) keeps values as they are.
 */
export function collectKind(
  type: ScalarType,
  distinct: boolean,
  maxSize: number,
  predicateArg: number,
  keepNulls = false,
): AggregateKind {
  const flatten = type === 'dynamic' && !keepNulls;
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const lists: DynamicValue[][] = [];
      const seen: Set<HashKey>[] = [];
      const collect = (g: number, x: ScalarValue, t: ScalarType): void => {
        const list = (lists[g] ??= []);
        if (list.length >= maxSize) return;
        if (distinct) {
          const s = (seen[g] ??= new Set());
          const k = hashKey(x, t);
          if (s.has(k)) return;
          s.add(k);
        }
        list.push(toDynamicValue(x, t));
      };
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (!passes(pred, i)) continue;
            const x = v.get(i);
            if (x === null && !keepNulls) continue;
            const g = groups[i]!;
            if (flatten && Array.isArray(x)) for (const item of x) collect(g, item, 'dynamic');
            else collect(g, x, type);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('dynamic', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(lists[g] ?? []);
          return [b.finish()];
        },
      };
    },
  };
}

/** make_bag (+ _if): merges property bags; the first value of a key wins. */
export function makeBagKind(maxSize: number, predicateArg: number): AggregateKind {
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const bags: { [k: string]: DynamicValue }[] = [];
      const sizes: number[] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (!passes(pred, i)) continue;
            const x = v.get(i);
            if (!isBag(x)) continue;
            const g = groups[i]!;
            const bag = (bags[g] ??= newBag());
            for (const key of Object.keys(x)) {
              if (Object.prototype.hasOwnProperty.call(bag, key) || (sizes[g] ?? 0) >= maxSize) continue;
              bag[key] = x[key]!;
              sizes[g] = (sizes[g] ?? 0) + 1;
            }
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('dynamic', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(bags[g] ?? newBag());
          return [b.finish()];
        },
      };
    },
  };
}

export function percentileResultType(type: ScalarType): ScalarType {
  return type === 'int' ? 'long' : type === 'decimal' ? 'real' : type;
}

/**
 * percentile(x, p) / percentiles(x, p1, ...): exact nearest-rank over the group's non-null values
 * (Kusto estimates with a t-digest; exact ranks agree with it at 0, 100 and on small groups).
 * `asArray` gives percentiles_array's single dynamic column.
 */
export function percentilesKind(type: ScalarType, ps: readonly number[], asArray: boolean): AggregateKind {
  const out = percentileResultType(type);
  return {
    outputs: asArray ? ['dynamic'] : ps.map(() => out),
    create(): AggregateState {
      const values: ScalarValue[][] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          for (let i = 0; i < n; i++) {
            const x = v.get(i);
            if (x === null) continue;
            (values[groups[i]!] ??= []).push(type === 'int' ? BigInt(x as number) : x);
          }
        },
        finish(groupCount) {
          const builders = (asArray ? ['dynamic' as const] : ps.map(() => out)).map((t) =>
            createVectorBuilder(t, groupCount),
          );
          for (let g = 0; g < groupCount; g++) {
            const vs = values[g] ?? [];
            vs.sort((a, b) => compareValues(a, b, out));
            const picks = ps.map((p) => {
              if (vs.length === 0) return null;
              const rank = Math.max(1, Math.ceil((p / 100) * vs.length));
              return vs[Math.min(vs.length, rank) - 1]!;
            });
            if (asArray) builders[0]!.push(picks.map((x) => (x === null ? null : toDynamicValue(x, out))));
            else picks.forEach((x, k) => builders[k]!.push(x));
          }
          return builders.map((b) => b.finish());
        },
      };
    },
  };
}

/**
 * take_any(x, ...) / any(): the values of one row per group. kqlhunt picks deterministically: the
 * first row (in input order) whose first argument is neither null nor empty, else the first row.
 * `predicateArg` >= 0 makes it take_anyif.
 */
export function takeAnyKind(types: readonly ScalarType[], predicateArg: number): AggregateKind {
  const valueArgs = types.length;
  return {
    outputs: types,
    create(): AggregateState {
      const chosen: ScalarValue[][] = [];
      const settled: boolean[] = [];
      return {
        add(groups, n, args) {
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (!passes(pred, i)) continue;
            const g = groups[i]!;
            if (settled[g]) continue;
            const first = args[0]!.get(i);
            if (chosen[g] === undefined || !isEmpty(first)) {
              const row: ScalarValue[] = new Array(valueArgs);
              for (let k = 0; k < valueArgs; k++) row[k] = args[k]!.get(i);
              chosen[g] = row;
              settled[g] = !isEmpty(first);
            }
          }
        },
        finish(groupCount) {
          return types.map((t, k) => {
            const b = createVectorBuilder(t, groupCount);
            for (let g = 0; g < groupCount; g++) b.push(chosen[g]?.[k] ?? null);
            return b.finish();
          });
        },
      };
    },
  };
}

/**
 * arg_max / arg_min(by, ret...): the row with the greatest (least) non-null `by`; ties keep the
 * first row; a group where `by` is always null gives its first row (arg-max docs' null example).
 * With `typed`, an int or long-like `by` is compared in its typed array, and the returned values
 * are read once per group and batch (for the batch's last winner) instead of at every new best.
 */
export function argExtremumKind(types: readonly ScalarType[], sign: 1 | -1, typed = false): AggregateKind {
  const byType = types[0]!;
  const typedBy =
    typed && (byType === 'int' || byType === 'long' || byType === 'datetime' || byType === 'timespan');
  return {
    outputs: types,
    create(): AggregateState {
      const chosen: ScalarValue[][] = [];
      const finish = (groupCount: number): Vector[] =>
        types.map((t, k) => {
          const b = createVectorBuilder(t, groupCount);
          for (let g = 0; g < groupCount; g++) b.push(chosen[g]?.[k] ?? null);
          return b.finish();
        });
      if (typedBy) return typedArgExtremum(types, sign, byType === 'int', chosen, finish);
      return {
        add(groups, n, args) {
          for (let i = 0; i < n; i++) {
            const g = groups[i]!;
            const x = args[0]!.get(i);
            const cur = chosen[g];
            let take: boolean;
            if (cur === undefined) take = true;
            else if (x === null) take = false;
            else if (cur[0] === null) take = true;
            else take = sign * compareValues(x, cur[0]!, byType) > 0;
            if (!take) continue;
            const row: ScalarValue[] = new Array(types.length);
            for (let k = 0; k < types.length; k++) row[k] = args[k]!.get(i);
            chosen[g] = row;
          }
        },
        finish,
      };
    },
  };
}

/** What a group has seen so far, in typedArgExtremum. */
const UNSEEN = 0;
const ONLY_NULL = 1;
const HAS_VALUE = 2;

function typedArgExtremum(
  types: readonly ScalarType[],
  sign: 1 | -1,
  isInt: boolean,
  chosen: ScalarValue[][],
  finish: (groupCount: number) => Vector[],
): AggregateState {
  let seen = new Uint8Array(64);
  let bestInt = new Int32Array(64);
  let bestLong = new BigInt64Array(64);
  /** The row of this batch that last became its group's pick, or -1. */
  let winner = new Int32Array(64).fill(-1);
  const ensure = (g: number): void => {
    if (g < seen.length) return;
    const size = Math.max(g + 1, seen.length * 2);
    const s = new Uint8Array(size);
    s.set(seen);
    seen = s;
    if (isInt) {
      const b = new Int32Array(size);
      b.set(bestInt);
      bestInt = b;
    } else {
      const b = new BigInt64Array(size);
      b.set(bestLong);
      bestLong = b;
    }
    const w = new Int32Array(size).fill(-1);
    w.set(winner);
    winner = w;
  };
  return {
    add(groups, n, args) {
      const by = args[0] as IntVector | LongVector;
      const nulls = by.nulls;
      const touched: number[] = [];
      const take = (g: number, i: number): void => {
        if (winner[g]! < 0) touched.push(g);
        winner[g] = i;
      };
      if (isInt) {
        const values = (by as IntVector).values;
        for (let i = 0; i < n; i++) {
          const g = groups[i]!;
          if (g >= seen.length) ensure(g);
          const s = seen[g]!;
          if (nulls !== null && nulls.get(i)) {
            if (s === UNSEEN) {
              seen[g] = ONLY_NULL;
              take(g, i);
            }
            continue;
          }
          const x = values[i]!;
          if (s !== HAS_VALUE || (sign > 0 ? x > bestInt[g]! : x < bestInt[g]!)) {
            seen[g] = HAS_VALUE;
            bestInt[g] = x;
            take(g, i);
          }
        }
      } else {
        const values = (by as LongVector).values;
        for (let i = 0; i < n; i++) {
          const g = groups[i]!;
          if (g >= seen.length) ensure(g);
          const s = seen[g]!;
          if (nulls !== null && nulls.get(i)) {
            if (s === UNSEEN) {
              seen[g] = ONLY_NULL;
              take(g, i);
            }
            continue;
          }
          const x = values[i]!;
          if (s !== HAS_VALUE || (sign > 0 ? x > bestLong[g]! : x < bestLong[g]!)) {
            seen[g] = HAS_VALUE;
            bestLong[g] = x;
            take(g, i);
          }
        }
      }
      for (const g of touched) {
        const i = winner[g]!;
        const row: ScalarValue[] = new Array(types.length);
        for (let k = 0; k < types.length; k++) row[k] = args[k]!.get(i);
        chosen[g] = row;
        winner[g] = -1;
      }
    },
    finish,
  };
}
