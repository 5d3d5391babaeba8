/**
 * Reshaping lines and polygons: geo_line_densify and geo_polygon_densify (planar edges, straight
 * in longitude/latitude, become chains of geodesics within a tolerance of them), and
 * geo_line_simplify, geo_polygon_simplify and geo_simplify_polygons_array (vertices dropped while
 * the shape stays within a tolerance, and no two kept vertices are closer than it).
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { type ParamValue, geoDef } from './args.js';
import {
  type Line,
  type Position,
  type Vertex,
  lineJson,
  multiLineJson,
  multiPolygonJson,
  polygonJson,
  readGeometry,
  readPolygons,
  readVertex,
} from './geojson.js';
import { EARTH_RADIUS_METERS, angle, distanceToArc, fromLngLat } from './sphere.js';

const DEFAULT_TOLERANCE = 10;
const MIN_DENSIFY_TOLERANCE = 0.1;
const MAX_DENSIFY_TOLERANCE = 10000;
/** "The maximum number of points in the densified line is limited to 10485760." */
const MAX_DENSIFIED_POINTS = 10485760;
/** Simplification tolerances up to about a fifth of the Earth's circumference. */
const MAX_SIMPLIFY_TOLERANCE = 7800000;

function tolerance(value: ParamValue | undefined, min: number, max: number): number | null {
  if (value === undefined) return DEFAULT_TOLERANCE;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) return null;
  return value;
}

// ---- Densify ----

class TooManyPoints extends Error {}

/**
 * Splits the planar edge a→b at its planar midpoint while the midpoint lies farther than the
 * tolerance from the geodesic between the ends, appending the points after `a`.
 */
function densifyEdge(
  a: Position,
  b: Position,
  toleranceRadians: number,
  out: Position[],
  depth: number,
): void {
  const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const pa = fromLngLat(a[0], a[1]);
  const pb = fromLngLat(b[0], b[1]);
  if (depth < 40 && distanceToArc(fromLngLat(mid[0], mid[1]), pa, pb) > toleranceRadians) {
    densifyEdge(a, mid, toleranceRadians, out, depth + 1);
    densifyEdge(mid, b, toleranceRadians, out, depth + 1);
    return;
  }
  out.push(b);
  if (out.length > MAX_DENSIFIED_POINTS) throw new TooManyPoints();
}

function normalizeLng(lng: number): number {
  return lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
}

function densifyPath(vertices: readonly Vertex[], toleranceMeters: number): Position[] {
  const toleranceRadians = toleranceMeters / EARTH_RADIUS_METERS;
  const out: Position[] = [[vertices[0]!.lng, vertices[0]!.lat]];
  for (let i = 1; i < vertices.length; i++) {
    const a: Position = [vertices[i - 1]!.lng, vertices[i - 1]!.lat];
    let bLng = vertices[i]!.lng;
    // The shorter way round: an edge spanning more than 180° of longitude crosses the antimeridian.
    if (bLng - a[0] > 180) bLng -= 360;
    else if (a[0] - bLng > 180) bLng += 360;
    const start = out.length;
    densifyEdge(a, [bLng, vertices[i]!.lat], toleranceRadians, out, 0);
    for (let k = start; k < out.length; k++) out[k] = [normalizeLng(out[k]![0]), out[k]![1]];
  }
  return out;
}

function rawVertices(coordinates: DynamicValue | undefined): Vertex[] {
  return (coordinates as DynamicValue[]).map((c) => readVertex(c)!);
}

function densifyLines(value: DynamicValue, toleranceMeters: number): DynamicValue {
  const geometry = readGeometry(value);
  if (geometry === null) return null;
  if (geometry.kind === 'LineString') return lineJson(densifyPath(geometry.lines[0]!, toleranceMeters));
  if (geometry.kind === 'MultiLineString')
    return multiLineJson(geometry.lines.map((l) => densifyPath(l, toleranceMeters)));
  return null;
}

/** Rings keep their written orientation (the parsed ones are turned counterclockwise). */
function densifyPolygons(value: DynamicValue, toleranceMeters: number): DynamicValue {
  const geometry = readGeometry(value);
  if (geometry === null || (geometry.kind !== 'Polygon' && geometry.kind !== 'MultiPolygon')) return null;
  const coordinates = (value as { coordinates: DynamicValue[] }).coordinates;
  const densifyRings = (rings: DynamicValue): Position[][] =>
    (rings as DynamicValue[]).map((ring) => densifyPath(rawVertices(ring), toleranceMeters));
  if (geometry.kind === 'Polygon') return polygonJson(densifyRings(coordinates));
  return multiPolygonJson(coordinates.map(densifyRings));
}

// ---- Simplify ----

