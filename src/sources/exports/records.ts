/**
 * The export formats, each read into the same raw records: one per row, a name-to-value map with
 * the line it came from. Values keep the file's own representation (JSON values from JSON, text
 * from CSV); typing them is the next stage's job (convert.ts, infer.ts).
 *
 * - JSON lines: one object per line; a bad line costs that line.
 * - JSON array: `[{...}, {...}]`, streamed element by element.
 * - A JSON document: the Log Analytics / Azure Data Explorer API shape
 *   `{"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}` (its columns carry types),
 *   or a single row object.
 * - CSV with a header line (RFC 4180, repaired where it is broken: csv.ts).
 */
import type { ColumnSchema, DynamicValue } from '../../types/scalar.js';
import { isScalarType } from '../../types/scalar.js';
import { isBag, newBag, parseJson, type DynamicObject } from '../../engine/values/dynamic.js';
import { CsvRecordReader, type CsvLimits, defaultCsvLimits } from './csv.js';
import {
  JsonValueScanner,
  type JsonScanLimits,
  defaultJsonScanLimits,
  type ScannedValue,
} from './json-scan.js';
import { LineSplitter } from './lines.js';

export interface RawRecord {
  readonly values: DynamicObject;
  /** 1-based line where the row starts in its file. */
  readonly line: number;
  /** True when every value is text to be parsed (CSV); false when values carry JSON types. */
  readonly textual: boolean;
  /** From the API shape: the table the row belongs to and its declared columns. */
  readonly declared?: DeclaredTable;
}

export interface DeclaredTable {
  readonly name: string;
  readonly columns: readonly ColumnSchema[];
}

/** A problem in a record: reported with its line (and column), the record is skipped. */
export type RecordProblemSink = (line: number, column: number | undefined, message: string) => void;

export interface RecordLimits {
  readonly json: JsonScanLimits;
  readonly csv: CsvLimits;
  /** The longest JSON line read in JSON-lines files. */
  readonly maxLineChars: number;
  /** The largest single JSON document (API shape) read whole. */
  readonly maxDocumentChars: number;
}

export const defaultRecordLimits: RecordLimits = {
  json: defaultJsonScanLimits,
  csv: defaultCsvLimits,
  maxLineChars: 64 * 1024 * 1024,
  maxDocumentChars: 256 * 1024 * 1024,
};

function parseScanned(value: ScannedValue, report: RecordProblemSink): DynamicValue | undefined {
  const parsed = parseJson(value.text);
  if (parsed === undefined) report(value.line, value.column, 'not valid JSON: skipped');
  return parsed;
}

function objectRecord(
  value: DynamicValue | undefined,
  at: ScannedValue,
  report: RecordProblemSink,
): RawRecord | undefined {
  if (value === undefined) return undefined;
  if (!isBag(value)) {
    report(
      at.line,
      at.column,
      `expected an object (a row), found ${Array.isArray(value) ? 'an array' : 'a scalar'}: skipped`,
    );
    return undefined;
  }
  return { values: value, line: at.line, textual: false };
}

export async function* jsonLinesRecords(
  text: AsyncIterable<string>,
  report: RecordProblemSink,
  limits: RecordLimits = defaultRecordLimits,
): AsyncGenerator<RawRecord> {
  const splitter = new LineSplitter(limits.maxLineChars, (line, max) =>
    report(line, undefined, `line longer than ${max} characters: skipped`),
  );
  const take = function* (lines: { text: string; line: number }[]): Generator<RawRecord> {
    for (const { text: lineText, line } of lines) {
      if (lineText.trim() === '') continue;
      // The scanner bounds depth and size and reports where a line goes wrong.
      const scanner = new JsonValueScanner('document', (p) => report(line, p.column, p.message), {
        maxDepth: limits.json.maxDepth,
        maxValueChars: limits.maxLineChars,
      });
      const values = [...scanner.push(lineText), ...scanner.finish()];
      for (const v of values) {
        const at = { ...v, line };
        const record = objectRecord(parseScanned(at, report), at, report);
        if (record) yield record;
      }
    }
  };
  for await (const chunk of text) yield* take(splitter.push(chunk));
  yield* take(splitter.finish());
}

export async function* jsonArrayRecords(
  text: AsyncIterable<string>,
  report: RecordProblemSink,
  limits: RecordLimits = defaultRecordLimits,
): AsyncGenerator<RawRecord> {
  const scanner = new JsonValueScanner('elements', (p) => report(p.line, p.column, p.message), limits.json);
  const take = function* (values: ScannedValue[]): Generator<RawRecord> {
    for (const v of values) {
      const record = objectRecord(parseScanned(v, report), v, report);
      if (record) yield record;
    }
  };
  for await (const chunk of text) yield* take(scanner.push(chunk));
  yield* take(scanner.finish());
}

