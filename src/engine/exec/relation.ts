/**
 * A relation: the intermediate result an operator consumes and produces. Columns are batches of
 * vectors; `serialized` tracks Kusto's "serialized row set" property that window functions need.
 */
import type { ColumnSchema } from '../../types/scalar.js';
import { concatBatches, type Batch } from '../table/index.js';
import type { Table } from '../table/index.js';

export interface RenderHint {
  readonly chart: string;
  readonly properties: Readonly<Record<string, string>>;
}

export interface Relation {
  readonly columns: readonly ColumnSchema[];
  readonly batches: readonly Batch[];
  readonly serialized: boolean;
  readonly render?: RenderHint;
}

export function relationOf(
  columns: readonly ColumnSchema[],
  batches: readonly Batch[],
  serialized: boolean,
): Relation {
  return { columns, batches: batches.filter((b) => b.length > 0), serialized };
}

export function relationFromTable(table: Table): Relation {
  return relationOf(table.columns, table.chunks, false);
}

export function rowCount(rel: Relation): number {
  let n = 0;
  for (const b of rel.batches) n += b.length;
  return n;
}

/** The whole relation as a single batch (for operators that need every row at once). */
export function singleBatch(rel: Relation): Batch {
  return concatBatches(rel.columns, rel.batches);
}

export function columnIndex(columns: readonly ColumnSchema[], name: string): number {
  for (let i = 0; i < columns.length; i++) if (columns[i]!.name === name) return i;
  return -1;
}
