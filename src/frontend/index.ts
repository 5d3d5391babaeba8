/**
 * kqlhunt's front end: KQL text in, our plan and diagnostics out.
 *
 *   const { plan, diagnostics } = compileQuery(text, { placeholders, sourceName: 'rule.yaml' });
 *
 * Steps: fill Sentinel placeholders (keeping an offset map), parse and bind with Kusto.Language
 * against our table schemas (src/schema plus any registered at run time), turn its diagnostics
 * into ours, and build the plan from the bound tree. The first call loads Kusto.Language (a few
 * hundred milliseconds); every call is synchronous.
 */
import type { QueryPlan } from '../plan/plan.js';
import { withTables } from '../schema/index.js';
import type { TableSchema } from '../types/scalar.js';
import { isBinderDiscrepancy } from './binderDiscrepancies.js';
import { BuildContext, type Unsupported } from './build/context.js';
import { buildQuery } from './build/statements.js';
import { codeForKusto, DiagnosticCode, makeDiagnostic, type Diagnostic } from './diagnostics.js';
import { analyzeKql, KustoAdapterError, loadKusto } from './kusto.js';
import { fillPlaceholders } from './placeholders.js';
import { SourceText } from './source.js';
import type { AnalyzedQuery, KustoDiagnostic } from './syntax.js';
import {
  UNKNOWN_TABLE_CODE,
  unknownTableNames,
  unknownTableScopes,
  unresolvedTableNames,
} from './unknownTables.js';

export {
  DiagnosticCode,
  formatDiagnostic,
  type Diagnostic,
  type DiagnosticCodeValue,
} from './diagnostics.js';
export { huntWindowPlaceholders, fillPlaceholders } from './placeholders.js';
export { OffsetMap, type OffsetRun } from './offsets.js';
export { SourceText, type SourceLocation } from './source.js';
export type { Unsupported } from './build/context.js';
export { findUnsupported } from './unsupported.js';

/** Kusto's codes for a name that resolves to nothing (table, column or variable, function). */
const UNKNOWN_NAME_CODES: ReadonlySet<string> = new Set(['KS204', 'KS142', 'KS211']);

export interface CompileOptions {
  /**
   * Tables the query may use besides the built-in ones (SecurityEvent, WindowsEvent, Event);
   * one with a built-in's name replaces it.
   */
  readonly tables?: readonly TableSchema[];
  /** Values of `{{Name}}` placeholders, e.g. from huntWindowPlaceholders(). */
  readonly placeholders?: Readonly<Record<string, string>>;
  /** Name used in diagnostics when `source` is not given. */
  readonly sourceName?: string;
  /**
   * The query as a source text, when it is embedded in a file (a YAML rule): diagnostics then
   * point into the file. Its `text` must be the query text passed to compileQuery.
   */
  readonly source?: SourceText;
}

export interface CompileResult {
  /** Null when there is an error: the engine must not run a query Kusto would refuse. */
  readonly plan: QueryPlan | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly source: SourceText;
  /** Constructs the plan maps to `unsupported` nodes (also present in the plan). */
  readonly unsupported: readonly Unsupported[];
}

/** Loads Kusto.Language now rather than on the first query; returns the load time in ms. */
export function preloadFrontend(): number {
  return loadKusto().loadMs;
}

export function compileQuery(text: string, options: CompileOptions = {}): CompileResult {
  const source = options.source ?? new SourceText(options.sourceName ?? '<query>', text);
  if (source.text !== text) throw new Error('compileQuery: options.source.text differs from the query text');
  const diagnostics: Diagnostic[] = [];
  const filled = fillPlaceholders(text, options.placeholders ?? {});
  for (const p of filled.unfilled) {
    diagnostics.push(
      makeDiagnostic(source, DiagnosticCode.placeholder, `placeholder {{${p.name}}} has no value`, p.span),
    );
  }

  const tables = withTables(options.tables ?? []);
  let analyzed: AnalyzedQuery;
  let kustoDiagnostics: KustoDiagnostic[];
  try {
    analyzed = analyzeKql(filled.text, tables);
    kustoDiagnostics = [...analyzed.diagnostics];
    const unknown = [
      ...new Set([
        ...unknownTableNames(analyzed.diagnostics, filled.text),
        ...unresolvedTableNames(analyzed.root),
      ]),
    ];
    if (unknown.length > 0) {
      // Report the unknown tables, and only the errors that do not follow from them.
      const unknownTables = analyzed.diagnostics.filter((d) => d.code === UNKNOWN_TABLE_CODE);
      // The plan is built from the first analysis, where unknown tables are unresolved.
      const withOpenTables = analyzeKql(filled.text, tables, unknown);
      const scopes = unknownTableScopes(withOpenTables.root, unknown);
      const independent = withOpenTables.diagnostics.filter(
        (d) =>
          d.code !== UNKNOWN_TABLE_CODE &&
          (d.syntax || !scopes.some((s) => d.start >= s.start && d.start + d.length <= s.end)),
      );
      kustoDiagnostics = [...unknownTables, ...independent];
    }
  } catch (err) {
    if (!(err instanceof KustoAdapterError)) throw err;
    diagnostics.push(
      makeDiagnostic(source, DiagnosticCode.internal, err.message, { start: 0, end: text.length }),
    );
    return { plan: null, diagnostics, source, unsupported: [] };
  }

  // An unknown name also makes its use a type error at the same place: report the name only.
  const unknownNameSpans = new Set(
    kustoDiagnostics.filter((d) => UNKNOWN_NAME_CODES.has(d.code)).map((d) => `${d.start}:${d.length}`),
  );
  for (const d of kustoDiagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    if (isBinderDiscrepancy(d, analyzed.root)) continue;
    if (!UNKNOWN_NAME_CODES.has(d.code) && !d.syntax && unknownNameSpans.has(`${d.start}:${d.length}`))
      continue;
    const span = {
      start: filled.map.map(d.start, 'start'),
      end: filled.map.map(d.start + d.length, 'end'),
    };
    diagnostics.push(makeDiagnostic(source, codeForKusto(d), d.message, span, d.code, d.severity));
  }

  const ctx = new BuildContext(analyzed.root, filled.text, filled.map);
  let plan: QueryPlan;
  try {
    const built = buildQuery(analyzed.root, ctx);
    plan = built.plan;
    for (const dropped of built.droppedResults) {
      diagnostics.push(
        makeDiagnostic(
          source,
          DiagnosticCode.droppedResult,
          'only the last result of the query is kept; this one is ignored',
          ctx.span(dropped),
          null,
          'warning',
        ),
      );
    }
  } catch (err) {
    // A bug of ours on an input we did not foresee: report it on this query, do not crash the run.
    const message = err instanceof Error ? err.message : String(err);
    diagnostics.push(
      makeDiagnostic(source, DiagnosticCode.internal, `plan builder failed: ${message}`, {
        start: 0,
        end: text.length,
      }),
    );
    return { plan: null, diagnostics, source, unsupported: ctx.unsupported };
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start);
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { plan: failed ? null : plan, diagnostics, source, unsupported: ctx.unsupported };
}
