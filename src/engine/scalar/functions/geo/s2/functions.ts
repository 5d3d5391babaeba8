/**
 * The S2 cell functions: geo_point_to_s2cell, geo_s2cell_to_central_point, geo_s2cell_to_polygon,
 * geo_s2cell_neighbors and geo_polygon_to_s2cells.
 */
import type { DynamicValue } from '../../../../../types/scalar.js';
import type { FunctionTable } from '../../registry.js';
import { geoDef, validLngLat } from '../args.js';
import { pointJson, polygonJson, readPolygons } from '../geojson.js';
import { fromLngLat, toLngLat } from '../sphere.js';
import {
  MAX_LEVEL,
  allNeighbors,
  cellIdOfPoint,
  centerOf,
  fromToken,
  toToken,
  verticesOf,
} from './cell-id.js';
import { coverPolygons } from './covering.js';

const DEFAULT_LEVEL = 11;

function validLevel(level: unknown): level is number {
  return typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= MAX_LEVEL;
}

export const s2Functions: FunctionTable = {
  geo_point_to_s2cell: geoDef(['real', 'real', 'int'], 2, 'string', (a) => {
    const level = a[2] === undefined ? DEFAULT_LEVEL : a[2];
    if (!validLngLat(a[0], a[1]) || !validLevel(level)) return '';
    return toToken(cellIdOfPoint(fromLngLat(a[0] as number, a[1] as number), level));
  }),
  geo_s2cell_to_central_point: geoDef(['string'], 1, 'dynamic', (a) => {
    const id = fromToken(a[0] as string);
    if (id === null) return null;
    const [lng, lat] = toLngLat(centerOf(id));
    return pointJson(lng, lat);
  }),
  geo_s2cell_to_polygon: geoDef(['string'], 1, 'dynamic', (a): DynamicValue => {
    const id = fromToken(a[0] as string);
    if (id === null) return null;
    const ring = verticesOf(id).map((v) => toLngLat(v));
    ring.push(ring[0]!);
    return polygonJson([ring]);
  }),
  geo_s2cell_neighbors: geoDef(['string'], 1, 'dynamic', (a) => {
    const id = fromToken(a[0] as string);
    if (id === null) return null;
    return allNeighbors(id).map(toToken);
  }),
  geo_polygon_to_s2cells: geoDef(['dynamic', 'int', 'real'], 1, 'dynamic', (a) => {
    const polygons = readPolygons(a[0] as DynamicValue);
    const level = a[1] === undefined ? DEFAULT_LEVEL : a[1];
    const radius = a[2] === undefined ? 0 : (a[2] as number | null);
    if (polygons === null || !validLevel(level) || radius === null || !(radius >= 0)) return null;
    const cells = coverPolygons(polygons, level, radius);
    return cells === null ? null : cells.map(toToken);
  }),
};
