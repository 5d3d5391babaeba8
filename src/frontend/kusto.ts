/**
 * The adapter to Microsoft's Kusto.Language (`@kusto/language-service-next`, compiled to JS by
 * Bridge.NET). This is the ONLY module that loads the library or touches its globals (`Bridge`,
 * `Kusto`); everything it returns is plain data of our own (src/frontend/syntax.ts).
 *
 * The library is loaded lazily, once, on the first call: it is a 5 MB script that defines
 * globals, so a command that never parses a query never pays for it. Every call into it is
 * wrapped: odd input can make it throw, and that becomes a KustoAdapterError.
 *
 * The structural interfaces below describe only the members we read; the library's own .d.ts
 * (1.7 MB of global declarations) is deliberately not pulled into the project's compilation.
 */
import { createRequire } from 'node:module';
import { isScalarType, type ScalarType, type TableSchema } from '../types/scalar.js';
import type {
  AnalyzedQuery,
  KustoDiagnostic,
  Semantic,
  SemanticColumn,
  SemanticType,
  SymbolKind,
  SymbolRef,
  SyntaxElement,
} from './syntax.js';

/** Kusto.Language failed (threw) on some input, or could not be loaded. */
export class KustoAdapterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KustoAdapterError';
  }
}

// ---------------------------------------------------------------------------------------------
// The members of Kusto.Language we use.

/** Bridge hands out .NET lists either as its List objects or as plain JS arrays. */
type KList<T> = { readonly Count: number; getItem(index: number): T } | readonly T[];

function itemsOf<T>(list: KList<T> | null | undefined): readonly T[] {
  if (list === null || list === undefined) return [];
  if (Array.isArray(list)) return list;
  const l = list as { readonly Count: number; getItem(index: number): T };
  const out: T[] = [];
  for (let i = 0; i < l.Count; i++) out.push(l.getItem(i));
  return out;
}

interface KElement {
  readonly Kind: number;
  readonly IsToken: boolean;
  readonly IsMissing: boolean;
  readonly TextStart: number;
  readonly Width: number;
  readonly ChildCount: number;
  GetChild(index: number): KElement | null;
  GetName(index: number): string | null;
  readonly Text?: string | null;
  readonly ReferencedSymbol?: KSymbol | null;
  readonly ResultType?: KSymbol | null;
}

interface KSymbol {
  readonly Name: string | null;
  readonly Kind: number;
  readonly IsTabular: boolean;
  readonly Columns?: KList<KColumn> | null;
  readonly IsOpen?: boolean;
}

interface KColumn {
  readonly Name: string | null;
  readonly Type: KSymbol | null;
  readonly Source: KElement | null;
}

interface KDiagnostic {
  readonly Code: string | null;
  readonly Message: string | null;
  readonly Severity: string | null;
  readonly Start: number;
  readonly Length: number;
  readonly HasLocation: boolean;
}

interface KCode {
  readonly Syntax: KElement;
  GetDiagnostics(): KList<KDiagnostic>;
  GetSyntaxDiagnostics(): KList<KDiagnostic>;
}

interface KGlobalState {
  WithDatabase(db: unknown): KGlobalState;
  readonly Functions: KList<KSymbol>;
  readonly Aggregates: KList<KSymbol>;
  readonly PlugIns: KList<KSymbol>;
}

interface KLanguage {
  KustoCode: { ParseAndAnalyze(text: string, globals: KGlobalState): KCode };
  GlobalState: { Default: KGlobalState };
  Syntax: {
    SyntaxKind: Record<string, number | unknown>;
    Expression: unknown;
  };
  Symbols: {
    SymbolKind: Record<string, number | unknown>;
    ScalarTypes: Record<string, unknown>;
    ColumnSymbol: new (
      name: string,
      type: unknown,
      description: null,
      originalColumns: null,
      source: null,
      examples: null,
    ) => unknown;
    TableSymbol: { $ctor4: new (name: string, columns: unknown[]) => { WithIsOpen(open: boolean): unknown } };
    DatabaseSymbol: { ctor: new (name: string, members: unknown[]) => unknown };
  };
  Binding: { Binder: { GetExpressionResultName(expr: KElement, defaultName: string | null): string | null } };
}

