/**
 * kqlhunt's logical plan: what a KQL query asks for, as plain data.
 *
 * The front end (src/frontend) builds it from Microsoft's parser and binder; the engine
 * (src/engine) executes it. Nothing here depends on either. Every node is a plain object with a
 * string `kind` and a `span` into the ORIGINAL query text (before placeholders were filled), so
 * an error raised anywhere can point at the user's text.
 *
 * Scalar and tabular expressions share one `Expr` union because KQL nests them freely
 * (`toscalar(T | count)`, `x in (T | project y)`); the front end knows which is which from the
 * binder and builds the right kinds.
 *
 * Names: wherever an operator creates columns (extend, project, summarize, ...), the node holds the
 * output column name Kusto gives it (`count_`, `set_X`, `Column1`, `Computer1`), resolved by the
 * binder. Where the binder cannot know the output schema (after `evaluate bag_unpack` or `pivot`),
 * `schema` is `{ kind: 'open' }` and the engine resolves columns at run time.
 */
import type { ColumnSchema, ScalarType } from '../types/scalar.js';

/** Half-open character range [start, end) in the original query text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What the binder knows of a tabular node's output. */
export type ResultSchema =
  | { readonly kind: 'known'; readonly columns: readonly ColumnSchema[] }
  /** Data-dependent (bag_unpack, pivot, ...): `columns` are those known to be present. */
  | { readonly kind: 'open'; readonly columns: readonly ColumnSchema[] };

// ---------------------------------------------------------------------------------------------
// Query and statements

export interface QueryPlan {
  readonly kind: 'query';
  readonly statements: readonly Statement[];
  /** The final tabular (or scalar) expression whose result is the query's result. */
  readonly result: Expr | null;
  readonly span: Span;
}

export type Statement = LetStatement | SetStatement;

export interface LetStatement {
  readonly kind: 'let';
  readonly name: string;
  readonly value: LetValue;
  readonly span: Span;
}

export type LetValue =
  | { readonly kind: 'scalar'; readonly expr: Expr }
  | { readonly kind: 'tabular'; readonly expr: Expr }
  | { readonly kind: 'function'; readonly fn: FunctionDefinition };

export interface FunctionDefinition {
  readonly params: readonly FunctionParam[];
  /** Lets inside the body, in order. */
  readonly statements: readonly Statement[];
  readonly result: Expr;
  /** Whether the body yields a table (true) or a scalar. */
  readonly tabular: boolean;
  readonly span: Span;
}

export interface FunctionParam {
  readonly name: string;
  /** A scalar type, or a tabular parameter with its declared columns (`T:(x:int)` or `T:(*)`). */
  readonly type:
    | { readonly kind: 'scalar'; readonly type: ScalarType }
    | { readonly kind: 'tabular'; readonly columns: readonly ColumnSchema[] };
  readonly defaultValue: Expr | null;
}

