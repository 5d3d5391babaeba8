/**
 * `kqlhunt coverage <logs...> [--rules path]...`: for each rule, whether these logs can feed it:
 * its tables must hold rows and, where it filters on EventIDs, at least one of them must be
 * present. Where events are missing it names the audit subcategory that produces them.
 */
import { parseArgs } from 'node:util';
import { loadRules } from '../rules/index.js';
import { compileQuery, formatDiagnostic } from '../frontend/index.js';
import { loadLogs } from '../hunt/load-logs.js';
import { ruleRequirements } from '../hunt/requirements.js';
import { selectRules } from '../hunt/rule-filter.js';
import { builtinRulesDir, demoLogsDir } from './paths.js';
import { renderTextTable } from './output/text-table.js';
import { eventsText } from './summary.js';

export type CoverageState = 'ready' | 'partial' | 'missing-events' | 'missing-table' | 'not-compiled';

export async function coverageCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { rules: { type: 'string', multiple: true }, rule: { type: 'string', multiple: true } },
  });
  const loaded = await loadRules([builtinRulesDir(), ...(values.rules ?? [])]);
  const rules = selectRules(
    loaded.flatMap((r) => (r.ok ? [r.rule] : [])),
    { rules: values.rule ?? [], tactics: [], techniques: [], severities: [] },
  );
  const problems: string[] = [];
  const logs = await loadLogs(positionals.length ? positionals : [demoLogsDir()], {
    onProblem: (m) => problems.push(m),
  });
  const rows: string[][] = [];
  const counts = new Map<CoverageState, number>();
  for (const rule of rules) {
    const compiled = compileQuery(rule.query, {
      source: rule.querySource,
      tables: logs.extraSchemas,
      placeholders: { StartTimeISO: '2000-01-01T00:00:00Z', EndTimeISO: '2000-01-02T00:00:00Z' },
    });
    let state: CoverageState;
    let detail: string;
    if (!compiled.plan) {
      const unknown = compiled.diagnostics.find((d) => d.code === 'KQH002');
      state = unknown ? 'missing-table' : 'not-compiled';
      detail = unknown ? unknown.message : formatDiagnostic(compiled.diagnostics[0]!);
    } else {
      const needs = ruleRequirements(compiled.plan);
      const empty = needs.tables.filter((t) => (logs.stats.get(t)?.rows ?? 0) === 0);
      const present = needs.eventIds.filter((id) =>
        needs.tables.some((t) => logs.stats.get(t)?.eventIds.has(id)),
      );
      const absent = needs.eventIds.filter((id) => !present.includes(id));
      if (empty.length === needs.tables.length && needs.tables.length > 0) {
        state = 'missing-table';
        detail = `no rows in ${empty.join(', ')}`;
      } else if (needs.eventIds.length > 0 && present.length === 0) {
        state = 'missing-events';
        detail = `needs ${eventsText(absent)}`;
      } else if (absent.length > 0 || empty.length > 0) {
        state = 'partial';
        detail = [
          absent.length ? `lacks ${eventsText(absent)}` : '',
          empty.length ? `no rows in ${empty.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
      } else {
        state = 'ready';
        detail = needs.eventIds.length
          ? `EventIDs ${needs.eventIds.join(', ')} present`
          : `${needs.tables.join(', ')} present`;
      }
    }
    counts.set(state, (counts.get(state) ?? 0) + 1);
    rows.push([state, rule.name.trim(), detail]);
  }
  const order: CoverageState[] = ['ready', 'partial', 'missing-events', 'missing-table', 'not-compiled'];
  rows.sort((a, b) => order.indexOf(a[0] as CoverageState) - order.indexOf(b[0] as CoverageState));
  process.stdout.write(renderTextTable(['Coverage', 'Rule', 'Detail'], rows, process.stdout.columns ?? 200));
  process.stdout.write(
    `${rules.length} rules: ${order
      .filter((s) => counts.get(s))
      .map((s) => `${counts.get(s)} ${s}`)
      .join(', ')}\n`,
  );
  return 0;
}
