/**
 * Runs one example: compile with the front end (no database tables: the examples define their
 * data), execute with the engine, compare with the documented table (compare.ts). Every failure
 * becomes an outcome, never an exception.
 */
import { compileQuery } from '../frontend/index.js';
import { executeQuery, type QueryResult } from '../engine/index.js';
import { toStringValue } from '../engine/values/convert.js';
import type { QueryPlan } from '../plan/plan.js';
import { compareTables } from './compare.js';
import type { Example } from './examples.js';
import { resultOrderIsFixed } from './order.js';
import type { ExampleOutcome } from './outcome.js';

/** Functions and operators whose results differ from run to run (or pick arbitrary rows). */
const NONDETERMINISTIC_CALLS = new Set([
  'rand',
  'now',
  'ago',
  'new_guid',
  'newguid',
  'take_any',
  'any',
  'take_anyif',
  'anyif',
]);
const NONDETERMINISTIC_OPERATORS = new Set(['sample', 'sample-distinct']);

/** Names of the nondeterministic calls and operators anywhere in the plan. */
export function nondeterministicParts(plan: QueryPlan): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const record = node as Record<string, unknown>;
    if (
      record['kind'] === 'call' &&
      typeof record['name'] === 'string' &&
      NONDETERMINISTIC_CALLS.has(record['name'])
    ) {
      found.add(`${record['name']}()`);
    }
    if (typeof record['kind'] === 'string' && NONDETERMINISTIC_OPERATORS.has(record['kind']))
      found.add(record['kind']);
    // join-operator.md: innerunique keeps one left row per key, chosen arbitrarily.
    if (record['kind'] === 'join' && record['joinKind'] === 'innerunique') found.add('join kind=innerunique');
    for (const value of Object.values(record)) visit(value);
  };
  visit(plan);
  return [...found].sort();
}

const MAX_PRINTED_ROWS = 50;

function printed(result: QueryResult): NonNullable<ExampleOutcome['got']> {
  return {
    columns: result.columns.map((c) => c.name),
    rows: result.rows
      .slice(0, MAX_PRINTED_ROWS)
      .map((row) => row.map((v, i) => toStringValue(v, result.columns[i]!.type))),
  };
}

export async function runExample(example: Example): Promise<ExampleOutcome> {
  const started = performance.now();
  const base = {
    id: example.id,
    truncated: false,
    got: null,
    ordered: null,
    nondeterministic: [] as string[],
  };
  const elapsed = () => performance.now() - started;
  const compiled = compileQuery(example.query, { sourceName: example.id });
  const error = compiled.diagnostics.find((d) => d.severity === 'error');
  if (!compiled.plan || error) {
    return {
      ...base,
      passed: false,
      cause: { kind: 'compile', code: error?.code ?? 'none', message: error?.message ?? 'no plan' },
      ms: elapsed(),
    };
  }
  const plan = compiled.plan;
  const ordered = resultOrderIsFixed(plan);
  const nondeterministic = nondeterministicParts(plan);
  let result: QueryResult;
  try {
    result = await executeQuery(plan, { tables: new Map() });
  } catch (e) {
    const err = e as Error & { code?: unknown };
    return {
      ...base,
      ordered,
      nondeterministic,
      passed: false,
      cause: {
        kind: 'runtime',
        code: typeof err.code === 'string' ? err.code : null,
        message: err.message ?? String(e),
      },
      ms: elapsed(),
    };
  }
  const verdict = compareTables(example, result, ordered);
  return {
    ...base,
    ordered,
    nondeterministic,
    passed: verdict.ok,
    truncated: verdict.ok && verdict.truncated,
    cause: verdict.ok ? null : { kind: 'mismatch', reason: verdict.reason, detail: verdict.detail },
    got: printed(result),
    ms: elapsed(),
  };
}
