/**
 * Splits a graph `where` into what can be decided while searching and what must wait for whole
 * matches. The condition is cut at its top-level `and`s; a part that reads
 *
 * - one node variable only is a filter on the nodes that variable may bind;
 * - one single-edge variable only, a filter on the edges it may bind;
 * - `all(e, cond)` / `all(inner_nodes(e), cond)` with a `cond` of the element's own properties, a
 *   filter on every edge / inner node of `e`'s paths;
 * - properties of one variable length edge `e` (`e.prop`, outside map/all/any): a condition every
 *   edge of the path must meet (graph-match-operator.md, "Variable length edge": a sequence of
 *   edges matches "if all the edges in the sequence satisfy the constraints outlined in the
 *   where clause"), so it is `all(e, ...)` with the properties named bare;
 *
 * and anything else is residual, evaluated per match. A row passes `where` only when every part
 * is true, so deciding a part early keeps exactly the same matches.
 */
import type { Binary, Call, Expr, NameRef } from '../../../plan/plan.js';
import { mapScalarChildren } from '../../../plan/map-children.js';
import { visitScalar } from '../common.js';
import type { GraphValue } from './graph-value.js';
import type { PatternModel } from './pattern.js';

export interface Residual {
  readonly expr: Expr;
  /** The pattern variables it reads. */
  readonly variables: ReadonlySet<string>;
}

export interface Constraints {
  /** By node slot: conditions on that node variable alone. */
  readonly nodes: Map<number, Expr[]>;
  /** By edge slot: conditions on that single edge alone. */
  readonly edges: Map<number, Expr[]>;
  /** By edge slot of a variable length edge: conditions every edge of its path must meet (bare property names). */
  readonly pathEdges: Map<number, Expr[]>;
  /** By edge slot of a variable length edge: conditions every inner node of its path must meet. */
  readonly innerNodes: Map<number, Expr[]>;
  readonly residual: Residual[];
}

function conjuncts(expr: Expr, out: Expr[] = []): Expr[] {
  if (expr.kind === 'binary' && expr.op === 'and') {
    conjuncts(expr.left, out);
    conjuncts(expr.right, out);
  } else out.push(expr);
  return out;
}

export function allOf(parts: readonly Expr[]): Expr {
  return parts.reduce((acc, e): Binary => ({
    kind: 'binary',
    op: 'and',
    left: acc,
    right: e,
    type: 'bool',
    span: { start: Math.min(acc.span.start, e.span.start), end: Math.max(acc.span.end, e.span.end) },
  }));
}

const ELEMENT_FUNCTIONS = new Set(['map', 'all', 'any']);

/** The element a map/all/any call ranges over: the path variable and edges or inner nodes. */
function elementSourceOf(call: Call, model: PatternModel): { name: string; kind: 'node' | 'edge' } | null {
  if (!ELEMENT_FUNCTIONS.has(call.name.toLowerCase()) || call.args.length !== 2) return null;
  let arg = call.args[0]!;
  let kind: 'node' | 'edge' = 'edge';
  if (arg.kind === 'call' && arg.name.toLowerCase() === 'inner_nodes' && arg.args.length === 1) {
    arg = arg.args[0]!;
    kind = 'node';
  }
  if (arg.kind !== 'name' || model.variables.get(arg.name)?.kind !== 'path') return null;
  return { name: arg.name, kind };
}

/**
 * The pattern variables an expression reads. Inside map/all/any a bare name that is a property
 * of the elements is the element's, not a variable; `direct` collects the path variables read as
 * `e.prop` outside them.
 */
export function variablesRead(
  expr: Expr,
  model: PatternModel,
  g: GraphValue,
  element: 'node' | 'edge' | null = null,
  direct: Set<string> = new Set(),
): Set<string> {
  const out = new Set<string>();
  const isProperty = (name: string): boolean =>
    element !== null && (element === 'node' ? g.nodes : g.edges).columns.some((c) => c.name === name);
  const walk = (e: Expr): void => {
    if (e.kind === 'name') {
      if (!isProperty(e.name) && model.variables.has(e.name)) out.add(e.name);
      return;
    }
    if (e.kind === 'member' && e.target.kind === 'name' && !isProperty(e.target.name)) {
      if (model.variables.get(e.target.name)?.kind === 'path') direct.add(e.target.name);
    }
    if (e.kind === 'call') {
      const source = elementSourceOf(e, model);
      if (source !== null) {
        out.add(source.name);
        for (const v of variablesRead(e.args[1]!, model, g, source.kind, direct)) out.add(v);
        return;
      }
    }
    childrenOf(e).forEach(walk);
  };
  walk(expr);
  return out;
}

/** The scalar sub-expressions directly below `e`. */
function childrenOf(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'call':
      return [...e.args, ...Object.values(e.namedArgs)];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'list':
      return [e.left, ...e.items];
    case 'between':
      return [e.left, e.low, e.high];
    case 'member':
      return [e.target];
    case 'index':
      return [e.target, e.index];
    default:
      return [];
  }
}

/** `e.prop` → `prop` for a path variable `e` (to be evaluated per edge of the path). */
function perEdge(expr: Expr, path: string): Expr {
  const go = (e: Expr): Expr => perEdge(e, path);
  switch (expr.kind) {
    case 'member':
      if (expr.target.kind === 'name' && expr.target.name === path) {
        const bare: NameRef = {
          kind: 'name',
          name: expr.name,
          resolvedAs: 'column',
          type: null,
          span: expr.span,
        };
        return bare;
      }
      return mapScalarChildren(expr, go);
    default:
      return mapScalarChildren(expr, go);
  }
}

export function splitConstraints(where: Expr | null, model: PatternModel, g: GraphValue): Constraints {
  const c: Constraints = {
    nodes: new Map(),
    edges: new Map(),
    pathEdges: new Map(),
    innerNodes: new Map(),
    residual: [],
  };
  const add = (m: Map<number, Expr[]>, slot: number, e: Expr): void => {
    const list = m.get(slot);
    if (list === undefined) m.set(slot, [e]);
    else list.push(e);
  };
  if (where === null) return c;
  for (const part of conjuncts(where)) {
    const direct = new Set<string>();
    const vars = variablesRead(part, model, g, null, direct);
    if (vars.size === 1) {
      const name = [...vars][0]!;
      const v = model.variables.get(name)!;
      if (v.kind === 'node') {
        add(c.nodes, v.slot, part);
        continue;
      }
      if (v.kind === 'edge') {
        add(c.edges, v.slot, part);
        continue;
      }
      if (part.kind === 'call' && part.name.toLowerCase() === 'all' && direct.size === 0) {
        const source = elementSourceOf(part, model);
        if (source !== null && variablesRead(part.args[1]!, model, g, source.kind).size === 0) {
          add(source.kind === 'edge' ? c.pathEdges : c.innerNodes, v.slot, part.args[1]!);
          continue;
        }
      }
      if (direct.has(name) && !hasElementFunction(part, model)) {
        add(c.pathEdges, v.slot, perEdge(part, name));
        continue;
      }
    }
    c.residual.push({ expr: part, variables: vars });
  }
  return c;
}

function hasElementFunction(expr: Expr, model: PatternModel): boolean {
  let found = false;
  visitScalar(expr, (e) => {
    if (e.kind === 'call' && elementSourceOf(e, model) !== null) found = true;
  });
  return found;
}
