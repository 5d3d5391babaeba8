// Error values of the EVTX reader. Corrupt input never throws out of the reader: each problem
// becomes one of these, reported through `onError` and counted, and reading goes on.

/** Stable codes, so tests and docs can name them. */
export type EvtxErrorCode =
  | 'EVTX001' // file cannot be opened or read
  | 'EVTX002' // file header: bad signature, size or CRC (reading goes on with defaults)
  | 'EVTX010' // chunk: bad signature (chunk skipped)
  | 'EVTX011' // chunk: header CRC mismatch (records still read)
  | 'EVTX012' // chunk: event-records CRC mismatch (records still read)
  | 'EVTX013' // chunk: truncated at end of file
  | 'EVTX014' // chunk: header fields out of range
  | 'EVTX020' // record: size out of range (record lost; the chunk's later records too unless `recover`)
  | 'EVTX021' // record: BinXml cannot be parsed (record skipped)
  | 'EVTX022' // record: limit hit (depth, size, values) (record skipped)
  | 'EVTX023' // chunk: records stop before the chunk header says (a gap; see `recover`)
  | 'EVTX024' // record: copy of size differs (partly written record, read anyway)
  | 'EVTX030'; // worker failure (chunk re-read on the main thread)

/**
 * How bad an error is. `record` and `chunk` errors lose data (a record, or a whole chunk);
 * `integrity` errors (CRC mismatches, header oddities) lose nothing: the data is still read.
 */
export type EvtxErrorSeverity = 'record' | 'chunk' | 'integrity';

export interface EvtxError {
  readonly file: string;
  /** Index of the 64 KiB chunk (0 = the chunk at file offset 4096); -1 for the file header. */
  readonly chunk: number;
  /** Absolute file offset of the structure at fault. */
  readonly offset: number;
  readonly code: EvtxErrorCode;
  readonly severity: EvtxErrorSeverity;
  readonly reason: string;
  /** The record identifier when it could be read. */
  readonly recordId?: bigint;
}

export function evtxError(
  file: string,
  chunk: number,
  offset: number,
  code: EvtxErrorCode,
  severity: EvtxErrorSeverity,
  reason: string,
  recordId?: bigint,
): EvtxError {
  return recordId === undefined
    ? { file, chunk, offset, code, severity, reason }
    : { file, chunk, offset, code, severity, reason, recordId };
}

/** Counts of errors by code, for summaries (`kqlhunt dump` prints one). */
export class EvtxErrorTally {
  readonly byCode = new Map<EvtxErrorCode, number>();
  /** Errors that lost a record or a chunk. */
  lost = 0;
  total = 0;
  /** The first errors kept in full (bounded). */
  readonly first: EvtxError[] = [];

  constructor(private readonly keep = 1000) {}

  add(e: EvtxError): void {
    this.total++;
    if (e.severity !== 'integrity') this.lost++;
    this.byCode.set(e.code, (this.byCode.get(e.code) ?? 0) + 1);
    if (this.first.length < this.keep) this.first.push(e);
  }
}

/** Internal: a parse failure inside a record, caught at the record boundary. */
export class BinXmlError extends Error {
  constructor(
    message: string,
    readonly code: 'EVTX021' | 'EVTX022' = 'EVTX021',
  ) {
    super(message);
  }
}
