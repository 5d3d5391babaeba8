/**
 * The tables kqlhunt produces, as Sentinel defines them. The column lists are generated from
 * Sentinel's schema files by scripts/schema/generate.ts (see the generated modules).
 */
import type { TableSchema } from '../types/scalar.js';
import { event, eventHiddenColumns } from './event.generated.js';
import { securityEvent, securityEventHiddenColumns } from './securityEvent.generated.js';
import { windowsEvent, windowsEventHiddenColumns } from './windowsEvent.generated.js';

export { event, securityEvent, windowsEvent };

/** The built-in tables by name. */
export const builtinTables: ReadonlyMap<string, TableSchema> = new Map(
  [securityEvent, windowsEvent, event].map((t) => [t.name, t]),
);

/** Hidden columns of each built-in table (present in data, not listed in Sentinel's schema pane). */
export const builtinHiddenColumns: ReadonlyMap<string, readonly string[]> = new Map([
  [securityEvent.name, securityEventHiddenColumns],
  [windowsEvent.name, windowsEventHiddenColumns],
  [event.name, eventHiddenColumns],
]);

/**
 * The built-in tables with `extra` added; a table in `extra` replaces a built-in one of the same
 * name (e.g. the schema of a loaded export).
 */
export function withTables(extra: readonly TableSchema[]): TableSchema[] {
  const byName = new Map(builtinTables);
  for (const t of extra) byName.set(t.name, t);
  return [...byName.values()];
}
