// Errors with their codes and positions: bad syntax, unknown column, unknown table, unfilled
// placeholders; and spans that point into the original text after placeholders are filled.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticCode, SourceText } from '../../src/frontend/index.js';
import { OffsetMap } from '../../src/frontend/offsets.js';
import { compile, lastOperator, planOf, spanText } from './support.js';

interface ErrorCase {
  readonly name: string;
  readonly query: string;
  /** code, kusto code, line, column, text the span covers */
  readonly errors: readonly [string, string | null, number, number, string][];
}

const errorCases: readonly ErrorCase[] = [
  {
    name: 'bad syntax',
    query: 'SecurityEvent\n| where',
    errors: [[DiagnosticCode.syntax, 'KS006', 2, 8, '']],
  },
  {
    name: 'unknown column on line 3',
    query: 'SecurityEvent\n| where EventID == 4624\n| project Nope, Account',
    errors: [[DiagnosticCode.unknownName, 'KS142', 3, 11, 'Nope']],
  },
  {
    name: 'unknown table: reported alone, not the columns used after it',
    query: 'SigninLogs\n| where ResultType == 0\n| summarize count() by UserPrincipalName',
    errors: [[DiagnosticCode.unknownTable, 'KS204', 1, 1, 'SigninLogs']],
  },
  {
    name: 'unknown table inside a join',
    query: 'SecurityEvent | join (AuditLogs | project Account = InitiatedBy) on Account',
    errors: [[DiagnosticCode.unknownTable, 'KS204', 1, 23, 'AuditLogs']],
  },
  {
    name: 'unknown function',
    query: 'SecurityEvent | extend x = nofunction(1)',
    errors: [[DiagnosticCode.unknownFunction, 'KS211', 1, 28, 'nofunction']],
  },
  {
    name: 'type error',
    query: 'SecurityEvent | where Account + 1 > 2',
    errors: [[DiagnosticCode.semantic, 'KS106', 1, 31, '+']],
  },
  {
    name: 'unfilled placeholder',
    query: 'SecurityEvent | where TimeGenerated > todatetime("{{Nope}}")',
    errors: [[DiagnosticCode.placeholder, null, 1, 51, '{{Nope}}']],
  },
];

describe('errors', () => {
  for (const c of errorCases) {
    test(c.name, () => {
      const r = compile(c.query);
      assert.equal(r.plan, null, 'no plan when there are errors');
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(
        errors.map((d) => [
          d.code,
          d.kustoCode,
          d.location.line,
          d.location.column,
          spanText(c.query, d.span),
        ]),
        c.errors,
      );
    });
  }

  test('a tolerated error: todynamic() of a dynamic value (parse-json-function.md)', () => {
    assert.ok(planOf('print d = dynamic({}) | extend e = todynamic(d)'));
  });

  test('errors name the file given', () => {
    const r = compile('SecurityEvent | where Nope', { sourceName: 'q.kql' });
    assert.equal(r.diagnostics[0]?.location.file, 'q.kql');
  });
});

describe('placeholders', () => {
  const window = { StartTimeISO: '2024-05-01T00:00:00.000Z', EndTimeISO: '2024-05-02T00:00:00.000Z' };
  const query =
    "let starttime = todatetime('{{StartTimeISO}}');\nlet endtime = todatetime('{{EndTimeISO}}');\nSecurityEvent\n| where TimeGenerated between (starttime .. endtime)\n| where Nope == 1";

  test('are filled before parsing', () => {
    const plan = planOf(query.replace('\n| where Nope == 1', ''), { placeholders: window });
    const first = plan.statements[0];
    assert.ok(first?.kind === 'let' && first.value.kind === 'scalar' && first.value.expr.kind === 'call');
    // The span covers the placeholder as written, not the filled value.
    const start = query.indexOf("'{{StartTimeISO}}'");
    assert.deepEqual(first.value.expr.args[0], {
      kind: 'literal',
      type: 'string',
      value: window.StartTimeISO,
      span: { start, end: start + "'{{StartTimeISO}}'".length },
    });
  });

  test('errors after a filled placeholder point at the original text', () => {
    const r = compile(query, { placeholders: window });
    const [d] = r.diagnostics;
    assert.ok(d);
    assert.equal(spanText(query, d.span), 'Nope');
    assert.deepEqual([d.location.line, d.location.column], [5, 9]);
  });

  test('spans of operators after placeholders cover their own text', () => {
    const valid = query.replace('Nope == 1', 'EventID == 1');
    const op = lastOperator(valid, { placeholders: window });
    assert.equal(spanText(valid, op.span), 'where EventID == 1');
  });
});

describe('errors inside a file', () => {
  test('positions are in the outer file', () => {
    const file = 'id: x\nquery: |\n  SecurityEvent\n  | where Nope == 1\n';
    const outer = new SourceText('rule.yaml', file);
    const query = 'SecurityEvent\n| where Nope == 1\n';
    // The query's lines start at file offsets 17 and 33, after two spaces of indentation.
    const map = new OffsetMap(
      [
        { from: 0, to: 17, length: 13 },
        { from: 14, to: 33, length: 17 },
      ],
      { start: 15, end: file.length },
    );
    const r = compile(query, { source: new SourceText('rule.yaml', query, { source: outer, map }) });
    const [d] = r.diagnostics;
    assert.ok(d);
    assert.deepEqual([d.location.file, d.location.line, d.location.column], ['rule.yaml', 4, 11]);
    assert.equal(
      new SourceText('rule.yaml', query, { source: outer, map }).excerpt(d.span.start, d.span.end),
      '4 |   | where Nope == 1\n  |           ^^^^',
    );
  });
});

describe('tables registered at run time', () => {
  test('bind like the built-in ones', () => {
    const tables = [
      { name: 'SigninLogs', columns: [{ name: 'UserPrincipalName', type: 'string' as const }] },
    ];
    const plan = planOf('SigninLogs | where UserPrincipalName has "admin"', { tables });
    assert.ok(plan.result?.kind === 'pipeline');
    assert.deepEqual(plan.result.source, {
      kind: 'table',
      name: 'SigninLogs',
      resolvedAs: 'table',
      schema: { kind: 'known', columns: [{ name: 'UserPrincipalName', type: 'string' }] },
      span: { start: 0, end: 10 },
    });
    const r = compile('SigninLogs | where Nope == 1', { tables });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.location.column]),
      [[DiagnosticCode.unknownName, 20]],
    );
  });
});
