// What a correct reader must give back for a written event: the System fields and the body items,
// each with the value the writer was given, so that checks can compare per type (an oracle may
// print hex zero-padded or times to the microsecond).
import type { EvtxEventSpec, EvtxValue } from '../../src/sources/evtx-writer/index.js';

export interface ExpectedItem {
  readonly name: string;
  readonly value: EvtxValue;
}

export interface ExpectedEvent {
  readonly recordId: bigint;
  /** System fields by name (`Provider@Name`, `EventID`, `TimeCreated@SystemTime`...); absent ones are omitted. */
  readonly system: ReadonlyMap<string, EvtxValue>;
  /** `EventData` or the UserData element's name. */
  readonly bodyElement: string;
  readonly items: readonly ExpectedItem[];
}

const asValue = (value: EvtxValue | string): EvtxValue =>
  typeof value === 'string' ? { type: 'string', value } : value;

export function expectedEvent(spec: EvtxEventSpec, recordId: bigint): ExpectedEvent {
  const system = new Map<string, EvtxValue>();
  const put = (name: string, value: EvtxValue | undefined): void => {
    if (value) system.set(name, value);
  };
  put('Provider@Name', { type: 'string', value: spec.provider.name });
  put(
    'Provider@Guid',
    spec.provider.guid === undefined ? undefined : { type: 'guid', value: spec.provider.guid },
  );
  put('EventID', { type: 'uint16', value: spec.eventId });
  put(
    'EventID@Qualifiers',
    spec.qualifiers === undefined ? undefined : { type: 'uint16', value: spec.qualifiers },
  );
  put('Version', { type: 'uint8', value: spec.version ?? 0 });
  put('Level', { type: 'uint8', value: spec.level ?? 0 });
  put('Task', { type: 'uint16', value: spec.task ?? 0 });
  put('Opcode', { type: 'uint8', value: spec.opcode ?? 0 });
  put('Keywords', { type: 'hex64', value: spec.keywords ?? 0n });
  put('TimeCreated@SystemTime', { type: 'filetime', value: spec.time });
  put('EventRecordID', { type: 'uint64', value: recordId });
  put(
    'Correlation@ActivityID',
    spec.activityId === undefined ? undefined : { type: 'guid', value: spec.activityId },
  );
  put(
    'Correlation@RelatedActivityID',
    spec.relatedActivityId === undefined ? undefined : { type: 'guid', value: spec.relatedActivityId },
  );
  put('Execution@ProcessID', { type: 'uint32', value: spec.processId ?? 0 });
  put('Execution@ThreadID', { type: 'uint32', value: spec.threadId ?? 0 });
  put('Channel', { type: 'string', value: spec.channel });
  put('Computer', { type: 'string', value: spec.computer });
  put('Security@UserID', spec.userId === undefined ? undefined : { type: 'sid', value: spec.userId });
  const fields = spec.eventData ?? spec.userData?.fields ?? [];
  return {
    recordId,
    system,
    bodyElement: spec.userData?.element ?? 'EventData',
    items: fields.map((f) => ({ name: f.name, value: asValue(f.value) })),
  };
}

/** How Windows renders a value in event XML: `0x3e7`, `{...}` in lower case, 7 fractional digits. */
export function windowsText(value: EvtxValue): string {
  switch (value.type) {
    case 'null':
      return '';
    case 'string':
    case 'sid':
    case 'filetime':
      return value.value;
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'uint64':
      return String(value.value);
    case 'hex32':
    case 'hex64':
      return '0x' + value.value.toString(16);
    case 'guid': {
      const bare = value.value.replace(/^\{|\}$/g, '').toLowerCase();
      return `{${bare}}`;
    }
  }
}

/** 100-ns ticks since 1601 of an ISO time with 0 to 9 fractional digits, `T` or space, `Z` or not. */
export function filetimeOfText(text: string): bigint | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const nanos = BigInt((m[7] ?? '').padEnd(9, '0'));
  return (BigInt(ms) + 11644473600000n) * 10000n + nanos / 100n;
}

/**
 * Whether a reader's text stands for the value. Hex may be zero-padded and GUIDs in any case;
 * times must be within `timeToleranceTicks` (python-evtx goes through a float and prints microseconds).
 */
export function sameValue(expected: EvtxValue, text: string, timeToleranceTicks = 0n): boolean {
  switch (expected.type) {
    case 'hex32':
    case 'hex64':
      return /^0x[0-9a-fA-F]+$/.test(text) && BigInt(text) === BigInt(expected.value);
    case 'guid':
      return text.toLowerCase() === windowsText(expected);
    case 'filetime': {
      const got = filetimeOfText(text);
      const want = filetimeOfText(expected.value)!;
      if (got === undefined) return false;
      const diff = got > want ? got - want : want - got;
      return diff <= timeToleranceTicks;
    }
    default:
      return text === windowsText(expected);
  }
}
