// `kqlhunt dump <evtx...> [--format xml|jsonl|table:<Table>]`: prints events as Windows renders
// them (one per line), as JSON lines, or as rows of a Sentinel table (JSON lines keyed by
// column). Errors go to stderr with file, chunk and offset; reading goes on past every one.

import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { formatTicks } from './time.js';
import { readEvtx, ReadOptions } from './reader.js';
import type { EvtxError } from './errors.js';
import { rowFor, windowsTables, WindowsTable } from '../windows/tables.js';

export type DumpFormat = 'xml' | 'jsonl' | `table:${string}`;

async function write(out: NodeJS.WritableStream, chunk: Uint8Array | string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

function cellJson(type: ScalarType, v: ScalarValue): unknown {
  if (v === null) return null;
  if (type === 'datetime' && typeof v === 'bigint') return formatTicks(v);
  if (typeof v === 'bigint') return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v.toString();
  return v;
}

function jsonReplacer(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

/**
 * Dumps the files to `out`. Returns the exit status: 0 when everything was read, 1 when some
 * record or chunk could not be read (the rest was still printed), 2 on a usage error.
 */
export async function dumpCommand(
  paths: string[],
  format: DumpFormat,
  out: NodeJS.WritableStream,
  options: Pick<ReadOptions, 'filter' | 'workers' | 'recover'> = {},
): Promise<number> {
  let table: WindowsTable | null = null;
  if (format.startsWith('table:')) {
    const name = format.slice(6);
    if (!(name in windowsTables)) {
      process.stderr.write(
        `kqlhunt dump: unknown table '${name}' (one of ${Object.keys(windowsTables).join(', ')})\n`,
      );
      return 2;
    }
    table = name as WindowsTable;
  } else if (format !== 'xml' && format !== 'jsonl') {
    process.stderr.write(`kqlhunt dump: unknown format '${format}' (xml, jsonl or table:<Table>)\n`);
    return 2;
  }
  let status = 0;
  let shown = 0;
  const onError = (e: EvtxError) => {
    if (e.severity === 'integrity' || shown++ >= 100) return;
    process.stderr.write(`${e.file}: chunk ${e.chunk}, offset ${e.offset}: ${e.code} ${e.reason}\n`);
  };
  for (const path of paths) {
    const r = readEvtx(path, { ...options, onError, xml: table === 'WindowsEvent' || !table, data: true });
    if (table === null) {
      for await (const t of r.text(format as 'xml' | 'jsonl')) await write(out, t);
    } else {
      const cols = windowsTables[table];
      for await (const batch of r.batches()) {
        let s = '';
        for (const ev of batch) {
          const row = rowFor(table, ev);
          if (!row) continue;
          const o: Record<string, unknown> = {};
          for (const c of cols) o[c.name] = cellJson(c.type, row[c.name] ?? null);
          s += JSON.stringify(o, jsonReplacer) + '\n';
        }
        if (s) await write(out, s);
      }
    }
    const st = r.stats;
    if (st.lost > 0) status = 1;
    if (r.tally.byCode.get('EVTX001')) status = Math.max(status, 1);
    process.stderr.write(
      `${path}: ${st.events} events, ${st.chunks} chunks, ${st.errors} errors (${st.lost} lost records or chunks)\n`,
    );
  }
  return status;
}
