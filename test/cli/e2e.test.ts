// The kqlhunt command as a user runs it: a real process, its stdout, stderr and exit code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, sharedPath, skipWithoutShared } from '../support/shared.js';

const cli = join(projectRoot, 'dist', 'src', 'cli', 'main.js');
const SEED_ID = '9feddda0-6f46-43b4-a54f-5921e2b136b8';

function kqlhunt(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function findings(stdout: string): { ruleId: string; row: Record<string, unknown> }[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { ruleId: string; row: Record<string, unknown> });
}

test('hunt with no paths runs the built-in rules over the demo log: a seed finding, exit 0', () => {
  const r = kqlhunt('hunt');
  assert.equal(r.code, 0, r.stderr);
  const seed = findings(r.stdout).filter((f) => f.ruleId === SEED_ID);
  assert.equal(seed.length, 1);
  assert.equal(seed[0]!.row.SubjectUserName, 'l.brandt');
  assert.equal(seed[0]!.row.KeyType, '%%2499');
  assert.match(r.stderr, /── Summary\nread {5}1 file, [\d,]+ events/);
  assert.match(r.stderr, /findings 1 .*from 1 rule/);
});

test(
  'hunt over seed-positive/Security.evtx: exactly the three machine-key reads',
  { skip: skipWithoutShared },
  () => {
    const r = kqlhunt('hunt', sharedPath('evtx', 'seed-positive', 'Security.evtx'), '-q');
    assert.equal(r.code, 0, r.stderr);
    const rows = findings(r.stdout).map((f) => [f.row.TimeGenerated, f.row.SubjectLogonId, f.row.Computer]);
    assert.deepEqual(rows, [
      ['2025-06-02T16:47:01.7297032Z', '0x77730', 'NIKOLAISMETBD82'],
      ['2025-06-02T16:47:01.8267575Z', '0x3e5', 'NIKOLAISMETBD82'],
      ['2025-06-03T10:31:00.4759857Z', '0x489080', 'NIKOLAISMETBD82'],
    ]);
    for (const f of findings(r.stdout))
      assert.match(String(f.row.KeyFilePath), /\\Microsoft\\Crypto\\Keys\\/);
    assert.equal(r.stderr, '', 'quiet hunts print nothing on stderr');
  },
);

test('hunt over the Windows-rendered logs: no seed finding, exit 1', { skip: skipWithoutShared }, () => {
  const r = kqlhunt('hunt', sharedPath('evtx', 'windows-rendered'));
  assert.equal(r.code, 1, r.stderr);
  assert.equal(findings(r.stdout).length, 0);
  assert.match(r.stderr, /findings 0/);
});

test('formats: csv, json, table, and --output to a file', () => {
  const csv = kqlhunt('hunt', '--format', 'csv', '-q');
  assert.equal(csv.code, 0);
  const [header, row] = csv.stdout.split('\r\n');
  assert.match(header!, /^RuleId,RuleName,Severity,Tactics,Techniques,TimeGenerated,Computer,EventID,/);
  assert.match(
    row!,
    new RegExp(
      `^${SEED_ID},Users Opening and Reading the Local Device Identity Key,,Credential Access,T1552,`,
    ),
  );

  const json = kqlhunt('hunt', '--format', 'json', '-q');
  const parsed = JSON.parse(json.stdout) as { ruleId: string; entities: unknown[] }[];
  assert.equal(parsed.length, 1);
  assert.equal(parsed[0]!.ruleId, SEED_ID);

  const table = kqlhunt('hunt', '--format', 'table', '-q');
  assert.match(
    table.stdout,
    /■ Users Opening and Reading the Local Device Identity Key {2}\(hunting, Credential Access, T1552\)/,
  );
  assert.match(table.stdout, /SubjectUserName +l\.brandt/);

  const out = join(mkdtempSync(join(tmpdir(), 'kqlhunt-e2e-')), 'findings.jsonl');
  const file = kqlhunt('hunt', '--output', out, '-q');
  assert.equal(file.code, 0);
  assert.equal(file.stdout, '');
  assert.equal(findings(readFileSync(out, 'utf8'))[0]!.ruleId, SEED_ID);
});

test('errors: bad usage and unreadable logs exit 2 with a clear message', () => {
  const badFormat = kqlhunt('hunt', '--format', 'xml');
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /unknown --format 'xml'/);
  const missing = kqlhunt('hunt', '/nonexistent/logs');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/nonexistent\/logs/);
  const badTime = kqlhunt('hunt', '--from', 'yesterday');
  assert.equal(badTime.code, 2);
  const unknown = kqlhunt('frobnicate');
  assert.equal(unknown.code, 2);
});

test('rule filters select rules; a filter matching nothing hunts nothing', () => {
  const byTechnique = kqlhunt('hunt', '--technique', 'T1552', '-q');
  assert.equal(findings(byTechnique.stdout).length, 1);
  const none = kqlhunt('hunt', '--tactic', 'Exfiltration');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /rules {4}0 selected/);
});

