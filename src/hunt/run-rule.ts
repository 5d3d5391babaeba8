/**
 * Runs one Sentinel rule over loaded tables and says what happened: findings, nothing, or why it
 * did not run (missing table, unsupported KQL, an error at a position, no events it needs).
 * One rule's failure is its own status; it never ends the hunt.
 */
import { compileQuery, formatDiagnostic, DiagnosticCode, type Diagnostic } from '../frontend/index.js';
import { errorCodes, executeQuery, KqlRuntimeError, type EngineLimits, type Table } from '../engine/index.js';
import type { SentinelRule } from '../rules/index.js';
import type { ColumnSchema, ScalarValue, TableSchema } from '../types/scalar.js';
import { parseTimespan } from '../engine/values/timespan.js';
import { formatDatetimeForJson, MAX_DATETIME_TICKS } from '../engine/values/datetime.js';
import { UNIX_EPOCH_TICKS } from '../types/scalar.js';
import { entitiesOf, type Entity } from './entities.js';
import { ruleRequirements } from './requirements.js';
import { tableInWindow, type TableStats } from './table-stats.js';
import { fires, parseTriggerOperator } from './trigger.js';

export interface HuntTables {
  readonly tables: ReadonlyMap<string, Table>;
  readonly stats: ReadonlyMap<string, TableStats>;
  /** Schemas of tables loaded from exports beyond the built-in ones. */
  readonly extraSchemas: readonly TableSchema[];
}

/** The hunt window in 100-ns ticks; null bounds are open. */
export interface HuntWindow {
  readonly from: bigint | null;
  readonly to: bigint | null;
}

export type RuleStatus =
  | { readonly kind: 'findings'; readonly count: number }
  | { readonly kind: 'no-findings' }
  | { readonly kind: 'below-threshold'; readonly rows: number; readonly trigger: string }
  | { readonly kind: 'missing-table'; readonly tables: readonly string[] }
  | { readonly kind: 'no-events'; readonly tables: readonly string[]; readonly eventIds: readonly number[] }
  | { readonly kind: 'unsupported'; readonly what: readonly string[]; readonly where: string }
  | { readonly kind: 'error'; readonly message: string; readonly where: string };

export interface Finding {
  readonly rule: SentinelRule;
  readonly columns: readonly ColumnSchema[];
  readonly row: readonly ScalarValue[];
  readonly entities: readonly Entity[];
}

export interface RuleOutcome {
  readonly rule: SentinelRule;
  readonly status: RuleStatus;
  readonly findings: readonly Finding[];
  readonly elapsedMs: number;
  /** Engine warnings (e.g. a column the data never produced, reached by no row), with positions. */
  readonly warnings: readonly string[];
}

/** Statuses under which a rule did not run at all. */
export function didNotRun(status: RuleStatus): boolean {
  return status.kind !== 'findings' && status.kind !== 'no-findings' && status.kind !== 'below-threshold';
}

