/**
 * Reading GeoJSON dynamic values into validated spherical shapes, and writing shapes back as
 * GeoJSON bags. The constraints are the reference pages' ("LineString coordinates array must
 * contain at least two entries", "LinearRing vertices must be distinct with at least three
 * coordinates. The first coordinate must be equal to the last", "Edge length must be less than
 * 180 degrees"); anything else is invalid and the functions return null.
 *
 * Parsed shapes are cached per dynamic object, so a constant polygon (a `let` or a literal) is
 * read once however many rows test against it.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import { isBag, newBag } from '../../../values/dynamic.js';
import { type Vec3, angle, fromLngLat, signedTriangleArea } from './sphere.js';

/** A validated vertex: degrees as given, and its unit vector. */
export interface Vertex {
  readonly lng: number;
  readonly lat: number;
  readonly p: Vec3;
}

/** A polyline with at least two vertices, no edge antipodal. */
export type Line = readonly Vertex[];

/**
 * A closed ring without its repeated closing vertex, oriented counterclockwise around the smaller
 * of the two regions it bounds (the docs: "the smaller of the two regions will be chosen").
 */
export interface Ring {
  readonly vertices: readonly Vertex[];
  /** The area in steradians of the region the ring encloses. */
  readonly area: number;
}

/** A shell and its holes. */
export interface Polygon {
  readonly rings: readonly Ring[];
}

export type Geometry =
  | { readonly kind: 'Point'; readonly point: Vertex }
  | { readonly kind: 'MultiPoint'; readonly points: readonly Vertex[] }
  | { readonly kind: 'LineString' | 'MultiLineString'; readonly lines: readonly Line[] }
  | { readonly kind: 'Polygon' | 'MultiPolygon'; readonly polygons: readonly Polygon[] }
  | { readonly kind: 'GeometryCollection'; readonly geometries: readonly Geometry[] };

function numberOf(v: DynamicValue | undefined): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

/** A [lng, lat] coordinate pair (extra members such as altitude are ignored). */
export function readVertex(v: DynamicValue | undefined): Vertex | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  const lng = numberOf(v[0]);
  const lat = numberOf(v[1]);
  if (lng === null || lat === null) return null;
  return makeVertex(lng, lat);
}

export function makeVertex(lng: number, lat: number): Vertex | null {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return null;
  return { lng, lat, p: fromLngLat(lng, lat) };
}

function readVertices(v: DynamicValue | undefined): Vertex[] | null {
  if (!Array.isArray(v)) return null;
  const out: Vertex[] = [];
  for (const item of v) {
    const vertex = readVertex(item);
    if (vertex === null) return null;
    out.push(vertex);
  }
  return out;
}

/** Edges of 180 degrees have no shortest geodesic. */
const MAX_EDGE = Math.PI - 1e-12;

export function readLine(v: DynamicValue | undefined): Line | null {
  const vertices = readVertices(v);
  if (vertices === null || vertices.length < 2) return null;
  for (let i = 1; i < vertices.length; i++) {
    if (angle(vertices[i - 1]!.p, vertices[i]!.p) > MAX_EDGE) return null;
  }
  return vertices;
}

/** The ring's area to the left of its edges (signed: negative when it runs clockwise). */
function signedArea(vertices: readonly Vertex[]): number {
  let sum = 0;
  const origin = vertices[0]!.p;
  for (let i = 1; i + 1 < vertices.length; i++) {
    sum += signedTriangleArea(origin, vertices[i]!.p, vertices[i + 1]!.p);
  }
  return sum;
}

export function readRing(v: DynamicValue | undefined): Ring | null {
  const vertices = readVertices(v);
  if (vertices === null || vertices.length < 4) return null;
  const first = vertices[0]!;
  const last = vertices[vertices.length - 1]!;
  if (first.lng !== last.lng || first.lat !== last.lat) return null;
  const open = vertices.slice(0, -1);
  // Distinct vertices: a ring that repeats a vertex (other than closing) is degenerate.
  const seen = new Set<string>();
  for (const vertex of open) {
    const key = `${vertex.p[0]},${vertex.p[1]},${vertex.p[2]}`;
    if (seen.has(key)) return null;
    seen.add(key);
  }
  if (open.length < 3) return null;
  for (let i = 0; i < open.length; i++) {
    if (angle(open[i]!.p, open[(i + 1) % open.length]!.p) > MAX_EDGE) return null;
  }
  const area = signedArea(open);
  if (area === 0) return null;
  return area > 0 ? { vertices: open, area } : { vertices: open.reverse(), area: -area };
}

function readPolygonRings(v: DynamicValue | undefined): Polygon | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const rings: Ring[] = [];
  for (const r of v) {
    const ring = readRing(r);
    if (ring === null) return null;
    rings.push(ring);
  }
  return { rings };
}

