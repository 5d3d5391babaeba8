/**
 * kqlhunt's EVTX reader: Windows XML Event Log files, read by kqlhunt itself (no dependency).
 *
 * ## Reading
 *
 *     import { readEvtx } from './sources/evtx/index.js';
 *     const reader = readEvtx(path, { filter: { eventIds: [4624] }, onError: (e) => log(e) });
 *     for await (const ev of reader) use(ev);        // events in file order
 *     for await (const evs of reader.batches()) ...  // or a chunk's events at a time
 *     for await (const bytes of reader.text('xml'))  // or UTF-8 text, one event per line ('jsonl' too)
 *     reader.stats;  // { chunks, events, filtered, lost, errors }
 *     reader.tally;  // EvtxErrorTally: counts by code, the first 1000 errors in full
 *
 * `readEvtx(path, options)` options (all optional):
 * - `filter: EvtxFilter` pushdown: `{ eventIds?, channels?, providers?, from?, to? }` (times as
 *   bigint ticks). A record that fails it is dropped right after its System values are read,
 *   without rendering anything else.
 * - `workers: number | 'auto'`: 'auto' (default), with several cores, starts on the calling
 *   thread and moves the rest of the file to one worker per core (at most 8) once it has measured
 *   that they save more time than they cost (a full rendering does; a selective scan does not);
 *   n > 1 reads on n workers from the start; 0 or 1 forces the calling thread. While workers
 *   read, the calling thread only passes results on. Output is in file order either way.
 * - `onError(e)`: every error, in file order. `xml` (default true): render `ev.xml`.
 *   `data` (default true): materialise `ev.body` and `ev.data`. `verifyCrc` (default true; a
 *   file whose header sets the no-CRC flag 0x4 is never checked). `recover` (default false):
 *   read on past a gap inside a chunk. `name`: the file's name in events and errors.
 *
 * ## The event (`EvtxEvent`, plain data)
 *
 * - `file`, `chunk` (index; 0 is the chunk at offset 4096), `offset` (of the record in the file),
 *   `recordId` (bigint, from the record header), `written` (bigint ticks, record header).
 * - `system: EvtxSystem`: `providerName`, `providerGuid`, `eventSourceName`, `eventId`,
 *   `qualifiers`, `version`, `level`, `task`, `opcode`, `keywords` (bigint), `timeCreated`
 *   (bigint: 100-ns ticks since 0001-01-01, a Kusto datetime), `eventRecordId` (bigint),
 *   `activityId`, `relatedActivityId`, `processId`, `threadId`, `channel`, `computer`, `userId`.
 *   Values follow src/types/scalar.ts: absent numbers are null, absent strings '', GUIDs are
 *   lower-case canonical strings without braces (or null).
 * - `data: EvtxData[]`: EventData's `<Data Name=...>` items in order (`name` '' when unnamed),
 *   or the leaf elements of UserData's element.
 * - `body: XElement | null`: the element after `<System>` (EventData, UserData, ...) rendered
 *   as a small DOM `{ name, attrs, children }`.
 * - `xml`: the event exactly as Windows renders it (`<Event xmlns='...'>...</Event>`).
 * - `eventJson(ev)` gives the JSON form (System by XML names, then EventData or UserData).
 *
 * ## Errors (`EvtxError`): `{ file, chunk, offset, code, severity, reason, recordId? }`
 *
 * Nothing in a file makes the reader throw, loop or allocate beyond a fixed bound per chunk.
 * Severity `chunk` or `record` means data was lost (a chunk with a bad signature, a record that
 * does not parse); `integrity` means the data was still read (a CRC mismatch, a partly written
 * record, records ending before the chunk header says). Codes are listed in errors.ts.
 *
 * ## Tables
 *
 * src/sources/windows/ turns events into rows of Sentinel's SecurityEvent, Event and
 * WindowsEvent tables (`securityEventRow`, `eventRow`, `windowsEventRow`, `rowFor`), and
 * dump.ts holds `dumpCommand` for `kqlhunt dump`.
 */

export { readEvtx, EvtxReader } from './reader.js';
export type { ReadOptions, ReadStats } from './reader.js';
export { dataItems, eventJson } from './event.js';
export type { EvtxData, EvtxEvent, EvtxSystem, XElement } from './event.js';
export { EvtxErrorTally, evtxError } from './errors.js';
export type { EvtxError, EvtxErrorCode, EvtxErrorSeverity } from './errors.js';
export { compileFilter } from './filter.js';
export type { EvtxFilter } from './filter.js';
export { formatTicks, parseWindowsTime } from './time.js';
export { closeSharedPool } from './pool.js';
export { dumpCommand } from './dump.js';
export type { DumpFormat } from './dump.js';
