/**
 * Reads a Sentinel / Log Analytics export into typed rows of tables.
 *
 * Each row goes to a table named, in order of precedence, by: a record mapper (OTRF's Mordor
 * events, src/sources/otrf), the API shape's table name when it is a known table, the row's own
 * `Type` or `$table` column, the file's name (naming.ts). Rows naming no table in a file whose
 * name names none either are held to the end of the file, then join the table most of the file's
 * rows named (reported), or, when no row named one, form a table called after the file, with types
 * inferred from its values.
 *
 * Rows stream out in batches; only rows of tables whose types are still being inferred are held.
 */
import { createReadStream } from 'node:fs';
import type { TableSchema } from '../../types/scalar.js';
import {
  TableAccumulator,
  type AccumulatorOptions,
  defaultAccumulatorOptions,
  type RowBatch,
} from './accumulate.js';
import { type IssueSink, type SourcePosition } from './issues.js';
import { tableColumnNames, tableFromFileName, tableNameForUnknownFile } from './naming.js';
import {
  csvRecords,
  defaultRecordLimits,
  jsonArrayRecords,
  jsonDocumentRecords,
  jsonLinesRecords,
  type RawRecord,
  type RecordLimits,
} from './records.js';
import { decodeText } from './text.js';

export type ExportFormat = 'json-array' | 'json-lines' | 'json-document' | 'csv';

export interface RoutedRecord {
  readonly table: string;
  readonly record: RawRecord;
}

export interface ExportReadOptions {
  /** The tables whose schemas are fixed (src/schema): SecurityEvent, WindowsEvent, Event. */
  readonly knownTables: ReadonlyMap<string, TableSchema>;
  readonly onIssue: IssueSink;
  readonly limits?: RecordLimits;
  readonly accumulator?: AccumulatorOptions;
  /** Recognises records of another shape (OTRF's Mordor events) and maps them to a table's row. */
  readonly mapRecord?: (record: RawRecord) => RoutedRecord | undefined;
}

/** Where the text comes from: a file, or an entry of an archive. */
export interface TextOrigin {
  readonly file: string;
  readonly entry?: string;
}

function records(
  text: AsyncIterable<string>,
  format: ExportFormat,
  origin: TextOrigin,
  options: ExportReadOptions,
): AsyncGenerator<RawRecord> {
  const limits = options.limits ?? defaultRecordLimits;
  const at = (line: number, column: number | undefined): SourcePosition => ({
    ...(origin.entry !== undefined ? { entry: origin.entry } : {}),
    line,
    ...(column !== undefined ? { column } : {}),
  });
  const error = (line: number, column: number | undefined, message: string): void =>
    options.onIssue({ file: origin.file, position: at(line, column), message, severity: 'error' });
  const warning = (line: number, column: number | undefined, message: string): void =>
    options.onIssue({ file: origin.file, position: at(line, column), message, severity: 'warning' });
  switch (format) {
    case 'json-array':
      return jsonArrayRecords(text, error, limits);
    case 'json-lines':
      return jsonLinesRecords(text, error, limits);
    case 'json-document':
      return jsonDocumentRecords(text, error, limits);
    case 'csv':
      return csvRecords(text, error, warning, limits);
  }
}

function markedTable(record: RawRecord, known: ReadonlyMap<string, TableSchema>): string | undefined {
  if (record.declared && known.has(record.declared.name)) return record.declared.name;
  for (const column of tableColumnNames) {
    const value = record.values[column];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Reads export text (already decoded) of a known format into row batches. */
export async function* readExportText(
  text: AsyncIterable<string>,
  format: ExportFormat,
  origin: TextOrigin,
  options: ExportReadOptions,
): AsyncGenerator<RowBatch> {
  const accumulatorOptions = options.accumulator ?? defaultAccumulatorOptions;
  const display = origin.entry !== undefined ? `${origin.file}!${origin.entry}` : origin.file;
  const nameSource = origin.entry ?? origin.file;
  const fileTable = tableFromFileName(nameSource, options.knownTables.keys());
  const accumulators = new Map<string, TableAccumulator>();
  const markedCounts = new Map<string, number>();
  let unassigned: RawRecord[] = [];
  /** Once many unmarked rows arrive before any marked one, they form the file's own table. */
  let fallbackTable: string | undefined;

  const accumulator = (table: string): TableAccumulator => {
    let acc = accumulators.get(table);
    if (!acc) {
      acc = new TableAccumulator(
        table,
        options.knownTables.get(table) ?? null,
        display,
        options.onIssue,
        accumulatorOptions,
      );
      accumulators.set(table, acc);
    }
    return acc;
  };

  for await (const record of records(text, format, origin, options)) {
    let table: string | undefined;
    let routed = record;
    const mapped = options.mapRecord?.(record);
    if (mapped) {
      table = mapped.table;
      routed = mapped.record;
    } else {
      table = markedTable(record, options.knownTables);
      if (table !== undefined) markedCounts.set(table, (markedCounts.get(table) ?? 0) + 1);
      else table = fileTable ?? fallbackTable;
    }
    if (table === undefined) {
      unassigned.push(record);
      if (unassigned.length >= accumulatorOptions.inferenceRows && markedCounts.size === 0) {
        fallbackTable = tableNameForUnknownFile(nameSource);
        for (const held of unassigned) {
          const batch = accumulator(fallbackTable).add(held);
          if (batch) yield batch;
        }
        unassigned = [];
      }
      continue;
    }
    const batch = accumulator(table).add(routed);
    if (batch) yield batch;
  }

  if (unassigned.length > 0) {
    let target = tableNameForUnknownFile(nameSource);
    if (markedCounts.size > 0) {
      target = [...markedCounts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      options.onIssue({
        file: display,
        position: { line: unassigned[0]!.line },
        severity: 'warning',
        message: `${unassigned.length} row(s) name no table (no Type column): read as ${target}, the table of most rows in the file`,
      });
    }
    for (const held of unassigned) {
      const batch = accumulator(target).add(held);
      if (batch) yield batch;
    }
  }
  for (const acc of accumulators.values()) {
    const batch = acc.finish();
    if (batch) yield batch;
  }
}

/** Reads an export file of a known format into row batches. */
export async function* readExportFile(
  path: string,
  format: ExportFormat,
  options: ExportReadOptions,
): AsyncGenerator<RowBatch> {
  const bytes = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    yield* readExportText(decodeText(bytes), format, { file: path }, options);
  } finally {
    bytes.destroy();
  }
}