const cache = new WeakMap<object, Geometry | null>();

/** Any GeoJSON geometry, or null when it is not valid. */
export function readGeometry(value: DynamicValue): Geometry | null {
  if (!isBag(value)) return null;
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const geometry = readUncached(value, 0);
  cache.set(value, geometry);
  return geometry;
}

function readUncached(value: DynamicValue, depth: number): Geometry | null {
  if (!isBag(value) || depth > 32) return null;
  const type = value['type'];
  if (type === 'GeometryCollection') {
    const items = value['geometries'];
    if (!Array.isArray(items)) return null;
    const geometries: Geometry[] = [];
    for (const item of items) {
      const g = readUncached(item, depth + 1);
      if (g === null) return null;
      geometries.push(g);
    }
    return { kind: 'GeometryCollection', geometries };
  }
  const coordinates = value['coordinates'];
  switch (type) {
    case 'Point': {
      const point = readVertex(coordinates);
      return point === null ? null : { kind: 'Point', point };
    }
    case 'MultiPoint': {
      const points = readVertices(coordinates);
      return points === null || points.length === 0 ? null : { kind: 'MultiPoint', points };
    }
    case 'LineString': {
      const line = readLine(coordinates);
      return line === null ? null : { kind: 'LineString', lines: [line] };
    }
    case 'MultiLineString': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
      const lines: Line[] = [];
      for (const c of coordinates) {
        const line = readLine(c);
        if (line === null) return null;
        lines.push(line);
      }
      return { kind: 'MultiLineString', lines };
    }
    case 'Polygon': {
      const polygon = readPolygonRings(coordinates);
      return polygon === null ? null : { kind: 'Polygon', polygons: [polygon] };
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) return null;
      const polygons: Polygon[] = [];
      for (const c of coordinates) {
        const polygon = readPolygonRings(c);
        if (polygon === null) return null;
        polygons.push(polygon);
      }
      return { kind: 'MultiPolygon', polygons };
    }
    default:
      return null;
  }
}

/** The lines of a LineString or MultiLineString, else null. */
export function readLines(value: DynamicValue): readonly Line[] | null {
  const g = readGeometry(value);
  return g !== null && (g.kind === 'LineString' || g.kind === 'MultiLineString') ? g.lines : null;
}

/** The single line of a LineString, else null. */
export function readLineString(value: DynamicValue): Line | null {
  const g = readGeometry(value);
  return g !== null && g.kind === 'LineString' ? g.lines[0]! : null;
}

/** The polygons of a Polygon or MultiPolygon, else null. */
export function readPolygons(value: DynamicValue): readonly Polygon[] | null {
  const g = readGeometry(value);
  return g !== null && (g.kind === 'Polygon' || g.kind === 'MultiPolygon') ? g.polygons : null;
}

// ---- Writing GeoJSON ----

export type Position = readonly [number, number];

function bag(type: string, key: string, value: DynamicValue): DynamicValue {
  const b = newBag();
  b['type'] = type;
  b[key] = value;
  return b;
}

export function pointJson(lng: number, lat: number): DynamicValue {
  return bag('Point', 'coordinates', [lng, lat]);
}

export function multiPointJson(points: readonly Position[]): DynamicValue {
  return bag(
    'MultiPoint',
    'coordinates',
    points.map((p) => [p[0], p[1]]),
  );
}

export function lineJson(points: readonly Position[]): DynamicValue {
  return bag(
    'LineString',
    'coordinates',
    points.map((p) => [p[0], p[1]]),
  );
}

export function multiLineJson(lines: readonly (readonly Position[])[]): DynamicValue {
  return bag(
    'MultiLineString',
    'coordinates',
    lines.map((l) => l.map((p) => [p[0], p[1]])),
  );
}

/** A polygon from closed rings (each ring's first position repeated at its end). */
export function polygonJson(rings: readonly (readonly Position[])[]): DynamicValue {
  return bag(
    'Polygon',
    'coordinates',
    rings.map((r) => r.map((p) => [p[0], p[1]])),
  );
}

export function multiPolygonJson(polygons: readonly (readonly (readonly Position[])[])[]): DynamicValue {
  return bag(
    'MultiPolygon',
    'coordinates',
    polygons.map((rings) => rings.map((r) => r.map((p) => [p[0], p[1]]))),
  );
}

export function collectionJson(geometries: readonly DynamicValue[]): DynamicValue {
  return bag('GeometryCollection', 'geometries', [...geometries]);
}

/** A ring's positions closed by repeating its first vertex. */
export function closedRing(vertices: readonly Vertex[]): Position[] {
  const out: Position[] = vertices.map((v) => [v.lng, v.lat]);
  if (vertices.length > 0) out.push([vertices[0]!.lng, vertices[0]!.lat]);
  return out;
}
