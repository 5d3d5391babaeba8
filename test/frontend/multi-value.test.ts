// Multi-value calls spread into columns: `extend (a, b) = f(x)`, `project f(x)`, `extend v = f(x)`.
// Each case gives the operator's column names and which output each one holds; every case also
// checks the names against the binder's own output schema and that the spread columns share one
// call (so the engine evaluates it once per row).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallOutput, NamedExpr, Operator } from '../../src/plan/plan.js';
import type { TableSchema } from '../../src/types/scalar.js';
import { compile, lastOperator, operatorsOf } from './support.js';

const T: TableSchema = {
  name: 'T',
  columns: [
    { name: 'x', type: 'dynamic' },
    { name: 'y', type: 'dynamic' },
    { name: 'n', type: 'long' },
  ],
};
const options = { tables: [T] };

/** A column as `name` (an ordinary expression) or `name<-f#k` (output k of a call of f). */
function describeColumn(c: NamedExpr): string {
  return c.expr.kind === 'callOutput' ? `${c.name}<-${c.expr.call.name}#${c.expr.index}` : c.name;
}

function columnsOf(op: Operator): readonly NamedExpr[] {
  assert.ok(op.kind === 'extend' || op.kind === 'project' || op.kind === 'serialize', op.kind);
  return op.columns;
}

/** Spread outputs of one written call share the call object; different calls do not. */
function assertSharedCalls(columns: readonly NamedExpr[]): void {
  const outputs = columns.map((c) => c.expr).filter((e): e is CallOutput => e.kind === 'callOutput');
  for (let i = 1; i < outputs.length; i++) {
    const same = outputs[i]!.call === outputs[i - 1]!.call;
    assert.equal(same, outputs[i]!.index > outputs[i - 1]!.index, `output ${i} shares its call wrongly`);
  }
}

interface Case {
  readonly name: string;
  readonly query: string;
  readonly columns: readonly string[];
}

const operatorCases: readonly Case[] = [
  {
    name: 'project of a bare call: every output under its default name',
    query: 'T | project series_stats(x)',
    columns: [
      'series_stats_x_min<-series_stats#0',
      'series_stats_x_min_idx<-series_stats#1',
      'series_stats_x_max<-series_stats#2',
      'series_stats_x_max_idx<-series_stats#3',
      'series_stats_x_avg<-series_stats#4',
      'series_stats_x_stdev<-series_stats#5',
      'series_stats_x_variance<-series_stats#6',
    ],
  },
  {
    name: 'extend (a, b, c) = names the first outputs; the others keep default names',
    query: 'T | extend (anomalies, score, baseline) = series_decompose_anomalies(y, 1.5, -1, "linefit")',
    columns: [
      'anomalies<-series_decompose_anomalies#0',
      'score<-series_decompose_anomalies#1',
      'baseline<-series_decompose_anomalies#2',
    ],
  },
  {
    name: 'fewer names than outputs',
    query: 'T | extend (rs, si) = series_fit_2lines(y)',
    columns: [
      'rs<-series_fit_2lines#0',
      'si<-series_fit_2lines#1',
      'series_fit_2lines_y_variance<-series_fit_2lines#2',
      'series_fit_2lines_y_rvariance<-series_fit_2lines#3',
      'series_fit_2lines_y_line_fit<-series_fit_2lines#4',
      'series_fit_2lines_y_right_rsquare<-series_fit_2lines#5',
      'series_fit_2lines_y_right_slope<-series_fit_2lines#6',
      'series_fit_2lines_y_right_interception<-series_fit_2lines#7',
      'series_fit_2lines_y_right_variance<-series_fit_2lines#8',
      'series_fit_2lines_y_right_rvariance<-series_fit_2lines#9',
      'series_fit_2lines_y_left_rsquare<-series_fit_2lines#10',
      'series_fit_2lines_y_left_slope<-series_fit_2lines#11',
      'series_fit_2lines_y_left_interception<-series_fit_2lines#12',
      'series_fit_2lines_y_left_variance<-series_fit_2lines#13',
      'series_fit_2lines_y_left_rvariance<-series_fit_2lines#14',
    ],
  },
  {
    name: 'v = f(x): v is the first output',
    query: 'T | project v = series_fft(x)',
    columns: ['v<-series_fft#0', 'series_fft_x_imag<-series_fft#1'],
  },
  {
    name: 'a default name clashing with an input column is numbered',
    query: 'T | extend series_periods_validate(y, 14.0) | extend series_periods_validate(y, 7.0)',
    columns: [
      'series_periods_validate_y_periods1<-series_periods_validate#0',
      'series_periods_validate_y_scores1<-series_periods_validate#1',
    ],
  },
  {
    name: 'two spreads of the same call in one operator',
    query: 'T | project series_fft(x), series_fft(x)',
    columns: [
      'series_fft_x_real<-series_fft#0',
      'series_fft_x_imag<-series_fft#1',
      'series_fft_x_real1<-series_fft#0',
      'series_fft_x_imag1<-series_fft#1',
    ],
  },
  {
    name: 'a written name may replace an input column',
    query: 'T | extend (x, q) = series_fft(y), z = 1',
    columns: ['x<-series_fft#0', 'q<-series_fft#1', 'z'],
  },
  {
    name: 'an argument that is not a column: no name part',
    query: 'T | project n, series_ifft(dynamic([1, 2]))',
    columns: ['n', 'series_ifft__real<-series_ifft#0', 'series_ifft__imag<-series_ifft#1'],
  },
  {
    name: 'serialize spreads as extend does',
    query: 'T | serialize (a, b) = series_fft(x)',
    columns: ['a<-series_fft#0', 'b<-series_fft#1'],
  },
  {
    name: '(a) = x names a single value',
    query: 'T | project (a) = n + 1',
    columns: ['a'],
  },
];

