// Join keys (src/engine/operators/join-keys.ts), table-driven: each case gives key columns for a
// build side and a probing side; the ids must agree with a key written here as text (equal keys
// share an id, different keys do not, a null part or a key the build side lacks gets -1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KeyIds, NO_KEY } from '../../src/engine/operators/join-keys.js';
import { createVectorBuilder, type Vector } from '../../src/engine/table/index.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { checkValid, type ValidCase } from './support/run.js';

interface Side {
  readonly types: readonly ScalarType[];
  /** One array of values per key column. */
  readonly columns: readonly (readonly ScalarValue[])[];
}

interface KeyCase {
  readonly name: string;
  readonly build: Side;
  readonly probe: Side;
}

function vectors(side: Side): Vector[] {
  return side.columns.map((values, k) => {
    const b = createVectorBuilder(side.types[k]!);
    for (const v of values) b.push(v);
    return b.finish();
  });
}

/** The oracle's key: numbers by exact value whatever their type, null parts give none. */
function textKey(side: Side, row: number): string | null {
  const parts: string[] = [];
  for (const values of side.columns) {
    const v = values[row]!;
    if (v === null) return null;
    if (typeof v === 'number' && !Number.isInteger(v)) parts.push(`r${v}`);
    else if (typeof v === 'number' || typeof v === 'bigint') parts.push(`n${BigInt(v)}`);
    else parts.push(`s${JSON.stringify(v)}`);
  }
  return parts.join('|');
}

const BIG = 2n ** 60n;
const manyLongs = Array.from({ length: 5000 }, (_, i) => BigInt(i) * 1_000_003n - 2_500_000n);

const cases: KeyCase[] = [
  {
    name: 'one long column, with nulls and negatives',
    build: { types: ['long'], columns: [[1n, -1n, null, 1n, 0n]] },
    probe: { types: ['long'], columns: [[0n, 1n, 2n, null, -1n]] },
  },
  {
    name: 'longs beyond 2^53 differ in their low bits',
    build: { types: ['long'], columns: [[BIG, BIG + 1n, -BIG]] },
    probe: { types: ['long'], columns: [[BIG + 1n, BIG, BIG + 2n, -BIG]] },
  },
  {
    name: 'an int probe against a long build side',
    build: { types: ['long'], columns: [[5n, 7n, 2147483648n]] },
    probe: { types: ['int'], columns: [[7, 5, null, 3]] },
  },
  {
    name: 'a real probe against a long build side: only integral reals can match',
    build: { types: ['long'], columns: [[5n, 6n]] },
    probe: { types: ['real'], columns: [[5, 5.5, 6.0, Number.NaN]] },
  },
  {
    name: 'a long probe against an int build side',
    build: { types: ['int'], columns: [[5, 7]] },
    probe: { types: ['long'], columns: [[7n, 8n, 5n]] },
  },
  {
    name: 'datetime keys (ticks beyond 2^53)',
    build: { types: ['datetime'], columns: [[636425280000000000n, 636425280300000000n, null]] },
    probe: {
      types: ['datetime'],
      columns: [[636425280300000000n, 636425280000000001n, 636425280000000000n]],
    },
  },
  {
    name: 'thousands of distinct longs (the table grows and rehashes)',
    build: { types: ['long'], columns: [manyLongs] },
    probe: { types: ['long'], columns: [[...manyLongs].reverse().concat([1n, 3n])] },
  },
  {
    name: 'two columns: string and datetime',
    build: {
      types: ['string', 'datetime'],
      columns: [
        ['a', 'a', 'b', 'b', 'a'],
        [10n, 20n, 10n, 10n, 10n],
      ],
    },
    probe: {
      types: ['string', 'datetime'],
      columns: [
        ['b', 'a', 'a', 'c', 'b'],
        [10n, 10n, 30n, 10n, null],
      ],
    },
  },
  {
    name: 'three columns, a null in the middle one',
    build: {
      types: ['long', 'string', 'bool'],
      columns: [
        [1n, 1n, 2n, 1n],
        ['x', '', 'x', 'x'],
        [true, true, false, true],
      ],
    },
    probe: {
      types: ['long', 'string', 'bool'],
      columns: [
        [1n, 1n, 2n, 2n],
        ['x', '', 'x', 'x'],
        [true, null, false, true],
      ],
    },
  },
  {
    name: 'real keys: 1 and 1.0 are one key, 0.5 another',
    build: { types: ['real'], columns: [[1, 0.5, 1.0]] },
    probe: { types: ['long'], columns: [[1n, 0n]] },
  },
];

