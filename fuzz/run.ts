/**
 * `npm run fuzz -- [--minutes N] [--seed S] [--target name]...`: the long fuzz run of issue 7.
 * The time is shared among the targets. The last line gives the case counts; the exit code is
 * non-zero when anything crashed, hung or ran out of memory.
 */
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scripts/project-root.js';
import { runFuzz } from './runner.js';
import { writeResults } from './report.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    seed: { type: 'string' },
    target: { type: 'string', multiple: true },
    markdown: { type: 'string' },
  },
});
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 1_000_000;
const shared = process.env.KQLHUNT_SHARED ?? join(projectRoot, '..', 'shared');
const targets = values.target ?? ['evtx', 'xml', 'regex', 'kql', 'yaml', 'exports'];
const msPerTarget = (Number(values.minutes) * 60_000) / targets.length;
console.log(`fuzz: seed ${seed}, ${values.minutes} min over ${targets.join(', ')}`);
const report = await runFuzz({
  seed,
  msPerTarget,
  casesPerTarget: Number.MAX_SAFE_INTEGER,
  targets,
  projectRoot,
  sharedDir: existsSync(join(shared, 'evtx')) ? shared : null,
  log: (l) => console.log(l),
});
const total = [...report.cases.values()].reduce((a, b) => a + b, 0);
const count = (k: string) =>
  report.failures.filter((f) => f.kind === k || (k === 'oom' && f.message.startsWith('unbounded'))).length;
const hangs = report.failures.filter((f) => f.kind === 'hang' && !f.message.startsWith('unbounded')).length;
if (values.markdown) {
  writeResults(values.markdown, report, { seed, minutes: Number(values.minutes) });
  console.log(`fuzz: results written into ${values.markdown}`);
}
console.log(
  `fuzz: ${total} cases (${[...report.cases].map(([t, n]) => `${t} ${n}`).join(', ')}), ` +
    `${count('crash')} crashes, ${hangs} hangs, ${count('oom')} unbounded allocations, seed ${seed}`,
);
process.exitCode = report.failures.length > 0 ? 1 : 0;