interface KBridge {
  is(obj: unknown, type: unknown): boolean;
}

// ---------------------------------------------------------------------------------------------
// Loading

interface Loaded {
  readonly language: KLanguage;
  readonly bridge: KBridge;
  readonly syntaxKindNames: readonly string[];
  readonly symbolKindNames: readonly string[];
  readonly scalarSymbols: ReadonlyMap<ScalarType, unknown>;
  readonly loadMs: number;
}

let loaded: Loaded | null = null;

function enumNames(e: Record<string, number | unknown>): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(e)) {
    if (typeof value === 'number' && names[value] === undefined) names[value] = name;
  }
  return names;
}

function load(): Loaded {
  if (loaded !== null) return loaded;
  const started = performance.now();
  try {
    const require = createRequire(import.meta.url);
    // Bridge's runtime first: the library's script expects its globals.
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  } catch (err) {
    throw new KustoAdapterError(`cannot load Kusto.Language: ${describe(err)}`, { cause: err });
  }
  const g = globalThis as unknown as { Kusto?: { Language?: KLanguage }; Bridge?: KBridge };
  const language = g.Kusto?.Language;
  const bridge = g.Bridge;
  if (language === undefined || bridge === undefined) {
    throw new KustoAdapterError('Kusto.Language loaded but did not define its globals');
  }
  const st = language.Symbols.ScalarTypes;
  const scalarSymbols = new Map<ScalarType, unknown>([
    ['bool', st.Bool],
    ['int', st.Int],
    ['long', st.Long],
    ['real', st.Real],
    ['decimal', st.Decimal],
    ['string', st.String],
    ['datetime', st.DateTime],
    ['timespan', st.TimeSpan],
    ['guid', st.Guid],
    ['dynamic', st.Dynamic],
  ]);
  loaded = {
    language,
    bridge,
    syntaxKindNames: enumNames(language.Syntax.SyntaxKind),
    symbolKindNames: enumNames(language.Symbols.SymbolKind),
    scalarSymbols,
    loadMs: performance.now() - started,
  };
  return loaded;
}

/** Loads Kusto.Language if needed; returns how long the load took (0 when already loaded). */
export function loadKusto(): { readonly loadMs: number; readonly wasLoaded: boolean } {
  const wasLoaded = loaded !== null;
  const l = load();
  return { loadMs: wasLoaded ? 0 : l.loadMs, wasLoaded };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err !== null && typeof err === 'object' && 'message' in err) return String(err.message);
  return String(err);
}

// ---------------------------------------------------------------------------------------------
// Global state: our table schemas as one Kusto database

interface Globals {
  readonly state: KGlobalState;
  readonly builtinFunctions: ReadonlySet<KSymbol>;
  readonly aggregates: ReadonlySet<KSymbol>;
  readonly plugins: ReadonlySet<KSymbol>;
}

const globalsCache = new Map<string, Globals>();
const MAX_CACHED_GLOBALS = 16;
const tableKeys = new WeakMap<TableSchema, string>();

function tableKey(t: TableSchema): string {
  let key = tableKeys.get(t);
  if (key === undefined) {
    key = JSON.stringify([t.name, t.columns.map((c) => [c.name, c.type])]);
    tableKeys.set(t, key);
  }
  return key;
}

function toSet(list: KList<KSymbol>): Set<KSymbol> {
  return new Set(itemsOf(list));
}

