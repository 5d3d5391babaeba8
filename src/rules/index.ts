/** Sentinel rules: loading YAML rules and `.kql` files with their queries' positions. */
export { findRuleFiles, loadRuleFile, loadRules, parseRuleKql, parseRuleYaml } from './loader.js';
export type { DataConnector, EntityMapping, RuleLoadResult, RuleTag, SentinelRule } from './types.js';
export { severityLabel } from './types.js';
