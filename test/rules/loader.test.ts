// Loading rule files: fields, the query's position in the file, and each kind of bad file.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DiagnosticCode } from '../../src/frontend/index.js';
import { compileQuery } from '../../src/frontend/index.js';
import { loadRules, parseRuleKql, parseRuleYaml } from '../../src/rules/index.js';

const good = `id: 11111111-2222-3333-4444-555555555555
name: Example rule
description: |
  'Finds things.'
severity: Medium
requiredDataConnectors:
  - connectorId: SecurityEvents
    dataTypes:
      - SecurityEvent
queryFrequency: 1h
queryPeriod: 1d
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CredentialAccess
relevantTechniques:
  - T1552
tags:
  - Demo
  - Schema: ASIMProcessEvent
    SchemaVersion: 0.1.0
  -
query: |
  SecurityEvent
  | where EventID == 5058

  | where Nope == 1
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: FullName
        columnName: Computer
kind: Scheduled
version: 1.0.0
`;

describe('rule YAML', () => {
  test('fields', () => {
    const r = parseRuleYaml('good.yaml', good);
    assert.ok(r.ok);
    const rule = r.rule;
    assert.equal(rule.id, '11111111-2222-3333-4444-555555555555');
    assert.equal(rule.name, 'Example rule');
    assert.equal(rule.description, "'Finds things.'\n");
    assert.equal(rule.severity, 'Medium');
    assert.deepEqual(rule.requiredDataConnectors, [{ connectorId: 'SecurityEvents', dataTypes: ['SecurityEvent'] }]);
    assert.deepEqual([rule.queryFrequency, rule.queryPeriod, rule.triggerOperator, rule.triggerThreshold], ['1h', '1d', 'gt', 0]);
    assert.deepEqual(rule.tactics, ['CredentialAccess']);
    assert.deepEqual(rule.relevantTechniques, ['T1552']);
    assert.deepEqual(JSON.parse(JSON.stringify(rule.tags)), ['Demo', { Schema: 'ASIMProcessEvent', SchemaVersion: '0.1.0' }]);
    assert.deepEqual(rule.entityMappings, [{ entityType: 'Host', fieldMappings: [{ identifier: 'FullName', columnName: 'Computer' }] }]);
    assert.deepEqual([rule.kind, rule.version], ['Scheduled', '1.0.0']);
    assert.equal(rule.query, 'SecurityEvent\n| where EventID == 5058\n\n| where Nope == 1\n');
  });

  test('errors in the query point at the line of the YAML file', () => {
    const r = parseRuleYaml('good.yaml', good);
    assert.ok(r.ok);
    const c = compileQuery(r.rule.query, { source: r.rule.querySource });
    const [d] = c.diagnostics;
    assert.ok(d);
    assert.deepEqual([d.location.file, d.location.line, d.location.column], ['good.yaml', 27, 11]);
    assert.equal(good.split('\n')[26]!.slice(10, 14), 'Nope');
  });

  test('a query in a flow scalar keeps its position too', () => {
    const r = parseRuleYaml('flow.yaml', "name: x\nquery: 'SecurityEvent | where Nope == 1'\n");
    assert.ok(r.ok);
    const [d] = compileQuery(r.rule.query, { source: r.rule.querySource }).diagnostics;
    assert.deepEqual([d?.location.line, d?.location.column], [2, 31]);
  });

  const bad: readonly [string, string, string, number][] = [
    ['malformed YAML', 'name: x\nquery: |\n  a\n b: [\n', DiagnosticCode.yamlSyntax, 0],
    ['duplicate keys', 'name: x\nname: y\nquery: T\n', DiagnosticCode.yamlSyntax, 2],
    [
      'alias bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nquery: T\n',
      DiagnosticCode.yamlSyntax,
      1,
    ],
    ['no query', 'name: x\n', DiagnosticCode.missingQuery, 1],
    ['empty query', 'name: x\nquery: ""\n', DiagnosticCode.missingQuery, 2],
    ['query not a string', 'name: x\nquery:\n  - a\n', DiagnosticCode.missingQuery, 3],
    ['not a mapping', '- a\n- b\n', DiagnosticCode.yamlSyntax, 1],
    ['tactics of the wrong shape', 'name: x\ntactics: {a: 1}\nquery: T\n', DiagnosticCode.ruleField, 2],
  ];
  for (const [name, text, code, line] of bad) {
    test(`fails on ${name}`, () => {
      const r = parseRuleYaml('bad.yaml', text);
      assert.ok(!r.ok);
      const [d] = r.diagnostics;
      assert.ok(d);
      assert.equal(d.code, code);
      assert.equal(d.location.file, 'bad.yaml');
      if (line > 0) assert.equal(d.location.line, line);
    });
  }
});

describe('.kql files and folders', () => {
  test('a .kql file is a bare query named after its file', () => {
    const r = parseRuleKql('dir/My Query.kql', '\ufeffSecurityEvent | take 1');
    assert.ok(r.ok);
    assert.equal(r.rule.name, 'My Query');
    assert.equal(r.rule.query, 'SecurityEvent | take 1');
    assert.equal(r.rule.querySource.location(14).column, 16);
  });

  test('folders are walked for .yaml, .yml and .kql; each bad file fails alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-rules-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.yaml'), 'name: A\nquery: SecurityEvent\n');
    writeFileSync(join(dir, 'sub', 'b.yml'), 'name: B\n');
    writeFileSync(join(dir, 'sub', 'c.kql'), 'Event | take 1');
    writeFileSync(join(dir, 'notes.txt'), 'not a rule');
    const results = await loadRules([dir, join(dir, 'missing.yaml')]);
    assert.deepEqual(
      results.map((r) => [r.file.slice(dir.length), r.ok]),
      [
        ['/missing.yaml', false],
        ['/a.yaml', true],
        ['/sub/b.yml', false],
        ['/sub/c.kql', true],
      ],
    );
    const missing = results[0];
    assert.ok(missing && !missing.ok && missing.diagnostics[0]?.code === DiagnosticCode.fileRead);
  });
});
