/**
 * `kqlhunt query '<KQL>' [logs...]`: ad-hoc KQL over the same tables a hunt builds, in the same
 * output formats. Errors point at the query's line and column with a caret.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { compileQuery, formatDiagnostic } from '../frontend/index.js';
import { executeQuery, KqlRuntimeError } from '../engine/index.js';
import { loadLogs } from '../hunt/load-logs.js';
import { formatResult, outputFormats, type OutputFormat } from './output/result-writer.js';
import { ProgressBar } from './progress.js';
import { demoLogsDir } from './paths.js';
import { limitOptions, parseLimits } from './limits.js';
import { formatDatetimeForJson, parseDatetime } from '../engine/values/datetime.js';
import { UNIX_EPOCH_TICKS } from '../types/scalar.js';

export async function queryCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      timezone: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      now: { type: 'string' },
      ...limitOptions,
    },
  });
  const err = process.stderr;
  const [query, ...paths] = positionals;
  if (query === undefined) {
    err.write(`usage: kqlhunt query '<KQL>' [logs...]\n`);
    return 2;
  }
  const format = (values.format ??
    (values.output || !process.stdout.isTTY ? 'jsonl' : 'table')) as OutputFormat;
  if (!outputFormats.includes(format)) {
    err.write(`kqlhunt query: unknown --format '${format}' (${outputFormats.join(', ')})\n`);
    return 2;
  }
  const limits = parseLimits(values);
  if (typeof limits === 'string') {
    err.write(`kqlhunt query: ${limits}\n`);
    return 2;
  }
  const progress = new ProgressBar(err, !values.quiet && err.isTTY === true);
  const problems: string[] = [];
  const logs = await loadLogs(paths.length > 0 ? paths : [demoLogsDir()], {
    onProblem: (m) => problems.push(m),
    onProgress: (p) => progress.update({ ...p, phase: 'reading' }),
  });
  progress.finish();
  if (!values.quiet) for (const p of problems) err.write(`kqlhunt: ${p}\n`);

  let newest: bigint | null = null;
  for (const s of logs.stats.values())
    if (s.newest !== null && (newest === null || s.newest > newest)) newest = s.newest;
  const now = values.now ? parseDatetime(values.now) : newest;
  const compiled = compileQuery(query, {
    sourceName: '<query>',
    tables: logs.extraSchemas,
    placeholders: {
      StartTimeISO: formatDatetimeForJson(UNIX_EPOCH_TICKS),
      EndTimeISO: formatDatetimeForJson(now ?? UNIX_EPOCH_TICKS),
    },
  });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || compiled.plan === null) {
    for (const d of errors) {
      err.write(formatDiagnostic(d) + '\n');
      err.write(compiled.source.excerpt(d.span.start, d.span.end) + '\n');
    }
    return 2;
  }
  try {
    const result = await executeQuery(compiled.plan, { tables: logs.tables, now: now ?? undefined, limits });
    const text = formatResult(result, format, {
      timeZone: values.timezone,
      width: process.stdout.columns ?? 120,
    });
    if (values.output) {
      const out = createWriteStream(values.output);
      await new Promise<void>((resolve, reject) => out.end(text, () => resolve()).on('error', reject));
    } else {
      process.stdout.write(text);
    }
    return result.rows.length > 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof KqlRuntimeError)) throw e;
    const at = e.span ? compiled.source.location(e.span.start) : null;
    err.write(`${at ? `${at.file}:${at.line}:${at.column}  ` : ''}${e.code}  ${e.message}\n`);
    if (e.span) err.write(compiled.source.excerpt(e.span.start, e.span.end) + '\n');
    return 2;
  }
}
