/**
 * OTRF Security-Datasets ("Mordor") events as Sentinel rows.
 *
 * A Mordor event is a Windows event flattened into one JSON object by the shipper that collected
 * it: the envelope (Winlogbeat-style `Hostname`, `TimeCreated`, `SourceName`, `Keywords` as hex;
 * or NXLog's `host`, `EventTime`, `Severity`, `Keywords` as a signed number), with the EventData
 * fields beside it at the top level. Events of the Security channel become SecurityEvent rows,
 * others Event rows, in the shape Sentinel stores them:
 * - SecurityEvent: `EventData` is the `<EventData xmlns=...>` element with one
 *   `<Data Name="...">` per field, CRLF-indented as Sentinel prints it; `Activity` is
 *   "<EventID> - <title>" where the title is known, else the EventID alone (as Sentinel writes it
 *   for events it has no title for); EventData fields are copied into same-named columns except
 *   where Sentinel does not (below); `Account`, `SubjectAccount`, `TargetAccount`, `AccountType`
 *   are derived as Sentinel derives them.
 * - Event: `EventData` is the `<DataItem type="System.XmlData" ...>` wrapper around the
 *   EventData element; the rendered message goes to `RenderedDescription`.
 *
 * The values are left as the file has them (text, JSON numbers): the table's schema converts them.
 */
import type { DynamicValue } from '../../types/scalar.js';
import { isBag, newBag, type DynamicObject } from '../../engine/values/dynamic.js';
import { parseDatetime, formatDatetimeForJson } from '../../engine/values/datetime.js';
import { sentinelLevel } from './levels.js';

/** Envelope fields the shippers add; everything else in a Mordor event is an EventData field. */
const ENVELOPE = new Set([
  // Logstash / Winlogbeat
  '@timestamp',
  '@version',
  'tags',
  'host',
  'port',
  'Hostname',
  'TimeCreated',
  'SourceName',
  'ProviderGuid',
  'Level',
  'Keywords',
  'Channel',
  'EventID',
  'Message',
  'Task',
  'Opcode',
  'RecordNumber',
  'ActivityID',
  'RelatedActivityID',
  'Version',
  'ThreadID',
  'ExecutionProcessID',
  // NXLog
  'SeverityValue',
  'Severity',
  'EventReceivedTime',
  'EventTime',
  'OpcodeValue',
  'SourceModuleType',
  'SourceModuleName',
  'Category',
  'AccountName',
  'AccountType',
  'UserID',
  'Domain',
  'EventType',
  'EventTypeOrignal',
  'ERROR_EVT_UNRESOLVED',
]);

/** Logon and logoff events, whose `Account` is the account logged on (Target*), not the caller. */
const TARGET_ACCOUNT_EVENTS = new Set([4624, 4625, 4634, 4647]);

/**
 * EventIDs for which Sentinel does not copy every EventData field into same-named columns,
 * with the fields it does copy. Evidence: the msticpy export in ../shared/sentinel/sample-data
 * (5058 and 5061: none; 5059: the Subject* fields only).
 */
const COPIED_FIELDS: ReadonlyMap<number, ReadonlySet<string>> = new Map([
  [5058, new Set<string>()],
  [5061, new Set<string>()],
  [5059, new Set(['SubjectUserSid', 'SubjectUserName', 'SubjectDomainName', 'SubjectLogonId'])],
]);

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** True when a JSON object is a Mordor event rather than an exported Sentinel row. */
export function isMordorEvent(values: DynamicObject): boolean {
  if ('TimeGenerated' in values || 'Type' in values) return false;
  return (
    'EventID' in values &&
    'Channel' in values &&
    ('@timestamp' in values || 'TimeCreated' in values || 'EventTime' in values)
  );
}

export interface WindowsEventFields {
  readonly eventId: number | null;
  readonly channel: string;
  readonly computer: string;
  readonly provider: string;
  /** ISO text of the event time (UTC). */
  readonly time: string;
  readonly task: DynamicValue;
  readonly keywords: bigint | null;
  readonly windowsLevel: number | null;
  readonly user: string;
  readonly message: string;
  readonly data: readonly { readonly name: string; readonly value: string }[];
}

function text(v: DynamicValue | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x));
}

function integer(v: DynamicValue | undefined): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return null;
}

function keywordsOf(v: DynamicValue | undefined): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === 'string' && /^\s*(0x[0-9a-f]+|-?\d+)\s*$/i.test(v)) return BigInt(v.trim());
  return null;
}

/** NXLog's severity names as Windows levels. */
function levelFromSeverity(v: DynamicValue | undefined): number | null {
  switch (typeof v === 'string' ? v.toUpperCase() : '') {
    case 'CRITICAL':
      return 1;
    case 'ERROR':
      return 2;
    case 'WARNING':
      return 3;
    case 'INFO':
      return 4;
    default:
      return null;
  }
}

/** The event time as ISO text: the event's own UTC time, else the shipper's timestamp. */
function eventTime(values: DynamicObject): string {
  for (const key of ['TimeCreated', '@timestamp']) {
    const t = values[key];
    if (typeof t === 'string' && parseDatetime(t) !== null) return t;
  }
  return '';
}

