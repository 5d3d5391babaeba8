// Golden test: every event of the Windows-rendered files renders to the XML Windows wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutShared } from '../support/shared.js';
import { closeSharedPool } from '../../src/sources/evtx/index.js';
import { asOracle, oracle, readAll, renderedFiles, sharedPath } from './support.js';

for (const { name, events } of renderedFiles) {
  for (const workers of [0, 2] as const) {
    test(
      `${name}.evtx renders every event as Windows does (${workers ? 'workers' : 'one thread'})`,
      { skip: skipWithoutShared },
      async () => {
        const want = oracle(sharedPath('evtx', 'windows-rendered', name + '.xml'));
        assert.equal(want.size, events);
        const { events: got, errors } = await readAll(
          sharedPath('evtx', 'windows-rendered', name + '.evtx'),
          { workers },
        );
        assert.deepEqual(errors, []);
        assert.equal(got.length, events);
        let equal = 0;
        const diffs: string[] = [];
        for (const ev of got) {
          const w = want.get(String(ev.recordId));
          if (w === asOracle(ev.xml)) equal++;
          else if (diffs.length < 3)
            diffs.push(`record ${ev.recordId}:\n  want ${w}\n  got  ${asOracle(ev.xml)}`);
        }
        assert.equal(equal, events, diffs.join('\n'));
      },
    );
  }
}

test('worker pool closes', async () => {
  await closeSharedPool();
});
