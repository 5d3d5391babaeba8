// The reference's examples (../shared/kusto-docs/examples.jsonl): every one goes through the
// front end without an internal failure, and each plan's unsupported nodes are ones the front end
// noted (so none is silently dropped).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileQuery, DiagnosticCode, findUnsupported } from '../../src/frontend/index.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';

test('the reference examples compile without internal failures', { skip: skipWithoutShared }, () => {
  const lines = readFileSync(sharedPath('kusto-docs', 'examples.jsonl'), 'utf8').split('\n').filter(Boolean);
  assert.ok(lines.length > 500);
  let planned = 0;
  for (const line of lines) {
    const example = JSON.parse(line) as { id: string; query: string };
    const r = compileQuery(example.query, { sourceName: example.id });
    const internal = r.diagnostics.filter((d) => d.code === DiagnosticCode.internal);
    assert.deepEqual(internal, [], `${example.id}: internal failure`);
    if (r.plan === null) continue;
    planned++;
    const inPlan = findUnsupported(r.plan).map((u) => `${u.what}@${u.span.start}`);
    const noted = new Set(r.unsupported.map((u) => `${u.what}@${u.span.start}`));
    for (const u of inPlan) assert.ok(noted.has(u), `${example.id}: ${u} in the plan but not noted`);
  }
  // Most examples need no stored table; those that do fail to bind.
  assert.ok(planned > lines.length * 0.9, `only ${planned} of ${lines.length} examples planned`);
});
