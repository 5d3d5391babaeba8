/**
 * Rule selection for `hunt`, `rules list` and `coverage`: `--rule <id | name glob>`, `--tactic`,
 * `--technique` (a parent technique selects its sub-techniques), `--severity`. Filters of one
 * kind are alternatives; filters of different kinds must all hold.
 */
import type { SentinelRule } from '../rules/index.js';
import { normalizeTactic } from '../knowledge/attack.js';

export interface RuleFilter {
  readonly rules: readonly string[];
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
  readonly severities: readonly string[];
}

export const noRuleFilter: RuleFilter = { rules: [], tactics: [], techniques: [], severities: [] };

export function selectRules(rules: readonly SentinelRule[], f: RuleFilter): SentinelRule[] {
  const names = f.rules.map(globToRegExp);
  const tactics = f.tactics.map(normalizeTactic);
  const techniques = f.techniques.map((t) => t.toUpperCase());
  const severities = f.severities.map((s) => s.toLowerCase());
  return rules.filter(
    (r) =>
      (names.length === 0 ||
        f.rules.some((id) => r.id !== null && r.id.toLowerCase() === id.toLowerCase()) ||
        names.some((re) => re.test(r.name))) &&
      (tactics.length === 0 || r.tactics.some((t) => tactics.includes(normalizeTactic(t)))) &&
      (techniques.length === 0 ||
        r.relevantTechniques.some((t) =>
          techniques.some((want) => t.toUpperCase() === want || t.toUpperCase().startsWith(want + '.')),
        )) &&
      (severities.length === 0 || (r.severity !== null && severities.includes(r.severity.toLowerCase()))),
  );
}

/** `*Identity*` → /^.*Identity.*$/i; a pattern with no wildcard matches as a substring. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(/[*?]/.test(glob) ? `^${body}$` : body, 'i');
}
