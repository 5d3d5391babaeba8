import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fires, parseTriggerOperator } from '../../src/hunt/trigger.js';

test('trigger operators in both spellings', () => {
  const cases: [string, number, number, boolean][] = [
    ['gt', 1, 0, true],
    ['gt', 0, 0, false],
    ['GreaterThan', 5, 4, true],
    ['lt', 0, 1, true],
    ['eq', 3, 3, true],
    ['ne', 3, 3, false],
    ['NotEqual', 2, 3, true],
  ];
  for (const [op, rows, threshold, expected] of cases) {
    const parsed = parseTriggerOperator(op);
    assert.ok(parsed, op);
    assert.equal(fires(rows, parsed, threshold), expected, `${rows} ${op} ${threshold}`);
  }
  assert.equal(parseTriggerOperator('between'), null);
});
