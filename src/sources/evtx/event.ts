// The event model: one record of an EVTX file, as the reader yields it. Plain data (no class,
// no functions) so that it crosses worker threads by structured clone unchanged.

import { formatTicks } from './time.js';
import { attrOf, childElements, textOf, XElement } from './render.js';
import type { EvtxSystem } from './system.js';

export type { EvtxSystem } from './system.js';
export type { XElement } from './render.js';

/** One `<Data Name='...'>` of EventData (name '' when unnamed), or one UserData leaf. */
export interface EvtxData {
  name: string;
  value: string;
}

export interface EvtxEvent {
  /** The path given to the reader. */
  file: string;
  /** Chunk index (0 = the chunk at file offset 4096). */
  chunk: number;
  /** Absolute file offset of the record. */
  offset: number;
  /** Record identifier from the record header. */
  recordId: bigint;
  /** Written time from the record header, ticks since 0001-01-01. */
  written: bigint;
  system: EvtxSystem;
  /** EventData `<Data>` items in order, or the leaves of UserData's element; [] when none. */
  data: EvtxData[];
  /**
   * The element after `<System>` (EventData, UserData, ProcessingErrorData...), rendered, or
   * null. Absent (null) when the reader was asked not to materialise data.
   */
  body: XElement | null;
  /** The event as Windows renders it; '' when the reader was asked not to render XML. */
  xml: string;
  /** Found past a gap in its chunk (only with the `recover` option). */
  recovered?: true;
}

/** EventData / UserData items of a body element. */
export function dataItems(body: XElement | null): EvtxData[] {
  if (!body) return [];
  const out: EvtxData[] = [];
  if (body.name === 'EventData') {
    for (const c of childElements(body)) {
      if (c.name === 'Data') out.push({ name: attrOf(c, 'Name') ?? '', value: textOf(c) });
    }
    return out;
  }
  const kids = childElements(body);
  const inner = body.name === 'UserData' && kids.length === 1 ? childElements(kids[0]!) : kids;
  for (const c of inner) out.push({ name: c.name, value: textOf(c) });
  return out;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function elementJson(e: XElement): Json {
  const kids = childElements(e);
  if (e.attrs.length === 0 && kids.length === 0) return textOf(e);
  const o: { [k: string]: Json } = {};
  if (e.attrs.length) {
    const a: { [k: string]: Json } = {};
    for (const [k, v] of e.attrs) a[k] = v;
    o['#attributes'] = a;
  }
  if (kids.length === 0) {
    const t = textOf(e);
    if (t !== '') o['#text'] = t;
    return o;
  }
  for (const k of kids) {
    const v = elementJson(k);
    const prev = o[k.name];
    if (prev === undefined) o[k.name] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else o[k.name] = [prev, v];
  }
  return o;
}

function safeNumber(b: bigint | null): Json {
  if (b === null) return null;
  return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(b)
    : b.toString();
}

/**
 * The JSON form of an event (for machine output): System fields by their XML names, then the
 * body. EventData with unique names becomes an object; otherwise an array of {Name, '#text'}.
 */
export function eventJson(ev: EvtxEvent): { [k: string]: Json } {
  const s = ev.system;
  const system: { [k: string]: Json } = {
    Provider: { Name: s.providerName, Guid: s.providerGuid, EventSourceName: s.eventSourceName || null },
    EventID: s.eventId,
    Qualifiers: s.qualifiers,
    Version: s.version,
    Level: s.level,
    Task: s.task,
    Opcode: s.opcode,
    Keywords: s.keywords === null ? null : '0x' + s.keywords.toString(16),
    TimeCreated: s.timeCreated === null ? null : formatTicks(s.timeCreated),
    EventRecordID: safeNumber(s.eventRecordId),
    Correlation: { ActivityID: s.activityId, RelatedActivityID: s.relatedActivityId },
    Execution: { ProcessID: s.processId, ThreadID: s.threadId },
    Channel: s.channel,
    Computer: s.computer,
    Security: { UserID: s.userId || null },
  };
  const event: { [k: string]: Json } = { System: system };
  const body = ev.body;
  if (body) {
    if (body.name === 'EventData') {
      const named = ev.data.length > 0 && ev.data.every((d) => d.name !== '');
      const unique = new Set(ev.data.map((d) => d.name)).size === ev.data.length;
      if (named && unique) {
        const o: { [k: string]: Json } = {};
        for (const d of ev.data) o[d.name] = d.value;
        const bin = childElements(body).find((c) => c.name === 'Binary');
        if (bin) o['#Binary'] = textOf(bin);
        event.EventData = o;
      } else event.EventData = elementJson(body);
    } else event[body.name] = elementJson(body);
  }
  return {
    file: ev.file,
    chunk: ev.chunk,
    offset: ev.offset,
    recordId: safeNumber(ev.recordId),
    Event: event,
  };
}
