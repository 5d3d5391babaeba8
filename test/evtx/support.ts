// Helpers for the EVTX tests: the shared files, the Windows oracle, a tiny seeded PRNG.
import { readFileSync } from 'node:fs';
import { readEvtx, ReadOptions, EvtxEvent, EvtxError } from '../../src/sources/evtx/index.js';
import { sharedPath } from '../support/shared.js';

export { sharedPath };

export const renderedFiles = [
  { name: 'Security', events: 1715 },
  { name: 'System', events: 1247 },
  { name: 'Application', events: 366 },
] as const;

/** Windows's XML of each event by EventRecordID (RenderingInfo removed: Event Viewer adds it). */
export function oracle(path: string): Map<string, string> {
  const text = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/<RenderingInfo[\s\S]*?<\/RenderingInfo>/g, '');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/<Event xmlns[\s\S]*?<\/Event>/g)) {
    const id = /<EventRecordID>(\d+)</.exec(m[0]);
    if (id) out.set(id[1]!, m[0]);
  }
  return out;
}

/**
 * The oracle files are XML documents written by Windows: line ends in text are normalised to LF
 * there (the files hold no CR at all), so ours are compared with CRLF as LF. Nothing else is
 * normalised.
 */
export function asOracle(xml: string): string {
  return xml.replace(/\r\n/g, '\n');
}

export async function readAll(
  path: string,
  opts: ReadOptions = {},
): Promise<{ events: EvtxEvent[]; errors: EvtxError[] }> {
  const errors: EvtxError[] = [];
  const events: EvtxEvent[] = [];
  for await (const ev of readEvtx(path, { ...opts, onError: (e) => errors.push(e) })) events.push(ev);
  return { events, errors };
}

/** mulberry32: a small seeded PRNG, so that every property test is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
