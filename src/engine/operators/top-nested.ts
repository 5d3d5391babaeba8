/**
 * `top-nested [N] of Expr [with others = V] by Agg [asc|desc], ...` (top-nested-operator.md):
 * level by level, groups the rows by Expr, aggregates each group with Agg, keeps the best N
 * groups (all of them without N) and recurses into each kept group's rows. A `with others` row
 * aggregates the groups left out; its deeper levels are null.
 */
import type { Expr, NamedExpr, SummarizeOp, TopNestedLevel, TopNestedOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { createVectorBuilder, gatherBatch, type Batch } from '../table/index.js';
import { compareValues, hashKey } from '../values/compare.js';
import { constantCount, inputEnv, type OpEnv } from './common.js';
import { runSummarize } from './summarize.js';

interface LevelRow {
  readonly values: ScalarValue[];
}

export function runTopNested(op: TopNestedOp, input: Relation, env: OpEnv): Relation {
  const schema: ColumnSchema[] = [];
  const rows: ScalarValue[][] = [];
  const types: ColumnSchema[] = [];
  const recurse = (rel: Relation, depth: number, prefix: ScalarValue[]): void => {
    const level = op.levels[depth]!;
    const { keyed, ofType, aggType } = levelGroups(level, rel, env);
    if (types.length <= depth * 2) {
      types.push({ name: level.name, type: ofType }, { name: level.by.name, type: aggType });
    }
    const n = level.count === null ? keyed.length : countOf(level.count, rel, env);
    const sign = level.order === 'asc' ? 1 : -1;
    const sorted = [...keyed].sort((a, b) => sign * compareValues(a.agg, b.agg, aggType));
    const kept = sorted.slice(0, n);
    for (const g of kept) {
      const here = [...prefix, g.key, g.agg];
      if (depth + 1 < op.levels.length) recurse(filterByKey(rel, level.of, g.key, env), depth + 1, here);
      else rows.push(here);
    }
    if (level.withOthers !== null && sorted.length > n) {
      const others = compileScalar(level.withOthers, inputEnv(rel, env));
      const restKeys = new Set(sorted.slice(n).map((g) => hashKey(g.key, ofType)));
      const restRel = filterByKeys(rel, level.of, restKeys, env);
      const agg = aggregateAll(level.by, restRel, env);
      const row = [...prefix, others.constantValue, agg];
      while (row.length < op.levels.length * 2) row.push(null);
      rows.push(row);
    }
  };
  if (op.levels.length === 0)
    throw new KqlRuntimeError(errorCodes.badArguments, 'top-nested: no levels', op.span);
  recurse(input, 0, []);
  // Levels never reached (no rows) still need their types for the schema.
  for (let d = types.length / 2; d < op.levels.length; d++) {
    const l = op.levels[d]!;
    const { ofType, aggType } = levelGroups(l, relationOf(input.columns, [], false), env);
    types.push({ name: l.name, type: ofType }, { name: l.by.name, type: aggType });
  }
  schema.push(...types);
  const builders = schema.map((c) => createVectorBuilder(c.type, rows.length));
  for (const r of rows)
    r.forEach((v, k) => builders[k]!.push(v ?? (schema[k]!.type === 'string' ? '' : null)));
  return relationOf(schema, [{ length: rows.length, columns: builders.map((b) => b.finish()) }], false);
}

function countOf(e: Expr, rel: Relation, env: OpEnv): number {
  const c = compileScalar(e, inputEnv(rel, env));
  if (!c.isConstant)
    throw new KqlRuntimeError(errorCodes.badArguments, 'top-nested: the count must be a constant', e.span);
  return constantCount(c.constantValue, 'top-nested', e.span);
}

function levelGroups(level: TopNestedLevel, rel: Relation, env: OpEnv) {
  const of: NamedExpr = { name: level.name, expr: level.of, span: level.by.span };
  const op: SummarizeOp = {
    kind: 'summarize',
    aggregates: [level.by],
    by: [of],
    span: level.by.span,
    schema: null,
  };
  const summarized = runSummarize(op, rel, env);
  const keyed: { key: ScalarValue; agg: ScalarValue }[] = [];
  for (const b of summarized.batches)
    for (let i = 0; i < b.length; i++) keyed.push({ key: b.columns[0]!.get(i), agg: b.columns[1]!.get(i) });
  return { keyed, ofType: summarized.columns[0]!.type, aggType: summarized.columns[1]!.type };
}

function aggregateAll(by: NamedExpr, rel: Relation, env: OpEnv): ScalarValue {
  const op: SummarizeOp = { kind: 'summarize', aggregates: [by], by: [], span: by.span, schema: null };
  const r = runSummarize(op, rel, env);
  return r.batches[0]?.columns[0]!.get(0) ?? null;
}

function filterByKey(rel: Relation, of: Expr, key: ScalarValue, env: OpEnv): Relation {
  const e = compileScalar(of, inputEnv(rel, env));
  return filterByKeys(rel, of, new Set([hashKey(key, e.type)]), env);
}

function filterByKeys(rel: Relation, of: Expr, keys: ReadonlySet<unknown>, env: OpEnv): Relation {
  const e = compileScalar(of, inputEnv(rel, env));
  const out: Batch[] = rel.batches.map((b) => {
    const v = e.evaluate(b);
    const keep: number[] = [];
    for (let i = 0; i < b.length; i++) if (keys.has(hashKey(v.get(i), e.type))) keep.push(i);
    return gatherBatch(b, Uint32Array.from(keep));
  });
  return relationOf(rel.columns, out, false);
}

export type { LevelRow };