/**
 * The operator's column names that are not its input's (all of project's): extend replaces an
 * input column in place, so only the new names show the binder's order and numbering.
 */
function newNames(query: string, op: Operator, names: readonly string[]): string[] {
  if (op.kind === 'project') return [...names];
  const ops = operatorsOf(query, options);
  const input = ops.length > 1 ? ops[ops.length - 2]!.schema!.columns : T.columns;
  const inputNames = new Set(input.map((c) => c.name));
  return names.filter((n) => !inputNames.has(n));
}

describe('spreading multi-value calls into columns', () => {
  for (const c of operatorCases) {
    test(c.name, () => {
      const op = lastOperator(c.query, options);
      const columns = columnsOf(op);
      assert.deepEqual(columns.map(describeColumn), c.columns);
      assertSharedCalls(columns);
      assert.ok(op.schema !== null, 'the binder gave no output schema');
      const ours = newNames(
        c.query,
        op,
        columns.map((col) => col.name),
      );
      const binders = newNames(
        c.query,
        op,
        op.schema.columns.map((col) => col.name),
      );
      assert.deepEqual(ours, binders, "the binder's output names");
    });
  }

  test('types come from the binder: series_stats min_idx is long, min is real', () => {
    const op = lastOperator('T | project series_stats(x)', options);
    const types = columnsOf(op).map((c) => (c.expr as CallOutput).type);
    assert.deepEqual(types, ['real', 'long', 'real', 'long', 'real', 'real', 'real']);
  });

  test('a spread output spans the call, its column the whole item', () => {
    const query = 'T | extend (a, b) = series_fft(x)';
    const [a] = columnsOf(lastOperator(query, options));
    assert.equal(query.slice(a!.span.start, a!.span.end), '(a, b) = series_fft(x)');
    assert.equal(query.slice(a!.expr.span.start, a!.expr.span.end), 'series_fft(x)');
  });
});

describe('print keeps only the named outputs', () => {
  const printCases: readonly Case[] = [
    { name: 'v = f(x)', query: 'print v = series_fft(dynamic([1]))', columns: ['v<-series_fft#0'] },
    {
      name: '(a, b) = f(x)',
      query: 'print (a, b) = series_fit_line(dynamic([1]))',
      columns: ['a<-series_fit_line#0', 'b<-series_fit_line#1'],
    },
    {
      name: 'a bare call keeps all',
      query: 'print series_fft(dynamic([1]))',
      columns: ['series_fft__real<-series_fft#0', 'series_fft__imag<-series_fft#1'],
    },
  ];
  for (const c of printCases) {
    test(c.name, () => {
      const result = compile(c.query).plan?.result;
      assert.ok(result?.kind === 'print');
      assert.deepEqual(result.columns.map(describeColumn), c.columns);
    });
  }
});

describe('what is not spread', () => {
  test('summarize keeps its own multi-output aggregates', () => {
    const op = lastOperator('T | summarize arg_max(n, x)', options);
    assert.ok(op.kind === 'summarize');
    assert.ok(op.aggregates.every((a) => a.expr.kind !== 'callOutput'));
  });

  test('(a, b) = an aggregate in summarize is reported unsupported, naming it', () => {
    const r = compile('T | summarize (a, b) = arg_max(n, x)', options);
    assert.deepEqual(
      r.unsupported.map((u) => u.what),
      ['(a, b) = ... in summarize', '(a, b) = ... in summarize'],
    );
  });

  test('the Sentinel TimeSeriesAnomaly rule form compiles without unsupported parts', () => {
    const r = compile(
      'SecurityEvent | make-series Total=count() on TimeGenerated step 1h by Process' +
        ' | extend (anomalies, score, baseline) = series_decompose_anomalies(Total, 1.5, -1, "linefit")',
    );
    assert.deepEqual(r.unsupported, []);
    assert.ok(r.plan !== null);
  });
});
