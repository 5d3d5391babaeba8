/**
 * A generic walk over a plan: calls `visit` on every expression and operator node, depth first,
 * in source order. Analyses that only need to find things (tables a rule reads, EventIDs it
 * filters on) use it instead of each writing their own traversal.
 */
import type { Expr, Operator, QueryPlan, SearchPredicate, Statement } from './plan.js';

export type PlanNode = Expr | Operator;

export function walkPlan(plan: QueryPlan, visit: (node: PlanNode) => void): void {
  for (const s of plan.statements) walkStatement(s, visit);
  if (plan.result) walkExpr(plan.result, visit);
}

function walkStatement(s: Statement, visit: (node: PlanNode) => void): void {
  if (s.kind !== 'let') return;
  const v = s.value;
  if (v.kind === 'function') {
    for (const p of v.fn.params) if (p.defaultValue) walkExpr(p.defaultValue, visit);
    for (const inner of v.fn.statements) walkStatement(inner, visit);
    walkExpr(v.fn.result, visit);
  } else {
    walkExpr(v.expr, visit);
  }
}

export function walkExpr(e: Expr, visit: (node: PlanNode) => void): void {
  visit(e);
  const go = (x: Expr | null | undefined) => {
    if (x) walkExpr(x, visit);
  };
  switch (e.kind) {
    case 'literal':
    case 'name':
    case 'star':
    case 'scalarUnsupported':
    case 'table':
    case 'tabularUnsupported':
      return;
    case 'call':
      e.args.forEach(go);
      Object.values(e.namedArgs).forEach(go);
      return;
    case 'binary':
      go(e.left);
      go(e.right);
      return;
    case 'unary':
      go(e.operand);
      return;
    case 'list':
      go(e.left);
      e.items.forEach(go);
      return;
    case 'between':
      go(e.left);
      go(e.low);
      go(e.high);
      return;
    case 'member':
      go(e.target);
      return;
    case 'index':
      go(e.target);
      go(e.index);
      return;
    case 'callOutput':
      // Every output spread from one call shares it, so the call is visited once per output.
      go(e.call);
      return;
    case 'pipeline':
      go(e.source);
      for (const op of e.operators) walkOperator(op, visit);
      return;
    case 'datatable':
      e.values.forEach(go);
      return;
    case 'print':
      e.columns.forEach((c) => go(c.expr));
      return;
    case 'range':
      go(e.from);
      go(e.to);
      go(e.step);
      return;
    case 'union':
      e.inputs.forEach(go);
      return;
    case 'search':
      e.tables?.forEach(go);
      return walkSearchPredicate(e.predicate, visit);
    case 'tabularCall':
      e.args.forEach(go);
      return;
  }
}

export function walkOperator(op: Operator, visit: (node: PlanNode) => void): void {
  visit(op);
  const go = (x: Expr | null | undefined) => {
    if (x) walkExpr(x, visit);
  };
  switch (op.kind) {
    case 'where':
      return go(op.predicate);
    case 'project-by-names':
      return op.specifiers.forEach(go);
    case 'partition':
      go(op.by);
      return go(op.subquery);
    case 'make-graph':
      op.nodeTables.forEach((t) => go(t.table));
      return op.partition?.operators.forEach((inner) => walkOperator(inner, visit));
    case 'graph-match':
    case 'graph-shortest-paths':
      for (const path of op.patterns) {
        for (const edge of path.edges) {
          go(edge.range?.min);
          go(edge.range?.max);
        }
      }
      go(op.where);
      return op.project.forEach((c) => go(c.expr));
    case 'graph-mark-components':
    case 'graph-to-table':
      return;
    case 'scan':
      op.declarations.forEach((d) => go(d.defaultValue));
      for (const step of op.steps) {
        go(step.condition);
        step.assignments.forEach((a) => go(a.expr));
      }
      return;
    case 'extend':
    case 'project':
    case 'serialize':
      return op.columns.forEach((c) => go(c.expr));
    case 'summarize':
      op.aggregates.forEach((c) => go(c.expr));
      op.by.forEach((c) => go(c.expr));
      return;
    case 'distinct':
      return op.columns?.forEach((c) => go(c.expr));
    case 'sort':
      return op.by.forEach((k) => go(k.expr));
    case 'top':
      go(op.count);
      return op.by.forEach((k) => go(k.expr));
    case 'take':
    case 'sample':
      return go(op.count);
    case 'join':
    case 'lookup':
      return go(op.right);
    case 'union':
      return op.inputs.forEach(go);
    case 'search':
      return walkSearchPredicate(op.predicate, visit);
    case 'parse':
    case 'parse-where':
    case 'parse-kv':
      return go(op.source);
    case 'mv-expand':
      op.items.forEach((i) => go(i.expr));
      return go(op.limit);
    case 'mv-apply':
      op.items.forEach((i) => go(i.expr));
      go(op.limit);
      return go(op.subquery);
    case 'top-nested':
      for (const l of op.levels) {
        go(l.count);
        go(l.of);
        go(l.withOthers);
        go(l.by.expr);
      }
      return;
    case 'make-series':
      op.aggregates.forEach((a) => {
        go(a.expr);
        go(a.defaultValue);
      });
      go(op.on);
      go(op.from);
      go(op.to);
      go(op.step);
      return op.by.forEach((c) => go(c.expr));
    case 'evaluate':
      op.args.forEach(go);
      return Object.values(op.namedArgs).forEach(go);
    case 'invoke':
      return go(op.call);
    case 'project-away':
    case 'project-keep':
    case 'project-rename':
    case 'project-reorder':
    case 'count':
    case 'as':
    case 'getschema':
    case 'render':
    case 'unsupported':
      return;
  }
}

/** The scalar expressions inside a search predicate (its terms are not plan nodes). */
function walkSearchPredicate(p: SearchPredicate, visit: (node: PlanNode) => void): void {
  switch (p.kind) {
    case 'term':
    case 'all':
      return;
    case 'and':
    case 'or':
      walkSearchPredicate(p.left, visit);
      return walkSearchPredicate(p.right, visit);
    case 'not':
      return walkSearchPredicate(p.operand, visit);
    case 'expr':
      return walkExpr(p.expr, visit);
  }
}
