/**
 * A graph pattern (graph-match-operator.md, "Graph pattern notation") as slots to bind: one slot
 * per distinct named node (a name written twice is the same node) and per anonymous node, one
 * per edge. Checks what the reference requires: names are unique per kind, variable length
 * edges have constant `min..max` with 0 <= min <= max, and the sequences form one connected
 * pattern ("Only single connected component patterns are supported").
 */
import type { Expr, GraphPatternPath, Span } from '../../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import { compileScalar } from '../../expr/compile.js';
import { exprEnvFor, type OpEnv } from '../common.js';

export interface NodeSlot {
  readonly name: string | null;
  readonly span: Span;
}

export interface EdgeSlot {
  readonly name: string | null;
  /** The node slots on the pattern's left and right of the edge. */
  readonly left: number;
  readonly right: number;
  readonly direction: 'right' | 'left' | 'any';
  /** A variable length edge binds a path of min..max edges; a single edge exactly one. */
  readonly variable: boolean;
  readonly min: number;
  readonly max: number;
  readonly span: Span;
}

/** One comma-separated sequence: its node slots in order, and the edge slots between them. */
export interface Sequence {
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
}

export type PatternVariable =
  | { readonly kind: 'node'; readonly slot: number }
  | { readonly kind: 'edge'; readonly slot: number }
  | { readonly kind: 'path'; readonly slot: number };

export interface PatternModel {
  readonly nodes: readonly NodeSlot[];
  readonly edges: readonly EdgeSlot[];
  readonly sequences: readonly Sequence[];
  readonly variables: ReadonlyMap<string, PatternVariable>;
}

/** The largest `max` of a variable length edge kqlhunt walks (paths grow exponentially with it). */
export const MAX_PATH_LENGTH = 64;

export function patternModel(paths: readonly GraphPatternPath[], env: OpEnv): PatternModel {
  const nodes: NodeSlot[] = [];
  const edges: EdgeSlot[] = [];
  const sequences: Sequence[] = [];
  const variables = new Map<string, PatternVariable>();
  const nodeSlot = (name: string | null, span: Span): number => {
    if (name !== null) {
      const known = variables.get(name);
      if (known?.kind === 'node') return known.slot;
      if (known !== undefined) throw clash(name, span);
      variables.set(name, { kind: 'node', slot: nodes.length });
    }
    nodes.push({ name, span });
    return nodes.length - 1;
  };
  for (const path of paths) {
    const seqNodes = path.nodes.map((n) => nodeSlot(n.name, n.span));
    const seqEdges: number[] = [];
    path.edges.forEach((e, i) => {
      const slot = edges.length;
      if (e.name !== null) {
        if (variables.has(e.name)) throw clash(e.name, e.span);
        variables.set(e.name, { kind: e.range === null ? 'edge' : 'path', slot });
      }
      const min = e.range === null ? 1 : constantInt(e.range.min, env);
      const max = e.range === null ? 1 : constantInt(e.range.max, env);
      if (min < 0 || max < min)
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `variable length edge *${min}..${max}: expected 0 <= min <= max`,
          e.span,
        );
      if (max > MAX_PATH_LENGTH)
        throw new KqlRuntimeError(
          errorCodes.limitExceeded,
          `variable length edge *${min}..${max}: kqlhunt walks paths of at most ${MAX_PATH_LENGTH} edges`,
          e.span,
        );
      edges.push({
        name: e.name,
        left: seqNodes[i]!,
        right: seqNodes[i + 1]!,
        direction: e.direction,
        variable: e.range !== null,
        min,
        max,
        span: e.span,
      });
      seqEdges.push(slot);
    });
    sequences.push({ nodes: seqNodes, edges: seqEdges });
  }
  checkConnected(nodes, edges, paths);
  return { nodes, edges, sequences, variables };
}

function clash(name: string, span: Span): KqlRuntimeError {
  return new KqlRuntimeError(
    errorCodes.badArguments,
    `graph pattern: '${name}' names more than one element (a node name may repeat, an edge name may not)`,
    span,
  );
}

function constantInt(expr: Expr, env: OpEnv): number {
  const c = compileScalar(expr, exprEnvFor([], false, env));
  const v = c.isConstant ? c.constantValue : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new KqlRuntimeError(
    errorCodes.badArguments,
    'variable length edge: min and max must be constant integers',
    expr.span,
  );
}

function checkConnected(
  nodes: readonly NodeSlot[],
  edges: readonly EdgeSlot[],
  paths: readonly GraphPatternPath[],
) {
  if (nodes.length === 0) return;
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const e of edges) parent[find(e.left)] = find(e.right);
  const root = find(0);
  if (nodes.some((_, i) => find(i) !== root))
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      'graph pattern: the sequences must share node names to form one connected pattern',
      paths[0]!.span,
    );
}
