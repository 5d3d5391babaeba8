/**
 * Front-end benchmark: how long Kusto.Language takes to load, how long the first query takes
 * (the library builds its function tables lazily), and the parse + bind + plan time per rule over
 * the shared Sentinel rules (mean, p50, p95 over rounds after a warm-up round).
 *
 * Run alone: `npx tsc -p tsconfig.json && node dist/bench/frontend/bench.js`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileQuery, huntWindowPlaceholders, preloadFrontend } from '../../src/frontend/index.js';
import { loadRules } from '../../src/rules/index.js';
import type { SentinelRule } from '../../src/rules/index.js';
import { projectRoot } from '../../scripts/project-root.js';

const ROUNDS = 5;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function ms(x: number): string {
  return `${x.toFixed(2)} ms`;
}

export async function runFrontendBench(): Promise<void> {
  const sharedDir = resolve(process.env.KQLHUNT_SHARED ?? join(projectRoot, '..', 'shared'));
  const rulesDir = join(sharedDir, 'sentinel', 'rules');

  const loadMs = preloadFrontend();
  const firstStart = performance.now();
  compileQuery('SecurityEvent | where EventID == 4624 | summarize count() by Computer');
  const firstMs = performance.now() - firstStart;
  console.log('front end (Kusto.Language)');
  console.log(`  load                 ${loadMs === 0 ? 'already loaded' : ms(loadMs)}`);
  console.log(`  first query          ${ms(firstMs)}  (lazy set-up of Kusto's built-in symbols)`);

  if (!existsSync(rulesDir)) {
    console.log(`  rules: ${rulesDir} not found, skipped`);
    return;
  }
  const rules: SentinelRule[] = [];
  for (const r of await loadRules([rulesDir])) if (r.ok) rules.push(r.rule);
  const placeholders = huntWindowPlaceholders({
    start: new Date('2024-01-01T00:00:00Z'),
    end: new Date('2024-01-02T00:00:00Z'),
  });
  const perRule = rules.map(() => [] as number[]);
  for (let round = 0; round <= ROUNDS; round++) {
    rules.forEach((rule, i) => {
      const t0 = performance.now();
      compileQuery(rule.query, { source: rule.querySource, placeholders });
      const dt = performance.now() - t0;
      if (round > 0) perRule[i]!.push(dt); // round 0 warms the JIT up
    });
  }
  // Each rule's time is its median over the rounds; the statistics are over rules.
  const medians = perRule
    .map((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)
    .sort((a, b) => a - b);
  const mean = medians.reduce((a, b) => a + b, 0) / medians.length;
  const slowest = perRule
    .map((xs, i) => ({
      name: rules[i]!.file.slice(rulesDir.length + 1),
      t: [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!,
    }))
    .sort((a, b) => b.t - a.t)[0];
  console.log(`  parse + bind + plan  ${rules.length} rules, median of ${ROUNDS} rounds each`);
  console.log(
    `    mean ${ms(mean)}   p50 ${ms(percentile(medians, 50))}   p95 ${ms(percentile(medians, 95))}   max ${ms(medians[medians.length - 1]!)}`,
  );
  if (slowest) console.log(`    slowest: ${slowest.name}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runFrontendBench();
}
