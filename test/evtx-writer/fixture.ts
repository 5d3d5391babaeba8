// A varied list of events for round-trip tests: every value type the writer supports, System
// fields present and absent, EventData and UserData bodies, empty bodies and empty strings,
// characters XML must escape, non-ASCII text, several computers and shapes, and enough records
// to fill several chunks (so templates and names are re-stored per chunk).
import { v, type EvtxEventSpec, type EvtxField } from '../../src/sources/evtx-writer/index.js';

const auditing = {
  name: 'Microsoft-Windows-Security-Auditing',
  guid: '{54849625-5478-4994-A5BA-3E3B0328C30D}',
};
const eventlog = { name: 'Microsoft-Windows-Eventlog', guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}' };

function time(i: number): string {
  const ms = Date.UTC(2025, 2, 10, 8, 0, 0) + i * 7919; // spread over about 1.5 hours
  const frac = String((i * 1234567) % 10_000_000).padStart(7, '0');
  return new Date(ms).toISOString().slice(0, 19) + '.' + frac + 'Z';
}

const awkwardStrings = [
  '',
  '-',
  'cmd.exe /c "echo <a> & b" > out.txt',
  'it\'s "quoted"',
  'Grüße, 日本語, Ελληνικά',
  '\r\n\t\t%%2080\r\n\t\t%%2082',
  '%%1833',
];

function allTypes(i: number): EvtxField[] {
  return [
    {
      name: 'SubjectUserSid',
      value: v.sid(i % 2 ? 'S-1-5-18' : `S-1-5-21-3623811015-3361044348-30300820-${1100 + (i % 50)}`),
    },
    { name: 'SubjectUserName', value: awkwardStrings[i % awkwardStrings.length]! },
    { name: 'SubjectLogonId', value: v.hex64(BigInt(0x3e7 + i * 4099)) },
    { name: 'Status', value: v.hex32(i % 3 ? 0 : 0xc000006d) },
    { name: 'LogonType', value: v.uint32((i % 11) + 2) },
    { name: 'Small', value: v.uint8(i % 256) },
    { name: 'Medium', value: v.uint16((i * 37) % 65536) },
    { name: 'Large', value: v.uint64(0xffffffffffffffffn - BigInt(i)) },
    { name: 'ClientCreationTime', value: v.filetime(time(i + 3)) },
    {
      name: 'LogonGuid',
      value: v.guid(
        `{${((i * 2654435761) % 0x100000000).toString(16).padStart(8, '0')}-1111-2222-3333-44445555aaaa}`,
      ),
    },
    { name: 'MandatoryLabel', value: v.sid('S-1-16-12288') },
  ];
}

/** Text outside the Basic Multilingual Plane (UTF-16 surrogate pairs). */
export const nonBmpText = 'emoji 🙂 and 𝄞 outside the BMP';

export function fixtureEvents(count = 700): EvtxEventSpec[] {
  const events: EvtxEventSpec[] = [];
  for (let i = 0; i < count; i++) {
    const computer = ['WS-FINANCE-07.tarnvik.example', 'FS-01.tarnvik.example', 'DC-02'][i % 3]!;
    const common = {
      time: time(i),
      channel: 'Security',
      computer,
      processId: 764,
      threadId: 1000 + ((i * 13) % 4000),
    };
    if (i % 97 === 5) {
      events.push({
        ...common,
        provider: eventlog,
        eventId: 1102,
        level: 4,
        task: 104,
        keywords: 0x4020000000000000n,
        userData: {
          element: 'LogFileCleared',
          xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog',
          fields: [
            { name: 'SubjectUserSid', value: v.sid('S-1-5-21-3623811015-3361044348-30300820-1112') },
            { name: 'SubjectUserName', value: 'adm.r.castillo' },
            { name: 'SubjectDomainName', value: 'TARNVIK' },
            { name: 'SubjectLogonId', value: v.hex64(0x5d2c11n) },
          ],
        },
      });
    } else if (i % 53 === 7) {
      events.push({
        ...common,
        provider: auditing,
        eventId: 4608,
        task: 12288,
        keywords: 0x8020000000000000n,
        eventData: [],
      });
    } else if (i % 41 === 3) {
      // Every optional System field present.
      events.push({
        ...common,
        provider: { name: 'Service Control Manager', guid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}' },
        eventId: 7036,
        qualifiers: 16384,
        version: 0,
        level: 4,
        task: 0,
        opcode: 0,
        keywords: 0x8080000000000000n,
        activityId: '{189ccb3f-d3de-0002-c0cb-9c18ded3db01}',
        relatedActivityId: '{e8fa5c98-d3dd-0002-0d5d-fae8ddd3db01}',
        userId: 'S-1-5-18',
        channel: 'System',
        eventData: [
          { name: 'param1', value: 'Windows Update' },
          { name: 'param2', value: 'running' },
          { name: 'Binary', value: '77007500610075007300650072007600' },
        ],
      });
    } else if (i === 400) {
      events.push({
        ...common,
        provider: auditing,
        eventId: 4688,
        version: 2,
        task: 13312,
        keywords: 0x8020000000000000n,
        eventData: [{ name: 'CommandLine', value: 'powershell.exe -enc ' + 'QUJD'.repeat(2000) }],
      });
    } else {
      events.push({
        ...common,
        provider: auditing,
        eventId: 4624 + (i % 5),
        version: i % 4,
        task: 12544,
        keywords: i % 2 ? 0x8020000000000000n : 0x8010000000000000n,
        ...(i % 4 === 0 ? { activityId: '{189ccb3f-d3de-0002-c0cb-9c18ded3db01}' } : {}),
        // Two shapes of the same EventID: with and without the last two fields.
        eventData: i % 6 === 0 ? allTypes(i).slice(0, -2) : allTypes(i),
      });
    }
  }
  return events;
}
