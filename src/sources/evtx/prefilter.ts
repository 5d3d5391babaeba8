// Pushdown's fast path: decides that a filter drops a record from its raw bytes, without the
// general reader's per-record machinery (no callbacks, no pieces, no rendering).
//
// Nearly every record is one document of the same shape: a fragment header, one template
// instance, the end-of-document token. When the template holds `<Event><System>`, the System
// fields the filter needs are substitution values of that instance, read in place (system.ts).
// For such a record this module gives the answer the general path (chunk.ts, readRecord) would:
// the same checks, in the same order, on the same values. Anything else, and any record the filter
// keeps, is left to the general path, which then reads it from the start; so this shortcut can
// only skip work, never change which events or errors come out.

import { ChunkCtx, getTemplate } from './binxml.js';
import { u32 } from './bytes.js';
import type { CompiledFilter } from './filter.js';
import { channelFrom, eventIdFrom, providerFrom, sysMapOf, timeFrom } from './system.js';
import { readValues } from './values.js';

const T_FRAGMENT = 0x0f;
const T_TEMPLATE_INSTANCE = 0x0c;
const T_EOF = 0x00;

/**
 * True when `filter` certainly drops the record whose BinXml is [pos, end) of the chunk: the record
 * has the usual shape, parses without error up to its end, and its System values fail the filter.
 * False means "not decided here" (kept, unusual, or damaged): the caller reads the record in full.
 */
export function filterDrops(ctx: ChunkCtx, pos: number, end: number, filter: CompiledFilter): boolean {
  const b = ctx.buf;
  let p = pos;
  // The steps and bounds of parseDoc (binxml.ts) for this one shape.
  while (p < end && (b[p]! & 0xbf) === T_FRAGMENT) {
    if (p + 4 > end) return false;
    p += 4;
  }
  if (p >= end || (b[p]! & 0xbf) !== T_TEMPLATE_INSTANCE || p + 10 > end) return false;
  const defOff = u32(b, p + 6);
  p += 10;
  if (defOff === p) {
    if (p + 24 > end) return false;
    const size = u32(b, defOff + 20);
    if (defOff + 24 + size > end) return false;
    p = defOff + 24 + size;
  } else if (defOff > p) return false;
  try {
    const tpl = ctx.templates.get(defOff) ?? getTemplate(ctx, defOff);
    const map = sysMapOf(tpl);
    if (map === null) return false;
    const v = ctx.values(0);
    const next = readValues(b, p, end, v);
    // After the instance, only the end of the document: nothing else that could fail to parse.
    if (next < 0 || (next < end && (b[next]! & 0xbf) !== T_EOF)) return false;
    // The general path's checks, in its order.
    if (
      !filter.eventId(eventIdFrom(map, v)) ||
      (filter.channels !== null && !filter.channel(channelFrom(map, v))) ||
      (filter.needsTime && !filter.time(timeFrom(map, v)))
    )
      return true;
    return filter.providers !== null && !filter.provider(providerFrom(map, v));
  } catch {
    // A template or value the general path will report on.
    return false;
  }
}
