// Every join kind over generated tables (duplicate keys on both sides, null keys, int keys
// against long keys, two-column keys, each side the bigger), checked against a nested-loop join
// written here from the join-operator page's definitions. Row order is not part of a join's
// answer, so rows are compared sorted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TableBuilder, type Table } from '../../src/engine/index.js';
import { CHUNK_ROWS } from '../../src/engine/table/index.js';
import { grid, runKql, type Cell } from './support/run.js';

interface Side {
  readonly k: string[];
  /** int on the left, long on the right (as numbers here); null for a null key. */
  readonly x: (number | null)[];
  readonly id: number[];
}

/** `shift` moves the string keys, so that each side has keys the other lacks. */
function side(rows: number, seed: number, shift: number): Side {
  const k: string[] = [];
  const x: (number | null)[] = [];
  const id: number[] = [];
  for (let i = 0; i < rows; i++) {
    const h = (i * 7919 + seed) % 1009;
    k.push(`key${(h % 23) + shift}`);
    x.push(h % 17 === 0 ? null : h % 31);
    id.push(i);
  }
  return { k, x, id };
}

function table(name: string, s: Side, xType: 'int' | 'long'): Table {
  const b = new TableBuilder({
    name,
    columns: [
      { name: 'k', type: 'string' },
      { name: 'x', type: xType },
      { name: 'id', type: 'long' },
    ],
  });
  s.k.forEach((k, i) => {
    const x = s.x[i]!;
    b.appendValues([k, x === null ? null : xType === 'int' ? x : BigInt(x), BigInt(s.id[i]!)]);
  });
  return b.finish();
}

type Key = 'k' | 'x' | 'k,x';

function keyOf(s: Side, i: number, key: Key): string | null {
  const x = s.x[i]!;
  if (key === 'k') return s.k[i]!;
  if (x === null) return null;
  return key === 'x' ? String(x) : `${s.k[i]}|${x}`;
}

/** A row's cells as the result grid shows them (the right side's x is a long: text). */
function cells(s: Side, i: number | null, xIsLong: boolean): Cell[] {
  if (i === null) return ['', null, null];
  const x = s.x[i]!;
  return [s.k[i]!, x === null || !xIsLong ? x : String(x), String(s.id[i])];
}

/** The expected rows of `kind` by a nested loop over the two sides. */
function expected(kind: string, left: Side, right: Side, key: Key): Cell[][] {
  const n = left.k.length;
  const m = right.k.length;
  let leftRows = [...Array(n).keys()];
  if (kind === 'innerunique') {
    // kqlhunt keeps the first left row of each key (Kusto keeps an arbitrary one).
    const seen = new Set<string>();
    leftRows = leftRows.filter((i) => {
      const kv = keyOf(left, i, key);
      if (kv === null) return true;
      if (seen.has(kv)) return false;
      seen.add(kv);
      return true;
    });
  }
  const match = (i: number, j: number): boolean => {
    const a = keyOf(left, i, key);
    return a !== null && a === keyOf(right, j, key);
  };
  const out: Cell[][] = [];
  const rightMatched = new Set<number>();
  for (const i of leftRows) {
    const js = [...Array(m).keys()].filter((j) => match(i, j));
    js.forEach((j) => rightMatched.add(j));
    if (kind === 'leftsemi' && js.length > 0) out.push(cells(left, i, false));
    if (kind === 'leftanti' && js.length === 0) out.push(cells(left, i, false));
    if (['inner', 'innerunique', 'leftouter', 'rightouter', 'fullouter'].includes(kind))
      for (const j of js) out.push([...cells(left, i, false), ...cells(right, j, true)]);
    if ((kind === 'leftouter' || kind === 'fullouter') && js.length === 0)
      out.push([...cells(left, i, false), ...cells(right, null, true)]);
  }
  for (let j = 0; j < m; j++) {
    const hit = rightMatched.has(j);
    if (kind === 'rightsemi' && hit) out.push(cells(right, j, true));
    if (kind === 'rightanti' && !hit) out.push(cells(right, j, true));
    if ((kind === 'rightouter' || kind === 'fullouter') && !hit)
      out.push([...cells(left, null, false), ...cells(right, j, true)]);
  }
  return out;
}

const kinds = [
  'inner',
  'innerunique',
  'leftouter',
  'rightouter',
  'fullouter',
  'leftsemi',
  'leftanti',
  'rightsemi',
  'rightanti',
];
const conditions: { key: Key; on: string }[] = [
  { key: 'k', on: 'k' },
  { key: 'x', on: '$left.x == $right.x' },
  { key: 'k,x', on: 'k, $left.x == $right.x' },
];
// Small left and big right, then the other way round (the inner join hashes the smaller side).
const shapes = [
  { left: 300, right: CHUNK_ROWS + 700 },
  { left: CHUNK_ROWS + 700, right: 300 },
];

const sortRows = (rows: Cell[][]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe('join kinds against a nested-loop join', () => {
  for (const shape of shapes) {
    const left = side(shape.left, 13, 0);
    const right = side(shape.right, 101, 3);
    const tables = new Map([
      ['L', table('L', left, 'int')],
      ['R', table('R', right, 'long')],
    ]);
    for (const kind of kinds) {
      for (const c of conditions) {
        const query = `L | join kind=${kind} (R) on ${c.on}`;
        test(`${query} (${shape.left} × ${shape.right} rows)`, async () => {
          const r = await runKql(query, tables);
          const want = expected(kind, left, right, c.key);
          assert.ok(want.length > 0, 'the case must produce rows');
          assert.deepEqual(sortRows(grid(r)), sortRows(want));
        });
      }
    }
  }
});
