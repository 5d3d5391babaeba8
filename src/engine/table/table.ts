/**
 * An immutable columnar table: a schema and its rows as fixed-size batches (chunks). Sources build
 * tables with TableBuilder; the engine reads them batch by batch.
 */
import type { ColumnSchema, ScalarValue, TableSchema } from '../../types/scalar.js';
import type { Batch } from './batch.js';

export class Table {
  readonly rowCount: number;

  constructor(
    readonly schema: TableSchema,
    readonly chunks: readonly Batch[],
  ) {
    for (const [i, chunk] of chunks.entries()) {
      if (chunk.columns.length !== schema.columns.length)
        throw new Error(
          `table ${schema.name}: chunk ${i} has ${chunk.columns.length} columns, the schema ${schema.columns.length}`,
        );
    }
    this.rowCount = chunks.reduce((n, c) => n + c.length, 0);
  }

  get name(): string {
    return this.schema.name;
  }

  get columns(): readonly ColumnSchema[] {
    return this.schema.columns;
  }

  columnIndex(name: string): number {
    return this.schema.columns.findIndex((c) => c.name === name);
  }

  /** Materialises the rows (for output and tests; not for the hot path). */
  *rows(): IterableIterator<ScalarValue[]> {
    for (const chunk of this.chunks) {
      for (let r = 0; r < chunk.length; r++) yield chunk.columns.map((v) => v.get(r));
    }
  }
}