function globalsFor(l: Loaded, tables: readonly TableSchema[], openTables: readonly string[]): Globals {
  const key = tables.map(tableKey).join('\n') + '\u0000' + JSON.stringify(openTables);
  const cached = globalsCache.get(key);
  if (cached !== undefined) return cached;
  const K = l.language;
  const tableSymbols: unknown[] = tables.map((t) => {
    const columns = t.columns.map(
      (c) => new K.Symbols.ColumnSymbol(c.name, l.scalarSymbols.get(c.type), null, null, null, null),
    );
    return new K.Symbols.TableSymbol.$ctor4(t.name, columns);
  });
  for (const name of openTables) {
    // A table whose columns are unknown: any column name is accepted.
    tableSymbols.push(new K.Symbols.TableSymbol.$ctor4(name, []).WithIsOpen(true));
  }
  const database = new K.Symbols.DatabaseSymbol.ctor('kqlhunt', tableSymbols);
  const state = K.GlobalState.Default.WithDatabase(database);
  const globals: Globals = {
    state,
    builtinFunctions: toSet(state.Functions),
    aggregates: toSet(state.Aggregates),
    plugins: toSet(state.PlugIns),
  };
  if (globalsCache.size >= MAX_CACHED_GLOBALS) globalsCache.clear();
  globalsCache.set(key, globals);
  return globals;
}

// ---------------------------------------------------------------------------------------------
// Analysis

/**
 * Parses and binds `text` against `tables`, returning the bound tree as plain data and Kusto's
 * diagnostics. `openTables` are tables of unknown columns (any column name binds). Throws
 * KustoAdapterError only when the library itself fails.
 */
export function analyzeKql(
  text: string,
  tables: readonly TableSchema[],
  openTables: readonly string[] = [],
): AnalyzedQuery {
  const l = load();
  try {
    const globals = globalsFor(l, tables, openTables);
    const code = l.language.KustoCode.ParseAndAnalyze(text, globals.state);
    const root = new TreeCopier(l, globals).copy(code.Syntax, '');
    if (root.isToken) throw new KustoAdapterError('Kusto returned a token as the tree root');
    return { root, diagnostics: copyDiagnostics(code) };
  } catch (err) {
    if (err instanceof KustoAdapterError) throw err;
    throw new KustoAdapterError(`Kusto.Language failed on this query: ${describe(err)}`, { cause: err });
  }
}

function severityOf(s: string | null): KustoDiagnostic['severity'] {
  switch ((s ?? '').toLowerCase()) {
    case 'warning':
      return 'warning';
    case 'suggestion':
      return 'suggestion';
    case 'information':
      return 'information';
    default:
      return 'error';
  }
}

function copyDiagnostics(code: KCode): KustoDiagnostic[] {
  const syntaxKeys = new Set<string>();
  const keyOf = (d: KDiagnostic): string => `${d.Code}\u0000${d.Start}\u0000${d.Length}\u0000${d.Message}`;
  for (const d of itemsOf(code.GetSyntaxDiagnostics())) syntaxKeys.add(keyOf(d));
  const out: KustoDiagnostic[] = [];
  for (const d of itemsOf(code.GetDiagnostics())) {
    out.push({
      code: d.Code ?? '',
      message: d.Message ?? '',
      start: d.HasLocation ? d.Start : 0,
      length: d.HasLocation ? d.Length : 0,
      severity: severityOf(d.Severity),
      syntax: syntaxKeys.has(keyOf(d)),
    });
  }
  return out;
}

/** Copies one tree; keeps the map from Kusto nodes to our ids so column sources can refer to them. */
class TreeCopier {
  private nextId = 0;
  private readonly ids = new Map<KElement, number>();
  private readonly tableCache = new Map<KSymbol, SemanticType>();

  constructor(
    private readonly l: Loaded,
    private readonly globals: Globals,
  ) {}

  copy(e: KElement, role: string, listItem = false): SyntaxElement {
    const kind = this.l.syntaxKindNames[e.Kind] ?? `Kind${e.Kind}`;
    const start = e.TextStart;
    const end = start + e.Width;
    if (e.IsToken) {
      return { isToken: true, kind, role, start, end, text: e.Text ?? '', missing: e.IsMissing };
    }
    const id = this.nextId++;
    this.ids.set(e, id);
    const children: SyntaxElement[] = [];
    for (let i = 0; i < e.ChildCount; i++) {
      const child = e.GetChild(i);
      if (child === null) continue;
      const childKind = this.l.syntaxKindNames[child.Kind];
      if (childKind === 'SeparatedElement') {
        // A list item and its separator: keep the item alone, under the list.
        const item = child.GetChild(0);
        if (item !== null) children.push(this.copy(item, '', true));
        continue;
      }
      children.push(this.copy(child, e.GetName(i) ?? ''));
    }
    // Children first: a column's source is usually below the node that declares it.
    const semantic = this.semanticOf(e, listItem);
    return { isToken: false, id, kind, role, start, end, children, semantic };
  }

