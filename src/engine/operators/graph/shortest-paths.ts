/**
 * `graph-shortest-paths [output=any|all] (a)-[e*min..max]-(b) where ... project ...`
 * (graph-shortest-paths-operator.md): for each source and target node the shortest paths of
 * min..max edges whose edges and inner nodes meet the `where` clause; `output=any` (the default)
 * keeps one per pair, `output=all` every path of that minimal length.
 *
 * A breadth-first search per source node, over states (node, steps taken capped at `min`), so
 * that a path shorter than `min` cannot end the search early. Edges are tried in the order of
 * the input table, so `output=any` keeps the path found first in that order. The `where` clause
 * must be decidable during the search: conditions on `a`, on `b`, on both, and all() over the
 * path's edges or inner nodes (other conditions on the path would change which path is
 * shortest, and are reported as not supported).
 */
import type { GraphShortestPathsOp } from '../../../plan/plan.js';
import { errorCodes, KqlRuntimeError, unsupported } from '../../errors.js';
import type { Relation } from '../../exec/relation.js';
import type { OpEnv } from '../common.js';
import { allOf, splitConstraints } from './constraints.js';
import { GraphExpressions } from './expressions.js';
import type { FrameBinding, RowFrame } from './frame.js';
import { nodeCount, type Adjacency, type GraphValue } from './graph-value.js';
import { keepWhere, projectFrame, requireProject, searchFilters } from './match.js';
import { checkBudget } from './matcher.js';
import { patternModel } from './pattern.js';

interface FoundPaths {
  sources: number[];
  targets: number[];
  edgeStart: number[];
  edges: number[];
  nodeStart: number[];
  nodes: number[];
}

export function runGraphShortestPaths(op: GraphShortestPathsOp, g: GraphValue, env: OpEnv): Relation {
  requireProject(op.project, 'graph-shortest-paths', op.span);
  const model = patternModel(op.patterns, env);
  const edge = model.edges[0];
  if (model.sequences.length !== 1 || model.edges.length !== 1 || edge === undefined || !edge.variable)
    throw unsupported(
      'graph-shortest-paths with a pattern other than one variable length edge between two nodes',
      op.patterns[0]?.span ?? op.span,
    );
  const exprs = new GraphExpressions(g, env);
  const constraints = splitConstraints(op.where, model, g);
  const endpoints = new Set(
    [model.nodes[edge.left]!.name, model.nodes[edge.right]!.name].filter((n): n is string => n !== null),
  );
  for (const r of constraints.residual) {
    if ([...r.variables].some((v) => !endpoints.has(v)))
      throw unsupported('graph-shortest-paths with a condition on the path other than all()', r.expr.span);
  }
  const filters = searchFilters(constraints, model, exprs);
  const found = search(g, {
    sources: filters.nodes[edge.left] ?? null,
    targets: filters.nodes[edge.right] ?? null,
    sameEnds: edge.left === edge.right,
    edges: filters.edges[0] ?? null,
    inner: filters.inner[0] ?? null,
    follow: edge.direction === 'right' ? 'out' : edge.direction === 'left' ? 'in' : 'both',
    min: edge.min,
    max: edge.max,
    all: op.output === 'all',
    env,
    span: op.span,
  });

  const vars = new Map<string, FrameBinding>();
  const left = model.nodes[edge.left]!.name;
  const right = model.nodes[edge.right]!.name;
  if (left !== null) vars.set(left, { kind: 'node', idx: Uint32Array.from(found.sources) });
  if (right !== null && edge.left !== edge.right)
    vars.set(right, { kind: 'node', idx: Uint32Array.from(found.targets) });
  if (edge.name !== null)
    vars.set(edge.name, {
      kind: 'path',
      paths: {
        edgeStart: Uint32Array.from(found.edgeStart),
        edges: Uint32Array.from(found.edges),
        nodeStart: Uint32Array.from(found.nodeStart),
        nodes: Uint32Array.from(found.nodes),
      },
    });
  let frame: RowFrame = { length: found.sources.length, vars, element: null };
  if (constraints.residual.length > 0)
    frame = keepWhere(allOf(constraints.residual.map((r) => r.expr)), frame, exprs);
  return projectFrame(op.project, frame, exprs);
}

interface SearchSpec {
  readonly sources: Uint8Array | null;
  readonly targets: Uint8Array | null;
  /** `(a)-[e*..]-(a)`: a path must come back to its source. */
  readonly sameEnds: boolean;
  readonly edges: Uint8Array | null;
  readonly inner: Uint8Array | null;
  readonly follow: 'out' | 'in' | 'both';
  readonly min: number;
  readonly max: number;
  readonly all: boolean;
  readonly env: OpEnv;
  readonly span: GraphShortestPathsOp['span'];
}

