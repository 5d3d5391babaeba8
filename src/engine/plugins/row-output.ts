/**
 * Builds a plugin's output a row at a time, for plugins whose output is small (one row per
 * window, bin or group) and computed row by row.
 */
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { createVectorBuilder, rechunk, type VectorBuilder } from '../table/index.js';

export class RowOutput {
  private readonly builders: VectorBuilder[];
  private length = 0;

  constructor(readonly schema: readonly ColumnSchema[]) {
    this.builders = schema.map((c) => createVectorBuilder(c.type));
  }

  push(row: readonly ScalarValue[]): void {
    row.forEach((v, k) => this.builders[k]!.push(v));
    this.length++;
  }

  finish(): Relation {
    const columns = this.builders.map((b) => b.finish());
    return relationOf(this.schema, rechunk({ length: this.length, columns }), false);
  }
}
