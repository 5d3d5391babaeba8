/**
 * `kqlhunt check <rule.yaml | folder | file.kql>...`: parses and binds each rule's query against
 * kqlhunt's tables, and prints one line per rule that passes or one line per error:
 *
 *   ok  rules/builtin/UsersOpenReadDeviceIdentityKey.yaml  Users Opening and Reading ...
 *   rules/x.yaml:14:5  KQH003  The name 'Nope' does not refer to any known column, ... [KS142]
 *   1 passed, 1 failed
 *
 * Sentinel placeholders are filled from a one-day window ending now: check only needs them to be
 * valid times.
 */
import { compileQuery, formatDiagnostic, huntWindowPlaceholders } from '../frontend/index.js';
import { loadRules } from '../rules/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function checkCommand(paths: string[], out: NodeJS.WritableStream): Promise<number> {
  const results = await loadRules(paths);
  if (results.length === 0) {
    out.write(`no rule files (.yaml, .yml, .kql) found in ${paths.join(', ') || '(no paths given)'}\n`);
    return 1;
  }
  const end = new Date();
  const placeholders = huntWindowPlaceholders({ start: new Date(end.getTime() - DAY_MS), end });
  let passed = 0;
  let failed = 0;
  for (const result of results) {
    if (!result.ok) {
      failed++;
      for (const d of result.diagnostics) out.write(formatDiagnostic(d) + '\n');
      continue;
    }
    const { rule } = result;
    const compiled = compileQuery(rule.query, { source: rule.querySource, placeholders });
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) {
      passed++;
      out.write(`ok  ${rule.file}  ${rule.name}\n`);
    } else {
      failed++;
      for (const d of errors) out.write(formatDiagnostic(d) + '\n');
    }
  }
  out.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
