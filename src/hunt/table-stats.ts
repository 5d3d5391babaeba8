/**
 * What the loaded logs hold, per table: row count, time range and EventIDs present. Computed
 * once per hunt; rules use it to say "no events" instead of silently finding nothing, and
 * analytic rules use the newest event as the end of their query period.
 */
import { Table } from '../engine/index.js';
import { LongVector, IntVector } from '../engine/table/index.js';

export interface TableStats {
  readonly rows: number;
  readonly oldest: bigint | null;
  readonly newest: bigint | null;
  readonly eventIds: ReadonlySet<number>;
}

export function tableStats(table: Table): TableStats {
  const time = table.columnIndex('TimeGenerated');
  const eventId = table.columnIndex('EventID');
  let oldest: bigint | null = null;
  let newest: bigint | null = null;
  const eventIds = new Set<number>();
  for (const chunk of table.chunks) {
    const t = time >= 0 ? chunk.columns[time] : undefined;
    if (t instanceof LongVector) {
      for (let i = 0; i < chunk.length; i++) {
        const v = t.get(i);
        if (v === null) continue;
        if (oldest === null || v < oldest) oldest = v;
        if (newest === null || v > newest) newest = v;
      }
    }
    const e = eventId >= 0 ? chunk.columns[eventId] : undefined;
    if (e instanceof IntVector || e instanceof LongVector) {
      for (let i = 0; i < chunk.length; i++) {
        const v = e.get(i);
        if (v !== null) eventIds.add(Number(v));
      }
    }
  }
  return { rows: table.rowCount, oldest, newest, eventIds };
}

/** The rows of `table` whose TimeGenerated lies in [from, to] (either bound may be open). */
export function tableInWindow(table: Table, from: bigint | null, to: bigint | null): Table {
  const time = table.columnIndex('TimeGenerated');
  if (time < 0 || (from === null && to === null)) return table;
  const chunks = table.chunks.map((chunk) => {
    const t = chunk.columns[time];
    if (!(t instanceof LongVector)) return chunk;
    const keep = new Uint32Array(chunk.length);
    let n = 0;
    for (let i = 0; i < chunk.length; i++) {
      const v = t.get(i);
      if (v === null || (from !== null && v < from) || (to !== null && v > to)) continue;
      keep[n++] = i;
    }
    return n === chunk.length ? chunk : { length: n, columns: chunk.columns.map((c) => c.gather(keep, n)) };
  });
  return new Table(table.schema, chunks);
}
