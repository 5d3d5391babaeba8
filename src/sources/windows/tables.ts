// Windows events as rows of Sentinel's tables, so that rules run unchanged:
//
// - SecurityEvent: the Security channel (and AppLocker's channels, which Sentinel files there).
// - Event: every other channel (Sysmon among them), as the Log Analytics agent stores it, with
//   EventData wrapped in `<DataItem type="System.XmlData" ...>`.
// - WindowsEvent: every event, EventData as a dynamic bag (the Azure Monitor agent's table).
//
// Rows are plain objects keyed by column name holding values in the representation of
// src/types/scalar.ts: datetime = bigint ticks, int = number, long = bigint, string never null
// (unset = ''), guid = lower-case canonical string or null, dynamic = null-prototype objects.
//
// The mapping follows the real export in ../shared/sentinel/sample-data (msticpy's 25 x 226
// SecurityEvent rows, its 4624/4625/4688 CSVs, the OTRF SimuLand rows): see the rules below.

import type { ColumnSchema, DynamicValue, ScalarValue } from '../../types/scalar.js';
import { event, securityEvent, windowsEvent } from '../../schema/index.js';
import type { EvtxEvent, XElement } from '../evtx/event.js';
import { formatTicks } from '../evtx/time.js';
import { childElements, textOf } from '../evtx/render.js';
import { canonicalGuid, parseIntText } from '../evtx/values.js';
import { activityOf } from './titles.js';

export type Row = Record<string, ScalarValue>;
export type WindowsTable = 'SecurityEvent' | 'Event' | 'WindowsEvent';

/** The columns of each table: src/schema's (Sentinel's schemas, hidden columns included). */
export const windowsTables: Readonly<Record<WindowsTable, readonly ColumnSchema[]>> = {
  SecurityEvent: securityEvent.columns,
  Event: event.columns,
  WindowsEvent: windowsEvent.columns,
};

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const AUDIT_SUCCESS = 0x0020000000000000n;
const AUDIT_FAILURE = 0x0010000000000000n;

/** True for events Sentinel files in SecurityEvent rather than Event. */
export function isSecurityEvent(ev: EvtxEvent): boolean {
  const c = ev.system.channel;
  return c === 'Security' || c.startsWith('Microsoft-Windows-AppLocker/');
}

/** The tables an event belongs to (WindowsEvent always, then SecurityEvent or Event). */
export function tablesOf(ev: EvtxEvent): WindowsTable[] {
  return [isSecurityEvent(ev) ? 'SecurityEvent' : 'Event', 'WindowsEvent'];
}

export function rowFor(table: WindowsTable, ev: EvtxEvent): Row | null {
  switch (table) {
    case 'SecurityEvent':
      return isSecurityEvent(ev) ? securityEventRow(ev) : null;
    case 'Event':
      return isSecurityEvent(ev) ? null : eventRow(ev);
    case 'WindowsEvent':
      return windowsEventRow(ev);
  }
}

function emptyRow(columns: readonly ColumnSchema[]): Row {
  const r: Row = {};
  for (const c of columns) r[c.name] = c.type === 'string' ? '' : null;
  return r;
}

/**
 * The legacy event type the Log Analytics agent reports: 8 audit success, 16 audit failure,
 * 1 error (levels 1-2), 2 warning (3), 4 information (anything else).
 */
export function legacyLevel(ev: EvtxEvent): number {
  const k = ev.system.keywords ?? 0n;
  if (k & AUDIT_SUCCESS) return 8;
  if (k & AUDIT_FAILURE) return 16;
  const l = ev.system.level;
  if (l === 1 || l === 2) return 1;
  if (l === 3) return 2;
  return 4;
}

const LEGACY_LEVEL_NAMES: Record<number, string> = {
  1: 'Error',
  2: 'Warning',
  4: 'Information',
  8: 'Audit Success',
  16: 'Audit Failure',
};

const LEVEL_NAMES: Record<number, string> = {
  0: 'Information',
  1: 'Critical',
  2: 'Error',
  3: 'Warning',
  4: 'Information',
  5: 'Verbose',
};

const WELL_KNOWN_SIDS: Record<string, string> = {
  'S-1-5-18': 'NT AUTHORITY\\SYSTEM',
  'S-1-5-19': 'NT AUTHORITY\\LOCAL SERVICE',
  'S-1-5-20': 'NT AUTHORITY\\NETWORK SERVICE',
};

const LOGON_TYPES: Record<number, string> = {
  0: 'System',
  2: 'Interactive',
  3: 'Network',
  4: 'Batch',
  5: 'Service',
  7: 'Unlock',
  8: 'NetworkCleartext',
  9: 'NewCredentials',
  10: 'RemoteInteractive',
  11: 'CachedInteractive',
  12: 'CachedRemoteInteractive',
  13: 'CachedUnlock',
};

// ---------------------------------------------------------------------------------------------
// XML as Sentinel stores it

