/**
 * Writes a fuzz run's results into docs/ROBUSTNESS.md between its results markers, so that the
 * table there always comes from a real run (seed, length, case counts, failures, slowest case).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FuzzReport } from './runner.js';
import { targetDescriptions } from './descriptions.js';

const BEGIN = '<!-- fuzz-results:begin -->';
const END = '<!-- fuzz-results:end -->';

export function writeResults(path: string, report: FuzzReport, run: { seed: number; minutes: number }): void {
  const rows = [...report.cases].map(([target, cases]) => {
    const failures = report.failures.filter((f) => f.target === target);
    const kind = (k: string) => failures.filter((f) => f.kind === k).length;
    const d = targetDescriptions[target] ?? { input: target, tried: '' };
    return `| ${d.input} | ${d.tried} | ${cases.toLocaleString('en-US')} | ${kind('crash')} | ${kind('hang')} | ${(report.slowestMs.get(target) ?? 0).toFixed(0)} ms |`;
  });
  const block = [
    BEGIN,
    `Run: \`npm run fuzz -- --minutes ${run.minutes} --seed ${run.seed}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| input class | what was tried | cases | crashes | hangs or over heap | slowest case |',
    '|---|---|---|---|---|---|',
    ...rows,
    END,
  ].join('\n');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${path}: no ${BEGIN} ... ${END} markers`);
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + END.length));
}
