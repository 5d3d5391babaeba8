// Plan shapes of `search`: as a source (with kind= and in (...)) and after a pipe, and how its
// predicate's pieces become terms (by wildcard placement), column terms, and/or/not, and plain
// boolean expressions. Also the wildcard table, `termMatch`, alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { termMatch } from '../../src/frontend/build/search.js';
import { assertMatches, compile, lastOperator, planOf } from './support.js';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly expected: unknown;
}

const sources: readonly Case[] = [
  {
    name: 'a bare term over every table',
    query: 'search "mimikatz"',
    expected: {
      kind: 'search',
      caseSensitive: false,
      tables: null,
      predicate: { kind: 'term', column: null, match: 'has', needle: 'mimikatz' },
    },
  },
  {
    name: 'kind=case_sensitive and an in list',
    query: 'search kind=case_sensitive in (SecurityEvent, Event) "lsass*"',
    expected: {
      kind: 'search',
      caseSensitive: true,
      tables: [
        { kind: 'table', name: 'SecurityEvent' },
        { kind: 'table', name: 'Event' },
      ],
      predicate: { kind: 'term', match: 'hasprefix', needle: 'lsass' },
    },
  },
  {
    name: 'kind=case_insensitive is the default',
    query: 'search kind=case_insensitive "x"',
    expected: { kind: 'search', caseSensitive: false },
  },
  {
    name: 'a column term, an exact comparison, and/or',
    query: 'search in (SecurityEvent) Computer:"WS01" and ("*lsass" or Account == "x")',
    expected: {
      kind: 'search',
      predicate: {
        kind: 'and',
        left: { kind: 'term', column: 'Computer', match: 'has', needle: 'WS01' },
        right: {
          kind: 'or',
          left: { kind: 'term', column: null, match: 'hassuffix', needle: 'lsass' },
          right: { kind: 'expr', expr: { kind: 'binary', op: '==' } },
        },
      },
    },
  },
  {
    name: 'not()',
    query: 'search in (SecurityEvent) not(EventID == 4624)',
    expected: {
      kind: 'search',
      predicate: { kind: 'not', operand: { kind: 'expr', expr: { kind: 'binary', op: '==' } } },
    },
  },
  {
    name: 'search * keeps every row',
    query: 'search in (SecurityEvent) *',
    expected: { kind: 'search', predicate: { kind: 'all' } },
  },
];

const operators: readonly Case[] = [
  {
    name: 'a piped search names the table the pipeline starts from',
    query: 'SecurityEvent | where EventID == 4688 | search "*mimikatz*"',
    expected: {
      kind: 'search',
      caseSensitive: false,
      tableName: 'SecurityEvent',
      predicate: { kind: 'term', match: 'contains', needle: 'mimikatz' },
    },
  },
  {
    name: 'a piped search over a non-table source has no table name',
    query: 'print a = "x" | search "x"',
    expected: { kind: 'search', tableName: null },
  },
];

describe('search plan shapes', () => {
  for (const c of sources)
    test(c.name, () => {
      const result = planOf(c.query).result;
      assertMatches(result, c.expected);
    });
  for (const c of operators) test(c.name, () => assertMatches(lastOperator(c.query), c.expected));
  test('search followed by operators is a pipeline whose source is the search', () => {
    assertMatches(planOf('search "x" | take 5').result, {
      kind: 'pipeline',
      source: { kind: 'search' },
      operators: [{ kind: 'take' }],
    });
  });
  test('a predicate that is not boolean is a compile error', () => {
    const errors = compile('search in (SecurityEvent) EventID + 1').diagnostics.filter(
      (d) => d.severity === 'error',
    );
    assert.ok(errors.length > 0);
  });
});

describe('search term wildcards', () => {
  const cases: readonly [string, ReturnType<typeof termMatch>][] = [
    ['billg', { match: 'has', needle: 'billg' }],
    ['*billg', { match: 'hassuffix', needle: 'billg' }],
    ['billg*', { match: 'hasprefix', needle: 'billg' }],
    ['*billg*', { match: 'contains', needle: 'billg' }],
    ['bi*lg', { match: 'regex', needle: 'bi*lg' }],
    ['*', { match: 'hassuffix', needle: '' }],
  ];
  for (const [term, expected] of cases) test(term, () => assert.deepEqual(termMatch(term), expected));
});
