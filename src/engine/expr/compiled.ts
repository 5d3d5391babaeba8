/**
 * A scalar expression compiled against one input schema: a closure from a batch to a vector.
 * Constants are folded at compile time; `deps` (the input columns read) lets the compiler decide
 * when an expression can run once per distinct value of a dictionary-encoded string column.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import {
  BoolVector,
  constantVector,
  createVectorBuilder,
  NullMask,
  ObjectVector,
  StringDictionary,
  StringVector,
  type Batch,
  type DeferredObjects,
  type Vector,
} from '../table/index.js';

export interface CompiledExpr {
  readonly type: ScalarType;
  readonly isConstant: boolean;
  /** The value when `isConstant`. */
  readonly constantValue: ScalarValue;
  /** False when the value depends on more than the row's columns (rand, row order). */
  readonly deterministic: boolean;
  /** Input column positions read. */
  readonly deps: ReadonlySet<number>;
  /** Set for a bare column reference. */
  readonly columnIndex?: number;
  evaluate(batch: Batch): Vector;
  /**
   * A bool expression's fast path for `where`: writes, in order, the positions of the rows where
   * the value is true (not false, not null) into `sel` (at least `batch.length` long) and returns
   * how many. It must select exactly the rows `evaluate` makes true.
   */
  readonly select?: (batch: Batch, sel: Uint32Array) => number;
}

const noDeps: ReadonlySet<number> = new Set();

export function constantExpr(type: ScalarType, value: ScalarValue): CompiledExpr {
  return {
    type,
    isConstant: true,
    constantValue: value,
    deterministic: true,
    deps: noDeps,
    evaluate: (batch) => constantVector(type, value, batch.length),
  };
}

export function columnExpr(index: number, type: ScalarType): CompiledExpr {
  return {
    type,
    isConstant: false,
    constantValue: null,
    deterministic: true,
    deps: new Set([index]),
    columnIndex: index,
    evaluate: (batch) => batch.columns[index]!,
  };
}

export function unionDeps(parts: readonly CompiledExpr[]): ReadonlySet<number> {
  if (parts.length === 1) return parts[0]!.deps;
  const s = new Set<number>();
  for (const p of parts) for (const d of p.deps) s.add(d);
  return s;
}

/**
 * Runs `inner` once per distinct code of string column `col` (over every batch the expression sees,
 * since chunks of a column share a dictionary) and answers later rows from the cache. This is how
 * `where Activity == '...'` costs one comparison per distinct Activity, and how `parse_xml` of the
 * same text is parsed once. With `fastPaths`, a bool expression also gets a `select` that reads
 * the cached truth of each code, so `where` never builds the bool vector, and a dynamic result is
 * read through the codes (ValuesByCode) instead of copied into an array per batch.
 */
export function memoizeOverDictionary(inner: CompiledExpr, col: number, fastPaths = false): CompiledExpr {
  const memos = new WeakMap<StringDictionary, Memo>();
  const memoFor = (batch: Batch): { memo: Memo; src: StringVector } => {
    const src = batch.columns[col] as StringVector;
    let memo = memos.get(src.dict);
    if (memo === undefined) {
      memo = new Memo(inner.type);
      memos.set(src.dict, memo);
    }
    memo.fill(src, inner, col);
    return { memo, src };
  };
  const evaluate = (batch: Batch): Vector => {
    const { memo, src } = memoFor(batch);
    return memo.project(src, batch.length, fastPaths);
  };
  const select =
    fastPaths && inner.type === 'bool'
      ? (batch: Batch, sel: Uint32Array): number => {
          const { memo, src } = memoFor(batch);
          return memo.selectTrue(src, batch.length, sel);
        }
      : undefined;
  return {
    type: inner.type,
    isConstant: inner.isConstant,
    constantValue: inner.constantValue,
    deterministic: inner.deterministic,
    deps: inner.deps,
    evaluate,
    ...(select === undefined ? {} : { select }),
  };
}

const NOT_COMPUTED = 0;
const PENDING = 1;
const COMPUTED = 2;
/** A bool result per code, in `Memo.bools`. */
const BOOL_FALSE = 1;
const BOOL_TRUE = 2;
const BOOL_NULL = 3;

