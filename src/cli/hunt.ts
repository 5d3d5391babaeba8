/**
 * `kqlhunt hunt [logs...] [--rules path]... [filters] [--from --to] [--format] [--output]`:
 * the main job. Loads the logs into Sentinel tables, runs every selected rule, writes one finding
 * per result row, and closes with a summary that says what ran, what was found, and why every
 * rule that did not run did not.
 *
 * Exit codes: 0 findings, 1 no findings, 2 error (bad usage, or no log could be read).
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadLogs } from '../hunt/load-logs.js';
import { runRule, type RuleOutcome } from '../hunt/run-rule.js';
import { selectRules } from '../hunt/rule-filter.js';
import { loadRules, type SentinelRule } from '../rules/index.js';
import { formatDiagnostic } from '../frontend/index.js';
import { parseDatetime } from '../engine/values/datetime.js';
import { ProgressBar } from './progress.js';
import { FindingsWriter } from './output/findings-writer.js';
import { outputFormats, type OutputFormat } from './output/result-writer.js';
import { writeSummary } from './summary.js';
import { limitOptions, parseLimits } from './limits.js';
import { builtinRulesDir, demoLogsDir } from './paths.js';

export const EXIT_FINDINGS = 0;
export const EXIT_NONE = 1;
export const EXIT_ERROR = 2;
/** As shells report a process ended by SIGINT. */
export const EXIT_INTERRUPTED = 130;

export const huntOptions = {
  rules: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  tactic: { type: 'string', multiple: true },
  technique: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  timezone: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  ...limitOptions,
} as const;

export async function huntCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: huntOptions });
  const err = process.stderr;
  const from = values.from ? parseDatetime(values.from) : null;
  const to = values.to ? parseDatetime(values.to) : null;
  if ((values.from && from === null) || (values.to && to === null)) {
    err.write(`kqlhunt hunt: --from/--to must be ISO-8601 datetimes, e.g. 2025-06-01T00:00:00Z\n`);
    return EXIT_ERROR;
  }
  const format = (values.format ??
    (values.output || !process.stdout.isTTY ? 'jsonl' : 'table')) as OutputFormat;
  if (!outputFormats.includes(format)) {
    err.write(`kqlhunt hunt: unknown --format '${format}' (${outputFormats.join(', ')})\n`);
    return EXIT_ERROR;
  }
  if (values.timezone && !validTimeZone(values.timezone)) {
    err.write(`kqlhunt hunt: unknown --timezone '${values.timezone}' (an IANA name like Europe/Brussels)\n`);
    return EXIT_ERROR;
  }
  const limits = parseLimits(values);
  if (typeof limits === 'string') {
    err.write(`kqlhunt hunt: ${limits}\n`);
    return EXIT_ERROR;
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const quiet = values.quiet ?? false;
  const logPaths = positionals.length > 0 ? positionals : [demoLogsDir()];
  const started = performance.now();
  const progress = new ProgressBar(err, !quiet && err.isTTY === true);

  // Rules first: a typo in --rules should not wait for gigabytes of logs.
  const loaded = await loadRules([builtinRulesDir(), ...(values.rules ?? [])]);
  const ruleErrors = loaded.filter((r) => !r.ok);
  const rules = dedupe(
    selectRules(
      loaded.flatMap((r) => (r.ok ? [r.rule] : [])),
      {
        rules: values.rule ?? [],
        tactics: values.tactic ?? [],
        techniques: values.technique ?? [],
        severities: values.severity ?? [],
      },
    ),
  );

  // Ctrl-C: stop at the next file or operator, then report what was done, and exit 130.
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  const problems: string[] = [];
  const logs = await loadLogs(logPaths, {
    workers,
    signal: interrupt.signal,
    onProblem: (m) => problems.push(m),
    onProgress: (p) =>
      progress.update({
        phase: 'reading',
        filesDone: p.filesDone,
        filesTotal: p.filesTotal,
        bytesDone: p.bytesDone,
        bytesTotal: p.bytesTotal,
        events: p.events,
      }),
  });
  if (logs.files === 0 || logs.failedFiles === logs.files) {
    progress.finish();
    for (const p of problems) err.write(`kqlhunt: ${p}\n`);
    err.write(`kqlhunt hunt: no logs could be read from ${logPaths.join(', ')}\n`);
    if (positionals.length === 0)
      err.write('kqlhunt hunt: the demo log is made at install: run npm run demo:generate\n');
    return EXIT_ERROR;
  }

  const out = values.output ? createWriteStream(values.output) : process.stdout;
  const writer = new FindingsWriter(out, format, {
    timeZone: values.timezone,
    width: process.stdout.columns ?? 120,
  });
  const outcomes: RuleOutcome[] = [];
  progress.update({ phase: 'hunting', rulesDone: 0, rulesTotal: rules.length }, true);
  for (const rule of rules) {
    // Let a pending Ctrl-C through: rules run synchronously inside.
    await new Promise((resolve) => setImmediate(resolve));
    if (interrupt.signal.aborted) break;
    const outcome = await runRule(rule, logs, { from, to }, interrupt.signal, limits);
    outcomes.push(outcome);
    if (outcome.findings.length > 0) {
      progress.finish();
      writer.write(outcome);
    }
    progress.update({ rulesDone: outcomes.length });
  }
  writer.end();
  progress.finish();
  if (values.output) await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));

  if (!quiet) {
    writeSummary(err, {
      logs,
      outcomes,
      ruleErrors: ruleErrors.flatMap((r) => (r.ok ? [] : r.diagnostics.map(formatDiagnostic))),
      problems,
      elapsedMs: performance.now() - started,
    });
  }
  process.off('SIGINT', onSigint);
  if (interrupt.signal.aborted) {
    err.write(`kqlhunt hunt: interrupted: ${outcomes.length} of ${rules.length} rules ran\n`);
    return EXIT_INTERRUPTED;
  }
  return outcomes.some((o) => o.findings.length > 0) ? EXIT_FINDINGS : EXIT_NONE;
}

/** The same rule given twice (built-in and a --rules folder) runs once. */
function dedupe(rules: SentinelRule[]): SentinelRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = r.id ?? r.file;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
