/**
 * Loads every log a hunt is given into Sentinel tables: EVTX files through our reader and the
 * Windows table mapping, exports and OTRF datasets through their readers. Formats are detected
 * from content. A file that cannot be read is reported and the others go on.
 */
import { builtinTables } from '../schema/index.js';
import { TableBuilder, type Table } from '../engine/index.js';
import { walkInputs, type DetectedInput } from '../sources/detect.js';
import { readLogFile } from '../sources/otrf/index.js';
import { SourceError, formatIssue, type SourceIssue } from '../sources/exports/issues.js';
import type { Row } from '../sources/exports/accumulate.js';
import type { ColumnSchema, ScalarType, TableSchema } from '../types/scalar.js';
import { readEvtxTables } from './evtx-tables.js';
import { securityEventTitles } from '../sources/windows/index.js';
import { tableStats, type TableStats } from './table-stats.js';
import type { HuntTables } from './run-rule.js';

export interface LoadProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly events: number;
}

export interface LoadOptions {
  readonly onProgress?: (p: LoadProgress) => void;
  /** Problems in files: reported, never fatal. */
  readonly onProblem?: (message: string) => void;
  /** Worker threads for EVTX; defaults to the reader's own choice. */
  readonly workers?: number | undefined;
  /** Stops reading after the current file (Ctrl-C); what was read is kept. */
  readonly signal?: AbortSignal | undefined;
}

export interface LoadedLogs extends HuntTables {
  readonly files: number;
  readonly bytes: number;
  readonly events: number;
  /** Files that could not be read at all. */
  readonly failedFiles: number;
  /** Files skipped because they are in no log format kqlhunt reads. */
  readonly skipped: readonly string[];
  readonly problems: number;
}

export async function loadLogs(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedLogs> {
  const report = options.onProblem ?? (() => {});
  let problems = 0;
  const problem = (message: string) => {
    problems++;
    report(message);
  };
  const inputs: DetectedInput[] = [];
  for await (const input of walkInputs(paths, (path, message) => problem(`${path}: ${message}`))) {
    inputs.push(input);
  }
  const bytesTotal = inputs.reduce((n, i) => n + i.size, 0);
  const known = new Map<string, TableBuilder>();
  const other = new Map<string, { schema: TableSchema; rows: Row[] }>();
  let events = 0;
  let bytesDone = 0;
  let filesDone = 0;
  let failedFiles = 0;
  /** Files in the given folders that are not logs (READMEs, notes): not read, not an error. */
  const skipped: string[] = [];
  let skippedBytes = 0;
  const progress = () =>
    options.onProgress?.({ filesDone, filesTotal: inputs.length, bytesDone, bytesTotal, events });

  // An EVTX event fills WindowsEvent and SecurityEvent (or Event): it counts once.
  const append = (table: string, schema: TableSchema, row: Row, isEvent = true) => {
    if (isEvent) events++;
    const builtin = builtinTables.get(table);
    if (builtin) {
      let builder = known.get(table);
      if (!builder) known.set(table, (builder = new TableBuilder(builtin)));
      builder.appendRow(row);
    } else {
      let acc = other.get(table);
      if (!acc) other.set(table, (acc = { schema, rows: [] }));
      else acc.schema = unionSchema(acc.schema, schema);
      acc.rows.push(row);
    }
  };

  for (const input of inputs) {
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) break;
    const before = events;
    try {
      if (input.format === 'evtx') {
        await readEvtxTables(input.path, {
          workers: options.workers,
          onRow: (table, row) => append(table, builtinTables.get(table)!, row, table !== 'WindowsEvent'),
          onProblem: problem,
          onProgress: () => progress(),
        });
      } else if (input.format === 'unknown') {
        skipped.push(input.path);
        skippedBytes += input.size;
      } else {
        const batches = readLogFile(input.path, input.format, {
          knownTables: builtinTables,
          activityTitles: (id) => securityEventTitles.get(id),
          onIssue: (issue: SourceIssue) => problem(formatIssue(issue)),
        });
        for await (const batch of batches) {
          for (const row of batch.rows) append(batch.table, batch.schema, row);
          progress();
        }
      }
    } catch (e) {
      failedFiles++;
      problem(e instanceof SourceError ? e.message : `${input.path}: ${(e as Error).message}`);
    }
    if (events === before && input.format !== 'unknown') problem(`${input.path}: no events read`);
    filesDone++;
    bytesDone += input.size;
    progress();
  }

  const tables = new Map<string, Table>();
  for (const [name, builder] of known) tables.set(name, builder.finish());
  for (const [name, acc] of other) {
    const builder = new TableBuilder(acc.schema);
    for (const row of acc.rows) builder.appendRow(row);
    tables.set(name, builder.finish());
  }
  const stats = new Map<string, TableStats>();
  for (const [name, table] of tables) stats.set(name, tableStats(table));
  return {
    tables,
    stats,
    extraSchemas: [...other.values()].map((o) => o.schema),
    files: inputs.length - skipped.length,
    skipped,
    bytes: bytesTotal - skippedBytes,
    events,
    failedFiles,
    problems,
  };
}

/** Two files of the same non-built-in table: columns of both; a type disagreement is dynamic. */
function unionSchema(a: TableSchema, b: TableSchema): TableSchema {
  if (a === b) return a;
  const columns: ColumnSchema[] = [...a.columns];
  const at = new Map(columns.map((c, i) => [c.name, i]));
  for (const c of b.columns) {
    const i = at.get(c.name);
    if (i === undefined) {
      at.set(c.name, columns.length);
      columns.push(c);
    } else if (columns[i]!.type !== c.type) {
      columns[i] = { name: c.name, type: 'dynamic' satisfies ScalarType };
    }
  }
  return { name: a.name, columns };
}