export async function runRule(
  rule: SentinelRule,
  data: HuntTables,
  window: HuntWindow,
  signal?: AbortSignal,
  limits: Partial<EngineLimits> = {},
): Promise<RuleOutcome> {
  const started = performance.now();
  const warnings: string[] = [];
  const done = (status: RuleStatus, findings: Finding[] = []): RuleOutcome => ({
    rule,
    status,
    findings,
    elapsedMs: performance.now() - started,
    warnings,
  });

  const end = window.to ?? newestEvent(data);
  const start = ruleStart(rule, window, end);
  const compiled = compileQuery(rule.query, {
    source: rule.querySource,
    tables: data.extraSchemas,
    placeholders: placeholderValues(start, end),
  });
  const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
  const missing = [...new Set(errors.filter((d) => d.code === DiagnosticCode.unknownTable).map(tableNameOf))];
  if (missing.length > 0) return done({ kind: 'missing-table', tables: missing });
  if (errors.length > 0 || compiled.plan === null) {
    const first = errors[0];
    return done({
      kind: 'error',
      message: first ? first.message : 'the query could not be planned',
      where: first ? formatDiagnostic(first).split('  ')[0]! : rule.file,
    });
  }
  if (compiled.unsupported.length > 0) {
    const first = compiled.unsupported[0]!;
    return done({
      kind: 'unsupported',
      what: [...new Set(compiled.unsupported.map((u) => u.what))],
      where: describeSpan(rule, first.span.start),
    });
  }

  const needs = ruleRequirements(compiled.plan);
  const tables = new Map<string, Table>();
  for (const [name, table] of data.tables) tables.set(name, tableInWindow(table, start, end));

  let rows: ScalarValue[][];
  let columns: ColumnSchema[];
  try {
    const result = await executeQuery(compiled.plan, { tables, now: end ?? undefined, signal, limits });
    rows = result.rows;
    for (const w of result.warnings ?? []) {
      warnings.push(`${w.span ? describeSpan(rule, w.span.start) : rule.file}  ${w.code}  ${w.message}`);
    }
    columns = result.columns;
  } catch (err) {
    if (err instanceof KqlRuntimeError) {
      const where = err.span ? describeSpan(rule, err.span.start) : rule.file;
      if (err.code === errorCodes.unsupported)
        return done({ kind: 'unsupported', what: [err.message], where });
      // A workspace function kqlhunt does not have (ASIM parsers such as `_Im_Dns`).
      const fn = /^Failed to resolve function named '([^']+)'/.exec(err.message);
      if (fn) return done({ kind: 'missing-table', tables: [`${fn[1]}()`] });
      // A table the binder let pass (`union isfuzzy=true` of tables none of which is loaded).
      if (err.code === errorCodes.unknownTable) {
        return done({ kind: 'missing-table', tables: [/'([^']+)'/.exec(err.message)?.[1] ?? err.message] });
      }
      // A column only the absent tables of a fuzzy union would have had (Kusto fails there too).
      const absent = [...needs.tables, ...needs.unresolvedTables].filter((t) => !data.tables.has(t));
      if (err.code === errorCodes.unresolvedName && absent.length > 0) {
        return done({ kind: 'missing-table', tables: absent });
      }
      return done({ kind: 'error', message: err.message, where });
    }
    return done({
      kind: 'error',
      message: err instanceof Error ? err.message : String(err),
      where: rule.file,
    });
  }

  if (rows.length === 0) {
    const absent = absentInputs(needs.tables, needs.eventIds, data);
    if (absent) return done(absent);
  }

  const operator = rule.triggerOperator ? parseTriggerOperator(rule.triggerOperator) : null;
  if (operator && rule.triggerThreshold !== null && !fires(rows.length, operator, rule.triggerThreshold)) {
    return done({
      kind: 'below-threshold',
      rows: rows.length,
      trigger: `${rule.triggerOperator} ${rule.triggerThreshold}`,
    });
  }
  if (rows.length === 0) return done({ kind: 'no-findings' });

  const findings = rows.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((c, i) => (record[c.name] = row[i]));
    return { rule, columns, row, entities: entitiesOf(rule.entityMappings, record) };
  });
  return done({ kind: 'findings', count: findings.length }, findings);
}

/** Why a rule that returned nothing could not have found anything: empty tables or EventIDs. */
function absentInputs(
  tables: readonly string[],
  eventIds: readonly number[],
  data: HuntTables,
): RuleStatus | null {
  const read = tables.map((t) => data.stats.get(t));
  if (tables.length > 0 && read.every((s) => !s || s.rows === 0)) {
    return { kind: 'no-events', tables, eventIds };
  }
  if (eventIds.length > 0 && !eventIds.some((id) => read.some((s) => s?.eventIds.has(id)))) {
    return { kind: 'no-events', tables, eventIds };
  }
  return null;
}

function newestEvent(data: HuntTables): bigint | null {
  let newest: bigint | null = null;
  for (const s of data.stats.values())
    if (s.newest !== null && (newest === null || s.newest > newest)) newest = s.newest;
  return newest;
}

/** A hunting query covers the window; an analytic rule looks back `queryPeriod` from its end. */
function ruleStart(rule: SentinelRule, window: HuntWindow, end: bigint | null): bigint | null {
  const period = rule.queryPeriod ? parseTimespan(rule.queryPeriod) : null;
  if (period === null || end === null || !rule.kind) return window.from;
  const lookBack = end - period;
  return window.from === null || lookBack > window.from ? lookBack : window.from;
}

function placeholderValues(start: bigint | null, end: bigint | null): Record<string, string> {
  // An open start is the Unix epoch (no Windows log is older); an open end is the last datetime.
  return {
    StartTimeISO: formatDatetimeForJson(start ?? UNIX_EPOCH_TICKS),
    EndTimeISO: formatDatetimeForJson(end ?? MAX_DATETIME_TICKS),
  };
}

function tableNameOf(d: Diagnostic): string {
  return /'([^']+)'/.exec(d.message)?.[1] ?? d.message;
}

function describeSpan(rule: SentinelRule, offset: number): string {
  const loc = rule.querySource.location(offset);
  return `${loc.file}:${loc.line}:${loc.column}`;
}