function escText(s: string): string {
  return /[&<>]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

function escAttr(s: string): string {
  return /[&<>"]/.test(s) ? escText(s).replace(/"/g, '&quot;') : s;
}

function attrs(e: XElement): string {
  let s = '';
  for (const [k, v] of e.attrs) s += ` ${k}="${escAttr(v)}"`;
  return s;
}

/** Indented form (two spaces, CRLF, double quotes), as SecurityEvent's EventData column. */
function indented(e: XElement, indent: string, ns: boolean): string {
  const open = '<' + e.name + (ns ? ` xmlns="${EVENT_NS}"` : '') + attrs(e);
  const kids = childElements(e);
  if (kids.length === 0 || kids.length !== e.children.length)
    return open + '>' + escText(textOf(e)) + '</' + e.name + '>';
  let s = open + '>';
  const inner = indent + '  ';
  for (const k of kids) s += '\r\n' + inner + indented(k, inner, false);
  return s + '\r\n' + indent + '</' + e.name + '>';
}

/** Compact form (double quotes, no whitespace), as inside Event's DataItem. */
function compact(e: XElement, ns: boolean): string {
  let s = '<' + e.name + (ns ? ` xmlns="${EVENT_NS}"` : '') + attrs(e) + '>';
  for (const c of e.children) s += typeof c === 'string' ? escText(c) : compact(c, false);
  return s + '</' + e.name + '>';
}

/** SecurityEvent's EventData: the `<EventData xmlns=...>` (or UserData) element, indented. */
export function sentinelEventData(ev: EvtxEvent): string {
  return ev.body ? indented(ev.body, '', true) : '';
}

/** Event's EventData: the body inside the agent's `<DataItem>` wrapper. */
export function dataItemXml(ev: EvtxEvent): string {
  const t = ev.system.timeCreated ?? ev.written;
  const time = formatTicks(t).replace(/Z$/, '+00:00');
  return (
    `<DataItem type="System.XmlData" time="${time}" sourceHealthServiceId="00000000-0000-0000-0000-000000000000">` +
    (ev.body ? compact(ev.body, true) : `<EventData xmlns="${EVENT_NS}"></EventData>`) +
    '</DataItem>'
  );
}

/** Event's ParameterXml: one `<Param>` per data value. */
export function parameterXml(ev: EvtxEvent): string {
  let s = '';
  for (const d of ev.data) s += '<Param>' + escText(d.value) + '</Param>';
  return s;
}

// ---------------------------------------------------------------------------------------------
// SecurityEvent

const SECURITY_TYPES = new Map(securityEvent.columns.map((c) => [c.name, c.type]));

/**
 * EventData fields that SecurityEvent keeps as GUID text: string columns today, guid columns in
 * the table the real export came from (Sentinel's validation schema still says Guid), so their
 * values are canonical GUIDs, lower case without braces (`00000000-0000-0000-0000-000000000000`
 * in ../shared/sentinel/sample-data for Windows's `{00000000-...}`), '' when not a GUID.
 */
const GUID_TEXT_FIELDS: ReadonlySet<string> = new Set([
  'InterfaceUuid',
  'LogonGuid',
  'SubcategoryGuid',
  'TargetLogonGuid',
]);

/** Columns Sentinel fills from the event itself, never from a same-named EventData field. */
const META = new Set([
  'TenantId',
  'TimeGenerated',
  'SourceSystem',
  'Account',
  'AccountType',
  'Computer',
  'EventSourceName',
  'Channel',
  'Task',
  'Level',
  'EventData',
  'EventID',
  'Activity',
  'SourceComputerId',
  'EventOriginId',
  'MG',
  'TimeCollected',
  'ManagementGroupName',
  'PartitionKey',
  'RowKey',
  'StorageAccount',
  'AzureDeploymentID',
  'AzureTableName',
  'SubjectAccount',
  'TargetAccount',
  'LogonTypeName',
  'Process',
  'Type',
  '_ResourceId',
  '_SubscriptionId',
  '_BilledSize',
  '_IsBillable',
]);

/** EventIDs whose EventData fields Sentinel does not copy into columns (seen: 5058, 5061). */
export const NO_FIELD_COPY: ReadonlySet<number> = new Set([5058, 5061]);

/** EventIDs whose EventData column Sentinel leaves empty (seen in the real exports). */
export const NO_EVENTDATA: ReadonlySet<number> = new Set([4624, 4648, 4662, 4672]);

/** Logon events: the Account is the target (who logged on), not the subject. */
const TARGET_ACCOUNT_EVENTS: ReadonlySet<number> = new Set([4624, 4625, 4634, 4647]);

function convert(type: string, v: string): ScalarValue {
  switch (type) {
    case 'string':
      return v;
    case 'int':
      return parseIntText(v);
    case 'long': {
      const n = parseIntText(v);
      return n === null ? null : BigInt(n);
    }
    case 'guid':
      return canonicalGuid(v);
    default:
      return v === '' ? null : v;
  }
}

function basename(p: string): string {
  const i = p.lastIndexOf('\\');
  return i >= 0 ? p.slice(i + 1) : p;
}

function accountOf(domain: ScalarValue, user: ScalarValue, hasDomain: boolean): string {
  return hasDomain ? `${domain}\\${user}` : String(user);
}

export function securityEventRow(ev: EvtxEvent): Row {
  const s = ev.system;
  const r = emptyRow(securityEvent.columns);
  const id = s.eventId;
  r.TimeGenerated = s.timeCreated ?? ev.written;
  r.SourceSystem = 'OpsManager';
  r.Computer = s.computer;
  r.EventSourceName = s.eventSourceName || s.providerName;
  r.Channel = s.channel;
  r.Task = s.task;
  r.Level = String(legacyLevel(ev));
  r.EventID = id;
  r.Activity = activityOf(id);
  r.EventData = id !== null && NO_EVENTDATA.has(id) ? '' : sentinelEventData(ev);
  r.Type = 'SecurityEvent';

  const seen = new Set<string>();
  if (id === null || !NO_FIELD_COPY.has(id)) {
    for (const d of ev.data) {
      const type = SECURITY_TYPES.get(d.name);
      if (type === undefined || META.has(d.name) || seen.has(d.name)) continue;
      seen.add(d.name);
      r[d.name] =
        type === 'string' && GUID_TEXT_FIELDS.has(d.name)
          ? (canonicalGuid(d.value) ?? '')
          : convert(type, d.value);
    }
  }
  if (seen.has('SubjectUserName'))
    r.SubjectAccount = accountOf(r.SubjectDomainName!, r.SubjectUserName!, seen.has('SubjectDomainName'));
  if (seen.has('TargetUserName'))
    r.TargetAccount = accountOf(r.TargetDomainName!, r.TargetUserName!, seen.has('TargetDomainName'));
  if (typeof r.LogonType === 'number' && LOGON_TYPES[r.LogonType] !== undefined)
    r.LogonTypeName = `${r.LogonType} - ${LOGON_TYPES[r.LogonType]}`;
  if (seen.has('ProcessName')) r.Process = basename(String(r.ProcessName));
  else if (seen.has('FilePath')) r.Process = basename(String(r.FilePath));

  let account = '';
  if (id !== null && TARGET_ACCOUNT_EVENTS.has(id) && seen.has('TargetUserName'))
    account = String(r.TargetAccount);
  else if (seen.has('SubjectUserName')) account = String(r.SubjectAccount);
  r.Account = account;
  r.AccountType = account === '' ? '' : account.endsWith('$') ? 'Machine' : 'User';
  return r;
}

// ---------------------------------------------------------------------------------------------
// Event

export function eventRow(ev: EvtxEvent): Row {
  const s = ev.system;
  const r = emptyRow(event.columns);
  const level = legacyLevel(ev);
  r.SourceSystem = 'OpsManager';
  r.TimeGenerated = s.timeCreated ?? ev.written;
  r.Source = s.eventSourceName || s.providerName;
  r.EventLog = s.channel;
  r.Computer = s.computer;
  r.EventCategory = s.task;
  r.EventLevel = level;
  r.EventLevelName = LEGACY_LEVEL_NAMES[level] ?? '';
  r.UserName = s.userId === '' ? '' : (WELL_KNOWN_SIDS[s.userId] ?? s.userId);
  r.ParameterXml = parameterXml(ev);
  r.EventData = dataItemXml(ev);
  r.EventID = s.eventId;
  r.Type = 'Event';
  return r;
}

// ---------------------------------------------------------------------------------------------
// WindowsEvent

/** EventData as a bag: named items by name; unnamed ones under `Data` (an array); `Binary`. */
export function eventDataBag(ev: EvtxEvent): DynamicValue {
  const bag = Object.create(null) as { [k: string]: DynamicValue };
  const unnamed: DynamicValue[] = [];
  for (const d of ev.data) {
    if (d.name === '') unnamed.push(d.value);
    else if (!(d.name in bag)) bag[d.name] = d.value;
  }
  if (unnamed.length) bag.Data = unnamed;
  if (ev.body && ev.body.name === 'EventData') {
    const bin = childElements(ev.body).find((c) => c.name === 'Binary');
    if (bin) bag.Binary = textOf(bin);
  }
  return bag;
}

export function windowsEventRow(ev: EvtxEvent): Row {
  const s = ev.system;
  const r = emptyRow(windowsEvent.columns);
  r.TimeGenerated = s.timeCreated ?? ev.written;
  r.Provider = s.providerName;
  r.Channel = s.channel;
  r.Computer = s.computer;
  r.Task = s.task;
  r.EventLevel = s.level;
  r.EventLevelName = s.level === null ? '' : (LEVEL_NAMES[s.level] ?? '');
  r.EventID = s.eventId;
  r.EventData = eventDataBag(ev);
  r.RawEventData = ev.xml;
  r.Type = 'WindowsEvent';
  return r;
}
