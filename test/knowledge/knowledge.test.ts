import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attackTactic, technique } from '../../src/knowledge/attack.js';
import { auditSubcategory } from '../../src/knowledge/audit-policy.js';

test('Sentinel tactic spellings map to ATT&CK short names', () => {
  const cases: [string, string | null][] = [
    ['Credential Access', 'credential-access'],
    ['CredentialAccess', 'credential-access'],
    ['credential-access', 'credential-access'],
    ['PreAttack', null],
  ];
  for (const [input, expected] of cases) assert.equal(attackTactic(input), expected, input);
});

test('techniques resolve with their tactics', () => {
  assert.deepEqual(technique('T1552'), {
    id: 'T1552',
    name: 'Unsecured Credentials',
    tactics: ['credential-access'],
  });
  assert.equal(technique('T9999'), null);
});

test('audit subcategories of the events rules need', () => {
  const cases: [number, string | null][] = [
    [5058, 'Audit Other System Events'],
    [5061, 'Audit System Integrity'],
    [4624, 'Audit Logon'],
    [4688, 'Audit Process Creation'],
    [1102, 'always'],
    [1, null],
  ];
  for (const [id, expected] of cases) assert.equal(auditSubcategory(id), expected, String(id));
});
