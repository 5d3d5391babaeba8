/**
 * Builds a Table row by row (sources: JSON/CSV exports, EVTX records, datatable literals).
 * Values must already be in the representation of src/types/scalar.ts for the column's type.
 * A column missing from a row is '' for strings and null for every other type; a key that is not
 * in the schema is an error, as is a value in the wrong representation.
 */
import type { ScalarValue, TableSchema } from '../../types/scalar.js';
import { CHUNK_ROWS, type Batch } from './batch.js';
import { StringDictionary } from './string-dictionary.js';
import { Table } from './table.js';
import { createVectorBuilder, ValueTypeError, type VectorBuilder } from './vector.js';

export class TableBuilder {
  private readonly chunks: Batch[] = [];
  private builders: VectorBuilder[];
  /** One dictionary per string column, shared by all its chunks. */
  private readonly dicts: (StringDictionary | undefined)[];
  private readonly positions = new Map<string, number>();
  private rowsInChunk = 0;
  private rowCount = 0;
  private finished = false;

  constructor(readonly schema: TableSchema) {
    schema.columns.forEach((c, i) => {
      if (this.positions.has(c.name)) throw new Error(`table ${schema.name}: duplicate column '${c.name}'`);
      this.positions.set(c.name, i);
    });
    this.dicts = schema.columns.map((c) => (c.type === 'string' ? new StringDictionary() : undefined));
    this.builders = this.newBuilders();
  }

  appendRow(row: Record<string, ScalarValue>): void {
    if (this.finished) throw new Error(`table ${this.schema.name}: appendRow after finish`);
    for (const key of Object.keys(row)) {
      if (!this.positions.has(key))
        throw new Error(`table ${this.schema.name}: row ${this.rowCount} has unknown column '${key}'`);
    }
    const columns = this.schema.columns;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      const value = Object.prototype.hasOwnProperty.call(row, col.name) ? row[col.name] : undefined;
      this.pushCell(i, value === undefined ? (col.type === 'string' ? '' : null) : value);
    }
    this.endRow();
  }

  /** Appends a row given in schema order (faster for sources that already have arrays). */
  appendValues(values: readonly ScalarValue[]): void {
    if (this.finished) throw new Error(`table ${this.schema.name}: appendValues after finish`);
    const columns = this.schema.columns;
    if (values.length !== columns.length)
      throw new Error(
        `table ${this.schema.name}: row ${this.rowCount} has ${values.length} values, the schema ${columns.length} columns`,
      );
    for (let i = 0; i < columns.length; i++)
      this.pushCell(i, values[i] ?? (columns[i]!.type === 'string' ? '' : null));
    this.endRow();
  }

  finish(): Table {
    if (!this.finished) {
      this.flush();
      this.finished = true;
    }
    return new Table(this.schema, this.chunks);
  }

  private pushCell(i: number, value: ScalarValue): void {
    try {
      this.builders[i]!.push(value);
    } catch (e) {
      if (e instanceof ValueTypeError) {
        const col = this.schema.columns[i]!;
        throw new Error(
          `table ${this.schema.name}: row ${this.rowCount}, column '${col.name}': ${e.message}`,
        );
      }
      throw e;
    }
  }

  private endRow(): void {
    this.rowCount++;
    if (++this.rowsInChunk === CHUNK_ROWS) this.flush();
  }

  private flush(): void {
    if (this.rowsInChunk === 0) return;
    this.chunks.push({ length: this.rowsInChunk, columns: this.builders.map((b) => b.finish()) });
    this.rowsInChunk = 0;
    this.builders = this.newBuilders();
  }

  private newBuilders(): VectorBuilder[] {
    return this.schema.columns.map((c, i) => createVectorBuilder(c.type, CHUNK_ROWS, this.dicts[i]));
  }
}
