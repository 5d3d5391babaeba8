/** Where the files that ship with kqlhunt are, relative to this module (dist/src/cli/). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/** The rules that always ship; the seed rule first. */
export function builtinRulesDir(): string {
  return join(root, 'rules', 'builtin');
}

/** The demo log kqlhunt generates itself (scripts/demo), hunted when no logs are given. */
export function demoLogsDir(): string {
  return join(root, 'demo', 'Security.evtx');
}
