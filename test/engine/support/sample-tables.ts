// Builds tables for engine tests from JSON records (a Sentinel export read with JSON.parse),
// converting each field to its schema type. The real export loader lives in src/sources/exports;
// engine tests only need the records as a table.
import { readFileSync } from 'node:fs';
import { TableBuilder, type Table } from '../../../src/engine/index.js';
import { securityEvent } from '../../../src/schema/index.js';
import { convert } from '../../../src/engine/values/convert.js';
import { parseJson } from '../../../src/engine/values/dynamic.js';
import type { ScalarValue, TableSchema } from '../../../src/types/scalar.js';

export function tableFromRecords(schema: TableSchema, records: readonly Record<string, unknown>[]): Table {
  const types = new Map(schema.columns.map((c) => [c.name, c.type]));
  const b = new TableBuilder(schema);
  for (const rec of records) {
    const row: Record<string, ScalarValue> = {};
    for (const [k, v] of Object.entries(rec)) {
      const t = types.get(k);
      if (t === undefined || v === null || v === undefined) continue;
      const asDynamic = parseJson(JSON.stringify(v)) ?? null;
      row[k] =
        typeof v === 'string' && t !== 'dynamic' ? convert(v, 'string', t) : convert(asDynamic, 'dynamic', t);
    }
    b.appendRow(row);
  }
  return b.finish();
}

export function securityEventsFromJson(path: string): Table {
  const records = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  return tableFromRecords(securityEvent, records);
}

/** The seed rule's query, cut from the seed page's rule definition (`query: |` block). */
export function seedQueryFrom(pageText: string): string {
  const lines = pageText.slice(pageText.indexOf('query: |') + 'query: |'.length + 1).split('\n');
  const out: string[] = [];
  for (const l of lines) {
    if (!l.startsWith('  ') && l.trim() !== '') break;
    out.push(l.slice(2));
  }
  return out.join('\n').trimEnd();
}
