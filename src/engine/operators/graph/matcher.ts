/**
 * Finds every binding of a pattern's slots in a graph (graph-match-operator.md): a backtracking
 * search that binds the most selective node first, then follows the pattern's edges from bound
 * nodes (closing edges between two bound nodes first, single edges before variable length ones),
 * pruning with the filters decided ahead (see constraints.ts).
 *
 * Cycles (`cycles=`): `unique_edges` (the default) never uses one edge twice in a match; `none`
 * never visits a node twice along one sequence of the pattern (inner nodes included); `all`
 * allows both. Variable length edges are walked edge by edge in the pattern's direction; a path
 * and its inner nodes are recorded left to right as the pattern is written.
 */
import type { Span } from '../../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import type { ExecContext } from '../../exec/context.js';
import type { PathColumn } from './frame.js';
import { edgeCount, nodeCount, type Adjacency, type GraphValue } from './graph-value.js';
import type { EdgeSlot, PatternModel } from './pattern.js';

export type CyclesMode = 'unique_edges' | 'none' | 'all';

/** Allowed elements per slot (1 = allowed); null where anything goes. */
export interface MatchFilters {
  readonly nodes: readonly (Uint8Array | null)[];
  /** Per edge slot: the edges a single edge may bind, or every step of a path. */
  readonly edges: readonly (Uint8Array | null)[];
  /** Per edge slot of a variable length edge: the nodes its paths may pass through. */
  readonly inner: readonly (Uint8Array | null)[];
}

export interface Matches {
  readonly count: number;
  /** Per node slot, the node of each match. */
  readonly nodes: readonly Uint32Array[];
  /** Per edge slot, the edge of each match (single edges; empty for variable length ones). */
  readonly edges: readonly Uint32Array[];
  /** Per edge slot, the path of each match (variable length edges; null for single ones). */
  readonly paths: readonly (PathColumn | null)[];
}

interface Step {
  readonly slot: number;
  readonly edge: EdgeSlot;
  readonly from: number;
  readonly to: number;
  /** Which adjacency lists lead from `from` towards `to`. */
  readonly follow: 'out' | 'in' | 'both';
  /** True when the search walks the edge right to left (paths are then reversed to pattern order). */
  readonly reversed: boolean;
}

