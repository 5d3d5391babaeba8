/**
 * MITRE ATT&CK look-ups for rule pages, filters and coverage: Sentinel writes tactics as
 * `CredentialAccess` or `Credential Access`, ATT&CK as `credential-access`; all are one tactic.
 */
import { tactics, techniques } from './attack.generated.js';

export { attackAttribution, attackVersion } from './attack.generated.js';

/** `Credential Access`, `CredentialAccess`, `credential-access` → `credentialaccess`. */
export function normalizeTactic(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

const tacticNames = new Map(Object.values(tactics).map((short) => [normalizeTactic(short), short]));

/** ATT&CK's short name of a tactic as Sentinel writes it, or null if ATT&CK has none such. */
export function attackTactic(sentinelName: string): string | null {
  return tacticNames.get(normalizeTactic(sentinelName)) ?? null;
}

export interface TechniqueInfo {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
}

export function technique(id: string): TechniqueInfo | null {
  const entry = techniques[id.toUpperCase()];
  return entry ? { id: id.toUpperCase(), name: entry[0], tactics: entry[1] } : null;
}
