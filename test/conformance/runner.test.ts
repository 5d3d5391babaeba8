import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/shared.js';
import { parseExamples } from '../../src/conformance/examples.js';

const cli = join(projectRoot, 'dist', 'src', 'cli', 'conformance.js');
const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-conformance-'));

const examples = [
  {
    id: 'ok#1',
    page: 'p',
    title: 't',
    query: 'range x from 1 to 3 step 1 | extend y = x * 1000',
    columns: ['x', 'y'],
    rows: [
      ['1', '1,000'],
      ['2', '2,000'],
      ['3', '3,000'],
    ],
  },
  { id: 'wrong#1', page: 'p', title: 't', query: 'print a = 1', columns: ['a'], rows: [['2']] },
  { id: 'broken#1', page: 'p', title: 't', query: 'print a = ', columns: ['a'], rows: [['1']] },
];

function writeExamples(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, examples.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return path;
}

test('runner: prints each failure with query, expected and got, and ends with the count line', () => {
  const path = writeExamples('three.jsonl');
  const run = spawnSync(process.execPath, [cli, path], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), '1 passed, 2 failed');
  assert.match(run.stdout, /FAIL wrong#1/);
  assert.match(run.stdout, /expected:\n {4}a\n {4}2/);
  assert.match(run.stdout, /got:\n {4}a\n {4}1/);
  assert.match(run.stdout, /FAIL broken#1 .*compile error/s);
  assert.doesNotMatch(run.stdout, /FAIL ok#1/);
});

test('runner: --filter and --json with failures grouped by cause; --markdown writes the summary', () => {
  const path = writeExamples('json.jsonl');
  const markdown = join(dir, 'CONFORMANCE.md');
  const run = spawnSync(process.execPath, [cli, path, '--json', '--filter', '#1', '--markdown', markdown], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trim(), '1 passed, 2 failed');
  const summary = JSON.parse(run.stdout);
  assert.equal(summary.total, 3);
  assert.equal(summary.passed, 1);
  assert.deepEqual(Object.keys(summary.byCategory).sort(), ['front end', 'semantics']);
  assert.match(readFileSync(markdown, 'utf8'), /\*\*1 passed, 2 failed\*\*/);
});

test('runner: a usage error exits 2', () => {
  const run = spawnSync(process.execPath, [cli], { encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: conformance/);
});

test('examples: a malformed line names the file and line', () => {
  assert.throws(
    () => parseExamples('{"id":"a","query":"q","columns":[],"rows":[]}\n{"id":1}\n', 'ex.jsonl'),
    /ex\.jsonl:2:/,
  );
});
