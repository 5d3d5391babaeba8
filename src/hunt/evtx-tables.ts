/**
 * One EVTX file into Sentinel table rows: every event goes to `WindowsEvent`, and to
 * `SecurityEvent` (Security channel) or `Event` (other channels), as Sentinel files them.
 * Corrupt chunks and records are reported with file, chunk and offset, and reading goes on.
 */
import { readEvtx } from '../sources/evtx/index.js';
import { rowFor, tablesOf, type Row, type WindowsTable } from '../sources/windows/index.js';

export interface EvtxTableOptions {
  readonly workers?: number | undefined;
  readonly onRow: (table: WindowsTable, row: Row) => void;
  readonly onProblem: (message: string) => void;
  /** Called after each batch of events. */
  readonly onProgress?: (events: number) => void;
}

/** Reads the file; returns the number of events read. */
export async function readEvtxTables(path: string, o: EvtxTableOptions): Promise<number> {
  const reader = readEvtx(path, {
    workers: o.workers ?? 'auto',
    onError: (e) => o.onProblem(`${e.file}: chunk ${e.chunk} at offset ${e.offset}: ${e.code} ${e.reason}`),
  });
  let events = 0;
  for await (const batch of reader.batches()) {
    for (const ev of batch) {
      for (const table of tablesOf(ev)) {
        const row = rowFor(table, ev);
        if (row) o.onRow(table, row);
      }
    }
    events += batch.length;
    o.onProgress?.(events);
  }
  return events;
}
