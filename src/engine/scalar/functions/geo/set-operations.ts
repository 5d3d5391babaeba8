/**
 * Set operations on shapes: geo_union_polygons_array, geo_intersection_2polygons and
 * geo_union_lines_array. Edges are geodesics; any invalid shape makes the result null, as the
 * reference pages say.
 *
 * The intersection of closed regions can have parts of lower dimension: where the polygons only
 * touch, along a shared edge (a line) or at a vertex (a point). A result with parts of several
 * kinds is a GeometryCollection, points first, then lines, then polygons; an empty one is an empty
 * GeometryCollection.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { geoDef } from './args.js';
import {
  type Position,
  collectionJson,
  lineJson,
  multiLineJson,
  multiPointJson,
  pointJson,
  readLines,
  readPolygons,
} from './geojson.js';
import { assembleLines } from './line-assembly.js';
import { regionJson } from './polygon-assembly.js';
import { type OverlayEdge, overlayRegions } from './polygon-overlay.js';
import { overlayRegion, regionOfShape, unionAll } from './polygon-union.js';
import type { Region } from './region.js';
import { toLngLat } from './sphere.js';
import { VertexPool } from './vertex-pool.js';

/** The region of every Polygon or MultiPolygon in a dynamic array; null if any is invalid. */
function regionsOfArray(value: DynamicValue): Region[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const regions: Region[] = [];
  for (const item of value) {
    const polygons = readPolygons(item);
    if (polygons === null) return null;
    regions.push(regionOfShape(polygons));
  }
  return regions;
}

function linesShape(lines: readonly (readonly Position[])[]): DynamicValue {
  return lines.length === 1 ? lineJson(lines[0]!) : multiLineJson(lines);
}

function intersectPolygons(first: Region, second: Region): DynamicValue {
  const overlay = overlayRegions(first, second, 'intersection');
  const positionOf = (id: number): Position => toLngLat(overlay.pool.point(id));
  const parts: DynamicValue[] = [];
  if (overlay.points.length === 1) {
    const [lng, lat] = positionOf(overlay.points[0]!);
    parts.push(pointJson(lng, lat));
  } else if (overlay.points.length > 1) {
    parts.push(multiPointJson(overlay.points.map(positionOf)));
  }
  if (overlay.lines.length > 0) {
    parts.push(linesShape(assembleLines(overlay.ranks, overlay.lines).map((line) => line.map(positionOf))));
  }
  const polygons = regionJson(overlayRegion(overlay));
  if (polygons !== null) parts.push(polygons);
  return parts.length === 1 ? parts[0]! : collectionJson(parts);
}

/**
 * The union of lines: every edge once (an edge given twice, in either direction, is one edge),
 * joined into polylines at shared vertices.
 */
function unionLines(value: DynamicValue): DynamicValue {
  if (!Array.isArray(value) || value.length === 0) return null;
  const pool = new VertexPool();
  const edges: OverlayEdge[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    const lines = readLines(item);
    if (lines === null) return null;
    for (const line of lines) {
      for (let i = 0; i + 1 < line.length; i++) {
        const src = pool.intern(line[i]!.p);
        const dst = pool.intern(line[i + 1]!.p);
        if (src === dst || seen.has(`${src}>${dst}`) || seen.has(`${dst}>${src}`)) continue;
        seen.add(`${src}>${dst}`);
        edges.push({ src, dst, inputId: edges.length });
      }
    }
  }
  const order = pool.points.map((_, i) => i);
  const chains = assembleLines(order, edges).map((chain) => chain.map((id) => toLngLat(pool.point(id))));
  return chains.length === 0 ? null : linesShape(chains);
}

export const setOperationFunctions: FunctionTable = {
  geo_union_polygons_array: geoDef(['dynamic'], 1, 'dynamic', (a) => {
    const regions = regionsOfArray(a[0] as DynamicValue);
    if (regions === null) return null;
    const union = unionAll(regions);
    return union === null ? null : regionJson(union);
  }),
  geo_intersection_2polygons: geoDef(['dynamic', 'dynamic'], 2, 'dynamic', (a) => {
    const p1 = readPolygons(a[0] as DynamicValue);
    const p2 = readPolygons(a[1] as DynamicValue);
    if (p1 === null || p2 === null) return null;
    return intersectPolygons(regionOfShape(p1), regionOfShape(p2));
  }),
  geo_union_lines_array: geoDef(['dynamic'], 1, 'dynamic', (a) => unionLines(a[0] as DynamicValue)),
};
