// One 64 KiB chunk: its header, CRCs and records. The chunk is the unit of work: templates and
// names are cached per chunk, workers take chunks, and a bad chunk costs that chunk only.
//
// Layout (libyal's EVTX document): header 512 bytes ("ElfChnk\0", first/last record numbers
// and identifiers, header size 128, last record offset @44, free space offset @48, records CRC
// @52, header CRC @124 over bytes 0-120 and 128-512), then records from offset 512:
// "**\0\0", size, identifier, written FILETIME, BinXml, copy of size.

import { crc32 } from 'node:zlib';
import { u32, u64 } from './bytes.js';
import { BinXmlError, EvtxError, evtxError } from './errors.js';
import { CHUNK_SIZE, ChunkCtx, El, MAX_CHUNK_OUTPUT, MAX_RECORD_OUTPUT, parseDoc } from './binxml.js';
import { domBudgetLeft, renderDom, renderDomExcept, resetDomBudget, XElement } from './render.js';
import { writeNodes, XmlOut } from './xmlout.js';
import {
  channelFrom,
  emptySystem,
  EvtxSystem,
  eventIdFrom,
  providerFrom,
  sysMapOf,
  systemFromDom,
  systemFromValues,
  timeFrom,
} from './system.js';

const EMPTY_SYSTEM = emptySystem();
import { filetimeTicks } from './time.js';
import { dataItems, EvtxEvent } from './event.js';
import type { CompiledFilter } from './filter.js';
import { filterDrops } from './prefilter.js';

export const FILE_HEADER_SIZE = 4096;
export const CHUNK_HEADER_SIZE = 512;
const RECORD_MIN = 28;
const CHUNK_MAGIC = 'ElfChnk\0';

export interface ChunkOptions {
  verifyCrc: boolean;
  filter: CompiledFilter | null;
  /** Render each event's XML. */
  xml: boolean;
  /** Materialise `body` and `data`. */
  data: boolean;
  /** Look for records past a gap in the chunk (records found there are marked `recovered`). */
  recover: boolean;
  /** The file header's chunk count (-1 when the header is unusable). */
  declaredChunks: number;
  /** Where XML is rendered. */
  out: XmlOut;
  /**
   * 'events': events are collected (with `xml` as a string when asked for);
   * 'xmlBytes': each event's XML and a newline stay in `out`, no event objects are kept.
   */
  sink: 'events' | 'xmlBytes';
  /**
   * Let prefilter.ts drop records the filter rejects straight from their bytes (default true).
   * It gives the same events and errors as the general path; tests turn it off to prove that.
   */
  fastFilter?: boolean;
}

export interface ChunkOutput {
  events: EvtxEvent[];
  errors: EvtxError[];
  /** Records read but left out by the filter. */
  filtered: number;
  /** Events produced (in 'xmlBytes' mode, where `events` stays empty). */
  count: number;
  /** Output the chunk's remaining records may still produce (MAX_CHUNK_OUTPUT in all). */
  budget: number;
}

/** True when every byte is zero (an unused chunk: skipped without an error). */
function allZero(b: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (b[i] !== 0) return false;
  return true;
}

function hasSig(b: Buffer, pos: number): boolean {
  return b[pos] === 0x2a && b[pos + 1] === 0x2a && b[pos + 2] === 0 && b[pos + 3] === 0;
}

/** Size of a well-formed record at `pos` (signature, size in range, copy of size), else 0. */
function wellFormedAt(b: Buffer, pos: number, end: number): number {
  if (pos + RECORD_MIN > end || !hasSig(b, pos)) return 0;
  const size = u32(b, pos + 4);
  if (size < RECORD_MIN || pos + size > end || u32(b, pos + size - 4) !== size) return 0;
  return size;
}

/**
 * Parses the chunk in `buf` (`len` bytes of it are from the file; the rest is zero). `index` is
 * the chunk's index, `base` its file offset. Never throws on any content.
 */
