// Query limits (issue 7) and the one place kqlhunt is deliberately more lenient than Kusto:
// a column missing after bag_unpack/pivot that no row reaches (docs/SEMANTICS.md).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCodes, KqlRuntimeError } from '../../src/engine/index.js';
import { runKql } from './support/run.js';

const rejectsWith = async (p: Promise<unknown>, code: string, message: RegExp) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof KqlRuntimeError);
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });

test('a column missing after bag_unpack, reached by no row: empty result and a warning', async () => {
  const q = 'datatable(d:dynamic)[dynamic({"a": 1})] | evaluate bag_unpack(d) | where a == 2 | extend x = b';
  const r = await runKql(q);
  assert.equal(r.rows.length, 0);
  assert.deepEqual(
    r.warnings?.map((w) => [w.code, q.slice(w.span!.start, w.span!.end)]),
    [[errorCodes.unresolvedName, 'b']],
  );
});

test('the same column reached by a row is still the Kusto error', async () => {
  const q = 'datatable(d:dynamic)[dynamic({"a": 1})] | evaluate bag_unpack(d) | extend x = b';
  await rejectsWith(runKql(q), errorCodes.unresolvedName, /^Failed to resolve scalar expression named 'b'$/);
});

test('a missing column with no bag_unpack or pivot before it is an error even on no rows', async () => {
  const q = 'datatable(a:int)[1] | where a == 2 | extend x = nope';
  await assert.rejects(runKql(q));
});

test('result rows over the limit stop the query with a Kusto-like message', async () => {
  await rejectsWith(
    runKql('range i from 1 to 20 step 1', new Map(), { limits: { maxResultRows: 10 } }),
    errorCodes.limitExceeded,
    /exceeded the internal record count limit 10/,
  );
});

test('a query over its time limit stops at the next operator', async () => {
  await rejectsWith(
    runKql('range i from 1 to 10 step 1 | extend j = i * 2 | where j > 3', new Map(), {
      limits: { timeoutMs: -1 },
    }),
    errorCodes.limitExceeded,
    /limit -1 ms/,
  );
});

test('a cancelled query ends with KR011', async () => {
  const abort = new AbortController();
  abort.abort();
  await rejectsWith(
    runKql('range i from 1 to 10 step 1 | where i > 3', new Map(), { signal: abort.signal }),
    errorCodes.cancelled,
    /cancelled/,
  );
});
