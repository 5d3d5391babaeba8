// Written files read back by kqlhunt's own EVTX reader: no errors, every record in order, System
// fields with their written values, and body items rendered as Windows renders them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvtx, type EvtxError, type EvtxEvent } from '../../src/sources/evtx/index.js';
import {
  filetimeFromIso,
  writeEvtx,
  type EvtxEventSpec,
  type EvtxValue,
} from '../../src/sources/evtx-writer/index.js';
import { FILETIME_EPOCH_TICKS } from '../../src/types/scalar.js';
import { expectedEvent, windowsText } from './expected.js';
import { fixtureEvents, nonBmpText } from './fixture.js';

async function readBack(
  events: readonly EvtxEventSpec[],
): Promise<{ read: EvtxEvent[]; errors: EvtxError[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'evtx-writer-'));
  try {
    const path = join(dir, 'written.evtx');
    writeEvtx(path, events);
    const errors: EvtxError[] = [];
    const read: EvtxEvent[] = [];
    for await (const ev of readEvtx(path, { workers: 0, onError: (e) => errors.push(e) })) read.push(ev);
    return { read, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bareGuid = (v: EvtxValue | undefined): string | null =>
  v?.type === 'guid' ? v.value.replace(/^\{|\}$/g, '').toLowerCase() : null;
const num = (v: EvtxValue | undefined): number | null =>
  v && (v.type === 'uint8' || v.type === 'uint16' || v.type === 'uint32') ? v.value : null;
const str = (v: EvtxValue | undefined): string => (v && v.type !== 'null' ? windowsText(v) : '');

function checkEvent(spec: EvtxEventSpec, index: number, ev: EvtxEvent): void {
  const id = BigInt(index + 1);
  const want = expectedEvent(spec, id);
  const sys = (name: string): EvtxValue | undefined => want.system.get(name);
  const where = `record ${id}`;
  const ticks = filetimeFromIso(spec.time) + FILETIME_EPOCH_TICKS;
  assert.equal(ev.recordId, id, where);
  assert.equal(ev.written, ticks, `${where}: written time`);
  assert.deepEqual(
    {
      providerName: ev.system.providerName,
      providerGuid: ev.system.providerGuid,
      eventId: ev.system.eventId,
      qualifiers: ev.system.qualifiers,
      version: ev.system.version,
      level: ev.system.level,
      task: ev.system.task,
      opcode: ev.system.opcode,
      keywords: ev.system.keywords,
      timeCreated: ev.system.timeCreated,
      eventRecordId: ev.system.eventRecordId,
      activityId: ev.system.activityId,
      relatedActivityId: ev.system.relatedActivityId,
      processId: ev.system.processId,
      threadId: ev.system.threadId,
      channel: ev.system.channel,
      computer: ev.system.computer,
      userId: ev.system.userId,
    },
    {
      providerName: spec.provider.name,
      providerGuid: bareGuid(sys('Provider@Guid')),
      eventId: spec.eventId,
      qualifiers: num(sys('EventID@Qualifiers')),
      version: spec.version ?? 0,
      level: spec.level ?? 0,
      task: spec.task ?? 0,
      opcode: spec.opcode ?? 0,
      keywords: spec.keywords ?? 0n,
      timeCreated: ticks,
      eventRecordId: id,
      activityId: bareGuid(sys('Correlation@ActivityID')),
      relatedActivityId: bareGuid(sys('Correlation@RelatedActivityID')),
      processId: spec.processId ?? 0,
      threadId: spec.threadId ?? 0,
      channel: spec.channel,
      computer: spec.computer,
      userId: str(sys('Security@UserID')),
    },
    `${where}: System`,
  );
  assert.equal(ev.body?.name, 'EventData' === want.bodyElement ? 'EventData' : 'UserData', `${where}: body`);
  assert.deepEqual(
    ev.data,
    want.items.map((i) => ({ name: i.name, value: windowsText(i.value) })),
    `${where}: body items`,
  );
}

test('our reader reads every written record back with its values and no errors', async () => {
  const events = fixtureEvents();
  const { read, errors } = await readBack(events);
  assert.deepEqual(errors, []);
  assert.equal(read.length, events.length);
  events.forEach((spec, i) => checkEvent(spec, i, read[i]!));
});

test('our reader reads characters outside the BMP back', async () => {
  const [event] = fixtureEvents(1);
  const { read, errors } = await readBack([{ ...event!, eventData: [{ name: 'Text', value: nonBmpText }] }]);
  assert.deepEqual(errors, []);
  assert.deepEqual(read[0]?.data, [{ name: 'Text', value: nonBmpText }]);
});