/** `set name = value;` query options: kept, most have no effect offline. */
export interface SetStatement {
  readonly kind: 'set';
  readonly name: string;
  readonly value: string | null;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expr = ScalarExpr | TabularExpr;

export type ScalarExpr =
  | Literal
  | NameRef
  | StarExpr
  | Call
  | Binary
  | Unary
  | ListComparison
  | Between
  | Member
  | Index
  | CallOutput
  | ScalarUnsupported;

export type TabularExpr =
  | TableRef
  | Pipeline
  | Datatable
  | PrintSource
  | RangeSource
  | UnionSource
  | SearchSource
  | TabularCall
  | TabularUnsupported;

/**
 * A literal. `value` holds strings already unescaped, booleans, ints as number, longs as bigint
 * and reals as number. For datetime, timespan, guid and dynamic, `value` is the literal's source
 * text (`'2021-01-01'` from `datetime(2021-01-01)`, `'1d'`, the JSON of `dynamic([...])`) and the
 * engine parses it, so that only one module owns each format. `null` is a typed null (`int(null)`).
 * `typeof(long)` written as a value (extract_json's third argument) is the string `typeof(long)`,
 * with the type's canonical name.
 */
export interface Literal {
  readonly kind: 'literal';
  readonly type: ScalarType;
  readonly value: string | number | bigint | boolean | null;
  readonly span: Span;
}

export type NameResolution = 'column' | 'variable' | 'parameter' | 'unknown';

/** A bare name in scalar position: a column, a `let` scalar, a function parameter. */
export interface NameRef {
  readonly kind: 'name';
  readonly name: string;
  readonly resolvedAs: NameResolution;
  /** The binder's type where it knows it. */
  readonly type: ScalarType | null;
  readonly span: Span;
}

/** `*` as an argument: `count(*)` is not KQL, but `take_any(*)`, `pack_all()`-like forms and `has_any(*)`... */
export interface StarExpr {
  readonly kind: 'star';
  readonly span: Span;
}

/**
 * A call of a built-in scalar or aggregate function, or of a user function defined by `let`.
 * `$left.x` / `$right.x` in join conditions are not calls: see JoinCondition.
 */
export interface Call {
  readonly kind: 'call';
  /** Canonical lower-case name as written (`makeset` stays `makeset`; the engine maps aliases). */
  readonly name: string;
  readonly args: readonly Expr[];
  /** Named arguments, e.g. `bag_unpack(x, columnsConflict='replace_source')`. */
  readonly namedArgs: Readonly<Record<string, Expr>>;
  readonly target: 'builtin' | 'aggregate' | 'user';
  /** The binder's result type where it knows it. */
  readonly type: ScalarType | null;
  readonly span: Span;
}

export type BinaryOp =
  // arithmetic
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  // comparison
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | '!~'
  // logic
  | 'and'
  | 'or'
  // string predicates
  | 'has'
  | '!has'
  | 'has_cs'
  | '!has_cs'
  | 'hasprefix'
  | '!hasprefix'
  | 'hasprefix_cs'
  | '!hasprefix_cs'
  | 'hassuffix'
  | '!hassuffix'
  | 'hassuffix_cs'
  | '!hassuffix_cs'
  | 'contains'
  | '!contains'
  | 'contains_cs'
  | '!contains_cs'
  | 'startswith'
  | '!startswith'
  | 'startswith_cs'
  | '!startswith_cs'
  | 'endswith'
  | '!endswith'
  | 'endswith_cs'
  | '!endswith_cs'
  | 'matches regex';

export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly type: ScalarType | null;
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'unary';
  readonly op: '-' | '+';
  readonly operand: Expr;
  readonly span: Span;
}

export type ListOp = 'in' | '!in' | 'in~' | '!in~' | 'has_any' | 'has_all';

/**
 * `x in (a, b)`, `x !in (T | project y)`, `x has_any (list)`. Each item is a scalar (a dynamic
 * array is flattened at run time) or a tabular expression whose first column supplies values.
 */
export interface ListComparison {
  readonly kind: 'list';
  readonly op: ListOp;
  readonly left: Expr;
  readonly items: readonly Expr[];
  readonly span: Span;
}

export interface Between {
  readonly kind: 'between';
  readonly negated: boolean;
  readonly left: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly span: Span;
}

/** `a.b` on a dynamic value (or `$left.b` is never this: see JoinCondition). */
export interface Member {
  readonly kind: 'member';
  readonly target: Expr;
  readonly name: string;
  readonly span: Span;
}

/** `a['b']`, `a[0]`, `a[-1]`. */
export interface Index {
  readonly kind: 'index';
  readonly target: Expr;
  readonly index: Expr;
  readonly span: Span;
}

/**
 * One output of a call returning several values (series_stats, series_fit_line,
 * series_decompose_anomalies, ...). Such a call is valid only spread into columns: in
 * `extend (a, b) = series_fit_line(y)` or `project series_stats(x)` each output column is a
 * NamedExpr whose `expr` is a CallOutput, and the CallOutputs spread from one written call share
 * the same `call` object, so the engine evaluates it once per row. The column names are the
 * binder's (written names first, then Kusto's defaults such as `series_stats_x_min`).
 */
