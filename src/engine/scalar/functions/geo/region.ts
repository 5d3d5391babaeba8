/**
 * A region of the sphere bounded by loops, in the form S2 keeps a polygon: every loop is stored
 * counterclockwise around the smaller region it bounds (a hole's loop runs around the hole), the
 * loops are listed shell first, then its holes, then the next shell; and the boundary is read
 * with the region on the left, so a hole's edges run clockwise.
 *
 * The order of the loops and of their edges matters beyond geometry: the overlay numbers the
 * input edges in this order, and the numbers decide where each output loop starts.
 */
import type { Polygon as ParsedPolygon } from './geojson.js';
import {
  type Vec3,
  add,
  angle,
  cross,
  distanceToArc,
  dot,
  normalize,
  scale,
  signedTriangleArea,
} from './sphere.js';

export interface Loop {
  /** Counterclockwise around the smaller region the loop bounds. */
  readonly vertices: readonly Vec3[];
  readonly hole: boolean;
}

/** Loops, each shell followed by its holes. */
export interface Region {
  readonly loops: readonly Loop[];
}

/**
 * The loop's vertices with the region on the left. A hole's are its stored vertices reversed but
 * kept starting at the same vertex (v0, vn−1, …, v1), as S2 reads a hole as far as we know; no
 * documented output has a hole, so where a hole's ring starts is unconfirmed.
 */
export function orientedVertices(loop: Loop): Vec3[] {
  if (!loop.hole) return [...loop.vertices];
  const vs = loop.vertices;
  return [vs[0]!, ...vs.slice(1).reverse()];
}

/** The region of parsed GeoJSON polygons (their rings are already counterclockwise). */
export function regionOfPolygons(polygons: readonly ParsedPolygon[]): Region {
  const loops: Loop[] = [];
  for (const polygon of polygons) {
    polygon.rings.forEach((ring, i) => loops.push({ vertices: ring.vertices.map((v) => v.p), hole: i > 0 }));
  }
  return { loops };
}

export function vertexCount(region: Region): number {
  return region.loops.reduce((n, loop) => n + loop.vertices.length, 0);
}

/** The area left of a closed chain, in steradians, negative when it runs clockwise. */
export function signedLoopArea(vertices: readonly Vec3[]): number {
  let sum = 0;
  const origin = vertices[0]!;
  for (let i = 1; i + 1 < vertices.length; i++)
    sum += signedTriangleArea(origin, vertices[i]!, vertices[i + 1]!);
  return sum;
}

// ---- Containment ----

/**
 * A point strictly inside a counterclockwise loop: the middle of its longest edge moved to the
 * left by less than half the distance to any other edge, so the step crosses no edge.
 */
function computeInteriorPoint(vertices: readonly Vec3[]): Vec3 {
  const n = vertices.length;
  let best = 0;
  let bestLength = -1;
  for (let i = 0; i < n; i++) {
    const length = angle(vertices[i]!, vertices[(i + 1) % n]!);
    if (length > bestLength) {
      bestLength = length;
      best = i;
    }
  }
  const a = vertices[best]!;
  const b = vertices[(best + 1) % n]!;
  const mid = normalize(add(a, b));
  let clearance = bestLength / 2;
  for (let i = 0; i < n; i++) {
    if (i === best) continue;
    clearance = Math.min(clearance, distanceToArc(mid, vertices[i]!, vertices[(i + 1) % n]!));
  }
  const left = normalize(cross(a, b));
  const step = clearance / 4;
  return normalize(add(scale(mid, Math.cos(step)), scale(left, Math.sin(step))));
}

/**
 * Does the arc from → to cross the edge c → d? An edge endpoint lying exactly on the arc's great
 * circle counts as being on its left, so a ray through a vertex crosses exactly one of the two
 * edges meeting there when they go on to opposite sides, and none or two otherwise.
 */
function rayCrossesEdge(from: Vec3, to: Vec3, ray: Vec3, c: Vec3, d: Vec3): boolean {
  const sc = dot(ray, c) >= 0;
  const sd = dot(ray, d) >= 0;
  if (sc === sd) return false;
  const cd = cross(c, d);
  const ta = Math.sign(dot(cd, from));
  const tb = Math.sign(dot(cd, to));
  if (ta === 0 || tb === 0 || ta === tb) return false;
  // The great circles meet twice; the crossing is on both arcs when the signs pair this way.
  return (sd ? 1 : -1) === ta;
}

function crossingCount(vertices: readonly Vec3[], from: Vec3, to: Vec3): number {
  const ray = cross(from, to);
  let count = 0;
  const n = vertices.length;
  for (let i = 0; i < n; i++) {
    if (rayCrossesEdge(from, to, ray, vertices[i]!, vertices[(i + 1) % n]!)) count++;
  }
  return count;
}

const interiorPoints = new WeakMap<readonly Vec3[], Vec3>();

/** A point strictly inside the counterclockwise loop (cached per vertex array). */
export function interiorPoint(vertices: readonly Vec3[]): Vec3 {
  let r = interiorPoints.get(vertices);
  if (r === undefined) {
    r = computeInteriorPoint(vertices);
    interiorPoints.set(vertices, r);
  }
  return r;
}

/** Is p inside the counterclockwise loop (p not on its boundary)? */
export function loopContains(vertices: readonly Vec3[], p: Vec3): boolean {
  const r = interiorPoint(vertices);
  let count: number;
  if (angle(r, p) > Math.PI - 1e-3) {
    // An arc to a nearly antipodal point is ill-defined: go round through a point 90° away.
    let side = cross(r, [0, 0, 1]);
    if (dot(side, side) < 1e-12) side = cross(r, [1, 0, 0]);
    const via = normalize(side);
    count = crossingCount(vertices, r, via) + crossingCount(vertices, via, p);
  } else {
    count = crossingCount(vertices, r, p);
  }
  return count % 2 === 0;
}

/** Is p inside the region (in a shell and in none of that shell's holes)? p off the boundary. */
export function regionContains(region: Region, p: Vec3): boolean {
  // Whether p is inside the polygon being read: its shell, less the holes seen so far.
  let inPolygon = false;
  for (const loop of region.loops) {
    if (!loop.hole) {
      if (inPolygon) return true;
      inPolygon = loopContains(loop.vertices, p);
    } else if (inPolygon && loopContains(loop.vertices, p)) {
      inPolygon = false;
    }
  }
  return inPolygon;
}
