/**
 * A Sentinel rule as kqlhunt uses it: the metadata of a hunting query or analytic rule YAML
 * (or a bare `.kql` file) and its query, with the query's place in the file.
 */
import type { SourceText } from '../frontend/source.js';
import type { Diagnostic } from '../frontend/diagnostics.js';

export interface DataConnector {
  readonly connectorId: string;
  readonly dataTypes: readonly string[];
}

export interface EntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly { readonly identifier: string; readonly columnName: string }[];
}

/** A tag is a word (`Solorigate`) or a small map (`Schema: ASIMProcessEvent`). */
export type RuleTag = string | Readonly<Record<string, string>>;

export interface SentinelRule {
  /** The file the rule came from, as given. */
  readonly file: string;
  readonly format: 'yaml' | 'kql';
  readonly id: string | null;
  /** The rule's name; a `.kql` file's name is its file name. */
  readonly name: string;
  readonly description: string | null;
  readonly severity: string | null;
  /** `Scheduled`, `NRT` for analytic rules; absent for most hunting queries. */
  readonly kind: string | null;
  readonly version: string | null;
  readonly status: string | null;
  readonly tactics: readonly string[];
  readonly relevantTechniques: readonly string[];
  readonly requiredDataConnectors: readonly DataConnector[];
  readonly queryFrequency: string | null;
  readonly queryPeriod: string | null;
  readonly triggerOperator: string | null;
  readonly triggerThreshold: number | null;
  readonly entityMappings: readonly EntityMapping[];
  readonly tags: readonly RuleTag[];
  /** The query text, exactly as the YAML value (block scalar indentation removed). */
  readonly query: string;
  /** The query as a source embedded in the file: diagnostics point at the file's lines. */
  readonly querySource: SourceText;
}

export type RuleLoadResult =
  | { readonly ok: true; readonly file: string; readonly rule: SentinelRule }
  | { readonly ok: false; readonly file: string; readonly diagnostics: readonly Diagnostic[] };

/**
 * How a rule's severity is shown: Sentinel hunting queries have none, so they show as
 * `hunting`; an analytic rule without one shows `no severity`.
 */
export function severityLabel(rule: Pick<SentinelRule, 'severity' | 'kind'>): string {
  return rule.severity ?? (rule.kind ? 'no severity' : 'hunting');
}
