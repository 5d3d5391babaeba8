/** project, project-away, project-keep, project-rename, project-reorder. */
import type {
  ProjectByNamesOp,
  ProjectAwayOp,
  ProjectKeepOp,
  ProjectOp,
  ProjectRenameOp,
  ProjectReorderOp,
  NamedExpr,
} from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError, unresolved } from '../errors.js';
import { patternMatcher } from '../exec/naming.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileMultiValueCall, compileScalar } from '../expr/compile.js';
import { checkCallOutput, computedExpr, groupSpreadColumns } from '../expr/multi-value.js';
import type { Batch, Vector } from '../table/index.js';
import { inputEnv, usesWindowFunction, type OpEnv } from './common.js';

export function runProject(op: ProjectOp, input: Relation, env: OpEnv): Relation {
  return projectWith(op.columns, input, env);
}

/**
 * Each output column is computed from the INPUT row (project does not chain like extend); the
 * columns spread from a multi-value call (`project series_stats(x)`) come from one evaluation.
 */
export function projectWith(columns: readonly NamedExpr[], input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const seen = new Set<string>();
  const schema: ColumnSchema[] = [];
  /** Per group, the vectors it adds to a batch, in output order. */
  const parts: ((b: Batch) => readonly Vector[])[] = [];
  const claim = (c: NamedExpr): void => {
    if (seen.has(c.name))
      throw new KqlRuntimeError(
        errorCodes.columnConflict,
        `A column named '${c.name}' is defined more than once`,
        c.span,
      );
    seen.add(c.name);
  };
  for (const group of groupSpreadColumns(columns)) {
    if (group.kind === 'single') {
      claim(group.column);
      const e = compileScalar(group.column.expr, ienv);
      schema.push({ name: group.column.name, type: e.type });
      parts.push((b) => [e.evaluate(b)]);
      continue;
    }
    for (const c of group.columns) claim(c.column);
    const multi = compileMultiValueCall(group.call, ienv);
    for (const c of group.columns)
      schema.push({ name: c.column.name, type: checkCallOutput(c.output, multi.outputs).type });
    const picked = group.columns.map((c) => c.output.index);
    parts.push((b) => {
      const all = multi.evaluate(b);
      return picked.map((index) => all[index]!);
    });
  }
  const windowed = columns.some((c) => usesWindowFunction(computedExpr(c)));
  const batches = windowed ? [singleBatch(input)] : input.batches;
  return relationOf(
    schema,
    batches.map((b): Batch => ({ length: b.length, columns: parts.flatMap((part) => part(b)) })),
    input.serialized,
  );
}

/** Keeps the columns at `positions`, in that order. */
export function selectColumns(
  input: Relation,
  positions: readonly number[],
  names?: readonly string[],
): Relation {
  const schema = positions.map((p, i) => ({
    name: names?.[i] ?? input.columns[p]!.name,
    type: input.columns[p]!.type,
  }));
  return relationOf(
    schema,
    input.batches.map((b) => ({ length: b.length, columns: positions.map((p) => b.columns[p]!) })),
    input.serialized,
  );
}

function matchingPositions(
  input: Relation,
  pattern: string,
  span: ProjectOp['span'],
  required: boolean,
): number[] {
  const match = patternMatcher(pattern);
  const out: number[] = [];
  input.columns.forEach((c, i) => {
    if (match(c.name)) out.push(i);
  });
  if (out.length === 0 && required && !pattern.includes('*')) throw unresolved(pattern, span);
  return out;
}

export function runProjectAway(op: ProjectAwayOp, input: Relation): Relation {
  const drop = new Set<number>();
  for (const p of op.patterns) for (const i of matchingPositions(input, p, op.span, true)) drop.add(i);
  return selectColumns(
    input,
    input.columns.map((_, i) => i).filter((i) => !drop.has(i)),
  );
}

export function runProjectKeep(op: ProjectKeepOp, input: Relation): Relation {
  const keep = new Set<number>();
  for (const p of op.patterns) for (const i of matchingPositions(input, p, op.span, true)) keep.add(i);
  return selectColumns(
    input,
    input.columns.map((_, i) => i).filter((i) => keep.has(i)),
  );
}

export function runProjectRename(op: ProjectRenameOp, input: Relation): Relation {
  const names = input.columns.map((c) => c.name);
  for (const r of op.renames) {
    const i = columnIndex(input.columns, r.oldName);
    if (i < 0) throw unresolved(r.oldName, op.span);
    names[i] = r.newName;
  }
  if (new Set(names).size !== names.length)
    throw new KqlRuntimeError(
      errorCodes.columnConflict,
      'project-rename: the result has two columns with the same name',
      op.span,
    );
  return selectColumns(
    input,
    input.columns.map((_, i) => i),
    names,
  );
}

/**
 * project-reorder: the named columns first, in the order given (a wildcard's matches in input
 * order, or sorted by name when `asc`/`desc` is given), then the rest in input order.
 */
export function runProjectReorder(op: ProjectReorderOp, input: Relation): Relation {
  const placed = new Set<number>();
  const order: number[] = [];
  for (const p of op.patterns) {
    let found = matchingPositions(input, p.pattern, op.span, true).filter((i) => !placed.has(i));
    if (p.order !== null) {
      const sign = p.order === 'asc' ? 1 : -1;
      found = [...found].sort((a, b) => sign * compareNames(input.columns[a]!.name, input.columns[b]!.name));
    }
    for (const i of found) {
      placed.add(i);
      order.push(i);
    }
  }
  input.columns.forEach((_, i) => {
    if (!placed.has(i)) order.push(i);
  });
  return selectColumns(input, order);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * project-by-names (project-by-names-operator.md): the columns named by each specifier, in the
 * order given (a pattern's matches in input order); a column is kept once, and names matching no
 * column are ignored. A specifier is a constant string (a name or a `*` pattern) or a dynamic array
 * of them, `column_names_of(T)` included.
 */
export function runProjectByNames(op: ProjectByNamesOp, input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const placed = new Set<number>();
  const order: number[] = [];
  const place = (pattern: string): void => {
    const match = patternMatcher(pattern);
    input.columns.forEach((c, i) => {
      if (!placed.has(i) && match(c.name)) {
        placed.add(i);
        order.push(i);
      }
    });
  };
  for (const spec of op.specifiers) {
    const c = compileScalar(spec, ienv);
    if (!c.isConstant)
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'project-by-names: a column specifier must be a constant string or dynamic array',
        spec.span,
      );
    const value = c.constantValue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (typeof item !== 'string')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `project-by-names: expected column names, got ${JSON.stringify(item)}`,
          spec.span,
        );
      place(item);
    }
  }
  return selectColumns(input, order);
}