export function parseChunk(
  file: string,
  index: number,
  base: number,
  buf: Buffer,
  len: number,
  opts: ChunkOptions,
  ctx: ChunkCtx,
): ChunkOutput {
  const out: ChunkOutput = { events: [], errors: [], filtered: 0, count: 0, budget: MAX_CHUNK_OUTPUT };
  const err = (
    off: number,
    code: EvtxError['code'],
    sev: EvtxError['severity'],
    reason: string,
    id?: bigint,
  ) => out.errors.push(evtxError(file, index, base + off, code, sev, reason, id));

  if (len < CHUNK_SIZE) {
    if (allZero(buf, 0, len)) return out;
    err(
      0,
      'EVTX013',
      len < CHUNK_HEADER_SIZE ? 'chunk' : 'integrity',
      `chunk truncated at end of file (${len} of ${CHUNK_SIZE} bytes)`,
    );
    if (len < CHUNK_HEADER_SIZE) return out;
  }
  if (buf.toString('latin1', 0, 8) !== CHUNK_MAGIC) {
    if (allZero(buf, 0, len)) return out;
    // Past the header's chunk count, a non-chunk is unused space, not a lost chunk.
    if (opts.declaredChunks >= 0 && index >= opts.declaredChunks)
      err(
        0,
        'EVTX010',
        'integrity',
        `no chunk signature past the header's ${opts.declaredChunks} chunks: skipped`,
      );
    else err(0, 'EVTX010', 'chunk', 'bad chunk signature (expected "ElfChnk\\0"): chunk skipped');
    return out;
  }
  ctx.reset(buf);

  let headerOk = true;
  if (opts.verifyCrc) {
    const want = u32(buf, 124);
    const got = crc32(buf.subarray(128, CHUNK_HEADER_SIZE), crc32(buf.subarray(0, 120)));
    if (want !== got) {
      headerOk = false;
      err(
        0,
        'EVTX011',
        'integrity',
        `chunk header CRC mismatch (stored 0x${want.toString(16)}, computed 0x${got.toString(16)})`,
      );
    }
  }
  const lastRec = u32(buf, 44);
  const free = u32(buf, 48);
  const freeOk = free >= CHUNK_HEADER_SIZE && free <= CHUNK_SIZE;
  if (!freeOk)
    err(48, 'EVTX014', 'integrity', `free space offset ${free} out of range: scanning the whole chunk`);
  if (opts.verifyCrc && freeOk) {
    const want = u32(buf, 52);
    const got = crc32(buf.subarray(CHUNK_HEADER_SIZE, free));
    if (want !== got)
      err(
        52,
        'EVTX012',
        'integrity',
        `event records CRC mismatch (stored 0x${want.toString(16)}, computed 0x${got.toString(16)})`,
      );
  }
  // Trust the header's extent only when it is consistent; otherwise scan to the chunk's end.
  const limit = freeOk && headerOk ? free : Math.min(len, CHUNK_SIZE);
  const lastOk = lastRec >= CHUNK_HEADER_SIZE && lastRec < CHUNK_SIZE && headerOk;

  const end = Math.min(len, CHUNK_SIZE);
  const firstId = u64(buf, 24);
  const lastId = u64(buf, 32);
  const announced = headerOk && lastId >= firstId ? Number(lastId - firstId) + 1 : -1;
  let read = 0;
  let recovered = false;
  let pos = CHUNK_HEADER_SIZE;
  while (pos + RECORD_MIN <= limit) {
    let size = 0;
    if (hasSig(buf, pos)) {
      size = u32(buf, pos + 4);
      if (size < RECORD_MIN || pos + size > end) {
        err(
          pos,
          'EVTX020',
          'record',
          `record size ${size} out of range`,
          pos + 16 <= end ? u64(buf, pos + 8) : undefined,
        );
        size = 0;
      } else if (u32(buf, pos + size - 4) !== size) {
        err(
          pos + size - 4,
          'EVTX024',
          'integrity',
          `copy of record size is ${u32(buf, pos + size - 4)}, not ${size}: record partly written`,
        );
      }
    }
    if (size === 0) {
      // A gap: the records stop here. Past the header's last record it is just free space.
      const past = lastOk && pos > lastRec;
      if (!past && !(announced >= 0 && read >= announced) && !allZero(buf, pos, limit)) {
        if (opts.recover) {
          let next = -1;
          for (let p = pos + 1; p + RECORD_MIN <= limit; p++) {
            if (buf[p] !== 0x2a || wellFormedAt(buf, p, end) === 0) continue;
            const id = u64(buf, p + 8);
            if (announced < 0 || (id >= firstId && id <= lastId)) {
              next = p;
              break;
            }
          }
          if (next >= 0) {
            err(
              pos,
              'EVTX023',
              'integrity',
              `gap in the records from offset ${base + pos}: reading on at ${base + next}`,
            );
            pos = next;
            recovered = true;
            continue;
          }
        }
      }
      if (!past && size === 0 && hasSig(buf, pos)) {
        // reported above (size out of range)
      } else if (!past && (buf[pos] | buf[pos + 1]! | buf[pos + 2]! | buf[pos + 3]!) !== 0) {
        err(pos, 'EVTX020', 'record', 'garbage where a record should start (no record signature)');
      } else if (!past && announced > read) {
        err(
          pos,
          'EVTX023',
          'integrity',
          `records stop at chunk offset ${pos}: the header announces ${announced}, ${read} read`,
        );
      }
      break;
    }
    readRecord(file, index, base, buf, pos, size, opts, ctx, out, err, recovered);
    read++;
    pos += size;
  }
  return out;
}