export interface CallOutput {
  readonly kind: 'callOutput';
  /** The multi-value call, shared (by identity) by every output spread from it. */
  readonly call: Call;
  /** Which output, 0-based, in the order the function documents them. */
  readonly index: number;
  /** The binder's type of this output where it knows it. */
  readonly type: ScalarType | null;
  readonly span: Span;
}

/** Syntax the front end recognises but kqlhunt does not implement; evaluating it is an error. */
export interface ScalarUnsupported {
  readonly kind: 'scalarUnsupported';
  readonly what: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Tabular sources

/** A table of the database (`SecurityEvent`) or a tabular `let` (`T`). */
export interface TableRef {
  readonly kind: 'table';
  readonly name: string;
  readonly resolvedAs: 'table' | 'variable' | 'parameter' | 'unknown';
  readonly schema: ResultSchema | null;
  readonly span: Span;
}

/** `source | op | op ...`: operators apply in order. */
export interface Pipeline {
  readonly kind: 'pipeline';
  readonly source: Expr;
  readonly operators: readonly Operator[];
  readonly span: Span;
}

export interface Datatable {
  readonly kind: 'datatable';
  readonly columns: readonly ColumnSchema[];
  /** Row-major literal cells: `values.length` is a multiple of `columns.length`. */
  readonly values: readonly Expr[];
  readonly span: Span;
}

export interface PrintSource {
  readonly kind: 'print';
  readonly columns: readonly NamedExpr[];
  readonly span: Span;
}

export interface RangeSource {
  readonly kind: 'range';
  readonly column: string;
  readonly from: Expr;
  readonly to: Expr;
  readonly step: Expr;
  readonly span: Span;
}

export interface UnionSource {
  readonly kind: 'union';
  readonly options: UnionOptions;
  readonly inputs: readonly Expr[];
  readonly span: Span;
}

export interface UnionOptions {
  readonly unionKind: 'inner' | 'outer';
  readonly withSource: string | null;
  readonly isFuzzy: boolean;
}

/**
 * `search [kind=...] [in (T, ...)] predicate` as a query source: the tables named (wildcards
 * allowed, as in `union`), or every table when `tables` is null, unioned (kind=outer) with a
 * first column `$table` naming each row's table, then filtered by the predicate.
 */
export interface SearchSource {
  readonly kind: 'search';
  readonly caseSensitive: boolean;
  readonly tables: readonly Expr[] | null;
  readonly predicate: SearchPredicate;
  readonly span: Span;
}

/** How a search term is matched, from the place of its `*` wildcards (search-operator.md). */
export type SearchMatch = 'has' | 'hasprefix' | 'hassuffix' | 'contains' | 'regex';

/**
 * A search predicate. `term` is a string literal tested against one column (`Col:"x"`) or every
 * column (`"x"`); `needle` is the term without its leading and trailing wildcards (for `regex`,
 * a term with a `*` inside, the whole term: `Lab*PC` means `\bLab.*PC\b`).
 * `all` is `search *`. Any other boolean expression (`Col == "x"`, `x > 1`) is `expr`,
 * evaluated as `where` would.
 */
export type SearchPredicate =
  | {
      readonly kind: 'term';
      readonly column: string | null;
      readonly match: SearchMatch;
      readonly needle: string;
      readonly span: Span;
    }
  | { readonly kind: 'all'; readonly span: Span }
  | {
      readonly kind: 'and' | 'or';
      readonly left: SearchPredicate;
      readonly right: SearchPredicate;
      readonly span: Span;
    }
  | { readonly kind: 'not'; readonly operand: SearchPredicate; readonly span: Span }
  | { readonly kind: 'expr'; readonly expr: Expr; readonly span: Span };

/** A call yielding a table: a user tabular function, `materialize(T)`, `view`... */
export interface TabularCall {
  readonly kind: 'tabularCall';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly target: 'builtin' | 'user';
  readonly span: Span;
}

export interface TabularUnsupported {
  readonly kind: 'tabularUnsupported';
  readonly what: string;
  readonly span: Span;
}

// ---------------------------------------------------------------------------------------------
// Tabular operators (what follows a `|`)

export type Operator =
  | WhereOp
  | ExtendOp
  | ProjectOp
  | ProjectAwayOp
  | ProjectKeepOp
  | ProjectRenameOp
  | ProjectReorderOp
  | ProjectByNamesOp
  | SummarizeOp
  | CountOp
  | DistinctOp
  | SortOp
  | TopOp
  | TakeOp
  | JoinOp
  | LookupOp
  | UnionOp
  | SearchOp
  | AsOp
  | SerializeOp
  | GetSchemaOp
  | ParseOp
  | ParseWhereOp
  | ParseKvOp
  | MvExpandOp
  | MvApplyOp
  | TopNestedOp
  | MakeSeriesOp
  | RenderOp
  | EvaluateOp
  | SampleOp
  | InvokeOp
  | ScanOp
  | PartitionOp
  | GraphOperator
  | UnsupportedOp;

export type OperatorKind = Operator['kind'];

interface OperatorBase {
  readonly span: Span;
  /** The binder's view of the operator's output, where it has one. */
  readonly schema: ResultSchema | null;
}

/** An output column and the expression that computes it; `name` is always resolved. */
export interface NamedExpr {
  readonly name: string;
  readonly expr: Expr;
  readonly span: Span;
}

export interface WhereOp extends OperatorBase {
  readonly kind: 'where';
  readonly predicate: Expr;
}

export interface ExtendOp extends OperatorBase {
  readonly kind: 'extend';
  readonly columns: readonly NamedExpr[];
}

export interface ProjectOp extends OperatorBase {
  readonly kind: 'project';
  readonly columns: readonly NamedExpr[];
}

/** Column-name patterns, `*` wildcards allowed. */
export interface ProjectAwayOp extends OperatorBase {
  readonly kind: 'project-away';
  readonly patterns: readonly string[];
}

export interface ProjectKeepOp extends OperatorBase {
  readonly kind: 'project-keep';
  readonly patterns: readonly string[];
}

export interface ProjectRenameOp extends OperatorBase {
  readonly kind: 'project-rename';
  readonly renames: readonly { readonly newName: string; readonly oldName: string }[];
}

export interface ProjectReorderOp extends OperatorBase {
  readonly kind: 'project-reorder';
  readonly patterns: readonly { readonly pattern: string; readonly order: 'asc' | 'desc' | null }[];
}

/**
 * `project-by-names "a", "C*", dynamic(["b"]), column_names_of(T)`: constant specifiers, each a
 * name, a `*` pattern or a dynamic array of names, evaluated by the engine; names that match no
 * column are ignored.
 */
export interface ProjectByNamesOp extends OperatorBase {
  readonly kind: 'project-by-names';
  readonly specifiers: readonly Expr[];
}

/** `aggregates` may be any scalar expression over aggregate calls (`100.0 * countif(x) / count()`). */
export interface SummarizeOp extends OperatorBase {
  readonly kind: 'summarize';
  readonly aggregates: readonly NamedExpr[];
  readonly by: readonly NamedExpr[];
}

export interface CountOp extends OperatorBase {
  readonly kind: 'count';
  readonly name: string;
}

/** `distinct *` has `columns: null`. */
export interface DistinctOp extends OperatorBase {
  readonly kind: 'distinct';
  readonly columns: readonly NamedExpr[] | null;
}

export interface SortKey {
  readonly expr: Expr;
  readonly order: 'asc' | 'desc';
  readonly nulls: 'first' | 'last';
}

export interface SortOp extends OperatorBase {
  readonly kind: 'sort';
  readonly by: readonly SortKey[];
}

export interface TopOp extends OperatorBase {
  readonly kind: 'top';
  readonly count: Expr;
  readonly by: readonly SortKey[];
}

export interface TakeOp extends OperatorBase {
  readonly kind: 'take';
  readonly count: Expr;
}

export type JoinKind =
  | 'innerunique'
  | 'inner'
  | 'leftouter'
  | 'rightouter'
  | 'fullouter'
  | 'leftanti'
  | 'rightanti'
  | 'leftsemi'
  | 'rightsemi';

/** `on X` (same name both sides) or `on $left.a == $right.b`. */
export type JoinCondition =
  | { readonly kind: 'same'; readonly name: string; readonly span: Span }
  | { readonly kind: 'equal'; readonly left: string; readonly right: string; readonly span: Span };

export interface JoinOp extends OperatorBase {
  readonly kind: 'join';
  readonly joinKind: JoinKind;
  /** True when `kind=` was not written (the default, innerunique). */
  readonly defaultKind: boolean;
  readonly right: Expr;
  readonly on: readonly JoinCondition[];
  readonly hints: Readonly<Record<string, string>>;
}

export interface LookupOp extends OperatorBase {
  readonly kind: 'lookup';
  readonly lookupKind: 'leftouter' | 'inner';
  readonly right: Expr;
  readonly on: readonly JoinCondition[];
}

export interface UnionOp extends OperatorBase {
  readonly kind: 'union';
  readonly options: UnionOptions;
  /** The tables after the piped input. */
  readonly inputs: readonly Expr[];
}

/** `T | search ...`: filters the input; the output gains a first column `$table`. */
export interface SearchOp extends OperatorBase {
  readonly kind: 'search';
  readonly caseSensitive: boolean;
  readonly predicate: SearchPredicate;
  /** For `$table`: the table the pipeline starts from, when it starts from one. */
  readonly tableName: string | null;
}

export interface AsOp extends OperatorBase {
  readonly kind: 'as';
  readonly name: string;
}

export interface SerializeOp extends OperatorBase {
  readonly kind: 'serialize';
  readonly columns: readonly NamedExpr[];
}

export interface GetSchemaOp extends OperatorBase {
  readonly kind: 'getschema';
}

/** A piece of a `parse` pattern: literal text, a capture into a column, or `*`. */
export type ParsePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'column'; readonly name: string; readonly type: ScalarType }
  | { readonly kind: 'wildcard' };

