// Engine benchmark: kqlhunt against DuckDB (single thread) on 10 million generated
// SecurityEvent-like rows, one operation at a time (filter, has, summarize count() by, dcount,
// arg_max, join, mv-expand), then the seed rule over 1 million generated SecurityEvent rows.
//
// Run alone with `node --expose-gc dist/bench/engine/bench.js`; `runEngineBench()` is what
// `npm run bench` calls. Environment: KQLHUNT_BENCH_ROWS (default 10000000),
// KQLHUNT_BENCH_SEED_ROWS (default 1000000).

import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { compileQuery } from '../../src/frontend/index.js';
import { executeQuery, type QueryResult, type Table } from '../../src/engine/index.js';
import { buildTable, computersTable, duckdbCreateSql } from './data.js';
import { runSeedBench } from './seed-bench.js';

interface Case {
  readonly name: string;
  readonly kql: string;
  readonly sql: string;
}

const cases: Case[] = [
  {
    name: 'filter',
    kql: 'SecurityEvent | where EventID == 4625 | count',
    sql: 'SELECT count(*) FROM se WHERE EventID = 4625',
  },
  {
    name: 'has',
    kql: "SecurityEvent | where CommandLine has 'powershell' | count",
    sql: "SELECT count(*) FROM se WHERE CommandLine ILIKE '%powershell%'",
  },
  {
    name: 'summarize count() by',
    kql: 'SecurityEvent | summarize count() by Computer | count',
    sql: 'SELECT count(*) FROM (SELECT Computer, count(*) FROM se GROUP BY Computer)',
  },
  {
    name: 'dcount',
    kql: 'SecurityEvent | summarize dcount(Account)',
    sql: 'SELECT count(DISTINCT Account) FROM se',
  },
  {
    name: 'arg_max',
    kql: 'SecurityEvent | summarize arg_max(TimeGenerated, Account) by Computer | count',
    sql: 'SELECT count(*) FROM (SELECT Computer, max(TimeGenerated), arg_max(Account, TimeGenerated) FROM se GROUP BY Computer)',
  },
  {
    name: 'join',
    kql: 'Computers | join kind=inner (SecurityEvent | project Computer, EventID) on Computer | count',
    sql: 'SELECT count(*) FROM computers c JOIN se USING (Computer)',
  },
  {
    name: 'mv-expand',
    kql: "SecurityEvent | project Process | extend parts = split(Process, '\\\\') | mv-expand parts | count",
    sql: "SELECT count(*) FROM (SELECT unnest(string_split(Process, '\\')) FROM se)",
  },
];

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function firstCell(r: QueryResult): string {
  return String(r.rows[0]?.[0]);
}

async function timeKql(kql: string, tables: Map<string, Table>): Promise<{ ms: number; value: string }> {
  const { plan, diagnostics } = compileQuery(kql, { tables: [...tables.values()].map((t) => t.schema) });
  if (plan === null)
    throw new Error(`bench query did not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  const t0 = performance.now();
  const r = await executeQuery(plan, { tables });
  return { ms: performance.now() - t0, value: firstCell(r) };
}

export async function runEngineBench(): Promise<void> {
  const n = Number(process.env.KQLHUNT_BENCH_ROWS ?? 10_000_000);
  console.log(`engine bench: ${n.toLocaleString('en-US')} generated SecurityEvent-like rows`);
  let t0 = performance.now();
  const tables = new Map<string, Table>([
    ['SecurityEvent', buildTable(n)],
    ['Computers', computersTable()],
  ]);
  console.log(`  kqlhunt table built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  await conn.run('SET threads=1');
  t0 = performance.now();
  await conn.run(duckdbCreateSql(n));
  await conn.run(
    "CREATE TABLE computers AS SELECT 'HOST' || k AS Computer, 'site' || (k % 7) AS Site FROM range(1000) t(k)",
  );
  console.log(`  DuckDB table built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  console.log('  operation               kqlhunt ms   DuckDB ms   ratio   same answer');
  let worst = 0;
  for (const c of cases) {
    const ours = await timeKql(c.kql, tables);
    const d0 = performance.now();
    const reader = await conn.runAndReadAll(c.sql);
    const duckMs = performance.now() - d0;
    const duckValue = String(reader.getRows()[0]?.[0]);
    const ratio = ours.ms / duckMs;
    worst = Math.max(worst, ratio);
    console.log(
      `  ${c.name.padEnd(22)} ${ours.ms.toFixed(0).padStart(10)} ${duckMs.toFixed(0).padStart(11)} ${ratio
        .toFixed(1)
        .padStart(7)}x   ${ours.value === duckValue ? 'yes' : `NO (${ours.value} vs ${duckValue})`}`,
    );
  }
  console.log(
    `  worst ratio ${worst.toFixed(1)}x (target <= 3x); peak RSS ${peakRssMiB().toFixed(0)} MiB (target < 4096)`,
  );
  conn.closeSync();
  duck.closeSync();
  tables.clear();
  (globalThis as { gc?: () => void }).gc?.();
  await runSeedBench(Number(process.env.KQLHUNT_BENCH_SEED_ROWS ?? 1_000_000));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEngineBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
