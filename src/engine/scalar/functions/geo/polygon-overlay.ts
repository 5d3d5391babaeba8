/**
 * The union and the intersection of two regions on the sphere, as boundary edges.
 *
 * Every edge of each region is split where the other region's boundary crosses or touches it
 * (edge pairs found by a sweep over their bounding boxes); each piece then lies wholly inside,
 * outside, or along the other region's boundary: a matching piece of the other region tells the
 * last, a containment test of a midpoint the others, carried along each loop from one crossing to
 * the next. The union keeps the pieces outside the other region,
 * the intersection those inside it; a piece both regions share keeps once when the regions lie on
 * the same side of it, and otherwise borders both (dropped by the union) or neither (for the
 * intersection, a line where the closed regions touch). Points where the boundaries touch and no
 * kept piece passes are, for the intersection, isolated points of it ("a polygon contains its
 * vertices").
 *
 * Each piece remembers the input edge it came from, numbered through the first region's edges and
 * then the second's, as S2 numbers them: the numbers decide where each output loop starts.
 */
import { type Region, orientedVertices, regionContains } from './region.js';
import {
  type Vec3,
  add,
  angle,
  arcsCross,
  cross,
  distanceToArc,
  dot,
  edgeNormal,
  normalize,
  scale,
} from './sphere.js';
import { MERGE_TOLERANCE, VertexPool } from './vertex-pool.js';

/** A directed edge between pooled vertices, and the input edge it is part of. */
export interface OverlayEdge {
  readonly src: number;
  readonly dst: number;
  readonly inputId: number;
}

export interface Overlay {
  readonly pool: VertexPool;
  /** The result's boundary, its interior on the left. */
  readonly edges: readonly OverlayEdge[];
  /** Shared boundary with the regions on opposite sides (intersection only). */
  readonly lines: readonly OverlayEdge[];
  /** Vertex ids where the boundaries touch and no result edge passes (intersection only). */
  readonly points: readonly number[];
  /** Each vertex's place in the builder's vertex order (see vertexRanks). */
  readonly ranks: readonly number[];
}

export type OverlayOperation = 'union' | 'intersection';

/** A vertex closer than this (radians) to an edge lies on it. */
const ON_EDGE_TOLERANCE = MERGE_TOLERANCE;

interface InputEdge {
  /** Position in the overlay's list of input edges (the first region's, then the second's). */
  readonly index: number;
  /** True for the first edge of a loop. */
  readonly loopStart: boolean;
  readonly a: Vec3;
  readonly b: Vec3;
  readonly src: number;
  readonly dst: number;
  readonly inputId: number;
  /** Bounding box of the arc, padded by its bulge off the chord and the tolerance. */
  readonly lo: Vec3;
  readonly hi: Vec3;
}

function boundingBox(a: Vec3, b: Vec3): { lo: Vec3; hi: Vec3 } {
  const theta = angle(a, b);
  // Every point of the arc lies within the sagitta of the chord, coordinate by coordinate.
  const pad = 1 - Math.cos(theta / 2) + 2 * ON_EDGE_TOLERANCE;
  return {
    lo: [Math.min(a[0], b[0]) - pad, Math.min(a[1], b[1]) - pad, Math.min(a[2], b[2]) - pad],
    hi: [Math.max(a[0], b[0]) + pad, Math.max(a[1], b[1]) + pad, Math.max(a[2], b[2]) + pad],
  };
}

function boxesOverlap(e: InputEdge, f: InputEdge): boolean {
  return (
    e.lo[0] <= f.hi[0] &&
    f.lo[0] <= e.hi[0] &&
    e.lo[1] <= f.hi[1] &&
    f.lo[1] <= e.hi[1] &&
    e.lo[2] <= f.hi[2] &&
    f.lo[2] <= e.hi[2]
  );
}

function inputEdges(region: Region, pool: VertexPool, firstId: number): InputEdge[] {
  const out: InputEdge[] = [];
  for (const loop of region.loops) {
    const vs = orientedVertices(loop);
    const ids = vs.map((p) => pool.intern(p));
    for (let i = 0; i < vs.length; i++) {
      const j = (i + 1) % vs.length;
      const a = pool.point(ids[i]!);
      const b = pool.point(ids[j]!);
      const index = firstId + out.length;
      out.push({
        index,
        loopStart: i === 0,
        a,
        b,
        src: ids[i]!,
        dst: ids[j]!,
        inputId: index,
        ...boundingBox(a, b),
      });
    }
  }
  return out;
}