  private semanticOf(e: KElement, listItem: boolean): Semantic | null {
    const symbol = e.ReferencedSymbol ? this.symbolRef(e.ReferencedSymbol) : null;
    const type = e.ResultType ? this.typeOf(e.ResultType) : null;
    const resultName = listItem ? this.defaultColumnName(e) : null;
    if (symbol === null && type === null && resultName === null) return null;
    return { type, symbol, resultName };
  }

  /** The column name Kusto gives a list item's value when none is written (`count_`). */
  private defaultColumnName(e: KElement): string | null {
    if (!this.l.bridge.is(e, this.l.language.Syntax.Expression)) return null;
    const name = this.l.language.Binding.Binder.GetExpressionResultName(e, null);
    return name === null || name === '' ? null : name;
  }

  private typeOf(t: KSymbol): SemanticType {
    const kind = this.l.symbolKindNames[t.Kind] ?? '';
    switch (kind) {
      case 'Table': {
        const cached = this.tableCache.get(t);
        if (cached !== undefined) return cached;
        const columns: SemanticColumn[] = [];
        for (const c of itemsOf(t.Columns)) {
          columns.push({
            name: c.Name ?? '',
            type: c.Type ? this.scalarOf(c.Type) : null,
            sourceId: c.Source ? (this.ids.get(c.Source) ?? null) : null,
          });
        }
        const table: SemanticType = { kind: 'table', columns, open: t.IsOpen === true };
        this.tableCache.set(t, table);
        return table;
      }
      case 'Tuple':
        return {
          kind: 'tuple',
          columns: itemsOf(t.Columns).map((c) => ({
            name: c.Name ?? '',
            type: c.Type ? this.scalarOf(c.Type) : null,
            sourceId: c.Source ? (this.ids.get(c.Source) ?? null) : null,
          })),
        };
      case 'Primitive':
      case 'Array':
      case 'Bag':
        return { kind: 'scalar', type: this.scalarOf(t), name: t.Name ?? kind.toLowerCase() };
      default:
        return { kind: 'other', name: t.Name ?? kind };
    }
  }

  private scalarOf(t: KSymbol): ScalarType | null {
    const name = t.Name ?? '';
    return isScalarType(name) ? name : null;
  }

  private symbolRef(s: KSymbol): SymbolRef {
    const kindName = this.l.symbolKindNames[s.Kind] ?? '';
    let kind: SymbolKind;
    let userDefined = false;
    switch (kindName) {
      case 'Function':
        if (this.globals.aggregates.has(s)) kind = 'aggregate';
        else if (this.globals.plugins.has(s)) kind = 'plugin';
        else {
          kind = 'function';
          userDefined = !this.globals.builtinFunctions.has(s);
        }
        break;
      case 'Column':
      case 'Table':
      case 'Variable':
      case 'Parameter':
      case 'Operator':
      case 'Option':
      case 'Tuple':
      case 'Pattern':
      case 'Database':
      case 'Error':
      case 'QueryOperatorParameter':
        kind = (kindName[0]!.toLowerCase() + kindName.slice(1)) as SymbolKind;
        break;
      case 'Primitive':
      case 'Array':
      case 'Bag':
        kind = 'type';
        break;
      default:
        kind = 'other';
    }
    let tabular = false;
    try {
      tabular = s.IsTabular === true;
    } catch {
      tabular = false;
    }
    return { kind, name: s.Name ?? '', tabular, userDefined };
  }
}
