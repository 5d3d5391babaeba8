// Multi-value calls spread into columns, end to end: `extend (a, b) = f(x)`, `project f(x)`,
// `extend v = f(x)`; the docs' examples of the series_* functions that use these forms; and the
// Sentinel TimeSeriesAnomaly-ProcessExecutions rule over generated SecurityEvent rows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { TableBuilder, type QueryResult, type Table } from '../../src/engine/index.js';
import type { Call, CallOutput, Expr, NamedExpr, Operator, QueryPlan } from '../../src/plan/plan.js';
import { parseRuleYaml } from '../../src/rules/index.js';
import { securityEvent } from '../../src/schema/index.js';
import { Prng } from '../../src/util/prng.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import {
  checkInvalid,
  checkValid,
  compileKql,
  FIXED_NOW,
  grid,
  header,
  runKql,
  withLastOperator,
  type InvalidCase,
  type ValidCase,
} from './support/run.js';
import { executeQuery, KqlRuntimeError } from '../../src/engine/index.js';

const valid: readonly ValidCase[] = [
  {
    name: 'extend (a, b) = names the first outputs and keeps the others under default names',
    query: 'print y = dynamic([1, 3, 5, 7]) | extend (rs, slope) = series_fit_line(y)',
    columns: [
      'y:dynamic',
      'rs:real',
      'slope:real',
      'series_fit_line_y_variance:real',
      'series_fit_line_y_rvariance:real',
      'series_fit_line_y_interception:real',
      'series_fit_line_y_line_fit:dynamic',
    ],
    rows: [['[1,3,5,7]', 1, 2, 6.666666666666667, 0, -1, '[1,3,5,7]']],
  },
  {
    name: 'project (a, b) = a two-output function',
    query: 'print x = dynamic([1, 2]) | project (re, im) = series_fft(x)',
    columns: ['re:dynamic', 'im:dynamic'],
    rows: [['[3,-1]', '[0,0]']],
  },
  {
    name: 'project of a bare call over several rows, a null series giving nulls',
    query:
      'datatable(y: dynamic)[dynamic([1, 2, 3]), dynamic([3, 2, 1]), dynamic(null)]' +
      ' | project series_stats(y)',
    columns: [
      'series_stats_y_min:real',
      'series_stats_y_min_idx:long',
      'series_stats_y_max:real',
      'series_stats_y_max_idx:long',
      'series_stats_y_avg:real',
      'series_stats_y_stdev:real',
      'series_stats_y_variance:real',
    ],
    rows: [
      [1, '0', 3, '2', 2, 1, 1],
      [1, '2', 3, '0', 2, 1, 1],
      [null, null, null, null, null, null, null],
    ],
  },
  {
    name: 'no rows: the columns are still there',
    query: 'datatable(y: dynamic)[] | extend (a, b) = series_fft(y)',
    columns: ['y:dynamic', 'a:dynamic', 'b:dynamic'],
    rows: [],
  },
  {
    name: 'a later operator reads a spread column',
    query:
      'print y = dynamic([2, 4, 6]) | extend (rs, slope) = series_fit_line(y) | project twice = slope * 2',
    columns: ['twice:real'],
    rows: [[4]],
  },
  {
    name: 'a written name replaces the input column in place',
    query: 'print y = dynamic([1, 2]), z = 1 | extend (y, q) = series_fft(y)',
    columns: ['y:dynamic', 'z:long', 'q:dynamic'],
    rows: [['[3,-1]', '1', '[0,0]']],
  },
  {
    name: 'v = f(x): the first output is v',
    query: 'print y = dynamic([1, 2]) | project v = series_fft(y)',
    columns: ['v:dynamic', 'series_fft_y_imag:dynamic'],
    rows: [['[3,-1]', '[0,0]']],
  },
  {
    name: 'print spreads constant calls',
    query: 'print (re, im) = series_fft(dynamic([1, 2]))',
    columns: ['re:dynamic', 'im:dynamic'],
    rows: [['[3,-1]', '[0,0]']],
  },
  {
    name: 'serialize spreads like extend',
    query: 'print y = dynamic([1, 2]) | serialize (re, im) = series_fft(y), n = row_number()',
    columns: ['y:dynamic', 're:dynamic', 'im:dynamic', 'n:long'],
    rows: [['[1,2]', '[3,-1]', '[0,0]', '1']],
  },
  {
    name: 'over many chunks, with arguments read from columns',
    query:
      'range i from 1 to 5000 step 1 | extend y = pack_array(i, i + 1, i + 3)' +
      ' | extend (rs, slope) = series_fit_line(y) | summarize min(slope), max(slope), count()',
    columns: ['min_slope:real', 'max_slope:real', 'count_:long'],
    rows: [[1.5, 1.5, '5000']],
  },
];

