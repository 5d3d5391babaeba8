/**
 * A documented output table against a computed result.
 *
 * Markdown normalisation first: column names lose backticks; a row with fewer cells than the
 * header has empty cells at its end (GitHub-flavoured Markdown inserts them); a row of only `...`
 * marks output the docs cut short, so the rows shown must be found among the computed ones, not
 * all of them. Then rows are compared in order where the query fixes the order (order.ts), else
 * as a multiset.
 */
import type { ColumnSchema, ScalarValue } from '../types/scalar.js';
import { cellMatches, unwrapCell } from './cells.js';

export interface ExpectedTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ComputedTable {
  readonly columns: readonly ColumnSchema[];
  readonly rows: readonly (readonly ScalarValue[])[];
}

export type TableVerdict =
  | { readonly ok: true; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: 'columns' | 'row-count' | 'rows'; readonly detail: string };

const ELLIPSIS = /^(\.\.\.|…)$/;

function isTruncationRow(row: readonly string[]): boolean {
  const cells = row.map((c) => c.trim()).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => ELLIPSIS.test(c));
}

export function normalizeExpected(expected: ExpectedTable): {
  columns: string[];
  rows: string[][];
  truncated: boolean;
} {
  const columns = expected.columns.map(unwrapCell);
  let truncated = false;
  const rows: string[][] = [];
  for (const row of expected.rows) {
    if (isTruncationRow(row)) {
      truncated = true;
      continue;
    }
    rows.push(
      row.length < columns.length
        ? [...row, ...Array<string>(columns.length - row.length).fill('')]
        : [...row],
    );
  }
  return { columns, rows, truncated };
}

function rowMatches(
  expected: readonly string[],
  got: readonly ScalarValue[],
  columns: readonly ColumnSchema[],
): boolean {
  if (expected.length !== got.length) return false;
  return columns.every((c, i) => cellMatches(expected[i]!, got[i]!, c.type));
}

export function compareTables(
  expectedTable: ExpectedTable,
  got: ComputedTable,
  ordered: boolean,
): TableVerdict {
  const expected = normalizeExpected(expectedTable);
  const gotNames = got.columns.map((c) => c.name);
  if (expected.columns.length !== gotNames.length || expected.columns.some((n, i) => n !== gotNames[i])) {
    // Say whether only the names differ: the docs often print a name of their own choosing.
    const sameValues =
      expected.columns.length === gotNames.length &&
      compareTables({ columns: gotNames, rows: expectedTable.rows }, got, ordered).ok;
    return {
      ok: false,
      reason: 'columns',
      detail:
        `columns differ: expected [${expected.columns.join(', ')}], got [${gotNames.join(', ')}]` +
        (sameValues ? ' (values match)' : ''),
    };
  }
  if (
    expected.truncated ? got.rows.length < expected.rows.length : got.rows.length !== expected.rows.length
  ) {
    return {
      ok: false,
      reason: 'row-count',
      detail: `expected ${expected.rows.length}${expected.truncated ? ' or more' : ''} rows, got ${got.rows.length}`,
    };
  }
  if (ordered) {
    for (let i = 0; i < expected.rows.length; i++) {
      if (!rowMatches(expected.rows[i]!, got.rows[i]!, got.columns)) {
        return { ok: false, reason: 'rows', detail: `row ${i + 1} differs (rows in the query's order)` };
      }
    }
    return { ok: true, truncated: expected.truncated };
  }
  const used = new Array<boolean>(got.rows.length).fill(false);
  for (let i = 0; i < expected.rows.length; i++) {
    let found = -1;
    for (let j = 0; j < got.rows.length && found < 0; j++) {
      if (!used[j] && rowMatches(expected.rows[i]!, got.rows[j]!, got.columns)) found = j;
    }
    if (found < 0) {
      return {
        ok: false,
        reason: 'rows',
        detail: `expected row ${i + 1} not found (rows compared in any order)`,
      };
    }
    used[found] = true;
  }
  return { ok: true, truncated: expected.truncated };
}
