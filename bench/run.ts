/**
 * `npm run bench [-- front-end engine seed evtx]`: every benchmark, or the named ones, one after
 * another in one process run. Each prints kqlhunt's numbers beside its peer's, measured in the
 * same run (these machines are shared and noisy: compare ratios, not absolute times).
 */
import { runFrontendBench } from './frontend/bench.js';
import { runEngineBench } from './engine/bench.js';
import { runSeedBench } from './engine/seed-bench.js';
import { runEvtxBench } from './evtx/bench.js';

const suites: Record<string, () => Promise<void>> = {
  'front-end': runFrontendBench,
  engine: runEngineBench,
  seed: () => runSeedBench(1_000_000),
  evtx: runEvtxBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(suites)) {
  console.log(`\n=== ${name}`);
  await suites[name]!();
}