/** Growable column of unsigned ints. */
class UintList {
  private data = new Uint32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  finish(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

function countAllowed(filter: Uint8Array | null, n: number): number {
  if (filter === null) return n;
  let c = 0;
  for (let i = 0; i < filter.length; i++) c += filter[i]!;
  return c;
}

function planSteps(model: PatternModel, start: number): Step[] {
  const bound = new Set([start]);
  const remaining = new Set(model.edges.keys());
  const steps: Step[] = [];
  while (remaining.size > 0) {
    let best: number | null = null;
    let bestRank = Infinity;
    for (const slot of remaining) {
      const e = model.edges[slot]!;
      const l = bound.has(e.left);
      const r = bound.has(e.right);
      if (!l && !r) continue;
      const rank = l && r ? 0 : e.variable ? 2 : 1;
      if (rank < bestRank) {
        best = slot;
        bestRank = rank;
      }
    }
    if (best === null) break; // unreachable: the pattern is connected (checked in pattern.ts)
    const edge = model.edges[best]!;
    const forward = bound.has(edge.left);
    const from = forward ? edge.left : edge.right;
    const to = forward ? edge.right : edge.left;
    const rightward = edge.direction === 'right' ? forward : edge.direction === 'left' ? !forward : null;
    steps.push({
      slot: best,
      edge,
      from,
      to,
      follow: rightward === null ? 'both' : rightward ? 'out' : 'in',
      reversed: !forward,
    });
    bound.add(to);
    remaining.delete(best);
  }
  return steps;
}

export function findMatches(
  g: GraphValue,
  model: PatternModel,
  filters: MatchFilters,
  cycles: CyclesMode,
  ctx: ExecContext,
  span: Span,
): Matches {
  const n = nodeCount(g);
  let start = 0;
  let fewest = Infinity;
  model.nodes.forEach((_, slot) => {
    const c = countAllowed(filters.nodes[slot] ?? null, n);
    if (c < fewest) {
      fewest = c;
      start = slot;
    }
  });
  const steps = planSteps(model, start);

  const nodeBind = new Int32Array(model.nodes.length).fill(-1);
  const edgeBind = new Int32Array(model.edges.length).fill(-1);
  const pathEdges: number[][] = model.edges.map(() => []);
  const pathNodes: number[][] = model.edges.map(() => []);
  const used = cycles === 'unique_edges' ? new Uint16Array(edgeCount(g)) : null;
  const onPath = cycles === 'none' ? new Uint8Array(n) : null;

  const outNodes = model.nodes.map(() => new UintList());
  const outEdges = model.edges.map(() => new UintList());
  const outPaths = model.edges.map((e) =>
    e.variable
      ? { edgeStart: new UintList(), edges: new UintList(), nodeStart: new UintList(), nodes: new UintList() }
      : null,
  );
  for (const p of outPaths) {
    p?.edgeStart.push(0);
    p?.nodeStart.push(0);
  }
  let count = 0;
  let work = 0;

  const emit = (): void => {
    if (cycles === 'none' && !acyclic()) return;
    if (count >= ctx.limits.maxRows)
      throw new KqlRuntimeError(
        errorCodes.limitExceeded,
        `graph pattern matched more than ${ctx.limits.maxRows} times`,
        span,
      );
    count++;
    model.nodes.forEach((_, slot) => outNodes[slot]!.push(nodeBind[slot]!));
    model.edges.forEach((e, slot) => {
      const p = outPaths[slot];
      if (p === null || p === undefined) {
        outEdges[slot]!.push(edgeBind[slot]!);
        return;
      }
      for (const x of pathEdges[slot]!) p.edges.push(x);
      for (const x of pathNodes[slot]!) p.nodes.push(x);
      p.edgeStart.push(p.edges.length);
      p.nodeStart.push(p.nodes.length);
    });
  };

  /** cycles=none: no node twice along a sequence (a zero length path's two ends are one node). */
  const acyclic = (): boolean => {
    for (const seq of model.sequences) {
      const seen = new Set<number>([nodeBind[seq.nodes[0]!]!]);
      for (let i = 0; i < seq.edges.length; i++) {
        const slot = seq.edges[i]!;
        const edge = model.edges[slot]!;
        if (edge.variable) {
          for (const x of pathNodes[slot]!) {
            if (seen.has(x)) return false;
            seen.add(x);
          }
          if (pathEdges[slot]!.length === 0) continue;
        }
        const next = nodeBind[seq.nodes[i + 1]!]!;
        if (seen.has(next)) return false;
        seen.add(next);
      }
    }
    return true;
  };

  const nodeOk = (slot: number, node: number): boolean => {
    const bound = nodeBind[slot]!;
    if (bound >= 0) return bound === node;
    const f = filters.nodes[slot];
    return f === null || f === undefined || f[node] === 1;
  };

  const visit = (
    adjacency: Adjacency,
    x: number,
    ends: Uint32Array,
    skipLoops: boolean,
    f: (e: number, y: number) => void,
  ) => {
    for (let k = adjacency.offsets[x]!; k < adjacency.offsets[x + 1]!; k++) {
      const e = adjacency.edges[k]!;
      if (skipLoops && g.edgeSource[e] === g.edgeTarget[e]) continue;
      f(e, ends[e]!);
    }
  };
  const neighbors = (step: Step, x: number, f: (e: number, y: number) => void): void => {
    if (step.follow !== 'in') visit(g.outgoing, x, g.edgeTarget, false, f);
    if (step.follow !== 'out') visit(g.incoming, x, g.edgeSource, step.follow === 'both', f);
  };

  const bindEnd = (k: number, step: Step, y: number): void => {
    const wasBound = nodeBind[step.to]! >= 0;
    if (!wasBound) nodeBind[step.to] = y;
    recurse(k + 1);
    if (!wasBound) nodeBind[step.to] = -1;
  };

  const recurse = (k: number): void => {
    if ((++work & 0xfff) === 0) checkBudget(ctx, span);
    if (k === steps.length) {
      emit();
      return;
    }
    const step = steps[k]!;
    const x = nodeBind[step.from]!;
    const edgeFilter = filters.edges[step.slot] ?? null;
    if (!step.edge.variable) {
      neighbors(step, x, (e, y) => {
        if (edgeFilter !== null && edgeFilter[e] !== 1) return;
        if (used !== null && used[e]! > 0) return;
        if (!nodeOk(step.to, y)) return;
        edgeBind[step.slot] = e;
        if (used !== null) used[e]!++;
        bindEnd(k, step, y);
        if (used !== null) used[e]!--;
        edgeBind[step.slot] = -1;
      });
      return;
    }
    const inner = filters.inner[step.slot] ?? null;
    const edges: number[] = [];
    const reached: number[] = [];
    const { min, max } = step.edge;
    const walk = (cur: number, depth: number): void => {
      if (depth >= min && nodeOk(step.to, cur)) {
        // reached[0..depth-1) are the inner nodes; cur is the far end.
        const innerNodes = reached.slice(0, Math.max(0, depth - 1));
        pathEdges[step.slot] = step.reversed ? [...edges].reverse() : [...edges];
        pathNodes[step.slot] = step.reversed ? innerNodes.reverse() : innerNodes;
        bindEnd(k, step, cur);
      }
      if (depth === max) return;
      if (depth >= 1 && inner !== null && inner[cur] !== 1) return;
      neighbors(step, cur, (e, y) => {
        if (edgeFilter !== null && edgeFilter[e] !== 1) return;
        if (used !== null && used[e]! > 0) return;
        if (onPath !== null && onPath[y] === 1) return;
        if (used !== null) used[e]!++;
        if (onPath !== null) onPath[y] = 1;
        edges.push(e);
        reached.push(y);
        walk(y, depth + 1);
        edges.pop();
        reached.pop();
        if (onPath !== null) onPath[y] = 0;
        if (used !== null) used[e]!--;
      });
    };
    if (onPath !== null) onPath[x] = 1;
    walk(x, 0);
    if (onPath !== null) onPath[x] = 0;
    pathEdges[step.slot] = [];
    pathNodes[step.slot] = [];
  };

  const startFilter = filters.nodes[start] ?? null;
  for (let node = 0; node < n; node++) {
    if (startFilter !== null && startFilter[node] !== 1) continue;
    nodeBind[start] = node;
    recurse(0);
  }
  nodeBind[start] = -1;

  return {
    count,
    nodes: outNodes.map((l) => l.finish()),
    edges: outEdges.map((l) => l.finish()),
    paths: outPaths.map((p) =>
      p === null
        ? null
        : {
            edgeStart: p.edgeStart.finish(),
            edges: p.edges.finish(),
            nodeStart: p.nodeStart.finish(),
            nodes: p.nodes.finish(),
          },
    ),
  };
}

/** Stops a long search when the query is cancelled or out of time (as the executor does between operators). */
export function checkBudget(ctx: ExecContext, span: Span): void {
  if (ctx.signal?.aborted) throw new KqlRuntimeError(errorCodes.cancelled, 'Query was cancelled', span);
  const elapsed = performance.now() - ctx.startedAt;
  if (elapsed > ctx.limits.timeoutMs)
    throw new KqlRuntimeError(
      errorCodes.limitExceeded,
      `Query execution has exceeded the allowed limits: ran ${Math.round(elapsed)} ms, limit ${ctx.limits.timeoutMs} ms (--timeout)`,
      span,
    );
}
