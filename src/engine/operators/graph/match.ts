/**
 * `graph-match [cycles=...] Pattern [where Constraints] project ...` (graph-match-operator.md):
 * a row per match of the pattern that meets the constraints, with the projected columns.
 */
import type { Expr, GraphMatchOp, NamedExpr, Span } from '../../../plan/plan.js';
import type { ColumnSchema } from '../../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import { relationOf, type Relation } from '../../exec/relation.js';
import { rechunk } from '../../table/index.js';
import type { OpEnv } from '../common.js';
import { allOf, splitConstraints, type Constraints } from './constraints.js';
import { GraphExpressions } from './expressions.js';
import { gatherFrame, identityIndex, type FrameBinding, type RowFrame } from './frame.js';
import { edgeCount, nodeCount, type GraphValue } from './graph-value.js';
import { findMatches, type MatchFilters, type Matches } from './matcher.js';
import { patternModel, type PatternModel } from './pattern.js';

export function runGraphMatch(op: GraphMatchOp, g: GraphValue, env: OpEnv): Relation {
  requireProject(op.project, 'graph-match', op.span);
  const model = patternModel(op.patterns, env);
  const exprs = new GraphExpressions(g, env);
  const constraints = splitConstraints(op.where, model, g);
  const matches = findMatches(
    g,
    model,
    searchFilters(constraints, model, exprs),
    op.cycles,
    env.ctx,
    op.span,
  );
  let frame = matchFrame(model, matches);
  if (constraints.residual.length > 0)
    frame = keepWhere(allOf(constraints.residual.map((r) => r.expr)), frame, exprs);
  return projectFrame(op.project, frame, exprs);
}

export function requireProject(project: readonly NamedExpr[], what: string, span: Span): void {
  if (project.length === 0)
    throw new KqlRuntimeError(errorCodes.badArguments, `${what}: a project clause is required`, span);
}

/** The filters decided ahead of the search, each evaluated once over all nodes or edges. */
export function searchFilters(c: Constraints, model: PatternModel, exprs: GraphExpressions): MatchFilters {
  const g = exprs.graph;
  const nodes = model.nodes.map((slot, i) => {
    const parts = c.nodes.get(i);
    if (parts === undefined || slot.name === null) return null;
    const all = identityIndex(nodeCount(g));
    return exprs.holds(allOf(parts), frameOf(all.length, slot.name, { kind: 'node', idx: all }));
  });
  const edges = model.edges.map((slot, i) => {
    const single = c.edges.get(i);
    const perStep = c.pathEdges.get(i);
    const all = identityIndex(edgeCount(g));
    if (single !== undefined && slot.name !== null)
      return exprs.holds(allOf(single), frameOf(all.length, slot.name, { kind: 'edge', idx: all }));
    if (perStep !== undefined)
      return exprs.holds(allOf(perStep), {
        length: all.length,
        vars: new Map(),
        element: { kind: 'edge', idx: all, of: slot.name ?? '' },
      });
    return null;
  });
  const inner = model.edges.map((slot, i) => {
    const parts = c.innerNodes.get(i);
    if (parts === undefined) return null;
    const all = identityIndex(nodeCount(g));
    return exprs.holds(allOf(parts), {
      length: all.length,
      vars: new Map(),
      element: { kind: 'node', idx: all, of: slot.name ?? '' },
    });
  });
  return { nodes, edges, inner };
}

function frameOf(length: number, name: string, binding: FrameBinding): RowFrame {
  return { length, vars: new Map([[name, binding]]), element: null };
}

/** The matches as a row set binding every named variable. */
export function matchFrame(model: PatternModel, matches: Matches): RowFrame {
  const vars = new Map<string, FrameBinding>();
  for (const [name, v] of model.variables) {
    if (v.kind === 'node') vars.set(name, { kind: 'node', idx: matches.nodes[v.slot]! });
    else if (v.kind === 'edge') vars.set(name, { kind: 'edge', idx: matches.edges[v.slot]! });
    else vars.set(name, { kind: 'path', paths: matches.paths[v.slot]! });
  }
  return { length: matches.count, vars, element: null };
}

export function keepWhere(condition: Expr, frame: RowFrame, exprs: GraphExpressions): RowFrame {
  const keep = exprs.holds(condition, frame);
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i] === 1) rows.push(i);
  return rows.length === frame.length ? frame : gatherFrame(frame, Uint32Array.from(rows));
}

export function projectFrame(
  project: readonly NamedExpr[],
  frame: RowFrame,
  exprs: GraphExpressions,
): Relation {
  const columns: ColumnSchema[] = [];
  const vectors = project.map((c) => {
    const v = exprs.evaluate(c.expr, frame);
    columns.push({ name: c.name, type: v.type });
    return v;
  });
  return relationOf(columns, rechunk({ length: frame.length, columns: vectors }), false);
}