/** A whole JSON document: the API shape (tables with typed columns) or one row object. */
export async function* jsonDocumentRecords(
  text: AsyncIterable<string>,
  report: RecordProblemSink,
  limits: RecordLimits = defaultRecordLimits,
): AsyncGenerator<RawRecord> {
  const scanner = new JsonValueScanner('document', (p) => report(p.line, p.column, p.message), {
    maxDepth: limits.json.maxDepth,
    maxValueChars: limits.maxDocumentChars,
  });
  const values: ScannedValue[] = [];
  for await (const chunk of text) values.push(...scanner.push(chunk));
  values.push(...scanner.finish());
  for (const v of values) {
    const parsed = parseScanned(v, report);
    if (parsed === undefined) continue;
    if (isBag(parsed) && Array.isArray(parsed['tables'])) {
      yield* apiShapeRecords(parsed['tables'], v, report);
    } else if (Array.isArray(parsed)) {
      for (const element of parsed) {
        const record = objectRecord(element, v, report);
        if (record) yield record;
      }
    } else {
      const record = objectRecord(parsed, v, report);
      if (record) yield record;
    }
  }
}

/** The declared type of an API-shape column: Kusto names (`datetime`) or .NET names (`System.DateTime`). */
const dotNetTypes: Readonly<Record<string, ColumnSchema['type']>> = {
  'system.string': 'string',
  'system.int32': 'int',
  'system.int64': 'long',
  'system.double': 'real',
  'system.single': 'real',
  'system.decimal': 'decimal',
  'system.boolean': 'bool',
  'system.sbyte': 'bool',
  'system.datetime': 'datetime',
  'system.timespan': 'timespan',
  'system.guid': 'guid',
  'system.object': 'dynamic',
  'system.data.sqltypes.sqldecimal': 'decimal',
};

const kustoAliases: Readonly<Record<string, ColumnSchema['type']>> = {
  date: 'datetime',
  time: 'timespan',
  double: 'real',
  boolean: 'bool',
  uniqueid: 'guid',
};

export function declaredType(name: string): ColumnSchema['type'] | undefined {
  const lower = name.toLowerCase();
  if (isScalarType(lower)) return lower;
  return kustoAliases[lower] ?? dotNetTypes[lower];
}

function* apiShapeRecords(
  tables: DynamicValue[],
  at: ScannedValue,
  report: RecordProblemSink,
): Generator<RawRecord> {
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t];
    if (!isBag(table) || !Array.isArray(table['columns']) || !Array.isArray(table['rows'])) {
      report(at.line, at.column, `tables[${t}] has no "columns" and "rows": skipped`);
      continue;
    }
    const name =
      typeof table['name'] === 'string'
        ? table['name']
        : typeof table['TableName'] === 'string'
          ? table['TableName']
          : '';
    const columns: ColumnSchema[] = [];
    let usable = true;
    for (const [c, column] of table['columns'].entries()) {
      const columnName = isBag(column) ? (column['name'] ?? column['ColumnName']) : undefined;
      const typeName = isBag(column)
        ? (column['type'] ?? column['ColumnType'] ?? column['DataType'])
        : undefined;
      const type = typeof typeName === 'string' ? declaredType(typeName) : undefined;
      if (typeof columnName !== 'string' || type === undefined) {
        report(at.line, at.column, `tables[${t}].columns[${c}] has no usable name and type: table skipped`);
        usable = false;
        break;
      }
      columns.push({ name: columnName, type });
    }
    if (!usable) continue;
    const declared: DeclaredTable = { name, columns };
    for (const [r, row] of table['rows'].entries()) {
      if (!Array.isArray(row) || row.length !== columns.length) {
        report(
          at.line,
          at.column,
          `tables[${t}].rows[${r}] is not an array of ${columns.length} values: skipped`,
        );
        continue;
      }
      const values = newBag();
      columns.forEach((column, i) => (values[column.name] = row[i]!));
      yield { values, line: at.line, textual: false, declared };
    }
  }
}

/**
 * CSV with a header line. A header cell left empty (a pandas index column) is named as Kusto
 * names an unnamed column, `Column<position>`; a repeated name gets `1`, `2`... appended as
 * Kusto does for duplicate names. A record with the wrong number of fields is skipped and
 * reported: guessing which field is missing would put values under the wrong column.
 */
export async function* csvRecords(
  text: AsyncIterable<string>,
  report: RecordProblemSink,
  reportWarning: RecordProblemSink,
  limits: RecordLimits = defaultRecordLimits,
): AsyncGenerator<RawRecord> {
  const reader = new CsvRecordReader(
    (p) => (p.severity === 'error' ? report : reportWarning)(p.line, undefined, p.message),
    limits.csv,
  );
  let header: string[] | null = null;
  const take = function* (records: { fields: string[]; line: number }[]): Generator<RawRecord> {
    for (const record of records) {
      if (header === null) {
        header = headerNames(record.fields);
        continue;
      }
      if (record.fields.length === 1 && record.fields[0] === '') continue; // blank line
      if (record.fields.length !== header.length) {
        report(
          record.line,
          undefined,
          `${record.fields.length} fields where the header has ${header.length}: skipped`,
        );
        continue;
      }
      const values = newBag();
      for (let i = 0; i < header.length; i++) values[header[i]!] = record.fields[i]!;
      yield { values, line: record.line, textual: true };
    }
  };
  for await (const chunk of text) yield* take(reader.push(chunk));
  yield* take(reader.finish());
}

export function headerNames(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, i) => {
    const base = cell.trim() === '' ? `Column${i + 1}` : cell.trim();
    let name = base;
    for (let n = 1; seen.has(name); n++) name = `${base}${n}`;
    seen.add(name);
    return name;
  });
}
