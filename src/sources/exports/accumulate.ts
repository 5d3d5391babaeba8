/**
 * Collects one table's rows from one file and types them.
 *
 * A known table (SecurityEvent, ...) has its schema: each row is converted as it arrives and
 * handed on in batches. Exported names are matched to the schema (naming.ts); columns the schema
 * lacks are dropped and reported once. Any other table's types come from its values (infer.ts):
 * rows are held until `inferenceRows` have been seen (or the file ends), the types are decided,
 * and later rows are converted to them.
 *
 * A value that does not convert to its column's type becomes null; each column reports how many
 * once, with the first line and value, rather than once per row.
 */
import type { ColumnSchema, DynamicValue, ScalarValue, TableSchema } from '../../types/scalar.js';
import { newBag } from '../../engine/values/dynamic.js';
import { convertValue } from './convert.js';
import { ColumnTypeInference } from './infer.js';
import type { SourceIssue } from './issues.js';
import { cleanColumnName, matchColumnName, tableColumnNames } from './naming.js';
import type { RawRecord } from './records.js';

/** A row in the representation of src/types/scalar.ts; objects have a null prototype. */
export type Row = Record<string, ScalarValue>;

export interface RowBatch {
  readonly table: string;
  readonly schema: TableSchema;
  readonly rows: Row[];
  /** The file (or `file!entry`) the rows come from. */
  readonly file: string;
}

export interface AccumulatorOptions {
  readonly batchRows: number;
  readonly inferenceRows: number;
}

export const defaultAccumulatorOptions: AccumulatorOptions = { batchRows: 4096, inferenceRows: 100_000 };

interface ConversionFailures {
  count: number;
  firstLine: number;
  firstValue: string;
}

function preview(value: DynamicValue): string {
  const text =
    typeof value === 'string'
      ? value
      : JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  return text.length > 40 ? text.slice(0, 40) + '...' : text;
}

export class TableAccumulator {
  private schema: TableSchema | null;
  /** Exported name -> schema column name (null: not in the schema). */
  private readonly nameMap = new Map<string, string | null>();
  private readonly dropped = new Map<string, number>();
  private readonly failures = new Map<string, ConversionFailures>();
  private held: RawRecord[] = [];
  private ready: Row[] = [];
  private inference: Map<string, ColumnTypeInference> | null = null;

  constructor(
    readonly table: string,
    knownSchema: TableSchema | null,
    private readonly file: string,
    private readonly report: (issue: SourceIssue) => void,
    private readonly options: AccumulatorOptions = defaultAccumulatorOptions,
  ) {
    this.schema = knownSchema;
    if (!knownSchema) this.inference = new Map();
  }

  /** True when the table's types come from the file's values. */
  get inferred(): boolean {
    return this.inference !== null || this.held.length > 0;
  }

  /** Adds a record; returns a batch when one is full. */
  add(record: RawRecord): RowBatch | undefined {
    if (this.schema) {
      this.ready.push(this.convert(record, this.schema));
    } else {
      this.observe(record);
      this.held.push(record);
      if (this.held.length >= this.options.inferenceRows) this.decideTypes();
    }
    return this.ready.length >= this.options.batchRows ? this.takeBatch() : undefined;
  }

  /** Ends the file: the last rows, and the reports of dropped columns and failed conversions. */
  finish(): RowBatch | undefined {
    if (!this.schema) this.decideTypes();
    if (this.dropped.size > 0) {
      const names = [...this.dropped.keys()];
      this.report({
        file: this.file,
        position: {},
        severity: 'warning',
        message: `${this.table}: ${names.length} column(s) not in the table's schema were dropped: ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', ...' : ''}`,
      });
    }
    for (const [column, f] of this.failures) {
      const type = this.schema?.columns.find((c) => c.name === column)?.type ?? '?';
      this.report({
        file: this.file,
        position: { line: f.firstLine },
        severity: 'warning',
        message: `${this.table}.${column}: ${f.count} value(s) not convertible to ${type} were set to null (first: '${f.firstValue}')`,
      });
    }
    return this.ready.length > 0 ? this.takeBatch() : undefined;
  }

  private takeBatch(): RowBatch {
    const rows = this.ready;
    this.ready = [];
    return { table: this.table, schema: this.schema!, rows, file: this.file };
  }

  private observe(record: RawRecord): void {
    const inference = this.inference!;
    for (const key in record.values) {
      const name = cleanColumnName(key);
      let column = inference.get(name);
      if (!column) {
        column = new ColumnTypeInference();
        inference.set(name, column);
      }
      column.observe(record.values[key]);
    }
  }

  private decideTypes(): void {
    if (this.schema) return;
    const declared = this.held.find((r) => r.declared)?.declared;
    const columns: ColumnSchema[] = declared
      ? [...declared.columns]
      : [...this.inference!.entries()].map(([name, inference]) => ({ name, type: inference.result() }));
    this.schema = { name: this.table, columns };
    this.inference = null;
    const held = this.held;
    this.held = [];
    for (const record of held) this.ready.push(this.convert(record, this.schema));
  }

  private columnFor(key: string, names: ReadonlySet<string>): string | null {
    let mapped = this.nameMap.get(key);
    if (mapped === undefined) {
      mapped = matchColumnName(key, names) ?? null;
      this.nameMap.set(key, mapped);
    }
    return mapped;
  }

  private schemaNames: ReadonlySet<string> | null = null;

  private convert(record: RawRecord, schema: TableSchema): Row {
    this.schemaNames ??= new Set(schema.columns.map((c) => c.name));
    // Collect each schema column's raw value; an exact name wins over a suffixed one.
    const raw = new Map<string, DynamicValue>();
    for (const key in record.values) {
      const column = this.columnFor(key, this.schemaNames);
      if (column === null) {
        // The table marker (`Type`) was read to route the row; it is no loss.
        if (!(tableColumnNames as readonly string[]).includes(key))
          this.dropped.set(key, (this.dropped.get(key) ?? 0) + 1);
        continue;
      }
      const value = record.values[key]!;
      if (column === key || !raw.has(column) || raw.get(column) === null) raw.set(column, value);
    }
    const row = newBag() as Row;
    for (const column of schema.columns) {
      const value = raw.get(column.name);
      const converted = convertValue(value, column.type);
      if (converted.ok) {
        row[column.name] = converted.value;
      } else {
        row[column.name] = column.type === 'string' ? '' : null;
        const f = this.failures.get(column.name);
        if (f) f.count++;
        else
          this.failures.set(column.name, { count: 1, firstLine: record.line, firstValue: preview(value!) });
      }
    }
    return row;
  }
}