/** The Windows event a Mordor record holds: its envelope read, its EventData fields in order. */
export function readMordorEvent(values: DynamicObject): WindowsEventFields {
  const data: { name: string; value: string }[] = [];
  for (const key in values) {
    if (ENVELOPE.has(key)) continue;
    data.push({ name: key, value: text(values[key]) });
  }
  const domain = text(values['Domain']);
  const account = text(values['AccountName']);
  return {
    eventId: integer(values['EventID']),
    channel: text(values['Channel']),
    computer: text(values['Hostname']) || text(values['host']),
    provider: text(values['SourceName']),
    time: eventTime(values),
    task: values['Task'] ?? null,
    keywords: keywordsOf(values['Keywords']),
    windowsLevel: integer(values['Level']) ?? levelFromSeverity(values['Severity']),
    user: account === '' ? '' : domain === '' ? account : `${domain}\\${account}`,
    message: text(values['Message']),
    data,
  };
}

function escapeXml(s: string, attribute: boolean): string {
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) out = out.replace(/"/g, '&quot;');
  return out;
}

function dataElement(d: { name: string; value: string }): string {
  return `<Data Name="${escapeXml(d.name, true)}">${escapeXml(d.value, false)}</Data>`;
}

/** SecurityEvent's EventData: the element alone, one CRLF-indented `<Data>` per field. */
export function securityEventData(data: WindowsEventFields['data']): string {
  if (data.length === 0) return '';
  const lines = data.map((d) => '\r\n  ' + dataElement(d)).join('');
  return `<EventData xmlns="${EVENT_NS}">${lines}\r\n</EventData>`;
}

/** Event's EventData: the agent's DataItem wrapper around the EventData element. */
export function eventEventData(data: WindowsEventFields['data'], time: string): string {
  const ticks = parseDatetime(time);
  const stamp = ticks === null ? '' : ` time="${formatDatetimeForJson(ticks).replace(/Z$/, '+00:00')}"`;
  const items = data.map(dataElement).join('');
  return `<DataItem type="System.XmlData"${stamp}><EventData xmlns="${EVENT_NS}">${items}</EventData></DataItem>`;
}

function accountName(domain: string, user: string): string {
  if (user === '') return '';
  return domain === '' ? user : `${domain}\\${user}`;
}

/** A title for an EventID, when one is known (the Activity table of src/sources/windows). */
export type ActivityTitles = (eventId: number) => string | undefined;

export interface MappedRow {
  readonly table: 'SecurityEvent' | 'Event';
  readonly values: DynamicObject;
}

/**
 * The Sentinel row of a Windows event. `securityEventColumns` are SecurityEvent's columns: only
 * EventData fields with a column of their name are copied (the rest live in EventData alone).
 */
export function mapToSentinel(
  event: WindowsEventFields,
  titles: ActivityTitles,
  securityEventColumns: ReadonlySet<string>,
): MappedRow {
  const level = sentinelLevel(event.keywords, event.windowsLevel);
  const row = newBag();
  row['TimeGenerated'] = event.time;
  row['Computer'] = event.computer;
  row['EventID'] = event.eventId;
  if (event.channel.toLowerCase() !== 'security') {
    row['Source'] = event.provider;
    row['EventLog'] = event.channel;
    row['EventCategory'] = event.task;
    row['EventLevel'] = level.level;
    row['EventLevelName'] = level.name;
    row['UserName'] = event.user;
    row['RenderedDescription'] = event.message;
    row['EventData'] = eventEventData(event.data, event.time);
    return { table: 'Event', values: row };
  }
  row['EventSourceName'] = event.provider;
  row['Channel'] = 'Security';
  row['Task'] = event.task;
  row['Level'] = String(level.level);
  const title = event.eventId === null ? undefined : titles(event.eventId);
  row['Activity'] =
    event.eventId === null ? '' : title ? `${event.eventId} - ${title}` : String(event.eventId);
  row['EventData'] = securityEventData(event.data);
  const copied = event.eventId === null ? undefined : COPIED_FIELDS.get(event.eventId);
  const fields = new Map<string, string>();
  for (const d of event.data) {
    if ((copied && !copied.has(d.name)) || !securityEventColumns.has(d.name)) continue;
    fields.set(d.name, d.value);
    // A field whose name is an envelope column (Channel, Task...) never overwrites it.
    if (!(d.name in row)) row[d.name] = d.value;
  }
  const subject = accountName(fields.get('SubjectDomainName') ?? '', fields.get('SubjectUserName') ?? '');
  const target = accountName(fields.get('TargetDomainName') ?? '', fields.get('TargetUserName') ?? '');
  if (subject) row['SubjectAccount'] = subject;
  if (target) row['TargetAccount'] = target;
  // Evidence (sample exports): 4624 names the target; 4648, 4672, 4799, 5059 the subject; 4776,
  // with only a target, has no Account at all.
  const account = event.eventId !== null && TARGET_ACCOUNT_EVENTS.has(event.eventId) ? target : subject;
  if (account) {
    row['Account'] = account;
    row['AccountType'] = account.endsWith('$') ? 'Machine' : 'User';
  }
  return { table: 'SecurityEvent', values: row };
}

/** Maps a Mordor record to its Sentinel table and row; undefined when it is not one. */
export function mapMordorRecord(
  values: DynamicValue,
  titles: ActivityTitles,
  securityEventColumns: ReadonlySet<string>,
): MappedRow | undefined {
  if (!isBag(values) || !isMordorEvent(values)) return undefined;
  return mapToSentinel(readMordorEvent(values), titles, securityEventColumns);
}
