/**
 * Which table a file or row belongs to, and the column names exports write in place of a table's
 * own.
 *
 * - A row names its table in `Type` (Log Analytics) or `$table` (a `union withsource=$table`).
 * - A file names it in its base name: `SecurityEvent.json`, `SecurityEvent.all_events.json`,
 *   `failed_logons.SecurityEvent4625.csv` (a dot-separated part that is, or starts with, the table
 *   name followed by something other than a letter).
 * - The Azure portal's "Export to CSV" appends the time zone to datetime headers:
 *   `TimeGenerated [UTC]`.
 * - A `union` of tables whose same-named columns differ in type renames them `Name_string`,
 *   `Name_dynamic`, ... (union-operator.md); such a column is the table's `Name`.
 */
import { basename } from 'node:path';
import { scalarTypes } from '../../types/scalar.js';

export const tableColumnNames = ['Type', '$table'] as const;

/** The known table a file's name points at, or undefined. */
export function tableFromFileName(path: string, knownTables: Iterable<string>): string | undefined {
  const parts = basename(path).split('.');
  // The last part is the extension unless the name has none.
  const stems = parts.length > 1 ? parts.slice(0, -1) : parts;
  const known = [...knownTables].sort((a, b) => b.length - a.length);
  for (const part of stems) {
    for (const table of known) {
      if (part === table) return table;
      if (part.startsWith(table) && !/^[A-Za-z]/.test(part.slice(table.length))) return table;
    }
  }
  return undefined;
}

/** A table name for a file of no known table: its base name without extension, as an identifier. */
export function tableNameForUnknownFile(path: string): string {
  const base = basename(path);
  const dot = base.indexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const name = stem.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(name) ? name : `_${name}`;
}

const timeZoneSuffix = /^(.*\S)\s+\[(?:UTC|Local|UTC[+-]\d{1,2}(?::\d{2})?)\]$/;
const unionTypeSuffix = new RegExp(`^(.+)_(${scalarTypes.join('|')})$`);

/**
 * The column of `columns` an exported column name stands for: itself, or the name without an
 * export suffix (`TimeGenerated [UTC]`, `ProcessId_string`). Undefined when none matches.
 */
export function matchColumnName(name: string, columns: ReadonlySet<string>): string | undefined {
  if (columns.has(name)) return name;
  const zoned = timeZoneSuffix.exec(name);
  if (zoned && columns.has(zoned[1]!)) return zoned[1]!;
  const typed = unionTypeSuffix.exec(name);
  if (typed && columns.has(typed[1]!)) return typed[1]!;
  return undefined;
}

/** An exported column name without a time-zone suffix, for files of no known table. */
export function cleanColumnName(name: string): string {
  const zoned = timeZoneSuffix.exec(name);
  return zoned ? zoned[1]! : name;
}
