/**
 * Output columns as the binder named them: `count()` → `count_`, `make_set(X)` → `set_X`,
 * `2 + 3` → `Column1`, a clash → `Computer1`.
 *
 * The binder records, for each column it creates, the expression that computes it; we find each
 * written expression's column that way. Where it recorded none (the column passes through
 * unchanged, or a later item replaced it), the written name or Kusto's default name is used.
 */
import type { NamedExpr, ResultSchema } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { nameText } from '../names.js';
import { listByRole, nodeByRole, walkNodes, type SemanticType, type SyntaxNode } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { unsupportedScalar } from './scalars.js';
import { spreadCall, spreadsInto, tupleColumns } from './spread.js';

/** The binder's view of a tabular node's output; null where it has none. */
export function resultSchemaOf(node: SyntaxNode): ResultSchema | null {
  const type = node.semantic?.type;
  if (type === null || type === undefined || type.kind !== 'table') return null;
  return schemaFromType(type);
}

export function schemaFromType(type: SemanticType & { kind: 'table' }): ResultSchema | null {
  const columns: ColumnSchema[] = [];
  for (const c of type.columns) {
    if (c.type === null) {
      // In an open schema (after bag_unpack, pivot) a column the query names but the binder
      // cannot type is data-dependent: it is left to the engine. Elsewhere it follows an error,
      // and no schema is better than a wrong one.
      if (type.open) continue;
      return null;
    }
    columns.push({ name: c.name, type: c.type });
  }
  return type.open ? { kind: 'open', columns } : { kind: 'known', columns };
}

/** Column names of the operator's output, keyed by the id of the expression computing each. */
function namesBySource(operator: SyntaxNode): Map<number, string> {
  const out = new Map<number, string>();
  const type = operator.semantic?.type;
  if (type?.kind !== 'table') return out;
  for (const c of type.columns) {
    if (c.sourceId !== null && !out.has(c.sourceId)) out.set(c.sourceId, c.name);
  }
  return out;
}

/**
 * The items of an extend/project/summarize/... list as named expressions.
 * `operator` is the node whose result type holds the output columns.
 */
export function namedExpressions(
  items: readonly SyntaxNode[],
  operator: SyntaxNode,
  ctx: BuildContext,
  /** Names already given by this operator (summarize names its `by` list, then its aggregates). */
  used: Set<string> = new Set(),
  /** Names by item id where the binder's columns are known item by item (summarize's). */
  positional: ReadonlyMap<number, string> = new Map(),
): NamedExpr[] {
  const bySource = namesBySource(operator);
  const claimed = new Set(bySource.values());
  const type = operator.semantic?.type;
  const outputNames = new Set(type?.kind === 'table' ? type.columns.map((c) => c.name) : []);
  /**
   * A default name already given in this operator: Kusto numbers the later one (`max_x1`).
   * The numbered name must be one the binder's output has and no other expression claims.
   */
  const uniqueDefault = (name: string): string => {
    if (!used.has(name)) return name;
    for (let k = 1; k <= used.size + 1; k++) {
      const candidate = `${name}${k}`;
      if (!used.has(candidate) && !claimed.has(candidate) && outputNames.has(candidate)) return candidate;
    }
    return name;
  };
  const out: NamedExpr[] = [];
  let unnamed = 0;
  for (const item of items) {
    const span = ctx.span(item);
    if (item.kind === 'SimpleNamedExpression') {
      const value = nodeByRole(item, 'Expression');
      const written = nameText(nodeByRole(item, 'Name'));
      if (value === null) continue;
      if (spreadsInto(value, operator)) {
        // `v = series_stats(x)`: v is the first output, the others keep their default names.
        out.push(...spreadCall(item, value, written === null ? [] : [written], operator, used, ctx));
        continue;
      }
      const name = bySource.get(value.id) ?? written ?? positional.get(item.id) ?? `Column${++unnamed}`;
      used.add(name);
      out.push({ name, expr: buildExpr(value, ctx, 'scalar'), span });
      continue;
    }
    if (item.kind === 'CompoundNamedExpression') {
      // `(a, b) = f(x)`: the outputs of a multi-value call, named in order.
      const names = nodeByRole(item, 'Names');
      const declared = names === null ? [] : (nodeByRole(names, 'Names')?.children ?? []);
      const value = nodeByRole(item, 'Expression');
      const written = declared.filter((d) => !d.isToken).map((d) => nameText(d) ?? `Column${++unnamed}`);
      if (value !== null && spreadsInto(value, operator)) {
        out.push(...spreadCall(item, value, written, operator, used, ctx));
        continue;
      }
      if (value !== null && written.length === 1) {
        // `(a) = x` names a single value, as `a = x` does.
        used.add(written[0]!);
        out.push({ name: written[0]!, expr: buildExpr(value, ctx, 'scalar'), span });
        continue;
      }
      // An aggregate's several values (`summarize (a, b) = arg_max(...)`), or several names for
      // one value, which the binder reports.
      const what =
        value !== null && tupleColumns(value) !== null
          ? `(a, b) = ... in ${operator.kind.replace(/Operator$/, '').toLowerCase()}`
          : '(a, b) = ... of a single value';
      for (const name of written) {
        used.add(name);
        out.push({ name, expr: unsupportedScalar(what, item, ctx), span });
      }
      continue;
    }
    if (spreadsInto(item, operator)) {
      // `series_stats(x)`: every output under its default name.
      out.push(...spreadCall(item, item, [], operator, used, ctx));
      continue;
    }
    const fromBinder = bySource.get(item.id);
    const passThrough =
      item.kind === 'NameReference' && item.semantic?.symbol?.kind === 'column' ? nameText(item) : null;
    const name =
      fromBinder ??
      passThrough ??
      positional.get(item.id) ??
      uniqueDefault(item.semantic?.resultName ?? `Column${++unnamed}`);
    used.add(name);
    out.push({ name, expr: buildExpr(item, ctx, 'scalar'), span });
  }
  return out;
}