describe('multi-value calls spread into columns', () => {
  for (const c of valid) test(c.name, () => checkValid(c));

  test('the call runs once per row: every output comes from the same evaluation', async () => {
    // Random series: if each output re-ran the call, the fitted line would not match the slope
    // and interception reported beside it.
    const r = await runKql(
      'range i from 1 to 200 step 1 | extend y = pack_array(rand(), rand(), rand(), rand())' +
        ' | project (rs, slope, v, rv, icpt, fit) = series_fit_line(y)',
    );
    assert.equal(r.rows.length, 200);
    for (const [, slope, , , icpt, fit] of r.rows) {
      const line = fit as number[];
      line.forEach((value, k) => {
        assert.ok(Math.abs(value - ((slope as number) * (k + 1) + (icpt as number))) < 1e-9);
      });
    }
  });
});

/** A plan whose last operator's columns are replaced by `f(columns)`. */
function withColumns(query: string, f: (columns: readonly NamedExpr[]) => NamedExpr[]): QueryPlan {
  return withLastOperator(compileKql(query), (op: Operator) => {
    assert.ok(op.kind === 'extend' || op.kind === 'project');
    return { ...op, columns: f(op.columns) };
  });
}

async function rejectsWith(plan: QueryPlan, code: string, message: string): Promise<void> {
  await assert.rejects(executeQuery(plan, { tables: new Map(), now: FIXED_NOW }), (e: unknown) => {
    assert.ok(e instanceof KqlRuntimeError, String(e));
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.includes(message), e.message);
    return true;
  });
}

const invalid: readonly InvalidCase[] = [
  {
    name: 'a scalar error inside the call points at the call',
    query:
      "datatable(y: dynamic, m: string)[dynamic([1, 2, 3]), 'bogus']" +
      ' | extend (a, b, c) = series_decompose_anomalies(y, 1.5, -1, m)',
    code: 'KR005',
    message: "unknown trend 'bogus'",
    at: 'series_decompose_anomalies(y, 1.5, -1, m)',
  },
];

