/**
 * Where lines and polygons meet: geo_intersects_2lines, geo_intersects_2polygons,
 * geo_intersects_line_with_polygon, geo_intersection_2lines and
 * geo_intersection_line_with_polygon. Edges are geodesics; crossings are computed as the meeting
 * point of the edges' great circles. An empty intersection is an empty GeometryCollection.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { geoDef } from './args.js';
import { polygonsContain } from './containment.js';
import {
  type Line,
  type Polygon,
  type Position,
  collectionJson,
  lineJson,
  multiLineJson,
  multiPointJson,
  pointJson,
  readLines,
  readPolygons,
} from './geojson.js';
import {
  type Vec3,
  add,
  angle,
  arcsCross,
  cross,
  distanceToArc,
  dot,
  edgeNormal,
  interpolate,
  norm,
  normalize,
  scale,
  toLngLat,
} from './sphere.js';

/** Points this close (radians, about 0.6 mm) are taken as touching. */
const TOUCH = 1e-10;

type Edge = readonly [Vec3, Vec3];

function lineEdges(lines: readonly Line[]): Edge[] {
  const out: Edge[] = [];
  for (const line of lines) for (let i = 0; i + 1 < line.length; i++) out.push([line[i]!.p, line[i + 1]!.p]);
  return out;
}

function polygonEdges(polygons: readonly Polygon[]): Edge[] {
  const out: Edge[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon.rings) {
      const vs = ring.vertices;
      for (let i = 0; i < vs.length; i++) out.push([vs[i]!.p, vs[(i + 1) % vs.length]!.p]);
    }
  }
  return out;
}

function edgesTouch(e: Edge, f: Edge): boolean {
  if (arcsCross(e[0], e[1], f[0], f[1])) return true;
  return (
    distanceToArc(e[0], f[0], f[1]) < TOUCH ||
    distanceToArc(e[1], f[0], f[1]) < TOUCH ||
    distanceToArc(f[0], e[0], e[1]) < TOUCH ||
    distanceToArc(f[1], e[0], e[1]) < TOUCH
  );
}

function anyEdgesTouch(a: readonly Edge[], b: readonly Edge[]): boolean {
  return a.some((e) => b.some((f) => edgesTouch(e, f)));
}

/** The crossing point of two crossing arcs. */
function crossing(e: Edge, f: Edge): Vec3 {
  const x = normalize(cross(edgeNormal(e[0], e[1]), edgeNormal(f[0], f[1])));
  const near = add(add(e[0], e[1]), add(f[0], f[1]));
  return dot(x, near) < 0 ? scale(x, -1) : x;
}

function position(p: Vec3): Position {
  return toLngLat(p);
}

/** Parameters (fractions of e's length) of the stretch of e lying along f, if they overlap. */
function overlap(e: Edge, f: Edge): [number, number] | null {
  const ne = normalize(edgeNormal(e[0], e[1]));
  const nf = normalize(edgeNormal(f[0], f[1]));
  if (norm(cross(ne, nf)) > 1e-12) return null;
  const length = angle(e[0], e[1]);
  if (length === 0) return null;
  // Signed position of a point along e's great circle, from e[0] towards e[1].
  const along = (p: Vec3): number => {
    const t = angle(e[0], p);
    return dot(cross(e[0], p), ne) < 0 ? -t : t;
  };
  const s0 = along(f[0]) / length;
  const s1 = along(f[1]) / length;
  const lo = Math.max(0, Math.min(s0, s1));
  const hi = Math.min(1, Math.max(s0, s1));
  return hi - lo > 1e-12 ? [lo, hi] : null;
}

function shapeOf(points: readonly Position[], paths: readonly Position[][]): DynamicValue {
  const parts: DynamicValue[] = [];
  if (paths.length === 1) parts.push(lineJson(paths[0]!));
  else if (paths.length > 1) parts.push(multiLineJson(paths));
  if (points.length === 1) parts.push(pointJson(points[0]![0], points[0]![1]));
  else if (points.length > 1) parts.push(multiPointJson(points));
  return parts.length === 1 ? parts[0]! : collectionJson(parts);
}

/** Appends a segment to the paths, extending the last path when it continues from its end. */
function appendSegment(paths: Vec3[][], a: Vec3, b: Vec3): void {
  const last = paths[paths.length - 1];
  if (last !== undefined && angle(last[last.length - 1]!, a) < TOUCH) last.push(b);
  else paths.push([a, b]);
}