function readRecord(
  file: string,
  index: number,
  base: number,
  buf: Buffer,
  pos: number,
  size: number,
  opts: ChunkOptions,
  ctx: ChunkCtx,
  out: ChunkOutput,
  err: (
    off: number,
    code: EvtxError['code'],
    sev: EvtxError['severity'],
    reason: string,
    id?: bigint,
  ) => void,
  recovered: boolean,
): void {
  const filter = opts.filter;
  if (filter !== null && opts.fastFilter !== false && filterDrops(ctx, pos + 24, pos + size - 4, filter)) {
    out.filtered++;
    return;
  }
  const recordId = u64(buf, pos + 8);
  const st: { system: EvtxSystem | null; skip: boolean; body: XElement | null } = {
    system: null,
    skip: false,
    body: null,
  };
  const xo = opts.out;
  const mark = xo.n;
  // Output bounds: a small record must not render to gigabytes (values referenced many times).
  const allowance = Math.max(0, Math.min(MAX_RECORD_OUTPUT, out.budget));
  xo.limit = mark + allowance;
  resetDomBudget(allowance);
  try {
    parseDoc(ctx, pos + 24, pos + size - 4, 0, (piece) => {
      if (st.skip) return;
      const map = piece.tpl && st.system === null ? sysMapOf(piece.tpl) : null;
      if (map) {
        if (filter) {
          if (
            !filter.eventId(eventIdFrom(map, piece.values)) ||
            (filter.channels !== null && !filter.channel(channelFrom(map, piece.values))) ||
            (filter.needsTime && !filter.time(timeFrom(map, piece.values)))
          ) {
            st.skip = true;
            return;
          }
        }
        if (filter && filter.providers !== null && !filter.provider(providerFrom(map, piece.values))) {
          st.skip = true;
          return;
        }
        // Text output needs no System object: the XML says it all.
        st.system = opts.sink === 'xmlBytes' ? EMPTY_SYSTEM : systemFromValues(map, piece.values);
        if (opts.data) {
          const dom: (XElement | string)[] = [];
          renderDomExcept(ctx, map.event.children ?? [], map.system, piece.values, 0, dom);
          st.body = firstElement(dom);
        }
      } else if (st.system === null || opts.data) {
        const dom: (XElement | string)[] = [];
        renderDom(ctx, piece.nodes, piece.values, 0, dom);
        const ev = firstElement(dom);
        if (ev) {
          const kids = ev.children.filter((c): c is XElement => typeof c !== 'string');
          if (st.system === null) {
            const sysEl = kids.find((k) => k.name === 'System');
            if (sysEl) {
              st.system = systemFromDom(sysEl);
              if (
                filter &&
                (!filter.eventId(st.system.eventId) ||
                  !filter.channel(st.system.channel) ||
                  !filter.time(st.system.timeCreated) ||
                  !filter.provider(st.system.providerName))
              ) {
                st.skip = true;
                return;
              }
            }
          }
          if (opts.data && st.body === null) st.body = kids.find((k) => k.name !== 'System') ?? null;
        }
      }
      if (opts.xml) writeNodes(xo, ctx, piece.nodes, piece.values, 0);
    });
  } catch (e) {
    xo.n = mark;
    xo.limit = Infinity;
    if (e instanceof BinXmlError) {
      err(pos, e.code, 'record', e.message, recordId);
      return;
    }
    // Anything else (engine limits such as a string too long, or a bug) loses this record only.
    err(pos, 'EVTX022', 'record', 'limit or internal error: ' + String((e as Error)?.message ?? e), recordId);
    return;
  }
  const { system, skip, body } = st;
  xo.limit = Infinity;
  if (skip || (system === null && filter)) {
    xo.n = mark;
    out.filtered++;
    return;
  }
  out.budget -= xo.n - mark + (allowance - domBudgetLeft());
  if (opts.sink === 'xmlBytes') {
    xo.limit = Infinity;
    xo.byte(0x0a);
    out.count++;
    return;
  }
  let xml = '';
  if (opts.xml) {
    xml = xo.text(mark);
    xo.n = mark;
  }
  out.count++;
  out.events.push({
    file,
    chunk: index,
    offset: base + pos,
    recordId,
    written: filetimeTicks(buf, pos + 16),
    system: system ?? emptySystem(),
    data: dataItems(body),
    body,
    xml,
    ...(recovered ? { recovered: true } : {}),
  });
}

function firstElement(nodes: (XElement | string)[]): XElement | null {
  for (const n of nodes) if (typeof n !== 'string') return n;
  return null;
}

export type { El };
