/**
 * Writes a query result (columns + typed rows) in one of kqlhunt's output formats. Used by
 * `kqlhunt query`; `hunt` writes findings through findings-writer.ts with the same cell rules.
 */
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { jsonCell, textCell } from './cells.js';
import { csvLine } from './csv.js';
import { stringifyJson } from './json.js';
import { renderTextTable } from './text-table.js';

export type OutputFormat = 'table' | 'jsonl' | 'json' | 'csv';

export const outputFormats: readonly OutputFormat[] = ['table', 'jsonl', 'json', 'csv'];

export interface TabularResult {
  readonly columns: readonly ColumnSchema[];
  readonly rows: readonly (readonly ScalarValue[])[];
}

export interface WriteOptions {
  readonly timeZone?: string;
  readonly width?: number;
}

export function rowToJson(
  columns: readonly ColumnSchema[],
  row: readonly ScalarValue[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    out[c.name] = jsonCell(row[i] ?? null, c.type);
  });
  return out;
}

export function formatResult(
  result: TabularResult,
  format: OutputFormat,
  options: WriteOptions = {},
): string {
  const { columns, rows } = result;
  switch (format) {
    case 'jsonl':
      return rows.map((r) => stringifyJson(rowToJson(columns, r)) + '\n').join('');
    case 'json':
      return (
        stringifyJson(
          rows.map((r) => rowToJson(columns, r)),
          '  ',
        ) + '\n'
      );
    case 'csv':
      return (
        csvLine(columns.map((c) => c.name)) +
        rows.map((r) => csvLine(columns.map((c, i) => textCell(r[i] ?? null, c.type)))).join('')
      );
    case 'table':
      return renderTextTable(
        columns.map((c) => c.name),
        rows.map((r) => columns.map((c, i) => textCell(r[i] ?? null, c.type, options.timeZone))),
        options.width ?? 120,
      );
  }
}