/** Aggregates whose output columns are one per argument after the first `skip` ones. */
const OUTPUTS_AFTER: Readonly<Record<string, number>> = {
  percentiles: 1,
  percentilesw: 2,
};

/** Aggregates with one output column per argument (`arg_max(by, a, b)`, `take_any(a, b)`). */
const OUTPUT_PER_ARGUMENT = new Set(['arg_max', 'arg_min', 'take_any', 'any']);

/** How many output columns an item gives, or null when only the data can tell (a `*`). */
function outputCount(item: SyntaxNode): number | null {
  const value = item.kind === 'SimpleNamedExpression' ? nodeByRole(item, 'Expression') : item;
  if (value === null) return 1;
  let star = false;
  walkNodes(value, (n) => {
    if (n.kind === 'StarExpression') star = true;
  });
  if (star) return null;
  if (value.kind !== 'FunctionCallExpression' || value.semantic?.symbol?.kind !== 'aggregate') return 1;
  const fn = (nameText(nodeByRole(value, 'Name')) ?? '').toLowerCase();
  const argList = nodeByRole(value, 'ArgumentList');
  const args = argList === null ? 0 : listByRole(argList, 'Expressions').length;
  const skip = OUTPUTS_AFTER[fn];
  if (skip !== undefined) return Math.max(1, args - skip);
  return OUTPUT_PER_ARGUMENT.has(fn) ? Math.max(1, args) : 1;
}

/**
 * The binder's name of each item's first column when the operator's output is exactly its items'
 * columns in order (summarize: `by` items, then aggregates). The binder does not always record an
 * item as its column's source (`take_any(x)` gives `x`, sourced at the input's `x`), so the
 * columns are matched by position; a `*` stops the matching (its width depends on the input).
 */
export function positionalNames(items: readonly SyntaxNode[], operator: SyntaxNode): Map<number, string> {
  const out = new Map<number, string>();
  const type = operator.semantic?.type;
  if (type?.kind !== 'table') return out;
  let cursor = 0;
  for (const item of items) {
    const count = outputCount(item);
    const column = type.columns[cursor];
    if (count === null || column === undefined) break;
    out.set(item.id, column.name);
    cursor += count;
  }
  if (cursor !== type.columns.length && items.every((i) => outputCount(i) !== null)) {
    // The counts did not explain the binder's columns: trust none of the positions.
    out.clear();
  }
  return out;
}