/** The axis along which the edges' boxes spread most, for the sweep. */
function sweepAxis(edges: readonly InputEdge[]): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 0;
  let bestSpread = -1;
  for (const axis of [0, 1, 2] as const) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const e of edges) {
      lo = Math.min(lo, e.lo[axis]);
      hi = Math.max(hi, e.hi[axis]);
    }
    if (hi - lo > bestSpread) {
      bestSpread = hi - lo;
      best = axis;
    }
  }
  return best;
}

/**
 * The pairs of edges, one from each region, whose boxes overlap, found by sweeping along one
 * axis; listed by first edge, then second, so crossing points are found in a fixed order.
 */
function candidatePairs(
  edgesA: readonly InputEdge[],
  edgesB: readonly InputEdge[],
): [InputEdge, InputEdge][] {
  const axis = sweepAxis([...edgesA, ...edgesB]);
  const events = [...edgesA, ...edgesB].sort((x, y) => x.lo[axis] - y.lo[axis]);
  const boundary = edgesA.length;
  const active: [InputEdge[], InputEdge[]] = [[], []];
  const pairs: [InputEdge, InputEdge][] = [];
  for (const e of events) {
    const fromA = e.index < boundary;
    const others = active[fromA ? 1 : 0];
    // Edges ending before this one starts along the axis meet nothing from here on.
    let kept = 0;
    for (const o of others) if (o.hi[axis] >= e.lo[axis]) others[kept++] = o;
    others.length = kept;
    for (const o of others) {
      if (boxesOverlap(e, o)) pairs.push(fromA ? [e, o] : [o, e]);
    }
    active[fromA ? 0 : 1].push(e);
  }
  return pairs.sort((x, y) => x[0].index - y[0].index || x[1].index - y[1].index);
}

/** The point where two properly crossing arcs meet. */
function crossingPoint(e: InputEdge, f: InputEdge): Vec3 {
  const x = normalize(cross(edgeNormal(e.a, e.b), edgeNormal(f.a, f.b)));
  const near = add(add(e.a, e.b), add(f.a, f.b));
  return dot(x, near) < 0 ? scale(x, -1) : x;
}

interface Meetings {
  /** The vertices inside each edge where it is to be cut. */
  readonly splits: Map<InputEdge, Set<number>>;
  /** How many proper crossings produced each crossing vertex. */
  readonly crossings: Map<number, number>;
  /** Vertices lying on both boundaries other than at a proper crossing. */
  readonly touches: Set<number>;
}

/** Records where e and f meet: as cut vertices of each, crossings and touching vertices. */
function meet(e: InputEdge, f: InputEdge, pool: VertexPool, meetings: Meetings): void {
  const { splits } = meetings;
  let touching = false;
  const addSplit = (edge: InputEdge, id: number): void => {
    if (id === edge.src || id === edge.dst) return;
    let set = splits.get(edge);
    if (set === undefined) splits.set(edge, (set = new Set()));
    set.add(id);
  };
  const onEdge = (id: number, p: Vec3, edge: InputEdge): void => {
    if (id === edge.src || id === edge.dst) {
      touching = true;
    } else if (distanceToArc(p, edge.a, edge.b) <= ON_EDGE_TOLERANCE) {
      touching = true;
      addSplit(edge, id);
    }
  };
  onEdge(f.src, f.a, e);
  onEdge(f.dst, f.b, e);
  onEdge(e.src, e.a, f);
  onEdge(e.dst, e.b, f);
  if (touching) {
    for (const [id, p] of [
      [e.src, e.a],
      [e.dst, e.b],
      [f.src, f.a],
      [f.dst, f.b],
    ] as const) {
      const onBoth =
        distanceToArc(p, e.a, e.b) <= ON_EDGE_TOLERANCE && distanceToArc(p, f.a, f.b) <= ON_EDGE_TOLERANCE;
      if (onBoth) meetings.touches.add(id);
    }
  } else if (arcsCross(e.a, e.b, f.a, f.b)) {
    const id = pool.intern(crossingPoint(e, f));
    addSplit(e, id);
    addSplit(f, id);
    meetings.crossings.set(id, (meetings.crossings.get(id) ?? 0) + 1);
  }
}

interface Piece extends OverlayEdge {
  readonly key: string;
}

function keyOf(src: number, dst: number): string {
  return `${src}>${dst}`;
}

/** The edge cut at its split vertices, in order from its start. */
function piecesOf(edge: InputEdge, pool: VertexPool, splits: ReadonlySet<number> | undefined): Piece[] {
  const chain = [edge.src];
  if (splits !== undefined) {
    const inner = [...splits].map((id) => ({ id, t: angle(edge.a, pool.point(id)) }));
    inner.sort((x, y) => x.t - y.t);
    for (const { id } of inner) chain.push(id);
  }
  chain.push(edge.dst);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const src = chain[i]!;
    const dst = chain[i + 1]!;
    if (src !== dst) out.push({ src, dst, inputId: edge.inputId, key: keyOf(src, dst) });
  }
  return out;
}