function search(g: GraphValue, spec: SearchSpec): FoundPaths {
  const n = nodeCount(g);
  const levels = spec.min + 1;
  const found: FoundPaths = {
    sources: [],
    targets: [],
    edgeStart: [0],
    edges: [],
    nodeStart: [0],
    nodes: [],
  };
  // Per state (node * levels + capped steps): the search's distance and how it was reached.
  const dist = new Int32Array(n * levels);
  const preds: { state: number; edge: number }[][] = [];
  for (let source = 0; source < n; source++) {
    if (spec.sources !== null && spec.sources[source] !== 1) continue;
    checkBudget(spec.env.ctx, spec.span);
    dist.fill(-1);
    preds.length = 0;
    const start = source * levels;
    dist[start] = 0;
    let frontier = [start];
    const reachedTargets: number[] = [];
    for (let depth = 0; frontier.length > 0; depth++) {
      for (const state of frontier) {
        const node = Math.floor(state / levels);
        // A state enters the frontier once, at its shortest distance.
        if (state % levels === spec.min && isTarget(spec, source, node)) reachedTargets.push(state);
      }
      if (depth === spec.max) break;
      const next: number[] = [];
      for (const state of frontier) {
        const node = Math.floor(state / levels);
        if (depth >= 1 && spec.inner !== null && spec.inner[node] !== 1) continue;
        const level = Math.min(spec.min, (state % levels) + 1);
        const step = (edge: number, to: number): void => {
          if (spec.edges !== null && spec.edges[edge] !== 1) return;
          const target = to * levels + level;
          if (dist[target] === -1) {
            dist[target] = depth + 1;
            next.push(target);
            preds[target] = [{ state, edge }];
          } else if (dist[target] === depth + 1 && spec.all) preds[target]!.push({ state, edge });
        };
        if (spec.follow !== 'in') each(g.outgoing, node, g.edgeTarget, false, g, step);
        if (spec.follow !== 'out') each(g.incoming, node, g.edgeSource, spec.follow === 'both', g, step);
      }
      frontier = next;
    }
    for (const state of reachedTargets) {
      const target = Math.floor(state / levels);
      for (const path of pathsTo(state, start, preds, levels, spec.all)) {
        if (found.sources.length >= spec.env.ctx.limits.maxRows)
          throw new KqlRuntimeError(
            errorCodes.limitExceeded,
            `graph-shortest-paths found more than ${spec.env.ctx.limits.maxRows} paths`,
            spec.span,
          );
        found.sources.push(source);
        found.targets.push(target);
        found.edges.push(...path.edges);
        found.nodes.push(...path.nodes);
        found.edgeStart.push(found.edges.length);
        found.nodeStart.push(found.nodes.length);
      }
    }
  }
  return found;
}

function isTarget(spec: SearchSpec, source: number, node: number): boolean {
  if (spec.sameEnds) return node === source;
  return spec.targets === null || spec.targets[node] === 1;
}

function each(
  adjacency: Adjacency,
  node: number,
  ends: Uint32Array,
  skipLoops: boolean,
  g: GraphValue,
  f: (edge: number, to: number) => void,
): void {
  for (let k = adjacency.offsets[node]!; k < adjacency.offsets[node + 1]!; k++) {
    const e = adjacency.edges[k]!;
    if (skipLoops && g.edgeSource[e] === g.edgeTarget[e]) continue;
    f(e, ends[e]!);
  }
}

/** The paths from `start` to `state` along the recorded predecessors: the first only, or all. */
function pathsTo(
  state: number,
  start: number,
  preds: readonly { state: number; edge: number }[][],
  levels: number,
  all: boolean,
): { edges: number[]; nodes: number[] }[] {
  const out: { edges: number[]; nodes: number[] }[] = [];
  const edges: number[] = [];
  const states: number[] = [];
  const walk = (s: number): void => {
    if (s === start) {
      const e = [...edges].reverse();
      // The inner nodes: every state passed through but the two ends, source side first.
      const nodes = states
        .slice(1)
        .reverse()
        .map((x) => Math.floor(x / levels));
      out.push({ edges: e, nodes });
      return;
    }
    const options = preds[s] ?? [];
    for (const p of all ? options : options.slice(0, 1)) {
      edges.push(p.edge);
      states.push(s);
      walk(p.state);
      states.pop();
      edges.pop();
    }
  };
  walk(state);
  return out;
}