describe('multi-value errors', () => {
  for (const c of invalid) test(c.name, () => checkInvalid(c));

  const query = 'print y = dynamic([1, 2]) | project (re, im) = series_fft(y)';
  const outputOf = (c: NamedExpr): CallOutput => c.expr as CallOutput;

  test('an output the function does not have', () =>
    rejectsWith(
      withColumns(query, (cols) => [{ ...cols[0]!, expr: { ...outputOf(cols[0]!), index: 5 } }]),
      'KR009',
      'series_fft() has 2 outputs',
    ));

  test('an output typed otherwise by the binder', () =>
    rejectsWith(
      withColumns(query, (cols) => [{ ...cols[0]!, expr: { ...outputOf(cols[0]!), type: 'long' } }]),
      'KR009',
      "output 'real' is dynamic here but long to the binder",
    ));

  test('two spread columns of the same name in project', () =>
    rejectsWith(
      withColumns(query, (cols) => cols.map((c) => ({ ...c, name: 'a' }))),
      'KR006',
      "A column named 'a' is defined more than once",
    ));

  test('a multi-value function used as a scalar', () =>
    rejectsWith(
      withColumns(query, (cols) => [{ ...cols[0]!, expr: outputOf(cols[0]!).call }]),
      'KR004',
      'series_fft() returns several values',
    ));

  test('a spread of a function that returns one value', () => {
    const notMulti = (c: NamedExpr): Expr => {
      const call: Call = { ...outputOf(c).call, name: 'strlen' };
      return { ...outputOf(c), call };
    };
    return rejectsWith(
      withColumns(query, (cols) => cols.map((c) => ({ ...c, expr: notMulti(c) }))),
      'KR003',
      "multi-value function 'strlen'",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The reference pages' examples

/** The `kusto` code blocks of a reference page, indentation removed. */
function pageExamples(page: string): string[] {
  const text = readFileSync(sharedPath('kusto-docs', 'reference', page), 'utf8');
  return [...text.matchAll(/```kusto\n([\s\S]*?)```/g)].map((m) => m[1]!.replace(/^ {4}/gm, ''));
}

function column(r: QueryResult, name: string): unknown {
  const i = r.columns.findIndex((c) => c.name === name);
  assert.ok(i >= 0, `no column ${name} in ${header(r).join(', ')}`);
  return r.rows[0]![i];
}

function assertClose(actual: unknown, expected: readonly number[], tolerance: number, what: string): void {
  const a = actual as number[];
  assert.equal(a.length, expected.length, what);
  a.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) <= tolerance, `${what}[${i}]: ${v} vs ${expected[i]}`),
  );
}

/** The example with its `render` line (a chart hint) cut, and `extra` operators appended. */
function withoutRender(query: string, extra = ''): string {
  const at = query.indexOf('| render');
  return (at >= 0 ? query.slice(0, at) : query).trimEnd() + extra;
}

describe("the series_* reference pages' examples", { skip: skipWithoutShared }, () => {
  test('series_stats: the documented row', async () => {
    const [example] = pageExamples('series-stats-function.md');
    const r = await runKql(example!);
    assert.deepEqual(
      r.columns.map((c) => c.name),
      [
        'series_stats_x_min',
        'series_stats_x_min_idx',
        'series_stats_x_max',
        'series_stats_x_max_idx',
        'series_stats_x_avg',
        'series_stats_x_stdev',
        'series_stats_x_variance',
      ],
    );
    const [min, minIdx, max, maxIdx, avg, stdev, variance] = r.rows[0]!;
    assert.deepEqual([min, minIdx, max, maxIdx, avg], [2, 8n, 87, 3n, 32.8]);
    assertClose([stdev, variance], [28.5036338535483, 812.457142857143], 1e-9, 'stdev, variance');
  });

  test('series_fit_line: the six named outputs describe one line', async () => {
    const [example] = pageExamples('series-fit-line-function.md');
    const r = await runKql(withoutRender(example!));
    const slope = column(r, 'Slope') as number;
    const interception = column(r, 'Interception') as number;
    const fitted = (column(r, 'y') as number[]).map((_, k) => slope * (k + 1) + interception);
    assertClose(column(r, 'LineFit'), fitted, 1e-9, 'LineFit');
    assert.ok((column(r, 'RSquare') as number) > 0.95);
  });

  test('series_fit_2lines: five names of fifteen outputs, then project', async () => {
    const [example] = pageExamples('series-fit-2lines-function.md');
    const r = await runKql(withoutRender(example!));
    assert.deepEqual(header(r), [
      'id:string',
      'x:dynamic',
      'y:dynamic',
      'LineFit:dynamic',
      'LineFit2:dynamic',
    ]);
    assert.equal((column(r, 'LineFit2') as number[]).length, (column(r, 'y') as number[]).length);
  });

  test('series_decompose: baseline = seasonal + trend, and y = baseline + residual', async () => {
    for (const example of pageExamples('series-decompose-function.md')) {
      const r = await runKql(withoutRender(example));
      const y = column(r, 'y') as number[];
      const baseline = column(r, 'series_decompose_y_baseline') as number[];
      const seasonal = column(r, 'series_decompose_y_seasonal') as number[];
      const trend = column(r, 'series_decompose_y_trend') as number[];
      const residual = column(r, 'series_decompose_y_residual') as number[];
      assertClose(
        baseline,
        seasonal.map((s, i) => s + trend[i]!),
        1e-9,
        'baseline',
      );
      assertClose(
        y,
        baseline.map((b, i) => b + residual[i]!),
        1e-9,
        'y',
      );
    }
  });

  test("series_decompose_anomalies: flags, scores, and series_decompose's baseline", async () => {
    const [first, ...rest] = pageExamples('series-decompose-anomalies-function.md');
    // The same decomposition (default settings) gives the same baseline in both functions.
    const r = await runKql(withoutRender(first!, '\n| extend series_decompose(y)'));
    assertClose(
      column(r, 'series_decompose_anomalies_y_baseline'),
      column(r, 'series_decompose_y_baseline') as number[],
      1e-9,
      'baseline',
    );
    for (const example of [first!, ...rest]) {
      const out = await runKql(withoutRender(example));
      const flags = column(out, 'series_decompose_anomalies_y_ad_flag') as number[];
      // The later examples multiply the flags by 10 for their chart.
      assert.ok(
        flags.every((f) => [-10, -1, 0, 1, 10].includes(f)),
        JSON.stringify(flags),
      );
      assert.equal(flags.length, (column(out, 'series_decompose_anomalies_y_ad_score') as number[]).length);
    }
  });

  test('series_periods_detect: the documented periods and scores', async () => {
    const example = pageExamples('series-periods-detect-function.md')[1]!;
    const r = await runKql(example);
    assert.deepEqual(header(r), [
      'series_periods_detect_y_periods:dynamic',
      'series_periods_detect_y_scores:dynamic',
    ]);
    assertClose(column(r, 'series_periods_detect_y_periods'), [14, 0], 0, 'periods');
    assertClose(column(r, 'series_periods_detect_y_scores'), [0.84, 0], 0.005, 'scores');
  });

  test('series_periods_validate: the documented periods and scores', async () => {
    const example = pageExamples('series-periods-validate-function.md')[1]!;
    const r = await runKql(example);
    assertClose(column(r, 'series_periods_validate_y_periods'), [14, 10], 0, 'periods');
    assertClose(column(r, 'series_periods_validate_y_scores'), [0.84, 0], 0.005, 'scores');
  });

  test('series_fft then series_ifft gives the series back', async () => {
    const [, roundTrip] = pageExamples('series-fft-function.md');
    const r = await runKql(withoutRender(roundTrip!.replace(/\| project-away.*\n/, '')));
    assertClose(column(r, 'y_real2'), column(r, 'y_real') as number[], 1e-9, 'real');
    assertClose(column(r, 'y_image2'), column(r, 'y_imag') as number[], 1e-9, 'imaginary');
  });
});

// ---------------------------------------------------------------------------------------------
// The Sentinel rule

const RULE = ['sentinel', 'rules', 'Detections', 'SecurityEvent', 'TimeSeriesAnomaly-ProcessExecutions.yaml'];
const HOUR = 36_000_000_000n;
const SECOND = 10_000_000n;
/** FIXED_NOW is 2024-01-01 00:00: the rule's series ends at 2023-12-31 00:00, alerts are after 2023-12-30 00:00. */
const BURST_HOUR = FIXED_NOW - 34n * HOUR; // 2023-12-30 14:00

interface ProcessEvent {
  readonly at: bigint;
  readonly computer: string;
  readonly account: string;
  readonly process: string;
  readonly commandLine: string;
}

/**
 * Fifteen days of 4688 process creations, one to four per hour for each of a few processes
 * (written in any case, as Windows does), and, when `burst`, forty `cmd.exe` runs on one host in
 * one hour.
 */
function processEvents(burst: boolean): ProcessEvent[] {
  const prng = new Prng(4688);
  const events: ProcessEvent[] = [];
  for (let h = 15n * 24n; h >= 1n; h--) {
    const hour = FIXED_NOW - h * HOUR;
    for (const process of ['CMD.EXE', 'powershell.exe', 'notepad.exe']) {
      const count = prng.int(1, 4);
      for (let i = 0; i < count; i++) {
        events.push({
          at: hour + BigInt(prng.int(0, 3599)) * SECOND,
          computer: prng.pick(['WS1', 'WS2', 'SRV1']),
          account: prng.pick(['CONTOSO\\alice', 'CONTOSO\\bob']),
          process,
          commandLine: `${process.toLowerCase()} ${prng.pick(['/c dir', '/c ver', '-nop'])}`,
        });
      }
    }
    if (burst && hour === BURST_HOUR)
      for (let i = 0; i < 40; i++)
        events.push({
          at: hour + BigInt(i * 60) * SECOND,
          computer: 'WS-ATTACK',
          account: 'CONTOSO\\mallory',
          process: 'cmd.exe',
          commandLine: `cmd.exe /c whoami /priv #${i % 5}`,
        });
  }
  return events;
}

function securityEvents(events: readonly ProcessEvent[]): Table {
  const b = new TableBuilder(securityEvent);
  for (const e of events)
    b.appendRow({
      TimeGenerated: e.at,
      EventID: 4688,
      Computer: e.computer,
      Account: e.account,
      AccountType: 'User',
      Process: e.process,
      CommandLine: e.commandLine,
    });
  return b.finish();
}

async function runRule(events: readonly ProcessEvent[]): Promise<QueryResult> {
  const file = sharedPath(...RULE);
  const loaded = parseRuleYaml(file, readFileSync(file, 'utf8'));
  assert.ok(loaded.ok, 'the rule loads');
  return runKql(loaded.rule.query, new Map([['SecurityEvent', securityEvents(events)]]));
}

describe('Sentinel rule TimeSeriesAnomaly-ProcessExecutions', { skip: skipWithoutShared }, () => {
  test('finds the burst hour, with each command line run on the bursting process', async () => {
    const events = processEvents(true);
    const r = await runRule(events);
    const rows = grid(r);
    const at = (name: string) => r.columns.findIndex((c) => c.name === name);
    assert.ok(rows.length > 0, 'the burst is found');
    // Every finding is the burst hour of cmd.exe, with its count over the hour.
    const burstRuns = events.filter((e) => e.at >= BURST_HOUR && e.at < BURST_HOUR + HOUR);
    const cmdRuns = burstRuns.filter((e) => e.process.toLowerCase() === 'cmd.exe');
    for (const row of rows) {
      assert.equal(row[at('AnomalyHour')], '2023-12-30T14:00:00.0000000Z');
      assert.equal(row[at('Process')], 'cmd.exe');
      assert.equal(row[at('Total')], cmdRuns.length);
      assert.equal(row[at('anomalies')], 1);
      assert.ok((row[at('score')] as number) > 1.5);
    }
    // One row per distinct command line, host and account of cmd.exe in that hour.
    const expected = new Set(cmdRuns.map((e) => `${e.commandLine}|${e.computer}|${e.account}`));
    const found = new Set(
      rows.map(
        (row) =>
          `${String(row[at('CommandLine')])}|${String(row[at('Computer')])}|${String(row[at('Account')])}`,
      ),
    );
    assert.deepEqual(found, expected);
    assert.ok(found.has('cmd.exe /c whoami /priv #0|WS-ATTACK|CONTOSO\\mallory'));
  });

  test('finds nothing without the burst', async () => {
    const r = await runRule(processEvents(false));
    assert.deepEqual(grid(r), []);
  });
});

describe('what the rule needs besides spreading', () => {
  test('`x in ((T))` over datetimes compares values, not their representation', async () => {
    const r = await runKql(
      'let Hours = datatable(h: datetime)[datetime(2023-12-30 14:00)];' +
        ' datatable(t: datetime)[datetime(2023-12-30 14:00), datetime(2023-12-30 15:00)]' +
        ' | where t in ((Hours)) | extend isIn = t in (Hours), asTimespan = 1h in (print 1h)',
    );
    assert.deepEqual(grid(r), [['2023-12-30T14:00:00.0000000Z', true, true]]);
  });

  test('make-series from/to may use ago(): it is fixed for the query', async () => {
    const r = await runKql(
      'datatable(t: datetime)[datetime(2023-12-31 10:30)]' +
        ' | make-series c = count() on t from startofday(ago(1d)) to startofday(now()) step 12h',
    );
    assert.deepEqual(grid(r), [['[1,0]', '["2023-12-31T00:00:00.0000000Z","2023-12-31T12:00:00.0000000Z"]']]);
  });
});