test('query: ad-hoc KQL over the same tables, with errors at their position', () => {
  const r = kqlhunt(
    'query',
    'SecurityEvent | where EventID == 5058 | summarize n = count() by KeyTypeSeen = EventData has "%%2499" | order by n desc',
    '--format',
    'csv',
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^KeyTypeSeen,n\r\n(true|false),\d+\r\n/);
  const bad = kqlhunt('query', 'SecurityEvent | where NoSuchColumn == 1');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /<query>:1:23 {2}KQH003 {2}The name 'NoSuchColumn' does not refer/);
});

test('rules list and rules show', () => {
  const list = kqlhunt('rules', 'list');
  assert.equal(list.code, 0);
  assert.match(
    list.stdout,
    /9feddda0-6f46-43b4-a54f-5921e2b136b8 +Users Opening and Reading the Local Device Identity Key/,
  );
  const show = kqlhunt('rules', 'show', SEED_ID);
  assert.equal(show.code, 0);
  for (const heading of [
    'Hunt hypothesis',
    'KQL query',
    'Rule definition',
    'Required data sources',
    'MITRE ATT&CK context',
    'References',
  ]) {
    assert.match(show.stdout, new RegExp(`\\n${heading.replace(/[&]/g, '\\$&')}\\n─+\\n`));
  }
  assert.match(show.stdout, /EventID 5058 \(audit policy: Audit Other System Events\)/);
  assert.match(show.stdout, /T1552 Unsecured Credentials \(credential-access\)/);
  assert.match(show.stdout, /https:\/\/o365blog\.com\/post\/deviceidentity\//);
});

test(
  'coverage names the audit subcategory a rule needs when its events are missing',
  { skip: skipWithoutShared },
  () => {
    const r = kqlhunt('coverage', sharedPath('evtx', 'windows-rendered', 'System.evtx'));
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /missing-table +Users Opening and Reading the Local Device Identity Key +no rows in SecurityEvent/,
    );
    const ready = kqlhunt('coverage', sharedPath('evtx', 'seed-positive', 'Security.evtx'));
    assert.match(
      ready.stdout,
      /ready +Users Opening and Reading the Local Device Identity Key +EventIDs 5058 present/,
    );
  },
);

test('check over the built-in rules passes', () => {
  const r = kqlhunt('check');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^ok {2}.*UsersOpenReadDeviceIdentityKey\.yaml {2}Users Opening/m);
});

const hasPython = spawnSync('python3', ['--version']).status === 0;

test(
  'the progress bar draws on a terminal, and only there',
  { skip: hasPython ? false : 'python3 (for a pty) not found' },
  () => {
    // A pseudo-terminal from Python's pty module: stderr is then a TTY, as for a user.
    const py = `import os, pty, sys\nos.environ['COLUMNS'] = '160'\npty.spawn([sys.argv[1], sys.argv[2], 'hunt', '--format', 'jsonl'])`;
    const r = spawnSync('python3', ['-c', py, process.execPath, cli], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.error, undefined);
    assert.match(r.stdout, /(reading|hunting) [█░]+ +\d+% {2}files \d+\/1 /);
    assert.match(r.stdout, /\r\x1b\[2K/);
    assert.match(r.stdout, /── Summary/);
    const piped = kqlhunt('hunt');
    assert.doesNotMatch(piped.stderr, /█|░/);
  },
);

test(
  'Ctrl-C ends a long hunt cleanly: a summary of what ran, exit 130',
  { skip: skipWithoutShared },
  async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [cli, 'hunt', '--rules', sharedPath('sentinel', 'rules'), sharedPath('evtx')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    setTimeout(() => child.kill('SIGINT'), 2500);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 130, stderr);
    assert.match(stderr, /interrupted: \d+ of \d+ rules ran/);
    assert.match(stderr, /── Summary/);
  },
);

test('query limits come from flags, and going over one is a clear error', () => {
  const over = kqlhunt('query', 'range i from 1 to 1000 step 1', '--max-result-rows', '10');
  assert.equal(over.code, 2);
  assert.match(over.stderr, /KR008 {2}Query result set has exceeded the internal record count limit 10/);
  const bad = kqlhunt('hunt', '--timeout', 'soon');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--timeout must be a positive number, got 'soon'/);
});

test(
  'the seed rule over the 2019 msticpy export: no finding, and a warning at ClientProcessId',
  { skip: skipWithoutShared },
  () => {
    const r = kqlhunt(
      'hunt',
      sharedPath('sentinel', 'sample-data', 'msticpy', 'SecurityEvent.all_events_25rows_226cols.json'),
    );
    assert.equal(r.code, 1, r.stderr);
    assert.equal(findings(r.stdout).length, 0);
    assert.match(
      r.stderr,
      /warning {10}.*UsersOpenReadDeviceIdentityKey\.yaml:\d+:\d+ {2}KR001 {2}Failed to resolve scalar expression named 'ClientProcessId'/,
    );
  },
);

test('a reader that stops early (| head) ends kqlhunt quietly', () => {
  const r = spawnSync(
    'sh',
    [
      '-c',
      `"${process.execPath}" "${cli}" dump "${join(projectRoot, 'demo', 'Security.evtx')}" --format xml | head -c 100`,
    ],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  assert.equal(r.stdout.length, 100);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
});
