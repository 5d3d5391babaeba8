// The seed rule over generated SecurityEvent rows (5% of them 5058 key-file events whose
// EventData XML repeats, as a process reading the same keys does): rows per second, peak memory,
// and what the two seed-specific optimisations buy: evaluating `where` before `parse_xml`
// (measured by running the rule with the `where` written after the `extend`, pushdown off and on)
// and parsing each distinct EventData once (dictionary memo off and on).

import { readFileSync } from 'node:fs';
import { compileQuery } from '../../src/frontend/index.js';
import { executeQuery, TableBuilder, type EngineOptimizations, type Table } from '../../src/engine/index.js';
import { securityEvent } from '../../src/schema/index.js';
import { sharedPath } from '../../test/support/shared.js';
import { BASE_TICKS } from './data.js';

const OTHER = [
  [4624, '4624 - An account was successfully logged on.'],
  [4688, '4688 - A new process has been created.'],
  [4672, '4672 - Special privileges assigned to new logon.'],
  [5061, '5061 - Cryptographic operation.'],
] as const;

function keyEventXml(k: number): string {
  const user = k % 50;
  const data: [string, string][] = [
    ['SubjectUserSid', `S-1-5-21-100-${user}`],
    ['SubjectUserName', `user${user}`],
    ['SubjectDomainName', 'CONTOSO'],
    ['SubjectLogonId', k % 3 === 0 ? '0x3e7' : `0x${(0x10000 + user).toString(16)}`],
    ['ClientProcessId', String(1000 + (k % 400))],
    ['ClientCreationTime', '2024-01-01T00:00:00.0000000Z'],
    ['ProviderName', 'Microsoft Software Key Storage Provider'],
    ['AlgorithmName', 'UNKNOWN'],
    ['KeyName', k % 5 === 0 ? 'TSSecKeySet1' : `key-${k % 97}`],
    ['KeyType', k % 4 === 0 ? '%%2500' : '%%2499'],
    ['KeyFilePath', `C:\\ProgramData\\Microsoft\\Crypto\\Keys\\${k % 97}_machine`],
    ['Operation', '%%2458'],
    ['ReturnCode', '0x0'],
  ];
  return (
    '<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event">' +
    data.map(([n, v]) => `<Data Name="${n}">${v}</Data>`).join('') +
    '</EventData>'
  );
}

function buildSeedTable(n: number, distinctXml: number): Table {
  const b = new TableBuilder(securityEvent);
  const keyXml = Array.from({ length: distinctXml }, (_, k) => keyEventXml(k));
  const otherXml = Array.from(
    { length: 200 },
    (_, k) =>
      `<EventData><Data Name="TargetUserName">u${k}</Data><Data Name="LogonType">${k % 11}</Data></EventData>`,
  );
  for (let i = 0; i < n; i++) {
    const isKey = i % 20 === 0;
    const other = OTHER[i % OTHER.length]!;
    b.appendRow({
      TimeGenerated: BASE_TICKS + BigInt(i) * 10_000_000n,
      Computer: `HOST${i % 300}`,
      EventID: isKey ? 5058 : other[0],
      Activity: isKey ? '5058 - Key file operation.' : other[1],
      EventData: isKey ? keyXml[(i / 20) % distinctXml]! : otherXml[i % 200]!,
    });
  }
  return b.finish();
}

function seedQuery(): string {
  const page = readFileSync(sharedPath('seed', 'seed-page.txt'), 'utf8');
  const lines = page.slice(page.indexOf('query: |') + 'query: |'.length + 1).split('\n');
  const out: string[] = [];
  for (const l of lines) {
    if (!l.startsWith('  ') && l.trim() !== '') break;
    out.push(l.slice(2));
  }
  return out.join('\n');
}

async function timeRun(
  query: string,
  tables: Map<string, Table>,
  optimizations: Partial<EngineOptimizations>,
) {
  const { plan, diagnostics } = compileQuery(query);
  if (plan === null) throw new Error(diagnostics.map((d) => d.message).join('; '));
  const t0 = performance.now();
  const r = await executeQuery(plan, { tables, optimizations });
  return { ms: performance.now() - t0, rows: r.rows.length };
}

export async function runSeedBench(n: number): Promise<void> {
  const distinct = 2000;
  console.log(
    `seed rule bench: ${n.toLocaleString('en-US')} SecurityEvent rows, 5% 5058 events (${distinct} distinct EventData)`,
  );
  const t0 = performance.now();
  const tables = new Map([['SecurityEvent', buildSeedTable(n, distinct)]]);
  console.log(`  table built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rule = seedQuery();
  // The same rule with its Activity filter written after the parse_xml extend.
  const whereLast = rule
    .replace("| where Activity == '5058 - Key file operation.'\n", '')
    .replace('| mv-expand', "| where Activity == '5058 - Key file operation.'\n| mv-expand");

  await timeRun(rule, tables, {}); // warm-up: JIT and the front end's first load
  const all = await timeRun(rule, tables, {});
  console.log(
    `  rule as written, all optimisations: ${all.ms.toFixed(0)} ms, ${((n / all.ms) * 1000).toFixed(0)} rows/s, ${all.rows} rows reported`,
  );
  const noMemo = await timeRun(rule, tables, { dictionaryMemo: false });
  console.log(
    `  parse_xml cache (dictionary memo) off: ${noMemo.ms.toFixed(0)} ms → caching speed-up ${(noMemo.ms / all.ms).toFixed(1)}x`,
  );
  // With the cache off, so that every parse_xml avoided counts.
  const lateOff = await timeRun(whereLast, tables, { pushdown: false, dictionaryMemo: false });
  const lateOn = await timeRun(whereLast, tables, { pushdown: true, dictionaryMemo: false });
  console.log(
    `  where written after parse_xml, cache off: ${lateOff.ms.toFixed(0)} ms without pushdown, ${lateOn.ms.toFixed(0)} ms with → where-before-parse_xml speed-up ${(lateOff.ms / lateOn.ms).toFixed(1)}x`,
  );
  const lateNoOpt = lateOff;
  console.log(
    `  both off (where after parse_xml, no pushdown, no cache): ${lateNoOpt.ms.toFixed(0)} ms → combined speed-up ${(lateNoOpt.ms / all.ms).toFixed(1)}x`,
  );
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}
