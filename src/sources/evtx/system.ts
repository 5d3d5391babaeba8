// The `<System>` fields of an event, read straight from the template instance values when the
// template holds `<Event><System>` itself (the usual case: no rendering needed, which is what
// makes pushdown cheap), or from the rendered DOM otherwise.

import { El, isNull, K_EL, K_SUB, K_TEXT, Part, Template, XNodeDef } from './binxml.js';
import { attrOf, childElements, textOf, XElement } from './render.js';
import {
  canonicalGuid,
  parseBigText,
  parseIntText,
  valueBig,
  valueInt,
  valueText,
  valueTicks,
  Values,
  VT_GUID,
} from './values.js';
import { parseWindowsTime } from './time.js';
import { hexBytes } from './bytes.js';

function guidCanonical(b: Buffer, o: number): string {
  return (
    hexBytes(b, o + 3, 1, false) +
    hexBytes(b, o + 2, 1, false) +
    hexBytes(b, o + 1, 1, false) +
    hexBytes(b, o, 1, false) +
    '-' +
    hexBytes(b, o + 5, 1, false) +
    hexBytes(b, o + 4, 1, false) +
    '-' +
    hexBytes(b, o + 7, 1, false) +
    hexBytes(b, o + 6, 1, false) +
    '-' +
    hexBytes(b, o + 8, 2, false) +
    '-' +
    hexBytes(b, o + 10, 6, false)
  );
}

/** System fields. Absent numbers are null, absent strings ''. GUIDs are canonical lower case. */
export interface EvtxSystem {
  providerName: string;
  providerGuid: string | null;
  eventSourceName: string;
  eventId: number | null;
  qualifiers: number | null;
  version: number | null;
  level: number | null;
  task: number | null;
  opcode: number | null;
  keywords: bigint | null;
  /** 100-ns ticks since 0001-01-01 (a Kusto datetime). */
  timeCreated: bigint | null;
  eventRecordId: bigint | null;
  activityId: string | null;
  relatedActivityId: string | null;
  processId: number | null;
  threadId: number | null;
  channel: string;
  computer: string;
  /** Security UserID (a SID), '' when absent. */
  userId: string;
}

const FIELDS = [
  'Provider@Name',
  'Provider@Guid',
  'Provider@EventSourceName',
  'EventID',
  'EventID@Qualifiers',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'TimeCreated@SystemTime',
  'EventRecordID',
  'Correlation@ActivityID',
  'Correlation@RelatedActivityID',
  'Execution@ProcessID',
  'Execution@ThreadID',
  'Channel',
  'Computer',
  'Security@UserID',
] as const;
type Field = (typeof FIELDS)[number];

/** Where each System field comes from in one template. */
class Src {
  constructor(
    readonly deps: number[],
    readonly parts: Part[],
  ) {}
}

export class SysMap {
  readonly src = new Map<Field, Src>();
  /** The `<Event>` element and its `<System>` child, for rendering the rest. */
  constructor(
    readonly event: El,
    readonly system: El,
  ) {}
}

/** The System map of a template, or null when the template does not hold `<Event><System>`. */
export function sysMapOf(tpl: Template): SysMap | null {
  if (tpl.sys !== undefined) return tpl.sys as SysMap | null;
  let map: SysMap | null = null;
  const ev = tpl.nodes.find((n): n is El => n.kind === K_EL && (n as El).name === 'Event');
  const sys = ev?.children?.find((n): n is El => n.kind === K_EL && (n as El).name === 'System');
  if (ev && sys) {
    map = new SysMap(ev, sys);
    const base: number[] = [];
    if (ev.dep !== 0xffff) base.push(ev.dep);
    if (sys.dep !== 0xffff) base.push(sys.dep);
    for (const c of sys.children ?? []) {
      if (c.kind !== K_EL) continue;
      const el = c as El;
      const deps = el.dep !== 0xffff ? [...base, el.dep] : base;
      if (el.children && el.children.every((x) => x.kind !== K_EL)) {
        setSrc(map, el.name, new Src(deps, el.children as Part[]));
      }
      for (const a of el.attrs) setSrc(map, el.name + '@' + a.name, new Src(deps, a.parts));
    }
  }
  tpl.sys = map;
  return map;
}

function setSrc(map: SysMap, key: string, src: Src): void {
  if ((FIELDS as readonly string[]).includes(key) && !map.src.has(key as Field))
    map.src.set(key as Field, src);
}

function single(src: Src, v: Values): number {
  for (const d of src.deps) if (isNull(v, d)) return -2;
  if (src.parts.length === 1 && src.parts[0]!.kind === K_SUB) {
    const i = src.parts[0]!.index;
    return isNull(v, i) ? -2 : i;
  }
  return -1;
}

function textFrom(src: Src, v: Values): string {
  let s = '';
  for (const p of src.parts)
    s += p.kind === K_SUB ? valueText(v, p.index) : p.kind === K_TEXT ? p.text : p.text;
  return s;
}

function str(map: SysMap, f: Field, v: Values): string {
  const src = map.src.get(f);
  if (!src) return '';
  const i = single(src, v);
  if (i === -2) return '';
  return i >= 0 ? valueText(v, i) : textFrom(src, v);
}

