// The demo log: a week of one finance workstation's Security log, with an intrusion on Thursday
// night. Deterministic: the same seed gives the same events, and the writer the same bytes.
import { join } from 'node:path';
import type { EvtxEventSpec } from '../../src/sources/evtx-writer/index.js';
import { projectRoot } from '../project-root.js';
import { intrusion } from './intrusion.js';
import { Prng } from '../../src/util/prng.js';
import { routineWeek } from './routine.js';
import { Timeline } from './timeline.js';

export const demoSeed = 0x6b716c68; // "kqlh"

/** Where the generated log is committed. */
export const demoLogPath = join(projectRoot, 'demo', 'Security.evtx');

export function buildDemoEvents(seed = demoSeed): EvtxEventSpec[] {
  const tl = new Timeline(new Prng(seed));
  routineWeek(tl);
  intrusion(tl);
  return tl.events();
}
