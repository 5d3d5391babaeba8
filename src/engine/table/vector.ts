/**
 * Column vectors: one typed, immutable array of values per column per chunk.
 *
 * | type                       | storage                                   |
 * |----------------------------|-------------------------------------------|
 * | bool                       | Uint8Array (0/1) + NullMask               |
 * | int                        | Int32Array + NullMask                     |
 * | long, datetime, timespan   | BigInt64Array + NullMask                  |
 * | real, decimal              | Float64Array + NullMask                   |
 * | string                     | Uint32Array codes into a StringDictionary |
 * | guid, dynamic              | a plain array of values                   |
 *
 * `gather` takes row indices; the index NULL_ROW yields a null (or '' for strings), which is how
 * outer joins and pivots fill cells that have no source row. A gather is deferred: the new vector
 * reads through the indices until its values are needed in bulk, so that the columns an
 * operator only carries along (mv-expand repeating 200 SecurityEvent columns) cost nothing.
 * Index arrays handed to `gather` must not be changed afterwards.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { NullMask } from './null-mask.js';
import { StringDictionary } from './string-dictionary.js';

export const NULL_ROW = 0xffffffff;

export type Vector = BoolVector | IntVector | LongVector | RealVector | StringVector | ObjectVector;

export type LongLikeType = 'long' | 'datetime' | 'timespan';
export type RealLikeType = 'real' | 'decimal';
export type ObjectType = 'guid' | 'dynamic';

function gatherMask(src: NullMask | null, idx: ArrayLike<number>, n: number): NullMask | null {
  let out: NullMask | null = null;
  for (let i = 0; i < n; i++) {
    const j = idx[i]!;
    if (j === NULL_ROW || NullMask.isNull(src, j)) (out ??= new NullMask(n)).set(i);
  }
  return out;
}

function sliceMask(src: NullMask | null, start: number, end: number): NullMask | null {
  if (src === null) return null;
  let out: NullMask | null = null;
  for (let i = start; i < end; i++) if (src.get(i)) (out ??= new NullMask(end - start)).set(i - start);
  return out;
}

/** A vector whose rows are rows `idx` of `src`, computed when first read in bulk. */
interface Gathered<V> {
  readonly src: V;
  readonly idx: ArrayLike<number>;
}

export class BoolVector {
  readonly type = 'bool' as const;
  private _values: Uint8Array | null;
  private _nulls: NullMask | null;
  private from: Gathered<BoolVector> | null;
  constructor(
    values: Uint8Array | null,
    nulls: NullMask | null,
    readonly length: number = values?.length ?? 0,
    from: Gathered<BoolVector> | null = null,
  ) {
    this._values = values;
    this._nulls = nulls;
    this.from = from;
  }
  get values(): Uint8Array {
    if (this.from !== null) this.materialize();
    return this._values!;
  }
  get nulls(): NullMask | null {
    if (this.from !== null) this.materialize();
    return this._nulls;
  }
  get(i: number): boolean | null {
    const f = this.from;
    if (f !== null) {
      const j = f.idx[i]!;
      return j === NULL_ROW ? null : f.src.get(j);
    }
    return NullMask.isNull(this._nulls, i) ? null : this._values![i] === 1;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): BoolVector {
    return new BoolVector(null, null, n, { src: this, idx });
  }
  slice(start: number, end: number): BoolVector {
    return new BoolVector(this.values.slice(start, end), sliceMask(this.nulls, start, end), end - start);
  }
  private materialize(): void {
    const { src, idx } = this.from!;
    const n = this.length;
    const values = src.values;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      out[i] = j === NULL_ROW ? 0 : values[j]!;
    }
    this._values = out;
    this._nulls = gatherMask(src.nulls, idx, n);
    this.from = null;
  }
}

