/**
 * `kqlhunt rules list [--rules path]... [filters]` and `kqlhunt rules show <id | name>`: the rules
 * kqlhunt would run, and one rule laid out as a hunter reads it: hypothesis, query, definition,
 * data sources, ATT&CK context, references.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadRules, severityLabel, type SentinelRule } from '../rules/index.js';
import { compileQuery, formatDiagnostic } from '../frontend/index.js';
import { attackTactic, technique, attackAttribution } from '../knowledge/attack.js';
import { auditSubcategory } from '../knowledge/audit-policy.js';
import { ruleRequirements } from '../hunt/requirements.js';
import { selectRules } from '../hunt/rule-filter.js';
import { builtinRulesDir } from './paths.js';
import { renderTextTable } from './output/text-table.js';

export async function rulesCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      rules: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      tactic: { type: 'string', multiple: true },
      technique: { type: 'string', multiple: true },
      severity: { type: 'string', multiple: true },
    },
  });
  const loaded = await loadRules([builtinRulesDir(), ...(values.rules ?? [])]);
  for (const r of loaded)
    if (!r.ok) for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
  const all = loaded.flatMap((r) => (r.ok ? [r.rule] : []));
  const out = process.stdout;
  if (sub === 'list') {
    const rules = selectRules(all, {
      rules: values.rule ?? [],
      tactics: values.tactic ?? [],
      techniques: values.technique ?? [],
      severities: values.severity ?? [],
    });
    out.write(
      renderTextTable(
        ['Id', 'Name', 'Severity', 'Tactics', 'Techniques'],
        rules.map((r) => [
          r.id ?? r.file,
          r.name.trim(),
          r.severity ?? '',
          r.tactics.join(', '),
          r.relevantTechniques.join(', '),
        ]),
        out.columns ?? 160,
      ),
    );
    out.write(`${rules.length} rule${rules.length === 1 ? '' : 's'}\n`);
    return 0;
  }
  if (sub === 'show') {
    const wanted = positionals[0];
    if (!wanted) {
      process.stderr.write('usage: kqlhunt rules show <id | name> [--rules path]\n');
      return 2;
    }
    const rule = selectRules(all, { rules: [wanted], tactics: [], techniques: [], severities: [] })[0];
    if (!rule) {
      process.stderr.write(`kqlhunt rules show: no rule matches '${wanted}'\n`);
      return 1;
    }
    out.write(await rulePage(rule));
    return 0;
  }
  process.stderr.write('usage: kqlhunt rules list|show ...\n');
  return 2;
}

/** One rule as a page, in the order of Sentinel's own rule pages. */
export async function rulePage(rule: SentinelRule): Promise<string> {
  const lines: string[] = [];
  const h = (title: string) => lines.push('', title, '─'.repeat(title.length));
  lines.push(rule.name.trim(), '═'.repeat(rule.name.trim().length));
  lines.push(
    [severityLabel(rule), rule.kind ? `analytic rule (${rule.kind})` : 'hunting query', rule.id ?? '']
      .filter(Boolean)
      .join(' · '),
  );
  h('Hunt hypothesis');
  lines.push((rule.description ?? '(no description)').trim().replace(/^'|'$/g, ''));
  h('KQL query');
  lines.push(rule.query.trimEnd());
  h('Rule definition');
  lines.push((await readFile(rule.file, 'utf8')).trimEnd());
  h('Required data sources');
  const compiled = compileQuery(rule.query, {
    source: rule.querySource,
    placeholders: {
      StartTimeISO: '2000-01-01T00:00:00Z',
      EndTimeISO: '2000-01-02T00:00:00Z',
    },
  });
  const needs = compiled.plan ? ruleRequirements(compiled.plan) : { tables: [], eventIds: [] };
  for (const c of rule.requiredDataConnectors)
    lines.push(`- connector ${c.connectorId}: ${c.dataTypes.join(', ')}`);
  for (const t of needs.tables) lines.push(`- table ${t}`);
  for (const id of needs.eventIds) {
    const sub = auditSubcategory(id);
    lines.push(
      `- EventID ${id}${sub === 'always' ? ' (always logged)' : sub ? ` (audit policy: ${sub})` : ''}`,
    );
  }
  h('MITRE ATT&CK context');
  for (const t of rule.tactics) lines.push(`- tactic ${t}${attackTactic(t) ? ` (${attackTactic(t)})` : ''}`);
  for (const id of rule.relevantTechniques) {
    const info = technique(id);
    lines.push(`- ${id}${info ? ` ${info.name} (${info.tactics.join(', ')})` : ''}`);
  }
  lines.push(`  ${attackAttribution}`);
  h('References');
  const urls = [...new Set((rule.description ?? '').match(/https?:\/\/[^\s'")]+/g) ?? [])];
  for (const u of urls) lines.push(`- ${u}`);
  lines.push(`- ${rule.file}`);
  return lines.join('\n') + '\n';
}
