/**
 * Diagnostics of the front end and of rule loading, with stable codes so that tests, docs and
 * users can name them. Kusto's own code (`KS142`) is kept beside ours.
 */
import type { Span } from '../plan/plan.js';
import type { SourceLocation, SourceText } from './source.js';
import type { KustoDiagnostic } from './syntax.js';

export const DiagnosticCode = {
  /** The parser could not read the query. */
  syntax: 'KQH001',
  /** A table (or tabular variable or function) that is not defined. */
  unknownTable: 'KQH002',
  /** A name that is no column, variable or function in scope. */
  unknownName: 'KQH003',
  /** A function that is not defined. */
  unknownFunction: 'KQH004',
  /** Any other error of the binder: types, arguments, operator use. */
  semantic: 'KQH005',
  /** A `{{Placeholder}}` with no value. */
  placeholder: 'KQH006',
  /** Kusto.Language (or our plan builder) failed on the query. */
  internal: 'KQH007',
  /** A query with several results: only the last is kept (warning). */
  droppedResult: 'KQH008',
  /** A rule file could not be read. */
  fileRead: 'KQH100',
  /** A rule file is not valid YAML (or is refused: too many aliases, duplicate keys). */
  yamlSyntax: 'KQH101',
  /** A rule file has no `query`. */
  missingQuery: 'KQH102',
  /** A rule field has the wrong shape (e.g. `tactics` not a list). */
  ruleField: 'KQH103',
} as const;

export type DiagnosticCodeValue = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

export interface Diagnostic {
  readonly code: DiagnosticCodeValue;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** In the original query (or file) text. */
  readonly span: Span;
  /** Where the span starts, in the outermost file. */
  readonly location: SourceLocation;
  /** Kusto's diagnostic code, when this came from Kusto. */
  readonly kustoCode: string | null;
}

/** Our code for one of Kusto's diagnostics. */
export function codeForKusto(d: KustoDiagnostic): DiagnosticCodeValue {
  if (d.syntax) return DiagnosticCode.syntax;
  switch (d.code) {
    case 'KS204':
      return DiagnosticCode.unknownTable;
    case 'KS142':
      return DiagnosticCode.unknownName;
    case 'KS211':
      return DiagnosticCode.unknownFunction;
    default:
      return DiagnosticCode.semantic;
  }
}

export function makeDiagnostic(
  source: SourceText,
  code: DiagnosticCodeValue,
  message: string,
  span: Span,
  kustoCode: string | null = null,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  return { code, severity, message, span, location: source.location(span.start), kustoCode };
}

/** `file:line:col  CODE  message` (with Kusto's code in brackets when there is one). */
export function formatDiagnostic(d: Diagnostic): string {
  const kusto = d.kustoCode === null ? '' : ` [${d.kustoCode}]`;
  return `${d.location.file}:${d.location.line}:${d.location.column}  ${d.code}  ${d.message}${kusto}`;
}
