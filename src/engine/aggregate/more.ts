/**
 * Aggregates beyond the everyday ones: covariance (sample and population, +if), binary_all_and /
 * _or / _xor, weighted percentiles (percentilesw, percentilesw_array) and buildschema.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { createVectorBuilder, NullMask, type BoolVector, type Vector } from '../table/index.js';
import { compareValues } from '../values/compare.js';
import { toDynamicValue } from '../values/convert.js';
import { dynamicKind, isBag, newBag } from '../values/dynamic.js';
import { percentileResultType } from './collect.js';
import type { AggregateKind, AggregateState } from './types.js';

function passes(pred: Vector | null, i: number): boolean {
  if (pred === null) return true;
  const b = pred as BoolVector;
  return b.values[i] === 1 && !NullMask.isNull(b.nulls, i);
}

function toNumber(x: ScalarValue): number | null {
  if (x === null) return null;
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  return null;
}

/**
 * covariance(x, y) (sample, n-1) and covariancep (population, n), +if: rows where either value is
 * null are skipped; a group with no pair gives null (covariance-aggregation-function.md).
 */
export function covarianceKind(population: boolean, predicateArg: number): AggregateKind {
  return {
    outputs: ['real'],
    create(): AggregateState {
      const stats: { n: number; mx: number; my: number; c: number }[] = [];
      return {
        add(groups, n, args) {
          const pred = predicateArg >= 0 ? args[predicateArg]! : null;
          for (let i = 0; i < n; i++) {
            if (!passes(pred, i)) continue;
            const x = toNumber(args[0]!.get(i));
            const y = toNumber(args[1]!.get(i));
            if (x === null || y === null) continue;
            const s = (stats[groups[i]!] ??= { n: 0, mx: 0, my: 0, c: 0 });
            s.n++;
            const dx = x - s.mx;
            s.mx += dx / s.n;
            s.my += (y - s.my) / s.n;
            s.c += dx * (y - s.my);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('real', groupCount);
          for (let g = 0; g < groupCount; g++) {
            const s = stats[g];
            if (s === undefined) b.push(null);
            else {
              const denom = population ? s.n : s.n - 1;
              b.push(denom > 0 ? s.c / denom : 0);
            }
          }
          return [b.finish()];
        },
      };
    },
  };
}

export type BitwiseOp = 'and' | 'or' | 'xor';

/** binary_all_and / _or / _xor over long values: nulls are skipped; no value gives null. */
export function bitwiseKind(op: BitwiseOp): AggregateKind {
  return {
    outputs: ['long'],
    create(): AggregateState {
      const acc: (bigint | undefined)[] = [];
      return {
        add(groups, n, args) {
          for (let i = 0; i < n; i++) {
            const v = args[0]!.get(i);
            if (v === null) continue;
            const x = BigInt.asIntN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
            const g = groups[i]!;
            const cur = acc[g];
            acc[g] = cur === undefined ? x : op === 'and' ? cur & x : op === 'or' ? cur | x : cur ^ x;
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('long', groupCount);
          for (let g = 0; g < groupCount; g++) b.push(acc[g] ?? null);
          return [b.finish()];
        },
      };
    },
  };
}

/**
 * percentilesw(x, weight, p...) and percentilesw_array: the nearest-rank percentile where each
 * value counts `weight` times (percentilesw-aggregation-function.md): the smallest value whose
 * cumulative weight reaches ceil(p% of the total weight). Rows with a null value or a weight that
 * is null or below 1 are skipped.
 */
export function weightedPercentilesKind(
  type: ScalarType,
  ps: readonly number[],
  asArray: boolean,
): AggregateKind {
  const out = percentileResultType(type);
  return {
    outputs: asArray ? ['dynamic'] : ps.map(() => out),
    create(): AggregateState {
      const values: { v: ScalarValue; w: number }[][] = [];
      return {
        add(groups, n, args) {
          for (let i = 0; i < n; i++) {
            const x = args[0]!.get(i);
            const w = toNumber(args[1]!.get(i));
            if (x === null || w === null || w < 1) continue;
            (values[groups[i]!] ??= []).push({
              v: type === 'int' ? BigInt(x as number) : x,
              w: Math.trunc(w),
            });
          }
        },
        finish(groupCount) {
          const builders = (asArray ? ['dynamic' as const] : ps.map(() => out)).map((t) =>
            createVectorBuilder(t, groupCount),
          );
          for (let g = 0; g < groupCount; g++) {
            const vs = values[g] ?? [];
            vs.sort((a, b) => compareValues(a.v, b.v, out));
            const total = vs.reduce((s, x) => s + x.w, 0);
            const picks = ps.map((p) => {
              if (vs.length === 0) return null;
              const rank = Math.max(1, Math.ceil((p / 100) * total));
              let cumulative = 0;
              for (const x of vs) {
                cumulative += x.w;
                if (cumulative >= rank) return x.v;
              }
              return vs[vs.length - 1]!.v;
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
 * buildschema(dynamic) (buildschema-aggregation-function.md): the smallest schema admitting every
 * value. A value's schema is its type name (`long`, `double`, `string`, `bool`), a bag of its
 * keys' schemas, or for an array `{"`indexer`": schema of its elements}`. Several schemas for one
 * place become an array of the alternatives, in first-seen order, bags merged into one.
 */
export function buildSchemaKind(): AggregateKind {
  return {
    outputs: ['dynamic'],
    create(): AggregateState {
      const schemas: (Alternatives | undefined)[] = [];
      return {
        add(groups, n, args) {
          for (let i = 0; i < n; i++) {
            const v = args[0]!.get(i) as DynamicValue;
            if (v === null) continue;
            const g = groups[i]!;
            schemas[g] = mergeValue(schemas[g] ?? new Alternatives(), v);
          }
        },
        finish(groupCount) {
          const b = createVectorBuilder('dynamic', groupCount);
          for (let g = 0; g < groupCount; g++) {
            const s = schemas[g];
            b.push(s === undefined || s.isEmpty() ? null : s.toDynamic());
          }
          return [b.finish()];
        },
      };
    },
  };
}

const INDEXER = '`indexer`';

/** The schemas seen at one place: primitive type names and at most one bag (merged). */
class Alternatives {
  private readonly order: (string | Map<string, Alternatives>)[] = [];
  private bag: Map<string, Alternatives> | null = null;

  isEmpty(): boolean {
    return this.order.length === 0;
  }

  addPrimitive(name: string): void {
    if (!this.order.includes(name)) this.order.push(name);
  }

  bagEntries(): Map<string, Alternatives> {
    if (this.bag === null) {
      this.bag = new Map();
      this.order.push(this.bag);
    }
    return this.bag;
  }

  toDynamic(): DynamicValue {
    const parts = this.order.map((p): DynamicValue => {
      if (typeof p === 'string') return p;
      const bag = newBag();
      for (const [k, v] of p) if (!v.isEmpty()) bag[k] = v.toDynamic();
      return bag;
    });
    return parts.length === 1 ? parts[0]! : parts;
  }
}

function mergeValue(into: Alternatives, v: DynamicValue): Alternatives {
  if (v === null) return into;
  if (Array.isArray(v)) {
    const entries = into.bagEntries();
    let items = entries.get(INDEXER);
    if (items === undefined) entries.set(INDEXER, (items = new Alternatives()));
    for (const x of v) mergeValue(items, x);
    return into;
  }
  if (isBag(v)) {
    const entries = into.bagEntries();
    for (const [k, x] of Object.entries(v)) {
      let at = entries.get(k);
      if (at === undefined) entries.set(k, (at = new Alternatives()));
      mergeValue(at, x);
    }
    return into;
  }
  const kind = dynamicKind(v);
  into.addPrimitive(kind === 'real' ? 'double' : kind === 'bool' ? 'bool' : kind);
  return into;
}
