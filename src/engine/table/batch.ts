/**
 * A batch: the same rows of every column, as vectors. Tables are stored as batches of at most
 * CHUNK_ROWS rows, and physical operators consume and produce batches.
 */
import type { ColumnSchema } from '../../types/scalar.js';
import { concatVectors, emptyVector, type Vector } from './vector.js';

export const CHUNK_ROWS = 8192;

export interface Batch {
  readonly length: number;
  /** In schema order. */
  readonly columns: readonly Vector[];
}

export function emptyBatch(schema: readonly ColumnSchema[]): Batch {
  return { length: 0, columns: schema.map((c) => emptyVector(c.type)) };
}

/** Rows `idx[0..n)` of a batch, in that order. */
export function gatherBatch(batch: Batch, idx: ArrayLike<number>, n: number = idx.length): Batch {
  if (n === batch.length && isIdentity(idx, n)) return batch;
  return { length: n, columns: batch.columns.map((v) => v.gather(idx, n)) };
}

function isIdentity(idx: ArrayLike<number>, n: number): boolean {
  for (let i = 0; i < n; i++) if (idx[i] !== i) return false;
  return true;
}

export function sliceBatch(batch: Batch, start: number, end: number): Batch {
  if (start === 0 && end === batch.length) return batch;
  return { length: end - start, columns: batch.columns.map((v) => v.slice(start, end)) };
}

/** Joins batches into one (used by operators that need the whole input, e.g. sort). */
export function concatBatches(schema: readonly ColumnSchema[], batches: readonly Batch[]): Batch {
  const nonEmpty = batches.filter((b) => b.length > 0);
  if (nonEmpty.length === 0) return emptyBatch(schema);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  return {
    length: nonEmpty.reduce((n, b) => n + b.length, 0),
    columns: schema.map((c, i) =>
      concatVectors(
        c.type,
        nonEmpty.map((b) => b.columns[i]!),
      ),
    ),
  };
}

/** Splits one batch into CHUNK_ROWS-sized ones. */
export function rechunk(batch: Batch): Batch[] {
  if (batch.length <= CHUNK_ROWS) return batch.length === 0 ? [] : [batch];
  const out: Batch[] = [];
  for (let s = 0; s < batch.length; s += CHUNK_ROWS)
    out.push(sliceBatch(batch, s, Math.min(batch.length, s + CHUNK_ROWS)));
  return out;
}
