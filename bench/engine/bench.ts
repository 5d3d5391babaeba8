// Engine benchmark: kqlhunt against DuckDB (single thread) on 10 million generated
// SecurityEvent-like rows, one operation at a time (filter, has, summarize count() by, dcount,
// arg_max, join, mv-expand), then the seed rule over 1 million generated SecurityEvent rows.
//
// Each operation runs once per engine as a warm-up, then KQLHUNT_BENCH_RUNS times per engine
// (alternating which goes first); the table shows the medians and their ratio. Both engines must
// give the same answer on every run, and before any timing a digest query proves both tables hold
// the same data; any disagreement fails the bench. The machines are shared and noisy: compare
// ratios, not absolute times.
//
// Run alone with `npx tsc -p tsconfig.json && node --expose-gc dist/bench/engine/bench.js`;
// `runEngineBench()` is what `npm run bench` calls. Environment: KQLHUNT_BENCH_ROWS (default
// 10000000), KQLHUNT_BENCH_RUNS (default 5), KQLHUNT_BENCH_SEED_ROWS (default 1000000).

import { pathToFileURL } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compileQuery } from '../../src/frontend/index.js';
import { executeQuery, type QueryResult, type Table } from '../../src/engine/index.js';
import type { QueryPlan } from '../../src/plan/plan.js';
import { UNIX_EPOCH_TICKS, type ScalarType, type ScalarValue } from '../../src/types/scalar.js';
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
    // `has` matches a whole term, case-insensitively; SQL has no term index, so DuckDB gets the
    // cheapest predicate with the same answer on this data (asserted): a case-insensitive
    // substring match.
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

/**
 * The same figures from both engines over the whole table, compared before any timing: proof
 * that the two tables hold the same data (row count, sums, extremes and distinct counts).
 */
const dataDigest = {
  kql:
    'SecurityEvent | summarize count(), sum(EventID), sum(LogonType), min(TimeGenerated), max(TimeGenerated),' +
    ' dcount(Computer), dcount(Account), dcount(Process), dcount(CommandLine)',
  sql:
    'SELECT count(*), sum(EventID), sum(LogonType), epoch_us(min(TimeGenerated)), epoch_us(max(TimeGenerated)),' +
    ' count(DISTINCT Computer), count(DISTINCT Account), count(DISTINCT Process), count(DISTINCT CommandLine) FROM se',
};

function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A cell as comparable text: datetimes as microseconds since 1970 (DuckDB's epoch_us). */
function cellText(value: ScalarValue, type: ScalarType): string {
  if (type === 'datetime' && typeof value === 'bigint') return String((value - UNIX_EPOCH_TICKS) / 10n);
  return String(value);
}

function rowText(r: QueryResult): string {
  const first = r.rows[0] ?? [];
  return first.map((v, i) => cellText(v, r.columns[i]!.type)).join(',');
}

function planOf(kql: string, tables: Map<string, Table>): QueryPlan {
  const { plan, diagnostics } = compileQuery(kql, { tables: [...tables.values()].map((t) => t.schema) });
  if (plan === null)
    throw new Error(`bench query did not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return plan;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timeKql(plan: QueryPlan, tables: Map<string, Table>): Promise<{ ms: number; value: string }> {
  // Garbage left by the previous run is not this run's cost.
  collectGarbage();
  const t0 = performance.now();
  const r = await executeQuery(plan, { tables });
  return { ms: performance.now() - t0, value: rowText(r) };
}

async function timeSql(conn: DuckDBConnection, sql: string): Promise<{ ms: number; value: string }> {
  const t0 = performance.now();
  const reader = await conn.runAndReadAll(sql);
  const ms = performance.now() - t0;
  return { ms, value: (reader.getRows()[0] ?? []).map(String).join(',') };
}

export async function runEngineBench(): Promise<void> {
  const n = Number(process.env.KQLHUNT_BENCH_ROWS ?? 10_000_000);
  const runs = Math.max(1, Number(process.env.KQLHUNT_BENCH_RUNS ?? 5));
  console.log(
    `engine bench: ${n.toLocaleString('en-US')} generated SecurityEvent-like rows; median of ${runs} runs per engine after one warm-up`,
  );
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

  const ourDigest = await timeKql(planOf(dataDigest.kql, tables), tables);
  const duckDigest = await timeSql(conn, dataDigest.sql);
  if (ourDigest.value !== duckDigest.value)
    throw new Error(`the two tables differ: kqlhunt ${ourDigest.value}, DuckDB ${duckDigest.value}`);
  console.log(`  same data in both engines: ${ourDigest.value}`);

  console.log('  operation               kqlhunt ms   DuckDB ms   ratio   answer (both)');
  let worst = 0;
  let worstName = '';
  const mismatches: string[] = [];
  for (const c of cases) {
    const plan = planOf(c.kql, tables);
    // Warm-up: JIT for kqlhunt, caches for DuckDB; the answers must agree here already.
    const first = await timeKql(plan, tables);
    const firstDuck = await timeSql(conn, c.sql);
    const ours: number[] = [];
    const theirs: number[] = [];
    const answers = new Set([`${first.value} | ${firstDuck.value}`]);
    for (let k = 0; k < runs; k++) {
      // Alternate which engine goes first, so that neither always runs right after the other.
      const a = k % 2 === 0 ? await timeKql(plan, tables) : null;
      const d = await timeSql(conn, c.sql);
      const b = a ?? (await timeKql(plan, tables));
      ours.push(b.ms);
      theirs.push(d.ms);
      answers.add(`${b.value} | ${d.value}`);
    }
    const same = answers.size === 1 && first.value === firstDuck.value;
    if (!same) mismatches.push(`${c.name}: ${[...answers].join('; ')}`);
    const oursMs = median(ours);
    const duckMs = median(theirs);
    const ratio = oursMs / duckMs;
    if (ratio > worst) {
      worst = ratio;
      worstName = c.name;
    }
    console.log(
      `  ${c.name.padEnd(22)} ${oursMs.toFixed(0).padStart(10)} ${duckMs.toFixed(0).padStart(11)} ${ratio
        .toFixed(2)
        .padStart(7)}x   ${same ? first.value : `DIFFERENT (${[...answers].join('; ')})`}`,
    );
  }
  const peak = peakRssMiB();
  console.log(
    `  worst ratio ${worst.toFixed(2)}x (${worstName}; target <= 3x); peak RSS of the process, both engines and their tables, ${peak.toFixed(0)} MiB (target < 4096)`,
  );
  conn.closeSync();
  duck.closeSync();
  tables.clear();
  collectGarbage();
  if (mismatches.length > 0) throw new Error(`kqlhunt and DuckDB disagree:\n  ${mismatches.join('\n  ')}`);
  await runSeedBench(Number(process.env.KQLHUNT_BENCH_SEED_ROWS ?? 1_000_000));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEngineBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
