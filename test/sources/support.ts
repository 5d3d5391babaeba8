// Reads a file through the real loaders and collects rows by table, with the issues reported.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinTables } from '../../src/schema/index.js';
import { detectFormat } from '../../src/sources/detect.js';
import type { Row } from '../../src/sources/exports/accumulate.js';
import type { SourceIssue } from '../../src/sources/exports/issues.js';
import { readLogFile, type LogReadOptions } from '../../src/sources/otrf/index.js';
import type { TableSchema } from '../../src/types/scalar.js';

export interface Loaded {
  readonly tables: Map<string, { schema: TableSchema; rows: Row[] }>;
  readonly issues: SourceIssue[];
}

export async function load(path: string, extra: Partial<LogReadOptions> = {}): Promise<Loaded> {
  const issues: SourceIssue[] = [];
  const tables = new Map<string, { schema: TableSchema; rows: Row[] }>();
  const format = await detectFormat(path);
  for await (const batch of readLogFile(path, format, {
    knownTables: builtinTables,
    onIssue: (i) => issues.push(i),
    ...extra,
  })) {
    const table = tables.get(batch.table) ?? { schema: batch.schema, rows: [] };
    table.rows.push(...batch.rows);
    tables.set(batch.table, table);
  }
  return { tables, issues };
}

const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-sources-'));

/** Writes a file with the given name in a fresh temporary folder; returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export function rowCounts(loaded: Loaded): Record<string, number> {
  return Object.fromEntries([...loaded.tables].map(([name, t]) => [name, t.rows.length]));
}
