/**
 * Distances, containment, angles and measures of points, lines and polygons on the sphere:
 * geo_distance_2points, geo_distance_point_to_line, geo_distance_point_to_polygon,
 * geo_point_in_circle, geo_point_in_polygon, geo_closest_point_on_line,
 * geo_closest_point_on_polygon, geo_angle, geo_azimuth, geo_line_length, geo_polygon_area,
 * geo_polygon_perimeter, geo_line_centroid, geo_polygon_centroid, geo_line_interpolate_point and
 * geo_line_locate_point. Invalid coordinates or shapes give null, as the reference pages say.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { geoDef, validLngLat } from './args.js';
import { nearestOnLines, nearestOnPolygons, polygonsContain } from './containment.js';
import { type Line, type Polygon, pointJson, readLines, readLineString, readPolygons } from './geojson.js';
import {
  EARTH_RADIUS_METERS,
  type Vec3,
  add,
  angle,
  arcMoment,
  azimuth,
  closestPointOnArc,
  fromLngLat,
  interpolate,
  norm,
  toLngLat,
  triangleMoment,
} from './sphere.js';
import { spheroidDistance } from './spheroid.js';

function point(lng: unknown, lat: unknown): Vec3 | null {
  return validLngLat(lng, lat) ? fromLngLat(lng as number, lat as number) : null;
}

function pointResult(p: Vec3): DynamicValue {
  const [lng, lat] = toLngLat(p);
  return pointJson(lng, lat);
}

/** The position of a nearest point: the vertex as written when it is one, else computed. */
function nearestJson(lines: readonly Line[], p: Vec3): DynamicValue {
  const { point: q } = nearestOnLines(lines, p);
  for (const line of lines) for (const v of line) if (v.p === q) return pointJson(v.lng, v.lat);
  return pointResult(q);
}

function lineLength(line: Line): number {
  let sum = 0;
  for (let i = 0; i + 1 < line.length; i++) sum += angle(line[i]!.p, line[i + 1]!.p);
  return sum;
}

/** Ring areas summed with signs: shells add, holes subtract (a hole lies inside its shell). */
function polygonArea(polygon: Polygon): number {
  let area = polygon.rings[0]!.area;
  for (let i = 1; i < polygon.rings.length; i++) area -= polygon.rings[i]!.area;
  return area;
}

function ringMoment(vertices: readonly { p: Vec3 }[], sign: number): Vec3 {
  let sum: Vec3 = [0, 0, 0];
  const origin = vertices[0]!.p;
  for (let i = 1; i + 1 < vertices.length; i++) {
    const m = triangleMoment(origin, vertices[i]!.p, vertices[i + 1]!.p);
    sum = add(sum, [m[0] * sign, m[1] * sign, m[2] * sign]);
  }
  return sum;
}

/** The point a fraction of the way along a line, measured by length. */
function pointAtFraction(line: Line, fraction: number): Vec3 {
  const total = lineLength(line);
  if (fraction <= 0 || total === 0) return line[0]!.p;
  if (fraction >= 1) return line[line.length - 1]!.p;
  let target = fraction * total;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!.p;
    const b = line[i + 1]!.p;
    const length = angle(a, b);
    if (target < length) return interpolate(a, b, target / length);
    target -= length;
  }
  return line[line.length - 1]!.p;
}

/** The fraction of the line's length at which its nearest point to p lies. */
function fractionOfNearest(line: Line, p: Vec3): number {
  let best = Infinity;
  let bestAt = 0;
  let travelled = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i]!.p;
    const b = line[i + 1]!.p;
    const q = closestPointOnArc(p, a, b);
    const d = angle(p, q);
    if (d < best) {
      best = d;
      bestAt = travelled + angle(a, q);
    }
    travelled += angle(a, b);
  }
  return travelled === 0 ? 0 : bestAt / travelled;
}

