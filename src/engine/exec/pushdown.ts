/**
 * Logical rewrites of a pipeline's operators before execution. Today: move a `where` below an
 * `extend` when the predicate reads none of the columns the extend computes, so that rows are
 * dropped before costly expressions run (the seed rule's `parse_xml`). Window functions pin
 * both in place, since they depend on which rows exist.
 */
import type { Expr, Operator } from '../../plan/plan.js';
import { usesWindowFunction, visitScalar } from '../operators/common.js';

function namesRead(expr: Expr): { names: Set<string>; opaque: boolean } {
  const names = new Set<string>();
  let opaque = false;
  visitScalar(expr, (e) => {
    if (e.kind === 'name') names.add(e.name);
    // column_ifexists names its column in a string; a user function may read anything.
    if (e.kind === 'call' && (e.name === 'column_ifexists' || e.target === 'user')) opaque = true;
    if (e.kind === 'list' && e.items.some((i) => i.kind !== 'literal'))
      opaque = opaque || e.items.some((i) => i.kind === 'name');
  });
  return { names, opaque };
}

export function pushDownFilters(ops: readonly Operator[]): Operator[] {
  const out = [...ops];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i < out.length; i++) {
      const prev = out[i - 1]!;
      const cur = out[i]!;
      if (cur.kind !== 'where' || prev.kind !== 'extend') continue;
      if (usesWindowFunction(cur.predicate) || prev.columns.some((c) => usesWindowFunction(c.expr))) continue;
      const { names, opaque } = namesRead(cur.predicate);
      if (opaque || prev.columns.some((c) => names.has(c.name))) continue;
      out[i - 1] = cur;
      out[i] = prev;
      changed = true;
    }
  }
  return out;
}