export interface ParseOp extends OperatorBase {
  readonly kind: 'parse';
  readonly parseKind: 'simple' | 'regex' | 'relaxed';
  /** Regex flags from `kind=regex flags=Ui`. */
  readonly flags: string;
  readonly source: Expr;
  readonly parts: readonly ParsePart[];
}

/** `parse-where`: `parse`, keeping only the rows whose text matched (and whose captures converted). */
export interface ParseWhereOp extends OperatorBase {
  readonly kind: 'parse-where';
  readonly parseKind: 'simple' | 'regex' | 'relaxed';
  readonly flags: string;
  readonly source: Expr;
  readonly parts: readonly ParsePart[];
}

export interface ParseKvOp extends OperatorBase {
  readonly kind: 'parse-kv';
  readonly source: Expr;
  readonly columns: readonly ColumnSchema[];
  /** `with (pair_delimiter=..., kv_delimiter=..., quote=..., escape=..., greedy=..., regex=...)` */
  readonly options: Readonly<Record<string, string | boolean>>;
}

export interface MvExpandItem {
  /** The output column: the expanded column's own name, or `name = expr`. */
  readonly name: string;
  readonly expr: Expr;
  readonly toType: ScalarType | null;
  readonly span: Span;
}

export interface MvExpandOp extends OperatorBase {
  readonly kind: 'mv-expand';
  readonly bagExpansion: 'bag' | 'array';
  readonly items: readonly MvExpandItem[];
  readonly itemIndex: string | null;
  readonly limit: Expr | null;
}

