// Bad events are refused with an error naming the event (its index, EventID and time) and the
// field at fault; nothing is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeEvtx, EvtxWriteError, v, type EvtxEventSpec } from '../../src/sources/evtx-writer/index.js';

const good: EvtxEventSpec = {
  provider: { name: 'Microsoft-Windows-Security-Auditing', guid: '{54849625-5478-4994-a5ba-3e3b0328c30d}' },
  eventId: 4624,
  time: '2025-03-10T08:00:00.1234567Z',
  channel: 'Security',
  computer: 'WS-FINANCE-07.tarnvik.example',
  eventData: [{ name: 'TargetUserName', value: 'm.okafor' }],
};

const invalid: { name: string; event: EvtxEventSpec; message: RegExp }[] = [
  {
    name: 'a Data value of the wrong range',
    event: { ...good, eventData: [{ name: 'LogonType', value: v.uint32(-2) }] },
    message: /event 1: EventID 4624 at 2025-03-10T08:00:00\.1234567Z: field "LogonType": uint32 value -2/,
  },
  {
    name: 'a bad time',
    event: { ...good, time: '2025-03-10 08:00:00' },
    message:
      /event 1: EventID 4624 at 2025-03-10 08:00:00: TimeCreated: time "2025-03-10 08:00:00" is not ISO-8601/,
  },
  {
    name: 'an EventID above 65535',
    event: { ...good, eventId: 70000 },
    message: /EventID: uint16 value 70000/,
  },
  {
    name: 'a bad provider GUID',
    event: { ...good, provider: { name: 'x', guid: 'nope' } },
    message: /Provider Guid: GUID "nope"/,
  },
  {
    name: 'a bad UserID',
    event: { ...good, userId: 'S-1-x' },
    message: /UserID: SID "S-1-x"/,
  },
  {
    name: 'both EventData and UserData',
    event: { ...good, userData: { element: 'LogFileCleared', xmlns: 'urn:x', fields: [] } },
    message: /give exactly one of eventData and userData/,
  },
  {
    name: 'neither EventData nor UserData',
    event: { ...good, eventData: undefined },
    message: /give exactly one of eventData and userData/,
  },
  {
    name: 'a string longer than a substitution value can hold',
    event: { ...good, eventData: [{ name: 'CommandLine', value: 'x'.repeat(40000) }] },
    message: /value of 80000 bytes exceeds the 65535-byte limit/,
  },
  {
    name: 'a body longer than one substitution value',
    event: { ...good, eventData: [1, 2, 3].map((n) => ({ name: `Part${n}`, value: 'x'.repeat(30000) })) },
    message: /the EventData takes \d+ bytes; it is stored as one substitution value of at most 65535/,
  },
  {
    name: 'a record larger than a chunk',
    event: { ...good, eventData: [{ name: 'CommandLine', value: 'x'.repeat(32500) }] },
    message: /the record does not fit in an empty 64 KiB chunk/,
  },
  {
    name: 'an empty element name',
    event: { ...good, userData: { element: '', xmlns: 'urn:x', fields: [] }, eventData: undefined },
    message: /XML name "" is empty/,
  },
];

for (const c of invalid) {
  test(`refuses ${c.name}`, () => {
    assert.throws(
      () => encodeEvtx([good, c.event]),
      (e: unknown) => e instanceof EvtxWriteError && e.eventIndex === 1 && c.message.test(e.message),
    );
  });
}

test('refuses an empty list of events', () => {
  assert.throws(() => encodeEvtx([]), /at least one event/);
});
