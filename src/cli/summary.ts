/**
 * The closing summary of a hunt: what was read, what was found (by rule and by severity), and
 * every rule that did not run with its reason, grouped so that a hunter sees what to fix: a
 * missing table, unsupported KQL (named), an error at a position, or events the logs lack
 * (with the audit subcategory that produces them).
 */
import { severityLabel } from '../rules/index.js';
import type { LoadedLogs } from '../hunt/load-logs.js';
import { didNotRun, type RuleOutcome } from '../hunt/run-rule.js';
import { auditSubcategory } from '../knowledge/audit-policy.js';
import { formatBytes } from './progress.js';

export interface HuntSummary {
  readonly logs: LoadedLogs;
  readonly outcomes: readonly RuleOutcome[];
  readonly ruleErrors: readonly string[];
  readonly problems: readonly string[];
  readonly elapsedMs: number;
}

export function writeSummary(out: NodeJS.WritableStream, s: HuntSummary): void {
  const w = (line = '') => out.write(line + '\n');
  const { logs, outcomes } = s;
  w();
  w('── Summary');
  w(
    `read     ${logs.files} file${logs.files === 1 ? '' : 's'}, ${logs.events.toLocaleString('en-US')} events, ` +
      `${formatBytes(logs.bytes)} in ${(s.elapsedMs / 1000).toFixed(1)} s`,
  );
  if (logs.skipped.length > 0) {
    const names = logs.skipped.slice(0, 3).map((p) => p.split(/[\\/]/).pop());
    w(
      `skipped  ${logs.skipped.length} file${logs.skipped.length === 1 ? '' : 's'} in no log format (${names.join(', ')}${logs.skipped.length > 3 ? ', ...' : ''})`,
    );
  }
  if (s.problems.length > 0) {
    w(`problems ${s.problems.length} (files or records skipped; the rest was read):`);
    for (const p of s.problems.slice(0, 20)) w(`  ${p}`);
    if (s.problems.length > 20) w(`  ... and ${s.problems.length - 20} more`);
  }

  const withFindings = outcomes.filter((o) => o.findings.length > 0);
  const total = withFindings.reduce((n, o) => n + o.findings.length, 0);
  const bySeverity = new Map<string, number>();
  for (const o of withFindings) {
    const sev = severityLabel(o.rule).toLowerCase();
    bySeverity.set(sev, (bySeverity.get(sev) ?? 0) + o.findings.length);
  }
  const sevText = [...bySeverity].map(([k, v]) => `${k} ${v}`).join(', ');
  w(
    `findings ${total}${total > 0 ? ` (${sevText}) from ${withFindings.length} rule${withFindings.length === 1 ? '' : 's'}` : ''}`,
  );
  for (const o of withFindings) {
    w(`  ${String(o.findings.length).padStart(5)}  ${o.rule.name.trim()}  [${severityLabel(o.rule)}]`);
  }

  const ran = outcomes.filter((o) => !didNotRun(o.status));
  const notRun = outcomes.filter((o) => didNotRun(o.status));
  const belowThreshold = outcomes.filter((o) => o.status.kind === 'below-threshold').length;
  w(
    `rules    ${outcomes.length + s.ruleErrors.length} selected: ${ran.length} ran` +
      (belowThreshold ? ` (${belowThreshold} below their trigger threshold)` : '') +
      `, ${notRun.length + s.ruleErrors.length} did not run`,
  );
  for (const e of s.ruleErrors) w(`  rule file error  ${e}`);

  for (const o of outcomes)
    for (const warning of o.warnings) w(`  warning          ${warning}  (${o.rule.name.trim()})`);
  const missing = new Map<string, number>();
  const noEvents = new Map<string, string[]>();
  for (const o of notRun) {
    const st = o.status;
    switch (st.kind) {
      case 'missing-table':
        for (const t of st.tables) missing.set(t, (missing.get(t) ?? 0) + 1);
        break;
      case 'no-events': {
        const key = st.eventIds.length > 0 ? eventsText(st.eventIds) : `no rows in ${st.tables.join(', ')}`;
        noEvents.set(key, [...(noEvents.get(key) ?? []), o.rule.name.trim()]);
        break;
      }
      case 'unsupported':
        w(`  unsupported      ${st.where}  ${st.what.join('; ')}  (${o.rule.name.trim()})`);
        break;
      case 'error':
        w(`  error            ${st.where}  ${st.message}  (${o.rule.name.trim()})`);
        break;
      default:
        break;
    }
  }
  if (missing.size > 0) {
    const list = [...missing].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} (${n})`);
    w(`  missing table    ${list.join(', ')}`);
  }
  for (const [events, names] of noEvents) {
    w(`  no events        ${events}: ${names.length} rule${names.length === 1 ? '' : 's'}`);
  }
}

/** `5058 (Audit Other System Events)`, for each EventID a rule needs and the logs lack. */
export function eventsText(ids: readonly number[]): string {
  const shown = ids.slice(0, 6).map((id) => {
    const sub = auditSubcategory(id);
    return sub === null || sub === 'always' ? String(id) : `${id} (${sub})`;
  });
  return shown.join(', ') + (ids.length > 6 ? `, ... (${ids.length} EventIDs)` : '');
}
