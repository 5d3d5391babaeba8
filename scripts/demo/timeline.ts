// Collects the demo's events with their times, turns field texts into typed values by the layout
// of each EventID, and hands them out in time order, as Windows would have logged them.
import { v, type EvtxEventSpec, type EvtxValue } from '../../src/sources/evtx-writer/index.js';
import { layouts, type FieldType } from './layouts.js';
import { Prng } from '../../src/util/prng.js';
import { host, type Account } from './world.js';

/** 100-ns ticks since 1970-01-01 UTC. */
export type Ticks = bigint;

export const ticksPerMs = 10_000n;
export const ticksOfMs = (ms: number): Ticks => BigInt(ms) * ticksPerMs;

export function isoOf(t: Ticks): string {
  const ms = Number(t / ticksPerMs);
  const frac = String(t % 10_000_000n).padStart(7, '0');
  return new Date(ms).toISOString().slice(0, 19) + '.' + frac + 'Z';
}

const auditing = {
  name: 'Microsoft-Windows-Security-Auditing',
  guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
};
const eventlog = { name: 'Microsoft-Windows-Eventlog', guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}' };
const auditSuccess = 0x8020000000000000n;
const auditFailure = 0x8010000000000000n;
/** Events Windows logs without a Correlation ActivityID. */
const withoutActivity = new Set([4634, 4688, 4689]);

function typed(type: FieldType, text: string): EvtxValue {
  switch (type) {
    case 'string':
      return v.string(text);
    case 'sid':
      return v.sid(text);
    case 'guid':
      return v.guid(text);
    case 'filetime':
      return v.filetime(text);
    case 'hex64':
      return v.hex64(BigInt(text));
    case 'hex32':
      return v.hex32(Number(text));
    case 'uint32':
      return v.uint32(Number(text));
  }
}

interface Entry {
  readonly ticks: Ticks;
  readonly seq: number;
  readonly spec: EvtxEventSpec;
}

export class Timeline {
  private readonly entries: Entry[] = [];
  private nextLogonId = 0x3a1f2c;
  private usedPids = new Set<number>([4, host.lsassPid, host.eventlogPid]);

  constructor(readonly rng: Prng) {}

  /** A time in the second that starts `ms` after the epoch, with all seven fractional digits used. */
  at(ms: number): Ticks {
    return ticksOfMs(ms) + BigInt(this.rng.int(0, 9_999_999));
  }

  /** A fresh logon session id, as `0x...` text; ids grow through the week like a real boot's. */
  logonId(): string {
    this.nextLogonId += this.rng.int(0x200, 0x9000);
    return '0x' + this.nextLogonId.toString(16);
  }

  /** A fresh process id (a multiple of 4, not in use). */
  pid(): number {
    for (;;) {
      const p = this.rng.int(0x80, 0x3800) * 4;
      if (!this.usedPids.has(p)) {
        this.usedPids.add(p);
        return p;
      }
    }
  }

  private threadId(): number {
    return this.rng.pick([772, 776, 812, 1016, 1024, 5216, 7412, 9288]);
  }

  /** A Security-Auditing event; `fields` gives every field of the EventID's layout, as rendered text. */
  security(eventId: number, ticks: Ticks, fields: Readonly<Record<string, string>>): void {
    const layout = layouts[eventId];
    if (!layout) throw new Error(`no layout for EventID ${eventId}`);
    const extra = Object.keys(fields).filter((k) => !layout.fields.some(([name]) => name === k));
    if (extra.length) throw new Error(`EventID ${eventId}: fields not in its layout: ${extra.join(', ')}`);
    const eventData = layout.fields.map(([name, type]) => {
      const text = fields[name];
      if (text === undefined) throw new Error(`EventID ${eventId}: field ${name} missing`);
      return { name, value: typed(type, text) };
    });
    this.push(ticks, {
      provider: auditing,
      eventId,
      version: layout.version,
      level: 0,
      task: layout.task,
      opcode: 0,
      keywords: layout.failure ? auditFailure : auditSuccess,
      time: isoOf(ticks),
      ...(withoutActivity.has(eventId) ? {} : { activityId: host.activityId }),
      processId: host.lsassPid,
      threadId: this.threadId(),
      channel: 'Security',
      computer: host.fqdn,
      eventData,
    });
  }

  /** 1102, "The audit log was cleared", written by the Eventlog service as UserData. */
  logCleared(ticks: Ticks, who: Account, logonId: string): void {
    this.push(ticks, {
      provider: eventlog,
      eventId: 1102,
      version: 0,
      level: 4,
      task: 104,
      opcode: 0,
      keywords: 0x4020000000000000n,
      time: isoOf(ticks),
      processId: host.eventlogPid,
      threadId: 6104,
      channel: 'Security',
      computer: host.fqdn,
      userData: {
        element: 'LogFileCleared',
        xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
        fields: [
          { name: 'SubjectUserSid', value: v.sid(who.sid) },
          { name: 'SubjectUserName', value: who.name },
          { name: 'SubjectDomainName', value: who.domain },
          { name: 'SubjectLogonId', value: v.hex64(BigInt(logonId)) },
        ],
      },
    });
  }

  private push(ticks: Ticks, spec: EvtxEventSpec): void {
    this.entries.push({ ticks, seq: this.entries.length, spec });
  }

  /** The events in time order (insertion order among equal times). */
  events(): EvtxEventSpec[] {
    return [...this.entries]
      .sort((a, b) => (a.ticks < b.ticks ? -1 : a.ticks > b.ticks ? 1 : a.seq - b.seq))
      .map((e) => e.spec);
  }
}