function intersectLines(a: readonly Line[], b: readonly Line[]): DynamicValue {
  const ea = lineEdges(a);
  const eb = lineEdges(b);
  const paths: Vec3[][] = [];
  const points: Vec3[] = [];
  for (const e of ea) {
    for (const f of eb) {
      const o = overlap(e, f);
      if (o !== null) {
        appendSegment(paths, interpolate(e[0], e[1], o[0]), interpolate(e[0], e[1], o[1]));
      } else if (arcsCross(e[0], e[1], f[0], f[1])) {
        points.push(crossing(e, f));
      } else if (edgesTouch(e, f)) {
        const touching = [e[0], e[1], f[0], f[1]].find(
          (p) => distanceToArc(p, f[0], f[1]) < TOUCH && distanceToArc(p, e[0], e[1]) < TOUCH,
        );
        if (touching !== undefined) points.push(touching);
      }
    }
  }
  const onPaths = (p: Vec3): boolean =>
    paths.some((path) =>
      path.some((q, i) => i + 1 < path.length && distanceToArc(p, q, path[i + 1]!) < TOUCH),
    );
  const distinct: Vec3[] = [];
  for (const p of points) {
    if (!onPaths(p) && !distinct.some((q) => angle(p, q) < TOUCH)) distinct.push(p);
  }
  return shapeOf(
    distinct.map(position),
    paths.map((path) => path.map(position)),
  );
}

/** Parts of the lines inside the polygons, split where they cross the boundary. */
function clipLines(lines: readonly Line[], polygons: readonly Polygon[]): DynamicValue {
  const boundary = polygonEdges(polygons);
  const paths: Vec3[][] = [];
  for (const line of lines) {
    let open = false;
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i]!.p;
      const b = line[i + 1]!.p;
      const length = angle(a, b);
      const cuts: number[] = [0, 1];
      for (const f of boundary) {
        if (arcsCross(a, b, f[0], f[1])) cuts.push(angle(a, crossing([a, b], f)) / length);
      }
      cuts.sort((x, y) => x - y);
      for (let k = 0; k + 1 < cuts.length; k++) {
        if (cuts[k + 1]! - cuts[k]! <= 0) continue;
        const mid = interpolate(a, b, (cuts[k]! + cuts[k + 1]!) / 2);
        const inside = polygonsContain(polygons, mid);
        if (!inside) {
          open = false;
          continue;
        }
        const start = interpolate(a, b, cuts[k]!);
        const end = interpolate(a, b, cuts[k + 1]!);
        if (open) paths[paths.length - 1]!.push(end);
        else paths.push([start, end]);
        open = true;
      }
    }
  }
  if (paths.length === 0) return collectionJson([]);
  return shapeOf(
    [],
    paths.map((path) => path.map(position)),
  );
}

export const overlayFunctions: FunctionTable = {
  geo_intersects_2lines: geoDef(['dynamic', 'dynamic'], 2, 'bool', (a) => {
    const l1 = readLines(a[0] as DynamicValue);
    const l2 = readLines(a[1] as DynamicValue);
    if (l1 === null || l2 === null) return null;
    return anyEdgesTouch(lineEdges(l1), lineEdges(l2));
  }),
  geo_intersects_2polygons: geoDef(['dynamic', 'dynamic'], 2, 'bool', (a) => {
    const p1 = readPolygons(a[0] as DynamicValue);
    const p2 = readPolygons(a[1] as DynamicValue);
    if (p1 === null || p2 === null) return null;
    if (anyEdgesTouch(polygonEdges(p1), polygonEdges(p2))) return true;
    const someVertexIn = (from: readonly Polygon[], to: readonly Polygon[]): boolean =>
      from.some((polygon) =>
        polygon.rings.some((ring) => ring.vertices.some((v) => polygonsContain(to, v.p))),
      );
    return someVertexIn(p1, p2) || someVertexIn(p2, p1);
  }),
  geo_intersects_line_with_polygon: geoDef(['dynamic', 'dynamic'], 2, 'bool', (a) => {
    const lines = readLines(a[0] as DynamicValue);
    const polygons = readPolygons(a[1] as DynamicValue);
    if (lines === null || polygons === null) return null;
    if (lines.some((line) => line.some((v) => polygonsContain(polygons, v.p)))) return true;
    return anyEdgesTouch(lineEdges(lines), polygonEdges(polygons));
  }),
  geo_intersection_2lines: geoDef(['dynamic', 'dynamic'], 2, 'dynamic', (a) => {
    const l1 = readLines(a[0] as DynamicValue);
    const l2 = readLines(a[1] as DynamicValue);
    if (l1 === null || l2 === null) return null;
    return intersectLines(l1, l2);
  }),
  geo_intersection_line_with_polygon: geoDef(['dynamic', 'dynamic'], 2, 'dynamic', (a) => {
    const lines = readLines(a[0] as DynamicValue);
    const polygons = readPolygons(a[1] as DynamicValue);
    if (lines === null || polygons === null) return null;
    return clipLines(lines, polygons);
  }),
};
