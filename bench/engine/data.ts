// Deterministic SecurityEvent-like rows, computed from the row number by formulas that both
// kqlhunt (here) and DuckDB (the SQL in bench.ts) evaluate identically, so both engines see the
// same data without a slow export between them.

import { TableBuilder, type Table } from '../../src/engine/index.js';
import type { TableSchema } from '../../src/types/scalar.js';

export const EVENT_IDS = [
  4624, 4625, 4634, 4648, 4672, 4688, 4689, 4663, 4656, 4658, 5058, 5061, 4776, 4768, 4769, 4798, 4799, 5140,
  5145, 4720,
];
export const PROCESSES = Array.from(
  { length: 500 },
  (_, k) => `C:\\Windows\\System32\\dir${k % 37}\\tool${k}.exe`,
);
/** 2024-01-01T00:00:00Z in ticks. */
export const BASE_TICKS = 638396640000000000n;

export const benchSchema: TableSchema = {
  name: 'SecurityEvent',
  columns: [
    { name: 'TimeGenerated', type: 'datetime' },
    { name: 'Computer', type: 'string' },
    { name: 'EventID', type: 'int' },
    { name: 'Account', type: 'string' },
    { name: 'Process', type: 'string' },
    { name: 'CommandLine', type: 'string' },
    { name: 'LogonType', type: 'int' },
  ],
};

// The strings the formulas can produce, made once: a string built anew for every row would cost
// the table builder a fresh hash per cell, which is the generator's cost, not the engine's.
const HOSTS = Array.from({ length: 1000 }, (_, k) => `HOST${k}`);
const USERS = Array.from({ length: 10007 }, (_, k) => `user${k}`);
const ENCODED = PROCESSES.map((p) => `${p} -enc powershell -nop`);
const QUIET = PROCESSES.map((p) => `${p} /quiet`);

/** The row formulas (integers stay below 2^53, so JS numbers and SQL BIGINTs agree). */
export function row(i: number): [bigint, string, number, string, string, string, number] {
  const h = (i * 7919 + 13) % 1000003;
  return [
    BASE_TICKS + BigInt(i) * 10_000_000n,
    HOSTS[h % 1000]!,
    EVENT_IDS[(i * 31 + h) % 20]!,
    USERS[(i * 31 + 7) % 10007]!,
    PROCESSES[h % 500]!,
    h % 10 === 0 ? ENCODED[h % 500]! : QUIET[h % 500]!,
    (h % 11) + 2,
  ];
}

/** The same formulas in DuckDB SQL over range(n). */
export function duckdbCreateSql(n: number): string {
  const ids = `[${EVENT_IDS.join(',')}]`;
  return `
CREATE TABLE se AS
WITH r AS (SELECT i, (i * 7919 + 13) % 1000003 AS h FROM range(${n}) t(i))
SELECT
  TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i) AS TimeGenerated,
  'HOST' || (h % 1000) AS Computer,
  (${ids})[((i * 31 + h) % 20) + 1] AS EventID,
  'user' || ((i * 31 + 7) % 10007) AS Account,
  'C:\\Windows\\System32\\dir' || ((h % 500) % 37) || '\\tool' || (h % 500) || '.exe' AS Process,
  CASE WHEN h % 10 = 0
    THEN 'C:\\Windows\\System32\\dir' || ((h % 500) % 37) || '\\tool' || (h % 500) || '.exe' || ' -enc powershell -nop'
    ELSE 'C:\\Windows\\System32\\dir' || ((h % 500) % 37) || '\\tool' || (h % 500) || '.exe' || ' /quiet' END AS CommandLine,
  (h % 11) + 2 AS LogonType
FROM r`;
}

export function buildTable(n: number): Table {
  const b = new TableBuilder(benchSchema);
  for (let i = 0; i < n; i++) b.appendValues(row(i));
  return b.finish();
}

/** The 1000-row dimension table joined in the benchmark. */
export function computersTable(): Table {
  const b = new TableBuilder({
    name: 'Computers',
    columns: [
      { name: 'Computer', type: 'string' },
      { name: 'Site', type: 'string' },
    ],
  });
  for (let k = 0; k < 1000; k++) b.appendValues([`HOST${k}`, `site${k % 7}`]);
  return b.finish();
}