export interface MvApplyOp extends OperatorBase {
  readonly kind: 'mv-apply';
  readonly items: readonly MvExpandItem[];
  readonly itemIndex: string | null;
  readonly limit: Expr | null;
  /** Runs per input row over that row's expanded sub-table; its source is `{kind:'table', name:''}`. */
  readonly subquery: Expr;
}

export interface TopNestedLevel {
  readonly count: Expr | null;
  readonly name: string;
  readonly of: Expr;
  readonly withOthers: Expr | null;
  readonly by: NamedExpr;
  readonly order: 'asc' | 'desc';
}

export interface TopNestedOp extends OperatorBase {
  readonly kind: 'top-nested';
  readonly levels: readonly TopNestedLevel[];
}

export interface MakeSeriesOp extends OperatorBase {
  readonly kind: 'make-series';
  readonly aggregates: readonly (NamedExpr & { readonly defaultValue: Expr | null })[];
  readonly on: Expr;
  readonly from: Expr | null;
  readonly to: Expr | null;
  readonly step: Expr;
  readonly by: readonly NamedExpr[];
  /** `kind=nonempty`: an empty input still gives one row of default values (absent: false). */
  readonly nonEmpty?: boolean;
}

/** Kept as a hint for interfaces; it does not change rows. */
export interface RenderOp extends OperatorBase {
  readonly kind: 'render';
  readonly chart: string;
  readonly properties: Readonly<Record<string, string>>;
}

