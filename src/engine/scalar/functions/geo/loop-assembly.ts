/**
 * Directed boundary edges joined into loops the way S2's builder joins them, since Kusto prints
 * the loops it gets from there and the documented outputs show where each loop starts:
 *
 * - Edges are taken in order of their source vertex, then their destination (vertices in the
 *   builder's order, polygon-overlay.ts). A loop is traced from the first edge not yet used.
 * - At a vertex with several ways on, the trace takes the sharpest left turn, so loops touching
 *   at a vertex come apart; and a trace that comes back to a vertex already on its path closes
 *   the loop there ("simple" loops: no vertex twice).
 * - Each loop is then rotated so that the edge from the highest-numbered input edge comes last.
 *   When several pieces of that input edge are in the loop, the rotation keeps a run of them
 *   together at the end: scanning from where the trace began, the last position that is not
 *   lower than any before it since the last drop.
 */
import type { OverlayEdge } from './polygon-overlay.js';
import { type Vec3, cross, dot } from './sphere.js';
import type { VertexPool } from './vertex-pool.js';

/** The direction of the arc v → w at v, as a tangent vector. */
function tangent(v: Vec3, w: Vec3): Vec3 {
  return cross(cross(v, w), v);
}

/** The angle turned clockwise (seen from outside the sphere) from direction d to e at v. */
function clockwiseAngle(v: Vec3, d: Vec3, e: Vec3): number {
  const ccw = Math.atan2(dot(cross(d, e), v), dot(d, e));
  const cw = -ccw;
  return cw <= 0 ? cw + 2 * Math.PI : cw;
}

/** Edges sorted in the builder's order: by source rank, destination rank, input edge. */
export function sortEdges(rank: readonly number[], edges: readonly OverlayEdge[]): OverlayEdge[] {
  return [...edges].sort(
    (x, y) => rank[x.src]! - rank[y.src]! || rank[x.dst]! - rank[y.dst]! || x.inputId - y.inputId,
  );
}

/** For each edge, the edge the trace takes next (−1 where the boundary is broken). */
function leftTurns(pool: VertexPool, edges: readonly OverlayEdge[]): number[] {
  const outgoing = new Map<number, number[]>();
  edges.forEach((e, i) => {
    const list = outgoing.get(e.src);
    if (list === undefined) outgoing.set(e.src, [i]);
    else list.push(i);
  });
  return edges.map((e) => {
    const candidates = outgoing.get(e.dst) ?? [];
    if (candidates.length <= 1) return candidates.length === 1 ? candidates[0]! : -1;
    const v = pool.point(e.dst);
    // The way back along the incoming edge; the sharpest left turn is the first way on clockwise
    // from it.
    const back = tangent(v, pool.point(e.src));
    let best = -1;
    let bestAngle = Infinity;
    for (const c of candidates) {
      const turn = clockwiseAngle(v, back, tangent(v, pool.point(edges[c]!.dst)));
      if (turn < bestAngle) {
        bestAngle = turn;
        best = c;
      }
    }
    return best;
  });
}

/** Rotates the loop so its highest input edge (see the module comment) comes last. */
function canonicalRotation(loop: readonly OverlayEdge[]): OverlayEdge[] {
  let last = 0;
  let dropped = false;
  for (let i = 1; i < loop.length; i++) {
    const diff = loop[i]!.inputId - loop[last]!.inputId;
    if (diff < 0) {
      dropped = true;
    } else if (diff > 0 || !dropped) {
      last = i;
      dropped = false;
    }
  }
  const start = (last + 1) % loop.length;
  return [...loop.slice(start), ...loop.slice(0, start)];
}

/** The closed loops the edges form, each as its edges in order. */
export function assembleLoops(
  pool: VertexPool,
  rank: readonly number[],
  unsorted: readonly OverlayEdge[],
): OverlayEdge[][] {
  const edges = sortEdges(rank, unsorted);
  const next = leftTurns(pool, edges);
  const used = new Array<boolean>(edges.length).fill(false);
  const pathIndex = new Map<number, number>();
  const loops: OverlayEdge[][] = [];
  for (let start = 0; start < edges.length; start++) {
    if (used[start]) continue;
    const path: number[] = [];
    for (let e = start; e >= 0 && !used[e]; e = next[e]!) {
      used[e] = true;
      path.push(e);
      const edge = edges[e]!;
      pathIndex.set(edge.src, path.length - 1);
      const loopStart = pathIndex.get(edge.dst);
      if (loopStart === undefined) continue;
      // Back at a vertex on the path: the stretch since then is a loop.
      const loop = path.splice(loopStart);
      for (const l of loop) pathIndex.delete(edges[l]!.src);
      loops.push(canonicalRotation(loop.map((l) => edges[l]!)));
    }
    // A path left open means a broken boundary; its edges form no loop.
    for (const l of path) pathIndex.delete(edges[l]!.src);
  }
  return loops;
}
