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
  StringDictionary,
  StringVector,
  type Batch,
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
 * same text is parsed once.
 */
export function memoizeOverDictionary(inner: CompiledExpr, col: number): CompiledExpr {
  const memos = new WeakMap<StringDictionary, Memo>();
  return {
    ...inner,
    columnIndex: undefined,
    evaluate(batch: Batch): Vector {
      const src = batch.columns[col] as StringVector;
      let memo = memos.get(src.dict);
      if (memo === undefined) {
        memo = new Memo(inner.type);
        memos.set(src.dict, memo);
      }
      memo.fill(src, inner, col);
      return memo.project(src, batch.length);
    },
  };
}

class Memo {
  /** Value per input code; `undefined` until computed. */
  private readonly values: ScalarValue[] = [];
  /** For string results: output code per input code, in `outDict`. */
  private readonly outCodes: number[] = [];
  private readonly outDict = new StringDictionary();

  constructor(private readonly type: ScalarType) {}

  fill(src: StringVector, inner: CompiledExpr, col: number): void {
    const missing: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < src.length; i++) {
      const code = src.codes[i]!;
      if (this.values[code] === undefined && !seen.has(code)) {
        seen.add(code);
        missing.push(code);
      }
    }
    if (missing.length === 0) return;
    const columns: Vector[] = [];
    columns[col] = new StringVector(Uint32Array.from(missing), src.dict, missing.length);
    const result = inner.evaluate({ length: missing.length, columns });
    for (let k = 0; k < missing.length; k++) {
      const v = result.get(k);
      const code = missing[k]!;
      this.values[code] = v;
      if (this.type === 'string') this.outCodes[code] = this.outDict.intern(v as string);
    }
  }

  project(src: StringVector, n: number): Vector {
    if (this.type === 'string') {
      const codes = new Uint32Array(n);
      for (let i = 0; i < n; i++) codes[i] = this.outCodes[src.codes[i]!]!;
      return new StringVector(codes, this.outDict, n);
    }
    if (this.type === 'bool') {
      const out = new Uint8Array(n);
      let nulls: NullMask | null = null;
      for (let i = 0; i < n; i++) {
        const v = this.values[src.codes[i]!];
        if (v === null) (nulls ??= new NullMask(n)).set(i);
        else if (v === true) out[i] = 1;
      }
      return new BoolVector(out, nulls, n);
    }
    const b = createVectorBuilder(this.type, n);
    for (let i = 0; i < n; i++) b.push(this.values[src.codes[i]!]!);
    return b.finish();
  }
}