/** `evaluate plugin(args)`: bag_unpack, pivot, ... */
export interface EvaluateOp extends OperatorBase {
  readonly kind: 'evaluate';
  readonly plugin: string;
  readonly args: readonly Expr[];
  readonly namedArgs: Readonly<Record<string, Expr>>;
  /** `evaluate bag_unpack(x) : (a:string, b:int)` */
  readonly outputSchema: { readonly columns: readonly ColumnSchema[]; readonly rest: boolean } | null;
}

export interface SampleOp extends OperatorBase {
  readonly kind: 'sample';
  readonly count: Expr;
}

/** `invoke f(args)`: calls a tabular function with the piped table as its first argument. */
export interface InvokeOp extends OperatorBase {
  readonly kind: 'invoke';
  readonly call: TabularCall;
}

/**
 * `partition by Key (subquery)` runs the subquery over each key's rows (its source is
 * `{kind:'table', name:''}`); `partition by Key { T | ... toscalar(Key) }` runs a query with its
 * own source once per key, with `Key` bound to the key's value. The result is their union.
 */
export interface PartitionOp extends OperatorBase {
  readonly kind: 'partition';
  readonly by: Expr;
  /** The key column's name (what the `{...}` form's `toscalar(Key)` refers to). */
  readonly column: string;
  readonly subquery: Expr;
  readonly hints: Readonly<Record<string, string>>;
}

/** A column `scan` declares: `declare (total:long = 0)`. */
export interface ScanDeclaration {
  readonly name: string;
  readonly type: ScalarType;
  /** A constant; null means a typed null. */
  readonly defaultValue: Expr | null;
}

export interface ScanStep {
  readonly name: string;
  readonly output: 'all' | 'last' | 'none';
  /** May refer to a step's state as `StepName.Column` (a `member` of a `name` naming the step). */
  readonly condition: Expr;
  readonly assignments: readonly { readonly column: string; readonly expr: Expr; readonly span: Span }[];
  readonly span: Span;
}

/** `scan [with_match_id=m] [declare (...)] with (step s1: ... ; ...)` (scan-operator.md). */
export interface ScanOp extends OperatorBase {
  readonly kind: 'scan';
  readonly matchIdColumn: string | null;
  readonly declarations: readonly ScanDeclaration[];
  readonly steps: readonly ScanStep[];
}

// ---------------------------------------------------------------------------------------------
// Graph operators (make-graph-operator.md, graph-match-operator.md, graph-shortest-paths-operator.md,
// graph-mark-components-operator.md, graph-to-table-operator.md). `make-graph` turns the piped
// table into a graph; only graph operators read a graph, and graph-match, graph-shortest-paths
// and graph-to-table turn it back into a table. Pattern variables (`(n)`, `-[e]->`) are named in
// the `where` and `project` expressions as names (`n.prop` is a `member` of the name).

