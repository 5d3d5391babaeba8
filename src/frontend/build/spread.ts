/**
 * Multi-value calls spread into columns (extend-operator.md, project-operator.md,
 * series-fit-2lines-function.md): `extend (a, b) = series_fit_line(y)`, `project series_stats(x)`,
 * `extend v = series_stats(x)`. Each output becomes a NamedExpr whose expression is a CallOutput
 * of one Call object shared by all of them, so the engine evaluates the call once per row.
 *
 * Names follow Kusto.Language's binder, the authority on names: written names go to the first
 * outputs in order; every other output gets its default name, the tuple column name the binder
 * computes (`series_stats_x_min`: function, argument's name, output), numbered when the operator
 * already has a column of that name (`series_stats_x_min1`). `extend` and `serialize` start from
 * their input's columns, so a default name that clashes with an input column is numbered too,
 * while a written name replaces the input column as any extend name does. `print` keeps only the
 * named outputs when names are written. (The series-fit-2lines page says `extend` keeps only the
 * named outputs; the binder, whose output schema every later operator is bound against, keeps
 * them all, and so do we.)
 */
import type { Expr, NamedExpr } from '../../plan/plan.js';
import type { SemanticColumn, SyntaxNode } from '../syntax.js';
import { nodeByRole } from '../syntax.js';
import type { BuildContext } from './context.js';
import { buildExpr } from './expressions.js';
import { unsupportedScalar } from './scalars.js';

/** The outputs of a multi-value call node, as the binder typed and named them; null for others. */
export function tupleColumns(node: SyntaxNode): readonly SemanticColumn[] | null {
  const type = node.semantic?.type;
  return type?.kind === 'tuple' ? type.columns : null;
}

/**
 * Whether `value`, an item of `operator`, is a scalar multi-value call to spread into columns.
 * Aggregates with several outputs (`arg_max`, `percentiles`) are tuples to the binder too, but
 * summarize names and computes them itself.
 */
export function spreadsInto(value: SyntaxNode, operator: SyntaxNode): boolean {
  return (
    tupleColumns(value) !== null &&
    value.semantic?.symbol?.kind === 'function' &&
    SPREADING_OPERATORS[operator.kind] !== undefined
  );
}

/**
 * Operators whose items may spread a multi-value call, and which columns their output starts
 * from before the items are added (what a default name must not clash with).
 */
const SPREADING_OPERATORS: Readonly<Record<string, 'input' | 'nothing'>> = {
  ExtendOperator: 'input',
  SerializeOperator: 'input',
  ProjectOperator: 'nothing',
  PrintOperator: 'nothing',
};

/** The column names of the operator's input: the tabular expression before its `|`. */
function inputColumnNames(operator: SyntaxNode, ctx: BuildContext): readonly string[] {
  const pipe = ctx.parent(operator);
  if (pipe === undefined || pipe.kind !== 'PipeExpression') return [];
  const type = nodeByRole(pipe, 'Expression')?.semantic?.type;
  return type?.kind === 'table' ? type.columns.map((c) => c.name) : [];
}

/** `base`, else `base1`, `base2`...: the first name not taken, as the binder numbers a clash. */
function numbered(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 1; ; k++) if (!taken.has(`${base}${k}`)) return `${base}${k}`;
}

/**
 * The columns of one list item whose value is a multi-value call (`value`, typed as a tuple),
 * with the names written for it (`(a, b) =` or `v =`; none for a bare call).
 * `used` holds the names the operator's earlier items gave, and receives these.
 */
export function spreadCall(
  item: SyntaxNode,
  value: SyntaxNode,
  written: readonly string[],
  operator: SyntaxNode,
  used: Set<string>,
  ctx: BuildContext,
): NamedExpr[] {
  const outputs = tupleColumns(value) ?? [];
  const span = ctx.span(item);
  const call = buildExpr(value, ctx, 'scalar');
  if (call.kind !== 'call') {
    const name = written[0] ?? outputs[0]?.name ?? 'Column1';
    used.add(name);
    return [{ name, expr: unsupportedScalar(`a multi-value ${value.kind}`, value, ctx), span }];
  }
  const taken = new Set(used);
  if (SPREADING_OPERATORS[operator.kind] === 'input')
    for (const n of inputColumnNames(operator, ctx)) taken.add(n);
  const count = operator.kind === 'PrintOperator' && written.length > 0 ? written.length : outputs.length;
  const out: NamedExpr[] = [];
  for (let index = 0; index < Math.max(count, written.length); index++) {
    const output = outputs[index];
    const writtenName = written[index];
    if (output === undefined) {
      // More names than values: the binder reports it; the name has nothing to hold.
      const name = writtenName ?? `Column${index + 1}`;
      out.push({ name, expr: unsupportedScalar(`name '${name}' without a value`, item, ctx), span });
      used.add(name);
      continue;
    }
    const name = writtenName ?? numbered(output.name, taken);
    taken.add(name);
    used.add(name);
    const expr: Expr = { kind: 'callOutput', call, index, type: output.type, span: call.span };
    out.push({ name, expr, span });
  }
  return out;
}