export class IntVector {
  readonly type = 'int' as const;
  private _values: Int32Array | null;
  private _nulls: NullMask | null;
  private from: Gathered<IntVector> | null;
  constructor(
    values: Int32Array | null,
    nulls: NullMask | null,
    readonly length: number = values?.length ?? 0,
    from: Gathered<IntVector> | null = null,
  ) {
    this._values = values;
    this._nulls = nulls;
    this.from = from;
  }
  get values(): Int32Array {
    if (this.from !== null) this.materialize();
    return this._values!;
  }
  get nulls(): NullMask | null {
    if (this.from !== null) this.materialize();
    return this._nulls;
  }
  get(i: number): number | null {
    const f = this.from;
    if (f !== null) {
      const j = f.idx[i]!;
      return j === NULL_ROW ? null : f.src.get(j);
    }
    return NullMask.isNull(this._nulls, i) ? null : this._values![i]!;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): IntVector {
    return new IntVector(null, null, n, { src: this, idx });
  }
  slice(start: number, end: number): IntVector {
    return new IntVector(this.values.slice(start, end), sliceMask(this.nulls, start, end), end - start);
  }
  private materialize(): void {
    const { src, idx } = this.from!;
    const n = this.length;
    const values = src.values;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      out[i] = j === NULL_ROW ? 0 : values[j]!;
    }
    this._values = out;
    this._nulls = gatherMask(src.nulls, idx, n);
    this.from = null;
  }
}

export class LongVector {
  private _values: BigInt64Array | null;
  private _nulls: NullMask | null;
  private from: Gathered<LongVector> | null;
  constructor(
    readonly type: LongLikeType,
    values: BigInt64Array | null,
    nulls: NullMask | null,
    readonly length: number = values?.length ?? 0,
    from: Gathered<LongVector> | null = null,
  ) {
    this._values = values;
    this._nulls = nulls;
    this.from = from;
  }
  get values(): BigInt64Array {
    if (this.from !== null) this.materialize();
    return this._values!;
  }
  get nulls(): NullMask | null {
    if (this.from !== null) this.materialize();
    return this._nulls;
  }
  get(i: number): bigint | null {
    const f = this.from;
    if (f !== null) {
      const j = f.idx[i]!;
      return j === NULL_ROW ? null : f.src.get(j);
    }
    return NullMask.isNull(this._nulls, i) ? null : this._values![i]!;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): LongVector {
    return new LongVector(this.type, null, null, n, { src: this, idx });
  }
  slice(start: number, end: number): LongVector {
    return new LongVector(
      this.type,
      this.values.slice(start, end),
      sliceMask(this.nulls, start, end),
      end - start,
    );
  }
  private materialize(): void {
    const { src, idx } = this.from!;
    const n = this.length;
    const values = src.values;
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      out[i] = j === NULL_ROW ? 0n : values[j]!;
    }
    this._values = out;
    this._nulls = gatherMask(src.nulls, idx, n);
    this.from = null;
  }
}

export class RealVector {
  private _values: Float64Array | null;
  private _nulls: NullMask | null;
  private from: Gathered<RealVector> | null;
  constructor(
    readonly type: RealLikeType,
    values: Float64Array | null,
    nulls: NullMask | null,
    readonly length: number = values?.length ?? 0,
    from: Gathered<RealVector> | null = null,
  ) {
    this._values = values;
    this._nulls = nulls;
    this.from = from;
  }
  get values(): Float64Array {
    if (this.from !== null) this.materialize();
    return this._values!;
  }
  get nulls(): NullMask | null {
    if (this.from !== null) this.materialize();
    return this._nulls;
  }
  get(i: number): number | null {
    const f = this.from;
    if (f !== null) {
      const j = f.idx[i]!;
      return j === NULL_ROW ? null : f.src.get(j);
    }
    return NullMask.isNull(this._nulls, i) ? null : this._values![i]!;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): RealVector {
    return new RealVector(this.type, null, null, n, { src: this, idx });
  }
  slice(start: number, end: number): RealVector {
    return new RealVector(
      this.type,
      this.values.slice(start, end),
      sliceMask(this.nulls, start, end),
      end - start,
    );
  }
  private materialize(): void {
    const { src, idx } = this.from!;
    const n = this.length;
    const values = src.values;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      out[i] = j === NULL_ROW ? 0 : values[j]!;
    }
    this._values = out;
    this._nulls = gatherMask(src.nulls, idx, n);
    this.from = null;
  }
}

