// The demo log (demo/Security.evtx, written by `npm ci`'s prepare step): the generator's bytes
// match the reviewed fingerprint committed beside it (demo/Security.evtx.sha256), regenerate
// byte for byte, stay small, and hold the scenarios demo/README.md promises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEvtx, type EvtxEvent } from '../../src/sources/evtx/index.js';
import { encodeEvtx } from '../../src/sources/evtx-writer/index.js';
import { buildDemoEvents, demoLogPath } from '../../scripts/demo/demo-log.js';
import { projectRoot } from '../support/shared.js';
import { oracleSkip, oracles, parseOracleXml, runOracle } from './oracles.js';

const ticksPerMinute = 600_000_000n;
const unixToTicks = (ms: number): bigint => BigInt(ms) * 10_000n + 621355968000000000n;
const weekStart = unixToTicks(Date.UTC(2025, 2, 10));
const weekEnd = unixToTicks(Date.UTC(2025, 2, 17));

let cache: EvtxEvent[] | undefined;
async function demoEvents(): Promise<EvtxEvent[]> {
  if (cache) return cache;
  const out: EvtxEvent[] = [];
  const errors: unknown[] = [];
  for await (const ev of readEvtx(demoLogPath, { workers: 0, onError: (e) => errors.push(e) })) out.push(ev);
  assert.deepEqual(errors, [], 'the demo log reads without errors');
  cache = out;
  return out;
}

const field = (ev: EvtxEvent, name: string): string => ev.data.find((d) => d.name === name)?.value ?? '';
const ofId = (events: EvtxEvent[], id: number): EvtxEvent[] => events.filter((e) => e.system.eventId === id);
const time = (ev: EvtxEvent): bigint => ev.system.timeCreated!;

test('the generator makes the reviewed demo log: its fingerprint, and the file on disk', () => {
  const bytes = Buffer.from(encodeEvtx(buildDemoEvents()));
  const reviewed = readFileSync(`${demoLogPath}.sha256`, 'utf8').trim();
  assert.equal(
    createHash('sha256').update(bytes).digest('hex'),
    reviewed,
    'the demo log changed: review it, then update demo/Security.evtx.sha256',
  );
  assert.ok(existsSync(demoLogPath), `${demoLogPath} is missing: run npm run demo:generate`);
  assert.ok(bytes.equals(readFileSync(demoLogPath)), 'regenerate demo/Security.evtx (npm run demo:generate)');
});