export const measureFunctions: FunctionTable = {
  geo_distance_2points: geoDef(['real', 'real', 'real', 'real', 'bool'], 4, 'real', (a) => {
    const p1 = point(a[0], a[1]);
    const p2 = point(a[2], a[3]);
    if (p1 === null || p2 === null) return null;
    if (a[4] === true)
      return spheroidDistance(a[0] as number, a[1] as number, a[2] as number, a[3] as number);
    return angle(p1, p2) * EARTH_RADIUS_METERS;
  }),
  geo_distance_point_to_line: geoDef(['real', 'real', 'dynamic', 'bool'], 3, 'real', (a) => {
    const p = point(a[0], a[1]);
    const lines = readLines(a[2] as DynamicValue);
    if (p === null || lines === null) return null;
    const nearest = nearestOnLines(lines, p);
    if (a[3] === true) {
      const [lng, lat] = toLngLat(nearest.point);
      return spheroidDistance(a[0] as number, a[1] as number, lng, lat);
    }
    return nearest.distance * EARTH_RADIUS_METERS;
  }),
  geo_distance_point_to_polygon: geoDef(['real', 'real', 'dynamic'], 3, 'real', (a) => {
    const p = point(a[0], a[1]);
    const polygons = readPolygons(a[2] as DynamicValue);
    if (p === null || polygons === null) return null;
    if (polygonsContain(polygons, p)) return 0;
    return nearestOnPolygons(polygons, p).distance * EARTH_RADIUS_METERS;
  }),
  geo_point_in_circle: geoDef(['real', 'real', 'real', 'real', 'real'], 5, 'bool', (a) => {
    const p = point(a[0], a[1]);
    const c = point(a[2], a[3]);
    const radius = a[4] as number | null;
    if (p === null || c === null || radius === null || !(radius >= 0) || !Number.isFinite(radius))
      return null;
    return angle(p, c) * EARTH_RADIUS_METERS <= radius;
  }),
  geo_point_in_polygon: geoDef(['real', 'real', 'dynamic'], 3, 'bool', (a) => {
    const p = point(a[0], a[1]);
    const polygons = readPolygons(a[2] as DynamicValue);
    if (p === null || polygons === null) return null;
    return polygonsContain(polygons, p);
  }),
  geo_closest_point_on_line: geoDef(['real', 'real', 'dynamic'], 3, 'dynamic', (a) => {
    const p = point(a[0], a[1]);
    const lines = readLines(a[2] as DynamicValue);
    if (p === null || lines === null) return null;
    return nearestJson(lines, p);
  }),
  geo_closest_point_on_polygon: geoDef(['real', 'real', 'dynamic'], 3, 'dynamic', (a) => {
    const p = point(a[0], a[1]);
    const polygons = readPolygons(a[2] as DynamicValue);
    if (p === null || polygons === null) return null;
    if (polygonsContain(polygons, p)) return pointJson(a[0] as number, a[1] as number);
    const rings = polygons.flatMap((polygon) =>
      polygon.rings.map((ring) => [...ring.vertices, ring.vertices[0]!]),
    );
    return nearestJson(rings, p);
  }),
  geo_angle: geoDef(['real', 'real', 'real', 'real', 'real', 'real'], 6, 'real', (a) => {
    const p1 = point(a[0], a[1]);
    const p2 = point(a[2], a[3]);
    const p3 = point(a[4], a[5]);
    if (p1 === null || p2 === null || p3 === null) return null;
    if (degenerateEdge(p1, p2) || degenerateEdge(p2, p3)) return null;
    let result = azimuth(p2, p3) - azimuth(p2, p1);
    if (result < 0) result += 2 * Math.PI;
    return result >= 2 * Math.PI ? 0 : result;
  }),
  geo_azimuth: geoDef(['real', 'real', 'real', 'real'], 4, 'real', (a) => {
    const p1 = point(a[0], a[1]);
    const p2 = point(a[2], a[3]);
    if (p1 === null || p2 === null || degenerateEdge(p1, p2)) return null;
    return azimuth(p1, p2);
  }),
  geo_line_length: geoDef(['dynamic'], 1, 'real', (a) => {
    const lines = readLines(a[0] as DynamicValue);
    if (lines === null) return null;
    return lines.reduce((sum, line) => sum + lineLength(line), 0) * EARTH_RADIUS_METERS;
  }),
  geo_polygon_area: geoDef(['dynamic'], 1, 'real', (a) => {
    const polygons = readPolygons(a[0] as DynamicValue);
    if (polygons === null) return null;
    return polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0) * EARTH_RADIUS_METERS ** 2;
  }),
  geo_polygon_perimeter: geoDef(['dynamic'], 1, 'real', (a) => {
    const polygons = readPolygons(a[0] as DynamicValue);
    if (polygons === null) return null;
    let sum = 0;
    for (const polygon of polygons) {
      for (const ring of polygon.rings) sum += lineLength([...ring.vertices, ring.vertices[0]!]);
    }
    return sum * EARTH_RADIUS_METERS;
  }),
  geo_line_centroid: geoDef(['dynamic'], 1, 'dynamic', (a) => {
    const lines = readLines(a[0] as DynamicValue);
    if (lines === null) return null;
    let sum: Vec3 = [0, 0, 0];
    for (const line of lines) {
      for (let i = 0; i + 1 < line.length; i++) sum = add(sum, arcMoment(line[i]!.p, line[i + 1]!.p));
    }
    return norm(sum) === 0 ? null : pointResult(sum);
  }),
  geo_polygon_centroid: geoDef(['dynamic'], 1, 'dynamic', (a) => {
    const polygons = readPolygons(a[0] as DynamicValue);
    if (polygons === null) return null;
    let sum: Vec3 = [0, 0, 0];
    for (const polygon of polygons) {
      polygon.rings.forEach((ring, i) => {
        sum = add(sum, ringMoment(ring.vertices, i === 0 ? 1 : -1));
      });
    }
    return norm(sum) === 0 ? null : pointResult(sum);
  }),
  geo_line_interpolate_point: geoDef(['dynamic', 'real'], 2, 'dynamic', (a) => {
    const line = readLineString(a[0] as DynamicValue);
    const fraction = a[1] as number | null;
    if (line === null || fraction === null || !(fraction >= 0 && fraction <= 1)) return null;
    return pointResult(pointAtFraction(line, fraction));
  }),
  geo_line_locate_point: geoDef(['dynamic', 'real', 'real'], 3, 'real', (a) => {
    const line = readLineString(a[0] as DynamicValue);
    const p = point(a[1], a[2]);
    if (line === null || p === null) return null;
    return fractionOfNearest(line, p);
  }),
};

/** Equal or antipodal points have no defined direction between them. */
function degenerateEdge(a: Vec3, b: Vec3): boolean {
  const theta = angle(a, b);
  return theta === 0 || theta >= Math.PI - 1e-12;
}
