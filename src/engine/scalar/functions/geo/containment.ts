/**
 * Point containment and nearest points for polygons on the sphere.
 *
 * A ring (oriented counterclockwise around its smaller region by geojson.ts) contains a point
 * when an arc from a reference point known to be inside crosses the ring's edges an even number
 * of times. A polygon contains the point when an odd number of its rings do (a shell minus its
 * holes); a multipolygon when any of its polygons does.
 */
import type { Line, Polygon, Ring } from './geojson.js';
import {
  type Vec3,
  add,
  angle,
  arcsCross,
  chordDistanceToArc,
  closestPointOnArc,
  cross,
  norm,
  normalize,
  scale,
} from './sphere.js';

/** A point just inside the ring, left of the middle of its longest edge. */
function insidePoint(ring: Ring): Vec3 {
  const vs = ring.vertices;
  let best = 0;
  let bestLength = -1;
  for (let i = 0; i < vs.length; i++) {
    const length = angle(vs[i]!.p, vs[(i + 1) % vs.length]!.p);
    if (length > bestLength) {
      bestLength = length;
      best = i;
    }
  }
  const a = vs[best]!.p;
  const b = vs[(best + 1) % vs.length]!.p;
  const mid = normalize(add(a, b));
  const left = normalize(cross(a, b));
  // An offset small against the edge keeps the point clear of the ring's other edges.
  return normalize(add(mid, scale(left, bestLength * 1e-6)));
}

const insideCache = new WeakMap<Ring, Vec3>();

function referenceOf(ring: Ring): Vec3 {
  let r = insideCache.get(ring);
  if (r === undefined) {
    r = insidePoint(ring);
    insideCache.set(ring, r);
  }
  return r;
}

function crossings(ring: Ring, from: Vec3, to: Vec3): number {
  const vs = ring.vertices;
  let count = 0;
  for (let i = 0; i < vs.length; i++) {
    if (arcsCross(from, to, vs[i]!.p, vs[(i + 1) % vs.length]!.p)) count++;
  }
  return count;
}

export function ringContains(ring: Ring, p: Vec3): boolean {
  const r = referenceOf(ring);
  let count: number;
  if (angle(r, p) > Math.PI - 1e-3) {
    // The arc to a nearly antipodal point is ill-defined: go around through a point at 90°.
    let side = cross(r, [0, 0, 1]);
    if (norm(side) < 1e-6) side = cross(r, [1, 0, 0]);
    const via = normalize(side);
    count = crossings(ring, r, via) + crossings(ring, via, p);
  } else {
    count = crossings(ring, r, p);
  }
  return count % 2 === 0;
}

export function polygonContains(polygon: Polygon, p: Vec3): boolean {
  let inside = false;
  for (const ring of polygon.rings) if (ringContains(ring, p)) inside = !inside;
  return inside;
}

export function polygonsContain(polygons: readonly Polygon[], p: Vec3): boolean {
  return polygons.some((polygon) => polygonContains(polygon, p));
}

type Edge = readonly [Vec3, Vec3];

function nearestOnEdges(edges: Iterable<Edge>, p: Vec3): { point: Vec3; distance: number } {
  let best: Edge | null = null;
  let bestDistance = Infinity;
  for (const e of edges) {
    const d = chordDistanceToArc(p, e[0], e[1]);
    if (d < bestDistance) {
      bestDistance = d;
      best = e;
    }
  }
  return { point: best === null ? p : closestPointOnArc(p, best[0], best[1]), distance: bestDistance };
}

function* ringEdges(polygons: readonly Polygon[]): Generator<Edge> {
  for (const polygon of polygons) {
    for (const ring of polygon.rings) {
      const vs = ring.vertices;
      for (let i = 0; i < vs.length; i++) yield [vs[i]!.p, vs[(i + 1) % vs.length]!.p];
    }
  }
}

function* lineEdges(lines: readonly Line[]): Generator<Edge> {
  for (const line of lines) for (let i = 0; i + 1 < line.length; i++) yield [line[i]!.p, line[i + 1]!.p];
}

/** The nearest boundary point of the polygons to p, and its angular distance. */
export function nearestOnPolygons(polygons: readonly Polygon[], p: Vec3): { point: Vec3; distance: number } {
  return nearestOnEdges(ringEdges(polygons), p);
}

/** The nearest point of the lines to p, and its angular distance. */
export function nearestOnLines(lines: readonly Line[], p: Vec3): { point: Vec3; distance: number } {
  return nearestOnEdges(lineEdges(lines), p);
}