test('the generator script writes the same bytes when run as a process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-demo-'));
  try {
    const out = join(dir, 'Security.evtx');
    const run = spawnSync(
      process.execPath,
      [join(projectRoot, 'dist', 'scripts', 'demo', 'generate.js'), out],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(out).equals(readFileSync(demoLogPath)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the demo log is commit-sized', () => {
  const size = statSync(demoLogPath).size;
  assert.ok(size < 600 * 1024, `${size} bytes`);
});

test('one workstation, one week, records in time order, the log-clear first', async () => {
  const events = await demoEvents();
  assert.ok(events.length > 400, `${events.length} events`);
  events.forEach((ev, i) => {
    assert.equal(ev.recordId, BigInt(i + 1));
    assert.equal(ev.system.computer, 'WS-FINANCE-07.tarnvik.example');
    assert.equal(ev.system.channel, 'Security');
    assert.ok(time(ev) >= weekStart && time(ev) < weekEnd, `record ${i + 1} outside the week`);
    if (i > 0) assert.ok(time(ev) >= time(events[i - 1]!), `record ${i + 1} goes back in time`);
  });
  const first = events[0]!;
  assert.equal(first.system.eventId, 1102);
  assert.equal(first.system.providerName, 'Microsoft-Windows-Eventlog');
  assert.equal(ofId(events, 1102).length, 1);
});

// The seed rule's filter, stated over the rendered fields (KQL `has` is a whole-term match; the
// path term is checked case-insensitively as `has` does).
const seedFilterList = ['TSSecKeySet1', 'iisCngWasKey', 'iisCngConfigurationKey', 'ConfigMgrPrimaryKey'];
const isMachineKeyRead = (e: EvtxEvent): boolean =>
  field(e, 'KeyType') === '%%2499' && /microsoft\\crypto\\keys\\/i.test(field(e, 'KeyFilePath'));
const seedMatches = (e: EvtxEvent): boolean =>
  isMachineKeyRead(e) &&
  !['0x3e7', '0x3e4'].includes(field(e, 'SubjectLogonId')) &&
  !seedFilterList.includes(field(e, 'KeyName'));

test('exactly one 5058 matches the seed rule, with decoys of every kind it must pass over', async () => {
  const keyFileOps = ofId(await demoEvents(), 5058);
  const hits = keyFileOps.filter(seedMatches);
  assert.equal(hits.length, 1);
  assert.equal(field(hits[0]!, 'SubjectUserName'), 'l.brandt');
  assert.equal(field(hits[0]!, 'Operation'), '%%2458');
  const decoys = {
    system: keyFileOps.filter((e) => isMachineKeyRead(e) && field(e, 'SubjectLogonId') === '0x3e7'),
    networkService: keyFileOps.filter((e) => isMachineKeyRead(e) && field(e, 'SubjectLogonId') === '0x3e4'),
    userKeys: keyFileOps.filter((e) => field(e, 'KeyType') === '%%2500'),
    filteredName: keyFileOps.filter(
      (e) =>
        isMachineKeyRead(e) &&
        !['0x3e7', '0x3e4'].includes(field(e, 'SubjectLogonId')) &&
        seedFilterList.includes(field(e, 'KeyName')),
    ),
  };
  for (const [kind, list] of Object.entries(decoys)) assert.ok(list.length >= 1, `no ${kind} decoy`);
  // The same key the intruder read is read by SYSTEM every day.
  assert.ok(decoys.system.some((e) => field(e, 'KeyName') === field(hits[0]!, 'KeyName')));
});

const failures = async (): Promise<EvtxEvent[]> => ofId(await demoEvents(), 4625);

test('password spraying: many names from one address within fifteen minutes', async () => {
  const fromIntruder = (await failures()).filter((e) => field(e, 'IpAddress') === '203.0.113.57');
  const spray = fromIntruder.filter((e) => field(e, 'TargetUserName') !== 'Administrator');
  const names = new Set(spray.map((e) => field(e, 'TargetUserName')));
  assert.ok(names.size >= 25, `${names.size} names`);
  assert.ok(time(spray[spray.length - 1]!) - time(spray[0]!) <= 15n * ticksPerMinute);
  const success = ofId(await demoEvents(), 4624).filter((e) => field(e, 'IpAddress') === '203.0.113.57');
  assert.ok(success.some((e) => field(e, 'TargetUserName') === 'l.brandt' && field(e, 'LogonType') === '3'));
});

test('brute force: at least 20 failures for one account from one address within ten minutes', async () => {
  const burst = (await failures()).filter(
    (e) =>
      field(e, 'TargetUserName') === 'Administrator' &&
      field(e, 'IpAddress') === '203.0.113.57' &&
      field(e, 'SubStatus') !== '0xc0000064',
  );
  assert.ok(burst.length >= 20, `${burst.length} failures`);
  assert.ok(time(burst[19]!) - time(burst[0]!) <= 10n * ticksPerMinute);
});

test('a user account created, added to Administrators, and deleted within ten minutes', async () => {
  const events = await demoEvents();
  const [created] = ofId(events, 4720);
  assert.ok(created);
  const sid = field(created, 'TargetSid');
  assert.doesNotMatch(field(created, 'SubjectUserName'), /\$$/, 'created by a user, not a machine account');
  const added = ofId(events, 4732).find(
    (e) => field(e, 'TargetSid') === 'S-1-5-32-544' && field(e, 'MemberSid') === sid,
  );
  assert.ok(added && time(added) > time(created));
  const deleted = ofId(events, 4726).find((e) => field(e, 'TargetSid') === sid);
  assert.ok(deleted && time(deleted) - time(created) < 10n * ticksPerMinute);
});

test('process creations for AdFind discovery, a PowerShell download and an lsass dump', async () => {
  const procs = ofId(await demoEvents(), 4688);
  const adfind = procs.filter(
    (e) => /adfind\.exe$/i.test(field(e, 'NewProcessName')) && field(e, 'CommandLine').includes('>'),
  );
  const bins = new Map<bigint, Set<string>>();
  for (const e of adfind) {
    const bin = time(e) / (2n * ticksPerMinute);
    bins.set(bin, (bins.get(bin) ?? new Set()).add(field(e, 'CommandLine')));
  }
  assert.ok(
    [...bins.values()].some((s) => s.size > 3),
    'more than three AdFind command lines in one two-minute bin',
  );
  assert.ok(
    procs.some(
      (e) =>
        /powershell\.exe$/i.test(field(e, 'NewProcessName')) &&
        field(e, 'CommandLine').includes('Net.WebClient'),
    ),
  );
  assert.ok(
    procs.some(
      (e) => /procdump64\.exe$/i.test(field(e, 'NewProcessName')) && /lsass/i.test(field(e, 'CommandLine')),
    ),
  );
});

test('every 4689 ends a process that a 4688 started earlier', async () => {
  const events = await demoEvents();
  const started = new Map(ofId(events, 4688).map((e) => [field(e, 'NewProcessId'), e]));
  for (const e of ofId(events, 4689)) {
    const start = started.get(field(e, 'ProcessId'));
    assert.ok(start, `4689 of unknown process ${field(e, 'ProcessId')}`);
    assert.equal(field(start, 'NewProcessName'), field(e, 'ProcessName'));
    assert.ok(time(e) >= time(start));
  }
});

for (const o of oracles) {
  test(`${o.name} reads every record of the demo log`, { skip: oracleSkip(o) }, () => {
    const run = runOracle(o, demoLogPath);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /error|unable|traceback|warning/i);
    const parsed = parseOracleXml(run.stdout);
    assert.equal(parsed.length, buildDemoEvents().length);
    parsed.forEach((p, i) => assert.equal(p.system.get('EventRecordID'), String(i + 1)));
  });
}
