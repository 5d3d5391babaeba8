// The short fuzz run that is part of `npm test` (issue 7): every target, a fixed seed, a few
// cases each. `npm run fuzz -- --minutes N` runs the same targets longer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from '../../fuzz/runner.js';
import { hasShared, projectRoot, sharedDir } from '../support/shared.js';

const cases: Record<string, number> = { evtx: 12, xml: 60, regex: 60, kql: 25, yaml: 40, exports: 60 };

for (const [target, count] of Object.entries(cases)) {
  test(`fuzz ${target}: ${count} seeded cases neither crash, hang nor exhaust memory`, async () => {
    const report = await runFuzz({
      seed: 20261128,
      msPerTarget: 120_000,
      casesPerTarget: count,
      targets: [target],
      projectRoot,
      sharedDir: hasShared ? sharedDir : null,
    });
    assert.deepEqual(
      report.failures.map((f) => `${f.kind} case ${f.caseNumber}: ${f.message.split('\n')[0]}`),
      [],
    );
    assert.equal(report.cases.get(target), count);
  });
}