export type GraphOperator =
  MakeGraphOp | GraphMatchOp | GraphShortestPathsOp | GraphMarkComponentsOp | GraphToTableOp;

/** `with Nodes on NodeId`: a table of node properties and its column of node ids. */
export interface MakeGraphNodeTable {
  readonly table: Expr;
  readonly idColumn: string;
  readonly span: Span;
}

export interface MakeGraphOp extends OperatorBase {
  readonly kind: 'make-graph';
  /** The edge table's columns holding each edge's source and target node ids. */
  readonly sourceColumn: string;
  readonly targetColumn: string;
  /** `with T1 on id1, T2 on id2`; empty without node tables. */
  readonly nodeTables: readonly MakeGraphNodeTable[];
  /** `with_node_id=Name`: nodes get their id as property `Name`. */
  readonly nodeIdProperty: string | null;
  /** `partitioned-by Column (graph operators)`: one graph per value of the column, each run through the operators, results unioned. */
  readonly partition: { readonly column: string; readonly operators: readonly Operator[] } | null;
}

export interface GraphPatternNode {
  /** Null for an anonymous node `()`. */
  readonly name: string | null;
  readonly span: Span;
}

export interface GraphPatternEdge {
  /** Null for an anonymous edge (`-->`, `-[*1..3]-`). */
  readonly name: string | null;
  /** `-[e]->` goes right (edge source on the left), `<-[e]-` left, `-[e]-` either way. */
  readonly direction: 'right' | 'left' | 'any';
  /** `*min..max` of a variable length edge (constant integers); null for a single edge. */
  readonly range: { readonly min: Expr; readonly max: Expr } | null;
  readonly span: Span;
}

/** One comma-separated sequence of a pattern: `nodes[i]` and `nodes[i + 1]` joined by `edges[i]`. */
export interface GraphPatternPath {
  readonly nodes: readonly GraphPatternNode[];
  readonly edges: readonly GraphPatternEdge[];
  readonly span: Span;
}

export interface GraphMatchOp extends OperatorBase {
  readonly kind: 'graph-match';
  /** `cycles=`: `unique_edges` (the default), `none` or `all`. */
  readonly cycles: 'unique_edges' | 'none' | 'all';
  readonly patterns: readonly GraphPatternPath[];
  readonly where: Expr | null;
  readonly project: readonly NamedExpr[];
}

export interface GraphShortestPathsOp extends OperatorBase {
  readonly kind: 'graph-shortest-paths';
  /** `output=`: `any` (the default) keeps one shortest path per source and target, `all` every one. */
  readonly output: 'any' | 'all';
  readonly patterns: readonly GraphPatternPath[];
  readonly where: Expr | null;
  readonly project: readonly NamedExpr[];
}

export interface GraphMarkComponentsOp extends OperatorBase {
  readonly kind: 'graph-mark-components';
  readonly componentKind: 'weak' | 'strong';
  /** `with_component_id=`; `ComponentId` by default. */
  readonly componentIdProperty: string;
}

export interface GraphToTableOutput {
  readonly entity: 'nodes' | 'edges';
  /** `as Name`: the table is also bound to this name. */
  readonly asName: string | null;
  /** `with_node_id=` (nodes), `with_source_id=` and `with_target_id=` (edges): columns of node hashes. */
  readonly nodeIdColumn: string | null;
  readonly sourceIdColumn: string | null;
  readonly targetIdColumn: string | null;
  readonly span: Span;
}

export interface GraphToTableOp extends OperatorBase {
  readonly kind: 'graph-to-table';
  readonly outputs: readonly GraphToTableOutput[];
}

/** An operator kqlhunt recognises but does not implement; running it is an error naming it. */
export interface UnsupportedOp extends OperatorBase {
  readonly kind: 'unsupported';
  readonly what: string;
}