type Placement = 'inside' | 'outside' | 'same' | 'opposite';

/**
 * Where each piece of a region's edges lies relative to the other region. Containment is tested
 * at the first piece of each loop and after each touching vertex or shared stretch; in between,
 * it changes exactly where the boundary crosses the other one properly, so it is carried along.
 */
function placePieces(
  edges: readonly InputEdge[],
  pieces: readonly (readonly Piece[])[],
  otherKeys: ReadonlySet<string>,
  otherRegion: Region,
  meetings: Meetings,
  pool: VertexPool,
): Placement[][] {
  let inside: boolean | null = null;
  return pieces.map((edgePieces, i) => {
    if (edges[i]!.loopStart) inside = null;
    return edgePieces.map((piece) => {
      let placement: Placement;
      if (otherKeys.has(piece.key)) placement = 'same';
      else if (otherKeys.has(keyOf(piece.dst, piece.src))) placement = 'opposite';
      else {
        if (inside === null) {
          inside = regionContains(otherRegion, normalize(add(pool.point(piece.src), pool.point(piece.dst))));
        }
        placement = inside ? 'inside' : 'outside';
      }
      if (placement === 'same' || placement === 'opposite' || meetings.touches.has(piece.dst)) inside = null;
      else if (meetings.crossings.has(piece.dst))
        inside = meetings.crossings.get(piece.dst) === 1 ? !inside : null;
      return placement;
    });
  });
}

export function overlayRegions(first: Region, second: Region, operation: OverlayOperation): Overlay {
  const pool = new VertexPool();
  const edgesA = inputEdges(first, pool, 0);
  const edgesB = inputEdges(second, pool, edgesA.length);
  const meetings: Meetings = { splits: new Map(), crossings: new Map(), touches: new Set() };
  for (const [e, f] of candidatePairs(edgesA, edgesB)) meet(e, f, pool, meetings);
  const piecesA = edgesA.map((e) => piecesOf(e, pool, meetings.splits.get(e)));
  const piecesB = edgesB.map((e) => piecesOf(e, pool, meetings.splits.get(e)));
  const keysA = new Set(piecesA.flat().map((p) => p.key));
  const keysB = new Set(piecesB.flat().map((p) => p.key));
  const placesA = placePieces(edgesA, piecesA, keysB, second, meetings, pool);
  const placesB = placePieces(edgesB, piecesB, keysA, first, meetings, pool);
  const wanted: Placement = operation === 'union' ? 'outside' : 'inside';
  const edges: OverlayEdge[] = [];
  const lines: OverlayEdge[] = [];
  const emitted: InputEdge[] = [];
  piecesA.forEach((pieces, i) => {
    const before = edges.length + lines.length;
    pieces.forEach((piece, k) => {
      const placement = placesA[i]![k]!;
      if (placement === wanted || placement === 'same') edges.push(piece);
      else if (placement === 'opposite' && operation === 'intersection') lines.push(piece);
    });
    if (edges.length + lines.length > before) emitted.push(edgesA[i]!);
  });
  piecesB.forEach((pieces, i) => {
    const before = edges.length;
    pieces.forEach((piece, k) => {
      if (placesB[i]![k]! === wanted) edges.push(piece);
    });
    if (edges.length > before) emitted.push(edgesB[i]!);
  });
  const points: number[] = [];
  if (operation === 'intersection') {
    const covered = new Set<number>();
    for (const e of [...edges, ...lines]) {
      covered.add(e.src);
      covered.add(e.dst);
    }
    for (const id of meetings.touches) if (!covered.has(id)) points.push(id);
  }
  return { pool, edges, lines, points, ranks: vertexRanks(pool, emitted) };
}

/**
 * The order in which the builder numbers the vertices, which decides where a traced loop begins.
 * The documented outputs follow the order in which vertices first arrive: the ends of the input
 * edges that contribute to the result, in input edge order, then the crossing points. (Ordering
 * them along S2's Hilbert curve instead contradicts two of the documented unions.)
 */
function vertexRanks(pool: VertexPool, emitted: readonly InputEdge[]): number[] {
  const ranks = new Array<number>(pool.points.length).fill(-1);
  let next = 0;
  const rank = (id: number): void => {
    if (ranks[id] === -1) ranks[id] = next++;
  };
  for (const edge of emitted) {
    rank(edge.src);
    rank(edge.dst);
  }
  // Then the rest (crossing points), in the order they were found.
  for (let id = 0; id < ranks.length; id++) rank(id);
  return ranks;
}