class Memo {
  /** Value per input code, valid where `state` is COMPUTED. */
  private readonly values: ScalarValue[] = [];
  /** NOT_COMPUTED / PENDING (being computed by the current fill) / COMPUTED, per input code. */
  private state = new Uint8Array(0);
  /** For bool results: BOOL_FALSE / BOOL_TRUE / BOOL_NULL per input code. */
  private bools = new Uint8Array(0);
  /** For string results: output code per input code, in `outDict`. */
  private readonly outCodes: number[] = [];
  private readonly outDict = new StringDictionary();

  constructor(private readonly type: ScalarType) {}

  fill(src: StringVector, inner: CompiledExpr, col: number): void {
    const codes = src.codes;
    const n = src.length;
    // The dictionary may have grown since the last batch (it is shared by every chunk).
    const size = src.dict.size;
    if (this.state.length < size) {
      const next = new Uint8Array(Math.max(size, this.state.length * 2, 16));
      next.set(this.state);
      this.state = next;
      if (this.type === 'bool') {
        const b = new Uint8Array(next.length);
        b.set(this.bools);
        this.bools = b;
      }
    }
    const state = this.state;
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      if (state[code] === NOT_COMPUTED) {
        state[code] = PENDING;
        missing.push(code);
      }
    }
    if (missing.length === 0) return;
    const columns: Vector[] = [];
    columns[col] = new StringVector(Uint32Array.from(missing), src.dict, missing.length);
    let result: Vector;
    try {
      result = inner.evaluate({ length: missing.length, columns });
    } catch (e) {
      for (const code of missing) state[code] = NOT_COMPUTED;
      throw e;
    }
    for (let k = 0; k < missing.length; k++) {
      const v = result.get(k);
      const code = missing[k]!;
      this.values[code] = v;
      state[code] = COMPUTED;
      if (this.type === 'string') this.outCodes[code] = this.outDict.intern(v as string);
      else if (this.type === 'bool') this.bools[code] = v === null ? BOOL_NULL : v ? BOOL_TRUE : BOOL_FALSE;
    }
  }

  selectTrue(src: StringVector, n: number, sel: Uint32Array): number {
    const codes = src.codes;
    const bools = this.bools;
    let m = 0;
    for (let i = 0; i < n; i++) if (bools[codes[i]!] === BOOL_TRUE) sel[m++] = i;
    return m;
  }

  project(src: StringVector, n: number, deferObjects: boolean): Vector {
    const codes = src.codes;
    if (this.type === 'string') {
      const out = new Uint32Array(n);
      for (let i = 0; i < n; i++) out[i] = this.outCodes[codes[i]!]!;
      return new StringVector(out, this.outDict, n);
    }
    if (this.type === 'bool') {
      const out = new Uint8Array(n);
      const bools = this.bools;
      let nulls: NullMask | null = null;
      for (let i = 0; i < n; i++) {
        const b = bools[codes[i]!];
        if (b === BOOL_TRUE) out[i] = 1;
        else if (b === BOOL_NULL) (nulls ??= new NullMask(n)).set(i);
      }
      return new BoolVector(out, nulls, n);
    }
    if (this.type === 'dynamic' || this.type === 'guid') {
      // The cached values themselves, shared by the rows of one code (values are immutable); with
      // `deferObjects`, read through the codes until something needs them in bulk.
      if (deferObjects) return new ObjectVector(this.type, null, n, new ValuesByCode(this.values, codes));
      const out: ScalarValue[] = new Array(n);
      for (let i = 0; i < n; i++) out[i] = this.values[codes[i]!]!;
      return new ObjectVector(this.type, out, n);
    }
    const b = createVectorBuilder(this.type, n);
    for (let i = 0; i < n; i++) b.push(this.values[codes[i]!]!);
    return b.finish();
  }
}

/** A memoized dynamic or guid column: row i's value is the cached value of its code. */
class ValuesByCode implements DeferredObjects {
  /** `values` only grows (new codes); the entries these codes read are already set. */
  constructor(
    private readonly values: readonly ScalarValue[],
    private readonly codes: Uint32Array,
  ) {}
  get(i: number): ScalarValue {
    return this.values[this.codes[i]!] ?? null;
  }
  materialize(n: number): ScalarValue[] {
    const { values, codes } = this;
    const out: ScalarValue[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = values[codes[i]!] ?? null;
    return out;
  }
}
