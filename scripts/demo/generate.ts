/**
 * Generates demo/Security.evtx, the log `npm start` hunts over: a fictional week of a finance
 * workstation's Security log with an intrusion in it (see demo/README.md).
 * Run: node dist/scripts/demo/generate.js [output.evtx]
 */
import { writeEvtx } from '../../src/sources/evtx-writer/index.js';
import { buildDemoEvents, demoLogPath } from './demo-log.js';

const output = process.argv[2] ?? demoLogPath;
const events = buildDemoEvents();
writeEvtx(output, events);
console.log(`${output}: ${events.length} events`);