/** Douglas–Peucker on the sphere: the vertices to keep so every dropped one is within tolerance. */
function douglasPeucker(points: readonly Vertex[], toleranceRadians: number): Vertex[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = toleranceRadians;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToArc(points[i]!.p, points[first]!.p, points[last]!.p);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Merges vertices closer than the tolerance to the previous kept one. */
function dropCloseVertices(points: readonly Vertex[], toleranceRadians: number, closed: boolean): Vertex[] {
  const out: Vertex[] = [];
  for (const p of points) {
    if (out.length === 0 || angle(out[out.length - 1]!.p, p.p) >= toleranceRadians) out.push(p);
  }
  if (closed) {
    while (out.length > 1 && angle(out[out.length - 1]!.p, out[0]!.p) < toleranceRadians) out.pop();
  } else if (out.length >= 2 && angle(out[out.length - 1]!.p, points[points.length - 1]!.p) > 0) {
    // Keep the line's true end in place of the last kept vertex near it.
    out[out.length - 1] = points[points.length - 1]!;
  }
  return out;
}

function simplifyLine(line: Line, toleranceRadians: number): Position[] | null {
  const kept = dropCloseVertices(douglasPeucker(line, toleranceRadians), toleranceRadians, false);
  // A line shorter than the tolerance collapses to a point and disappears.
  if (kept.length < 2) return null;
  return kept.map((v) => [v.lng, v.lat]);
}

function simplifyRing(ring: readonly Vertex[], toleranceRadians: number): Position[] | null {
  const closed = [...ring, ring[0]!];
  const kept = dropCloseVertices(
    douglasPeucker(closed, toleranceRadians).slice(0, -1),
    toleranceRadians,
    true,
  );
  if (kept.length < 3) return null;
  const out: Position[] = kept.map((v) => [v.lng, v.lat]);
  out.push(out[0]!);
  return out;
}

function simplifyLines(value: DynamicValue, toleranceMeters: number): DynamicValue {
  const geometry = readGeometry(value);
  if (geometry === null || (geometry.kind !== 'LineString' && geometry.kind !== 'MultiLineString'))
    return null;
  const t = toleranceMeters / EARTH_RADIUS_METERS;
  const lines = geometry.lines.map((l) => simplifyLine(l, t)).filter((l): l is Position[] => l !== null);
  if (lines.length === 0) return null;
  return lines.length === 1 ? lineJson(lines[0]!) : multiLineJson(lines);
}

function simplifyPolygonList(
  polygons: ReturnType<typeof readPolygons>,
  toleranceMeters: number,
): DynamicValue {
  if (polygons === null) return null;
  const t = toleranceMeters / EARTH_RADIUS_METERS;
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    const shell = simplifyRing(polygon.rings[0]!.vertices, t);
    if (shell === null) continue;
    const holes = polygon.rings
      .slice(1)
      .map((ring) => simplifyRing([...ring.vertices].reverse(), t))
      .filter((r): r is Position[] => r !== null);
    out.push([shell, ...holes]);
  }
  if (out.length === 0) return null;
  return out.length === 1 ? polygonJson(out[0]!) : multiPolygonJson(out);
}

export const reshapeFunctions: FunctionTable = {
  geo_line_densify: geoDef(['dynamic', 'real', 'bool'], 1, 'dynamic', (a) => {
    const t = tolerance(a[1], MIN_DENSIFY_TOLERANCE, MAX_DENSIFY_TOLERANCE);
    if (t === null) return null;
    try {
      return densifyLines(a[0] as DynamicValue, t);
    } catch (e) {
      if (e instanceof TooManyPoints) return null;
      throw e;
    }
  }),
  geo_polygon_densify: geoDef(['dynamic', 'real', 'bool'], 1, 'dynamic', (a) => {
    const t = tolerance(a[1], MIN_DENSIFY_TOLERANCE, MAX_DENSIFY_TOLERANCE);
    if (t === null) return null;
    try {
      return densifyPolygons(a[0] as DynamicValue, t);
    } catch (e) {
      if (e instanceof TooManyPoints) return null;
      throw e;
    }
  }),
  geo_line_simplify: geoDef(['dynamic', 'real'], 1, 'dynamic', (a) => {
    const t = tolerance(a[1], 0, MAX_SIMPLIFY_TOLERANCE);
    return t === null ? null : simplifyLines(a[0] as DynamicValue, t);
  }),
  geo_polygon_simplify: geoDef(['dynamic', 'real'], 1, 'dynamic', (a) => {
    const t = tolerance(a[1], 0, MAX_SIMPLIFY_TOLERANCE);
    return t === null ? null : simplifyPolygonList(readPolygons(a[0] as DynamicValue), t);
  }),
  geo_simplify_polygons_array: geoDef(['dynamic', 'real'], 1, 'dynamic', (a) => {
    const t = tolerance(a[1], 0, MAX_SIMPLIFY_TOLERANCE);
    const items = a[0];
    if (t === null || !Array.isArray(items) || items.length === 0) return null;
    const polygons = [];
    for (const item of items) {
      const p = readPolygons(item);
      if (p === null) return null;
      polygons.push(...p);
    }
    return simplifyPolygonList(polygons, t);
  }),
};