/** Strings are never null: the empty string stands for an unset value. */
export class StringVector {
  readonly type = 'string' as const;
  private _codes: Uint32Array | null;
  private from: Gathered<StringVector> | null;
  constructor(
    codes: Uint32Array | null,
    readonly dict: StringDictionary,
    readonly length: number = codes?.length ?? 0,
    from: Gathered<StringVector> | null = null,
  ) {
    this._codes = codes;
    this.from = from;
  }
  get codes(): Uint32Array {
    if (this.from !== null) this.materialize();
    return this._codes!;
  }
  get(i: number): string {
    const f = this.from;
    if (f !== null) {
      const j = f.idx[i]!;
      return j === NULL_ROW ? '' : f.src.get(j);
    }
    return this.dict.values[this._codes![i]!]!;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): StringVector {
    return new StringVector(null, this.dict, n, { src: this, idx });
  }
  slice(start: number, end: number): StringVector {
    return new StringVector(this.codes.slice(start, end), this.dict, end - start);
  }
  private materialize(): void {
    const { src, idx } = this.from!;
    const n = this.length;
    const codes = src.codes;
    const out = new Uint32Array(n);
    let emptyCode = -1;
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      if (j === NULL_ROW) {
        if (emptyCode < 0) emptyCode = this.dict.intern('');
        out[i] = emptyCode;
      } else out[i] = codes[j]!;
    }
    this._codes = out;
    this.from = null;
  }
}

/**
 * Where a deferred ObjectVector's values come from until they are read in bulk: a gather, or an
 * mv-expand's elements (operators/mv-expand.ts).
 */
export interface DeferredObjects {
  get(i: number): ScalarValue;
  /** The first `n` values. */
  materialize(n: number): ScalarValue[];
}

class GatheredObjects implements DeferredObjects {
  constructor(
    private readonly src: ObjectVector,
    private readonly idx: ArrayLike<number>,
  ) {}
  get(i: number): ScalarValue {
    const j = this.idx[i]!;
    return j === NULL_ROW ? null : this.src.get(j);
  }
  materialize(n: number): ScalarValue[] {
    const { idx } = this;
    const values = this.src.values;
    const out: ScalarValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const j = idx[i]!;
      out[i] = j === NULL_ROW ? null : (values[j] ?? null);
    }
    return out;
  }
}

export class ObjectVector {
  private _values: readonly ScalarValue[] | null;
  private from: DeferredObjects | null;
  constructor(
    readonly type: ObjectType,
    values: readonly ScalarValue[] | null,
    readonly length: number = values?.length ?? 0,
    from: DeferredObjects | null = null,
  ) {
    this._values = values;
    this.from = from;
  }
  get values(): readonly ScalarValue[] {
    if (this.from !== null) {
      this._values = this.from.materialize(this.length);
      this.from = null;
    }
    return this._values!;
  }
  get(i: number): ScalarValue {
    const f = this.from;
    if (f !== null) return f.get(i);
    return this._values![i] ?? null;
  }
  gather(idx: ArrayLike<number>, n: number = idx.length): ObjectVector {
    return new ObjectVector(this.type, null, n, new GatheredObjects(this, idx));
  }
  slice(start: number, end: number): ObjectVector {
    return new ObjectVector(this.type, this.values.slice(start, end), end - start);
  }
}