function checkKeys(c: KeyCase): void {
  const keys = new KeyIds(c.build.types);
  const buildRows = c.build.columns[0]!.length;
  const built = keys.build(vectors(c.build), buildRows);
  const idOfText = new Map<string, number>();
  for (let i = 0; i < buildRows; i++) {
    const text = textKey(c.build, i);
    if (text === null) {
      assert.equal(built[i], NO_KEY, `build row ${i} has a null part`);
      continue;
    }
    const seen = idOfText.get(text);
    if (seen === undefined) {
      assert.ok(![...idOfText.values()].includes(built[i]!), `build row ${i} reuses another key's id`);
      idOfText.set(text, built[i]!);
    } else assert.equal(built[i], seen, `build row ${i} repeats key ${text}`);
  }
  assert.equal(keys.count, idOfText.size);
  const probeRows = c.probe.columns[0]!.length;
  const probed = keys.lookup(vectors(c.probe), c.probe.types, probeRows);
  for (let i = 0; i < probeRows; i++) {
    const text = textKey(c.probe, i);
    const expected = text === null ? NO_KEY : (idOfText.get(text) ?? NO_KEY);
    assert.equal(probed[i], expected, `probe row ${i} (${text})`);
  }
}

describe('join keys', () => {
  for (const c of cases) test(c.name, () => checkKeys(c));
});

// Joins whose keys go through the two-column and 64-bit paths, end to end.
const joins: ValidCase[] = [
  {
    name: 'a time-window join: datetime keys from mv-expand of range() (join-time-window.md)',
    query: `let T = datatable(SessionId:string, EventType:string, Timestamp:datetime)
      ['0', 'A', datetime(2017-10-01 00:00:00), '0', 'B', datetime(2017-10-01 00:01:00),
       '1', 'B', datetime(2017-10-01 00:02:00), '1', 'A', datetime(2017-10-01 00:03:00),
       '3', 'A', datetime(2017-10-01 00:04:00), '3', 'B', datetime(2017-10-01 00:10:00)];
      T | where EventType == 'A' | project SessionId, Start=Timestamp, TimeKey = bin(Timestamp, 30s)
      | join kind=inner (T | where EventType == 'B'
          | project SessionId, End=Timestamp, TimeKey = range(bin(Timestamp-1min, 30s), bin(Timestamp, 30s), 30s)
          | mv-expand TimeKey to typeof(datetime)) on SessionId, TimeKey
      | where (End - Start) between (0min .. 1min) | project SessionId, Start, End`,
    columns: ['SessionId:string', 'Start:datetime', 'End:datetime'],
    rows: [['0', '2017-10-01T00:00:00.0000000Z', '2017-10-01T00:01:00.0000000Z']],
  },
  {
    name: 'innerunique keeps the first left row of each two-column key',
    query: `datatable(a:long, b:datetime, l:string)[1, datetime(2020-01-01), 'x', 1, datetime(2020-01-01), 'y', 1, datetime(2020-01-02), 'z', long(null), datetime(2020-01-01), 'n']
      | join (datatable(a:long, b:datetime, r:string)[1, datetime(2020-01-01), 'R1', 1, datetime(2020-01-02), 'R2']) on a, b
      | project l, r | order by l asc`,
    columns: ['l:string', 'r:string'],
    rows: [
      ['x', 'R1'],
      ['z', 'R2'],
    ],
  },
];

describe('joins on 64-bit and multi-column keys', () => {
  for (const c of joins) test(c.name, () => checkValid(c));
});
