/**
 * Reads the log files that are not EVTX into Sentinel tables: Sentinel / Log Analytics exports
 * (src/sources/exports) and OTRF Security-Datasets, zipped or not. Inside a file, each record is
 * judged on its own: a Mordor event (mordor.ts) becomes a SecurityEvent or Event row; anything
 * else is an exported row (so `GoldenSAMLADFSMailAccess-WindowsEvents.zip`, which holds Sentinel
 * rows, loads as they are). A ZIP's entries are detected by content like files; an entry that
 * cannot be read is reported and the next one is read.
 */
import { ZipArchive, defaultZipLimits, type ZipLimits } from './zip.js';
import { mapMordorRecord, type ActivityTitles } from './mordor.js';
import { detectFromHead, type InputFormat } from '../detect.js';
import type { RowBatch } from '../exports/accumulate.js';
import { SourceError } from '../exports/issues.js';
import {
  readExportFile,
  readExportText,
  type ExportFormat,
  type ExportReadOptions,
} from '../exports/loader.js';
import type { RawRecord } from '../exports/records.js';
import { decodeText } from '../exports/text.js';

export interface LogReadOptions extends Omit<ExportReadOptions, 'mapRecord'> {
  /** EventID titles for SecurityEvent's Activity; without them Activity is the EventID alone. */
  readonly activityTitles?: ActivityTitles;
  readonly zipLimits?: ZipLimits;
}

const noTitles: ActivityTitles = () => undefined;

function exportOptions(options: LogReadOptions): ExportReadOptions {
  const titles = options.activityTitles ?? noTitles;
  const securityEventColumns = new Set(
    options.knownTables.get('SecurityEvent')?.columns.map((c) => c.name) ?? [],
  );
  return {
    ...options,
    mapRecord: (record: RawRecord) => {
      const mapped = mapMordorRecord(record.values, titles, securityEventColumns);
      return mapped && { table: mapped.table, record: { ...record, values: mapped.values } };
    },
  };
}

function isExportFormat(format: InputFormat): format is ExportFormat {
  return format === 'json-array' || format === 'json-lines' || format === 'json-document' || format === 'csv';
}

/** Yields the first chunk again, then the rest: lets a stream be sniffed and still read whole. */
async function* withHead(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

async function* readZip(path: string, options: LogReadOptions): AsyncGenerator<RowBatch> {
  const zip = await ZipArchive.open(path, options.zipLimits ?? defaultZipLimits);
  try {
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      try {
        const bytes = zip.read(entry);
        const first = await bytes.next();
        if (first.done) continue;
        const format = detectFromHead(first.value, entry.name, entry.uncompressedSize <= first.value.length);
        if (!isExportFormat(format)) {
          options.onIssue({
            file: path,
            position: { entry: entry.name },
            severity: 'warning',
            message: `entry is not a log format kqlhunt reads inside archives (${format}): skipped`,
          });
          await bytes.return(undefined);
          continue;
        }
        const text = decodeText(withHead(first.value, bytes));
        yield* readExportText(text, format, { file: path, entry: entry.name }, exportOptions(options));
      } catch (e) {
        if (!(e instanceof SourceError)) throw e;
        options.onIssue({ file: e.file, position: e.position, severity: 'error', message: e.detail });
      }
    }
  } finally {
    await zip.close();
  }
}

/**
 * Reads a log file of the given format (from detect.ts) into row batches. Problems in records
 * are reported through `options.onIssue`; an archive that cannot be opened throws SourceError.
 */
export async function* readLogFile(
  path: string,
  format: InputFormat,
  options: LogReadOptions,
): AsyncGenerator<RowBatch> {
  if (format === 'zip') {
    yield* readZip(path, options);
    return;
  }
  if (!isExportFormat(format)) {
    throw new SourceError(path, {}, `not a format this reader handles (${format})`);
  }
  yield* readExportFile(path, format, exportOptions(options));
}