/** A vector of `length` copies of one value. */
export function constantVector(type: ScalarType, value: ScalarValue, length: number): Vector {
  const b = createVectorBuilder(type, length);
  if (type === 'string') {
    // One dictionary entry, every code 0: cheap and keeps per-distinct-value evaluation trivial.
    return new StringVector(new Uint32Array(length), StringDictionary.of([(value as string) ?? '']), length);
  }
  for (let i = 0; i < length; i++) b.push(value);
  return b.finish();
}

export function emptyVector(type: ScalarType): Vector {
  return createVectorBuilder(type, 0).finish();
}

// ---------------------------------------------------------------------------------------------
// Builders

export interface VectorBuilder {
  readonly type: ScalarType;
  readonly length: number;
  /** Appends a value in the representation of `type`; throws TypeError on a wrong representation. */
  push(value: ScalarValue): void;
  finish(): Vector;
}

export class ValueTypeError extends TypeError {
  constructor(type: ScalarType, value: unknown) {
    super(`a ${type} value was expected, got ${describe(value)}`);
    this.name = 'ValueTypeError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'bigint') return `bigint ${value}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** The first `n` elements: the array itself when it is exactly full (a builder is not reused after finish). */
function exact<T extends { length: number; slice(start: number, end: number): T }>(arr: T, n: number): T {
  return arr.length === n ? arr : arr.slice(0, n);
}

function grown<T extends { length: number; set(a: ArrayLike<any>): void }>(
  arr: T,
  make: (n: number) => T,
  need: number,
): T {
  if (need <= arr.length) return arr;
  const next = make(Math.max(need, arr.length * 2, 16));
  next.set(arr as unknown as ArrayLike<any>);
  return next;
}

class BoolBuilder implements VectorBuilder {
  readonly type = 'bool' as const;
  length = 0;
  private values: Uint8Array;
  private nulls: NullMask | null = null;
  constructor(capacity: number) {
    this.values = new Uint8Array(capacity);
  }
  push(value: ScalarValue): void {
    this.values = grown(this.values, (n) => new Uint8Array(n), this.length + 1);
    if (value === null || value === undefined)
      (this.nulls ??= new NullMask(this.values.length)).set(this.length);
    else if (typeof value === 'boolean') this.values[this.length] = value ? 1 : 0;
    else throw new ValueTypeError('bool', value);
    this.length++;
  }
  finish(): BoolVector {
    return new BoolVector(exact(this.values, this.length), this.nulls, this.length);
  }
}

class IntBuilder implements VectorBuilder {
  readonly type = 'int' as const;
  length = 0;
  private values: Int32Array;
  private nulls: NullMask | null = null;
  constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }
  push(value: ScalarValue): void {
    this.values = grown(this.values, (n) => new Int32Array(n), this.length + 1);
    if (value === null || value === undefined)
      (this.nulls ??= new NullMask(this.values.length)).set(this.length);
    else if (typeof value === 'number') this.values[this.length] = value;
    else if (typeof value === 'bigint') this.values[this.length] = Number(BigInt.asIntN(32, value));
    else throw new ValueTypeError('int', value);
    this.length++;
  }
  finish(): IntVector {
    return new IntVector(exact(this.values, this.length), this.nulls, this.length);
  }
}

class LongBuilder implements VectorBuilder {
  length = 0;
  private values: BigInt64Array;
  private nulls: NullMask | null = null;
  constructor(
    readonly type: LongLikeType,
    capacity: number,
  ) {
    this.values = new BigInt64Array(capacity);
  }
  push(value: ScalarValue): void {
    this.values = grown(this.values, (n) => new BigInt64Array(n), this.length + 1);
    if (value === null || value === undefined)
      (this.nulls ??= new NullMask(this.values.length)).set(this.length);
    else if (typeof value === 'bigint') this.values[this.length] = value;
    else if (typeof value === 'number' && Number.isFinite(value))
      this.values[this.length] = BigInt(Math.trunc(value));
    else throw new ValueTypeError(this.type, value);
    this.length++;
  }
  finish(): LongVector {
    return new LongVector(this.type, exact(this.values, this.length), this.nulls, this.length);
  }
}

class RealBuilder implements VectorBuilder {
  length = 0;
  private values: Float64Array;
  private nulls: NullMask | null = null;
  constructor(
    readonly type: RealLikeType,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity);
  }
  push(value: ScalarValue): void {
    this.values = grown(this.values, (n) => new Float64Array(n), this.length + 1);
    if (value === null || value === undefined)
      (this.nulls ??= new NullMask(this.values.length)).set(this.length);
    else if (typeof value === 'number') this.values[this.length] = value;
    else if (typeof value === 'bigint') this.values[this.length] = Number(value);
    else throw new ValueTypeError(this.type, value);
    this.length++;
  }
  finish(): RealVector {
    return new RealVector(this.type, exact(this.values, this.length), this.nulls, this.length);
  }
}