function int(map: SysMap, f: Field, v: Values): number | null {
  const src = map.src.get(f);
  if (!src) return null;
  const i = single(src, v);
  if (i === -2) return null;
  return i >= 0 ? valueInt(v, i) : parseIntText(textFrom(src, v));
}

function big(map: SysMap, f: Field, v: Values): bigint | null {
  const src = map.src.get(f);
  if (!src) return null;
  const i = single(src, v);
  if (i === -2) return null;
  return i >= 0 ? valueBig(v, i) : parseBigText(textFrom(src, v));
}

function guid(map: SysMap, f: Field, v: Values): string | null {
  const src = map.src.get(f);
  if (!src) return null;
  const i = single(src, v);
  if (i === -2) return null;
  if (i >= 0 && v.type[i] === VT_GUID) return v.size[i]! >= 16 ? guidCanonical(v.buf, v.off[i]!) : null;
  return canonicalGuid(i >= 0 ? valueText(v, i) : textFrom(src, v));
}

/** Only the EventID (for pushdown). */
export function eventIdFrom(map: SysMap, v: Values): number | null {
  return int(map, 'EventID', v);
}

export function timeFrom(map: SysMap, v: Values): bigint | null {
  const src = map.src.get('TimeCreated@SystemTime');
  if (!src) return null;
  const i = single(src, v);
  if (i === -2) return null;
  return i >= 0 ? valueTicks(v, i) : parseWindowsTime(textFrom(src, v));
}

export function providerFrom(map: SysMap, v: Values): string {
  return str(map, 'Provider@Name', v);
}

export function channelFrom(map: SysMap, v: Values): string {
  return str(map, 'Channel', v);
}

export function systemFromValues(map: SysMap, v: Values): EvtxSystem {
  return {
    providerName: str(map, 'Provider@Name', v),
    providerGuid: guid(map, 'Provider@Guid', v),
    eventSourceName: str(map, 'Provider@EventSourceName', v),
    eventId: int(map, 'EventID', v),
    qualifiers: int(map, 'EventID@Qualifiers', v),
    version: int(map, 'Version', v),
    level: int(map, 'Level', v),
    task: int(map, 'Task', v),
    opcode: int(map, 'Opcode', v),
    keywords: big(map, 'Keywords', v),
    timeCreated: timeFrom(map, v),
    eventRecordId: big(map, 'EventRecordID', v),
    activityId: guid(map, 'Correlation@ActivityID', v),
    relatedActivityId: guid(map, 'Correlation@RelatedActivityID', v),
    processId: int(map, 'Execution@ProcessID', v),
    threadId: int(map, 'Execution@ThreadID', v),
    channel: str(map, 'Channel', v),
    computer: str(map, 'Computer', v),
    userId: str(map, 'Security@UserID', v),
  };
}

export function emptySystem(): EvtxSystem {
  return {
    providerName: '',
    providerGuid: null,
    eventSourceName: '',
    eventId: null,
    qualifiers: null,
    version: null,
    level: null,
    task: null,
    opcode: null,
    keywords: null,
    timeCreated: null,
    eventRecordId: null,
    activityId: null,
    relatedActivityId: null,
    processId: null,
    threadId: null,
    channel: '',
    computer: '',
    userId: '',
  };
}

/** System fields from a rendered `<System>` element (templates of unusual shape). */
export function systemFromDom(sys: XElement | undefined): EvtxSystem {
  const s = emptySystem();
  if (!sys) return s;
  for (const c of childElements(sys)) {
    const t = textOf(c);
    switch (c.name) {
      case 'Provider':
        s.providerName = attrOf(c, 'Name') ?? '';
        s.providerGuid = canonicalGuid(attrOf(c, 'Guid') ?? '');
        s.eventSourceName = attrOf(c, 'EventSourceName') ?? '';
        break;
      case 'EventID':
        s.eventId = parseIntText(t);
        s.qualifiers = parseIntText(attrOf(c, 'Qualifiers') ?? '');
        break;
      case 'Version':
        s.version = parseIntText(t);
        break;
      case 'Level':
        s.level = parseIntText(t);
        break;
      case 'Task':
        s.task = parseIntText(t);
        break;
      case 'Opcode':
        s.opcode = parseIntText(t);
        break;
      case 'Keywords':
        s.keywords = parseBigText(t);
        break;
      case 'TimeCreated':
        s.timeCreated = parseWindowsTime(attrOf(c, 'SystemTime') ?? '');
        break;
      case 'EventRecordID':
        s.eventRecordId = parseBigText(t);
        break;
      case 'Correlation':
        s.activityId = canonicalGuid(attrOf(c, 'ActivityID') ?? '');
        s.relatedActivityId = canonicalGuid(attrOf(c, 'RelatedActivityID') ?? '');
        break;
      case 'Execution':
        s.processId = parseIntText(attrOf(c, 'ProcessID') ?? '');
        s.threadId = parseIntText(attrOf(c, 'ThreadID') ?? '');
        break;
      case 'Channel':
        s.channel = t;
        break;
      case 'Computer':
        s.computer = t;
        break;
      case 'Security':
        s.userId = attrOf(c, 'UserID') ?? '';
        break;
    }
  }
  return s;
}

export type { XNodeDef };
