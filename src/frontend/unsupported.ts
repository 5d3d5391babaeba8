/**
 * Finds the `unsupported`, `scalarUnsupported` and `tabularUnsupported` nodes of a plan: what
 * kqlhunt recognised but cannot run. Used to report coverage and to refuse early.
 */
import type { QueryPlan, Span } from '../plan/plan.js';

export interface UnsupportedNode {
  readonly kind: 'unsupported' | 'scalarUnsupported' | 'tabularUnsupported';
  readonly what: string;
  readonly span: Span;
}

const KINDS = new Set(['unsupported', 'scalarUnsupported', 'tabularUnsupported']);

export function findUnsupported(plan: QueryPlan): UnsupportedNode[] {
  const out: UnsupportedNode[] = [];
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    const node = value as { kind?: unknown; what?: unknown; span?: Span };
    if (typeof node.kind === 'string' && KINDS.has(node.kind) && typeof node.what === 'string' && node.span) {
      out.push({ kind: node.kind as UnsupportedNode['kind'], what: node.what, span: node.span });
    }
    for (const v of Object.values(value)) visit(v);
  };
  visit(plan);
  return out;
}
