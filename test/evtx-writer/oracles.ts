// Independent EVTX readers used as oracles: libevtx's `evtxexport -f xml` and python-evtx's
// `evtx_dump.py` (Debian packages libevtx-utils and python3-evtx). Their XML is parsed just far
// enough to get each event's System fields and body items back as text.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Oracle {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** How far its times may be from the written ones, in 100-ns ticks. */
  readonly timeToleranceTicks: bigint;
}

export const oracles: readonly Oracle[] = [
  { name: 'libevtx evtxexport', command: 'evtxexport', args: ['-f', 'xml'], timeToleranceTicks: 0n },
  // python-evtx converts FILETIMEs through a float and prints microseconds: a few µs off.
  { name: 'python-evtx evtx_dump.py', command: 'evtx_dump.py', args: [], timeToleranceTicks: 100n },
];

export const aptPackages = 'libevtx-utils python3-evtx';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir !== '' && existsSync(join(dir, command)));
}

/** false when the oracle is installed, else why the test is skipped. */
export function oracleSkip(o: Oracle): string | false {
  return onPath(o.command) ? false : `${o.command} is not installed (apt-get install -y ${aptPackages})`;
}

export interface OracleRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

export function runOracle(o: Oracle, file: string): OracleRun {
  const r = spawnSync(o.command, [...o.args, file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

export interface ParsedEvent {
  /** System fields by `Element` or `Element@Attribute`; empty attributes are left out. */
  readonly system: ReadonlyMap<string, string>;
  readonly bodyElement: string;
  readonly items: readonly { readonly name: string; readonly text: string }[];
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : entities[e]!,
  );
}

const systemElements = [
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'EventRecordID',
  'Channel',
  'Computer',
];
const systemAttributes: readonly [string, string][] = [
  ['Provider', 'Name'],
  ['Provider', 'Guid'],
  ['EventID', 'Qualifiers'],
  ['TimeCreated', 'SystemTime'],
  ['Correlation', 'ActivityID'],
  ['Correlation', 'RelatedActivityID'],
  ['Execution', 'ProcessID'],
  ['Execution', 'ThreadID'],
  ['Security', 'UserID'],
];

/** The events of an oracle's XML output, in file order. */
export function parseOracleXml(xml: string): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  for (const [event] of xml.matchAll(/<Event xmlns[\s\S]*?<\/Event>/g)) {
    const systemXml = /<System>([\s\S]*?)<\/System>/.exec(event)?.[1] ?? '';
    const system = new Map<string, string>();
    for (const el of systemElements) {
      const m = new RegExp(`<${el}(?:\\s[^>]*)?>([^<]*)</${el}>`).exec(systemXml);
      if (m) system.set(el, decode(m[1]!));
    }
    for (const [el, attr] of systemAttributes) {
      const m = new RegExp(`<${el}\\b[^>]*\\s${attr}="([^"]*)"`).exec(systemXml);
      if (m && m[1] !== '') system.set(`${el}@${attr}`, decode(m[1]!));
    }
    const after = event.slice(event.indexOf('</System>') + '</System>'.length);
    const items: { name: string; text: string }[] = [];
    let bodyElement = '';
    const userData = /<UserData>\s*<(\w+)[^>]*>([\s\S]*?)<\/\1>\s*<\/UserData>/.exec(after);
    if (userData) {
      bodyElement = userData[1]!;
      for (const m of userData[2]!.matchAll(/<(\w+)(?:\/>|>([^<]*)<\/\1>)/g)) {
        items.push({ name: m[1]!, text: decode(m[2] ?? '') });
      }
    } else if (/<EventData[\s>/]/.test(after)) {
      bodyElement = 'EventData';
      for (const m of after.matchAll(/<Data Name="([^"]*)"(?:\/>|>([^<]*)<\/Data>)/g)) {
        items.push({ name: decode(m[1]!), text: decode(m[2] ?? '') });
      }
    }
    events.push({ system, bodyElement, items });
  }
  return events;
}
