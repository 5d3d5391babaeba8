// Helpers for front-end tests: compile a query against the built-in tables and compare a plan
// with an expected fragment (only the keys the fragment names are compared).
import assert from 'node:assert/strict';
import { compileQuery, type CompileOptions, type CompileResult } from '../../src/frontend/index.js';
import type { Expr, Operator, QueryPlan } from '../../src/plan/plan.js';

export function compile(query: string, options: CompileOptions = {}): CompileResult {
  return compileQuery(query, options);
}

/** The plan of a query that must compile without errors. */
export function planOf(query: string, options: CompileOptions = {}): QueryPlan {
  const r = compileQuery(query, options);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => `${d.code} ${d.message}`),
    [],
    `query should compile: ${query}`,
  );
  assert.ok(r.plan, `no plan for ${query}`);
  return r.plan;
}

/** The operators of the query's result pipeline. */
export function operatorsOf(query: string, options: CompileOptions = {}): readonly Operator[] {
  const result = planOf(query, options).result;
  assert.ok(result && result.kind === 'pipeline', `result of ${query} is not a pipeline`);
  return result.operators;
}

export function lastOperator(query: string, options: CompileOptions = {}): Operator {
  const ops = operatorsOf(query, options);
  const last = ops[ops.length - 1];
  assert.ok(last, `no operator in ${query}`);
  return last;
}

/** The expression of `print x = <expr>`. */
export function scalarOf(expr: string): Expr {
  const result = planOf(`print x = ${expr}`).result;
  assert.ok(result && result.kind === 'print', 'not a print');
  const first = result.columns[0];
  assert.ok(first, 'print without a column');
  return first.expr;
}

/**
 * Asserts that `actual` contains `expected`: objects compare the keys `expected` has, arrays
 * compare element by element and must have the same length, anything else compares equal.
 */
export function assertMatches(actual: unknown, expected: unknown, path = '$'): void {
  if (expected === null || typeof expected !== 'object') {
    assert.deepEqual(actual, expected, `at ${path}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(
      Array.isArray(actual),
      `at ${path}: expected an array, got ${JSON.stringify(actual, bigintSafe)}`,
    );
    assert.equal(
      actual.length,
      expected.length,
      `at ${path}: array length (${JSON.stringify(actual, bigintSafe)})`,
    );
    expected.forEach((e, i) => assertMatches(actual[i], e, `${path}[${i}]`));
    return;
  }
  assert.ok(
    actual !== null && typeof actual === 'object',
    `at ${path}: expected an object, got ${JSON.stringify(actual, bigintSafe)}`,
  );
  for (const [k, v] of Object.entries(expected)) {
    assertMatches((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  }
}

export function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

/** The text a span covers. */
export function spanText(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
