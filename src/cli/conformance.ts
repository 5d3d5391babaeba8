#!/usr/bin/env node
/**
 * `npm run conformance -- <examples.jsonl> [--filter <substring>] [--verbose] [--json]
 *   [--timeout <ms>] [--markdown <file>]`
 *
 * Runs each documented example (src/conformance) and prints every failure with its query, the
 * documented table and the computed one, then `N passed, M failed`. `--json` prints instead a
 * summary grouping failures by cause (the closing line then goes to stderr); `--markdown` also
 * writes the grouped summary to a file (docs/CONFORMANCE.md). Exit code: 0 when all pass, 1 when
 * some fail, 2 on a usage error.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readExamples, type Example } from '../conformance/examples.js';
import { ExampleRunner } from '../conformance/pool.js';
import {
  formatFailure,
  summarize,
  summaryLine,
  summaryMarkdown,
  type RunRecord,
} from '../conformance/report.js';

const usage =
  'usage: conformance <examples.jsonl> [--filter <substring>] [--verbose] [--json] [--timeout <ms>] [--markdown <file>]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        filter: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10000' },
        markdown: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const timeoutMs = Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    console.error(`--timeout must be a positive number of milliseconds\n${usage}`);
    return 2;
  }
  const file = positionals[0]!;
  let examples: Example[];
  try {
    examples = readExamples(file);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const filter = values.filter;
  if (filter !== undefined) {
    examples = examples.filter(
      (e) => e.id.includes(filter) || e.page.includes(filter) || e.title.includes(filter),
    );
  }

  const runner = new ExampleRunner(new URL('../conformance/worker.js', import.meta.url), {
    timeoutMs,
    maxHeapMb: 2048,
  });
  const records: RunRecord[] = [];
  try {
    for (const example of examples) {
      const outcome = await runner.run(example);
      const record = { example, outcome };
      records.push(record);
      if (values.json) continue;
      if (!outcome.passed) console.log(formatFailure(record) + '\n');
      else if (values.verbose)
        console.log(`PASS ${example.id}${outcome.truncated ? ' (documented output cut short)' : ''}`);
    }
  } finally {
    await runner.close();
  }

  const summary = summarize(records);
  if (values.markdown) writeFileSync(values.markdown, summaryMarkdown(summary, file));
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    console.error(summaryLine(records));
  } else {
    if (values.verbose) {
      for (const [category, group] of Object.entries(summary.byCategory)) {
        console.log(`${category}: ${group.count}`);
        for (const cause of group.causes.slice(0, 10)) console.log(`  ${cause.count}  ${cause.key}`);
      }
    }
    console.log(summaryLine(records));
  }
  return summary.failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 2;
  },
);
