/**
 * The sketch aggregates: hll / hll_if (distinct-count intermediate results), hll_merge,
 * tdigest (percentile intermediate results, optionally weighted) and tdigest_merge. Their values
 * are dynamic; the encoding and the functions that read them are in
 * scalar/functions/sketches.ts. A group with no row gives null (summarize-operator.md's empty
 * input example).
 */
import type { Expr } from '../../plan/plan.js';
import type { DynamicValue, ScalarType } from '../../types/scalar.js';
import type { CompiledExpr } from '../expr/compiled.js';
import {
  digestValue,
  hllPrecision,
  hllValue,
  mergeDigests,
  mergeHll,
  normalizeDigest,
  valueHash,
  type DigestEntry,
} from '../scalar/functions/sketches.js';
import { createVectorBuilder, NullMask, type BoolVector, type Vector } from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';
import { toReal } from '../values/convert.js';
import type { AggregateKind, AggregateState } from './types.js';

function passes(pred: Vector | null, i: number): boolean {
  if (pred === null) return true;
  const b = pred as BoolVector;
  return b.values[i] === 1 && !NullMask.isNull(b.nulls, i);
}

/** hll(x [, accuracy]) / hll_if(x, predicate [, accuracy]): the distinct hashes of x's non-null values. */
export function hllKind(type: ScalarType, precision: number, predicateArg: number): AggregateKind {
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const seen: Set<HashKey>[] = [];
      const hashes: string[][] = [];
      const touched: boolean[] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            const g = groups[i]!;
            touched[g] = true;
            if (!passes(pred, i)) continue;
            const x = v.get(i);
            if (x === null) continue;
            const s = (seen[g] ??= new Set());
            const k = hashKey(x, type);
            if (s.has(k)) continue;
            s.add(k);
            (hashes[g] ??= []).push(valueHash(x, type));
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('dynamic', groupCount);
          for (let g = 0; g < groupCount; g++)
            b.push(touched[g] ? hllValue(new Set(hashes[g] ?? []), precision) : null);
          return [b.finish()];
        },
      };
    },
  };
}

/** hll_merge(hll): the union of the group's hll values. */
export function hllMergeKind(): AggregateKind {
  return mergingKind((values) => mergeHll(values));
}

/** tdigest(x [, weight]): x's distinct non-null values with their weights (1 per row by default). */
export function tdigestKind(type: ScalarType, weighted: boolean): AggregateKind {
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const entries: Map<HashKey, DigestEntry>[] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          const w = weighted ? args[1]! : null;
          for (let i = 0; i < n; i++) {
            const x = v.get(i);
            if (x === null) continue;
            let weight = 1;
            if (w !== null) {
              const r = toReal(w.get(i), w.type);
              if (r === null || !(r > 0)) continue;
              weight = r;
            }
            const m = (entries[groups[i]!] ??= new Map());
            const k = hashKey(x, type);
            const at = m.get(k);
            if (at === undefined) m.set(k, { value: type === 'int' ? BigInt(x as number) : x, weight });
            else at.weight += weight;
          }
        },
        finish(groupCount) {
          const digestType: ScalarType = type === 'int' ? 'long' : type;
          const b = createVectorBuilder('dynamic', groupCount);
          for (let g = 0; g < groupCount; g++) {
            const m = entries[g];
            b.push(m === undefined ? null : digestValue(normalizeDigest(digestType, m.values())));
          }
          return [b.finish()];
        },
      };
    },
  };
}

/** tdigest_merge(digest): the group's digests as one. */
export function tdigestMergeKind(): AggregateKind {
  return mergingKind((values) => {
    const d = mergeDigests(values);
    return d === null ? null : digestValue(d);
  });
}

function mergingKind(merge: (values: readonly DynamicValue[]) => DynamicValue): AggregateKind {
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const values: DynamicValue[][] = [];
      return {
        add(groups, n, args) {
          const v = args[0]!;
          for (let i = 0; i < n; i++) {
            const x = v.get(i) as DynamicValue;
            if (x !== null) (values[groups[i]!] ??= []).push(x);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('dynamic', groupCount);
          // Merge as values arrive would be cheaper in memory; groups are few where sketches are used.
          for (let g = 0; g < groupCount; g++) b.push(values[g] === undefined ? null : merge(values[g]!));
          return [b.finish()];
        },
      };
    },
  };
}

export const sketchAggregateNames: readonly string[] = [
  'hll',
  'hll_if',
  'hll_merge',
  'tdigest',
  'tdigest_merge',
];

/** What bind.ts provides to bind a sketch aggregate's arguments. */
export interface SketchBinder {
  readonly args: readonly Expr[];
  compile(e: Expr): CompiledExpr;
  constant(index: number, what: string): number;
  fail(message: string): never;
}

/** Binds one of `sketchAggregateNames`; null for any other name. */
export function bindSketchAggregate(
  name: string,
  b: SketchBinder,
): { args: CompiledExpr[]; kind: AggregateKind } | null {
  const arity = (min: number, max: number): void => {
    if (b.args.length < min || b.args.length > max)
      b.fail(`expected ${min === max ? min : `${min} to ${max}`} arguments, got ${b.args.length}`);
  };
  const precisionAt = (index: number): number => {
    if (b.args.length <= index) return hllPrecision(1)!;
    const accuracy = b.constant(index, 'accuracy');
    const p = hllPrecision(accuracy);
    return p ?? b.fail(`accuracy must be 0, 1, 2, 3 or 4, got ${accuracy}`);
  };
  const dynamicArg = (): CompiledExpr => {
    const x = b.compile(b.args[0]!);
    if (x.type !== 'dynamic') b.fail(`expected a dynamic value, got ${x.type}`);
    return x;
  };
  switch (name) {
    case 'hll': {
      arity(1, 2);
      const x = b.compile(b.args[0]!);
      return { args: [x], kind: hllKind(x.type, precisionAt(1), -1) };
    }
    case 'hll_if': {
      arity(2, 3);
      const x = b.compile(b.args[0]!);
      const pred = b.compile(b.args[1]!);
      if (pred.type !== 'bool') b.fail(`argument 2 must be a bool predicate, got ${pred.type}`);
      return { args: [x, pred], kind: hllKind(x.type, precisionAt(2), 1) };
    }
    case 'hll_merge':
      arity(1, 1);
      return { args: [dynamicArg()], kind: hllMergeKind() };
    case 'tdigest': {
      arity(1, 2);
      const x = b.compile(b.args[0]!);
      if (x.type === 'dynamic') b.fail('expected a scalar value, got dynamic');
      if (b.args.length === 1) return { args: [x], kind: tdigestKind(x.type, false) };
      const w = b.compile(b.args[1]!);
      if (!['int', 'long', 'real', 'decimal'].includes(w.type))
        b.fail(`the weight must be a number, got ${w.type}`);
      return { args: [x, w], kind: tdigestKind(x.type, true) };
    }
    case 'tdigest_merge':
      arity(1, 1);
      return { args: [dynamicArg()], kind: tdigestMergeKind() };
    default:
      return null;
  }
}
