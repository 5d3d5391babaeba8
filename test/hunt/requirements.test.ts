import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileQuery } from '../../src/frontend/index.js';
import { ruleRequirements } from '../../src/hunt/requirements.js';

function needs(query: string) {
  const { plan, diagnostics } = compileQuery(query);
  assert.ok(plan, diagnostics.map((d) => d.message).join('; '));
  return ruleRequirements(plan);
}

test('tables and EventIDs a rule needs, read off its plan', () => {
  const cases: [string, { tables: string[]; unresolvedTables: string[]; eventIds: number[] }][] = [
    [
      "SecurityEvent | where Activity == '5058 - Key file operation.'",
      { tables: ['SecurityEvent'], unresolvedTables: [], eventIds: [5058] },
    ],
    [
      'SecurityEvent | where EventID in (4624, 4625) or EventID == "4672"',
      { tables: ['SecurityEvent'], unresolvedTables: [], eventIds: [4624, 4625, 4672] },
    ],
    [
      'let ids = dynamic([4720, 4732]); SecurityEvent | where EventID in (ids)',
      { tables: ['SecurityEvent'], unresolvedTables: [], eventIds: [4720, 4732] },
    ],
    [
      'let T = SecurityEvent | where EventID == 1102; T | join (Event | where EventID == 7045) on Computer',
      { tables: ['SecurityEvent', 'Event'], unresolvedTables: [], eventIds: [1102, 7045] },
    ],
    [
      'union isfuzzy=true (SecurityEvent | where EventID == 4723), (SigninLogs | where ResultType == "50125")',
      { tables: ['SecurityEvent'], unresolvedTables: ['SigninLogs'], eventIds: [4723] },
    ],
    ['print x = 1', { tables: [], unresolvedTables: [], eventIds: [] }],
  ];
  for (const [query, expected] of cases) assert.deepEqual(needs(query), expected, query);
});