export class StringBuilder implements VectorBuilder {
  readonly type = 'string' as const;
  length = 0;
  private codes: Uint32Array;
  constructor(
    capacity: number,
    readonly dict: StringDictionary = new StringDictionary(),
  ) {
    this.codes = new Uint32Array(capacity);
  }
  push(value: ScalarValue): void {
    if (value === null || value === undefined) value = '';
    else if (typeof value !== 'string') throw new ValueTypeError('string', value);
    this.pushCode(this.dict.intern(value));
  }
  pushCode(code: number): void {
    this.codes = grown(this.codes, (n) => new Uint32Array(n), this.length + 1);
    this.codes[this.length++] = code;
  }
  finish(): StringVector {
    return new StringVector(exact(this.codes, this.length), this.dict, this.length);
  }
}

class ObjectBuilder implements VectorBuilder {
  private readonly values: ScalarValue[] = [];
  constructor(readonly type: ObjectType) {}
  get length(): number {
    return this.values.length;
  }
  push(value: ScalarValue): void {
    if (value === undefined) value = null;
    if (this.type === 'guid' && value !== null && typeof value !== 'string')
      throw new ValueTypeError('guid', value);
    this.values.push(value);
  }
  finish(): ObjectVector {
    return new ObjectVector(this.type, this.values, this.values.length);
  }
}

export function createVectorBuilder(type: ScalarType, capacity = 0, dict?: StringDictionary): VectorBuilder {
  switch (type) {
    case 'bool':
      return new BoolBuilder(capacity);
    case 'int':
      return new IntBuilder(capacity);
    case 'long':
    case 'datetime':
    case 'timespan':
      return new LongBuilder(type, capacity);
    case 'real':
    case 'decimal':
      return new RealBuilder(type, capacity);
    case 'string':
      return new StringBuilder(capacity, dict);
    case 'guid':
    case 'dynamic':
      return new ObjectBuilder(type);
  }
}

/** Concatenates vectors of one type into one (strings are re-coded into a shared dictionary). */
export function concatVectors(type: ScalarType, parts: readonly Vector[]): Vector {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length, 0);
  if (type === 'string') {
    const first = parts[0] as StringVector | undefined;
    // Reuse a dictionary only when every part already shares it: never grow another table's one.
    const shared = first !== undefined && (parts as StringVector[]).every((p) => p.dict === first.dict);
    const dict = shared ? first.dict : new StringDictionary();
    const b = new StringBuilder(total, dict);
    for (const p of parts as StringVector[]) {
      if (p.dict === dict) for (let i = 0; i < p.length; i++) b.pushCode(p.codes[i]!);
      else for (let i = 0; i < p.length; i++) b.pushCode(dict.intern(p.get(i)));
    }
    return b.finish();
  }
  const b = createVectorBuilder(type, total);
  for (const p of parts) for (let i = 0; i < p.length; i++) b.push(p.get(i));
  return b.finish();
}
