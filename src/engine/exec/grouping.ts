/**
 * Assigns group numbers to rows by their key values (summarize by, distinct, pivot, join keys).
 * Group numbers are dense and in first-appearance order, so results are deterministic. A single
 * string key is grouped by dictionary code: one hash lookup per distinct value, not per row.
 */
import type { ScalarType } from '../../types/scalar.js';
import {
  createVectorBuilder,
  StringDictionary,
  type StringVector,
  type Vector,
  type VectorBuilder,
} from '../table/index.js';
import { hashKey, type HashKey } from '../values/compare.js';

export class Grouper {
  private readonly index = new Map<HashKey, number>();
  private readonly keyBuilders: VectorBuilder[];
  private readonly byCode = new WeakMap<StringDictionary, Int32Array>();
  groupCount = 0;

  constructor(readonly keyTypes: readonly ScalarType[]) {
    this.keyBuilders = keyTypes.map((t) => createVectorBuilder(t));
  }

  /** Group number of each of the `n` rows whose keys are `keys`. */
  assign(keys: readonly Vector[], n: number): Uint32Array {
    const out = new Uint32Array(n);
    if (keys.length === 0) {
      if (n > 0 && this.groupCount === 0) this.groupCount = 1;
      return out;
    }
    if (keys.length === 1 && keys[0]!.type === 'string')
      return this.assignStrings(keys[0] as StringVector, n, out);
    for (let i = 0; i < n; i++) out[i] = this.lookup(keys, i);
    return out;
  }

  /** The key values of every group, one vector per key. */
  keyVectors(): Vector[] {
    return this.keyBuilders.map((b) => b.finish());
  }

  private assignStrings(v: StringVector, n: number, out: Uint32Array): Uint32Array {
    let cache = this.byCode.get(v.dict);
    if (cache === undefined || cache.length < v.dict.size) {
      const next = new Int32Array(Math.max(v.dict.size, 16)).fill(-1);
      if (cache !== undefined) next.set(cache);
      cache = next;
      this.byCode.set(v.dict, cache);
    }
    const codes = v.codes;
    const dictValues = v.dict.values;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      let g = cache[code]!;
      if (g < 0) {
        const s = dictValues[code]!;
        g = this.index.get(s) ?? this.newGroup(s, [s]);
        cache[code] = g;
      }
      out[i] = g;
    }
    return out;
  }

  private lookup(keys: readonly Vector[], i: number): number {
    let key: HashKey;
    if (keys.length === 1) key = hashKey(keys[0]!.get(i), this.keyTypes[0]!);
    else {
      let s = '';
      for (let k = 0; k < keys.length; k++)
        s += encodePart(hashKey(keys[k]!.get(i), this.keyTypes[k]!)) + ',';
      key = s;
    }
    const g = this.index.get(key);
    if (g !== undefined) return g;
    return this.newGroup(
      key,
      keys.map((v) => v.get(i)),
    );
  }

  private newGroup(key: HashKey, values: readonly unknown[]): number {
    const g = this.groupCount++;
    this.index.set(key, g);
    values.forEach((v, k) => this.keyBuilders[k]!.push(v as never));
    return g;
  }
}

/** A key part as text that cannot be confused with another type's (strings are JSON-quoted). */
function encodePart(k: HashKey): string {
  switch (typeof k) {
    case 'string':
      return JSON.stringify(k);
    case 'bigint':
      return `${k}n`;
    default:
      return String(k);
  }
}
