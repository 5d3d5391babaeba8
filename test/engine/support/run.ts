// Runs KQL text through the real front end and the engine, and turns values into plain cells so
// that tests compare data: longs, datetimes and timespans become their Kusto text, dynamic values
// their JSON, so expected rows read like the result grids of the docs.
import assert from 'node:assert/strict';
import { compileQuery } from '../../../src/frontend/index.js';
import { executeQuery, KqlRuntimeError, type QueryResult, type Table } from '../../../src/engine/index.js';
import type { ExecuteOptions } from '../../../src/engine/index.js';
import { stringifyDynamic } from '../../../src/engine/values/dynamic.js';
import { formatDatetime } from '../../../src/engine/values/datetime.js';
import { formatTimespan } from '../../../src/engine/values/timespan.js';
import type { Operator, Pipeline, QueryPlan } from '../../../src/plan/plan.js';
import type { DynamicValue, ScalarType, ScalarValue, TableSchema } from '../../../src/types/scalar.js';

export type Cell = string | number | boolean | null;

/** A fixed now() so that tests are repeatable: 2024-01-01T00:00:00Z. */
export const FIXED_NOW = 638396640000000000n;

export function compileKql(text: string, tables: ReadonlyMap<string, Table> = new Map()): QueryPlan {
  const schemas: TableSchema[] = [...tables.values()].map((t) => t.schema);
  const { plan, diagnostics } = compileQuery(text, { tables: schemas });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.ok(plan !== null, `query did not compile: ${errors.map((d) => d.message).join('; ')}\n${text}`);
  return plan;
}

export async function runKql(
  text: string,
  tables: ReadonlyMap<string, Table> = new Map(),
  options: Partial<ExecuteOptions> = {},
): Promise<QueryResult> {
  return executeQuery(compileKql(text, tables), { tables, now: FIXED_NOW, ...options });
}

/** The last operator of the query's final pipeline (for tests that adjust a plan by hand). */
export function lastOperator(plan: QueryPlan): Operator {
  assert.ok(plan.result?.kind === 'pipeline', 'the query does not end in a pipeline');
  const op = plan.result.operators.at(-1);
  assert.ok(op !== undefined);
  return op;
}

/** A copy of `plan` whose final operator is replaced by `f(op)`. */
export function withLastOperator(plan: QueryPlan, f: (op: Operator) => Operator): QueryPlan {
  const result = plan.result as Pipeline;
  return {
    ...plan,
    result: { ...result, operators: [...result.operators.slice(0, -1), f(lastOperator(plan))] },
  };
}

/** A cell as text-like data: numbers stay numbers, longs/datetimes/timespans/dynamic become strings. */
export function cell(value: ScalarValue, type: ScalarType): Cell {
  if (value === null) return null;
  switch (type) {
    case 'long':
      return (value as bigint).toString();
    case 'datetime':
      return formatDatetime(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'dynamic':
      return stringifyDynamic(value as DynamicValue);
    default:
      return value as Cell;
  }
}

export function grid(result: QueryResult): Cell[][] {
  return result.rows.map((row) => row.map((v, i) => cell(v, result.columns[i]!.type)));
}

export function header(result: QueryResult): string[] {
  return result.columns.map((c) => `${c.name}:${c.type}`);
}

export interface ValidCase {
  readonly name: string;
  readonly query: string;
  /** `name:type` of each output column. */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface InvalidCase {
  readonly name: string;
  readonly query: string;
  /** KqlRuntimeError code expected. */
  readonly code: string;
  /** A piece of the message expected. */
  readonly message?: string;
  /** The query text the error's span must cover. */
  readonly at?: string;
}

export async function checkValid(c: ValidCase, tables?: ReadonlyMap<string, Table>): Promise<void> {
  const r = await runKql(c.query, tables);
  assert.deepEqual(header(r), c.columns, `columns of: ${c.query}`);
  assert.deepEqual(grid(r), c.rows, `rows of: ${c.query}`);
}

export async function checkInvalid(c: InvalidCase, tables?: ReadonlyMap<string, Table>): Promise<void> {
  await assert.rejects(runKql(c.query, tables), (e: unknown) => {
    assert.ok(e instanceof KqlRuntimeError, `expected a KqlRuntimeError, got ${String(e)}`);
    assert.equal(e.code, c.code, e.message);
    if (c.message !== undefined)
      assert.ok(e.message.includes(c.message), `message "${e.message}" lacks "${c.message}"`);
    if (c.at !== undefined) {
      assert.ok(e.span !== null, 'error has no span');
      assert.equal(c.query.slice(e.span.start, e.span.end), c.at);
    }
    return true;
  });
}
