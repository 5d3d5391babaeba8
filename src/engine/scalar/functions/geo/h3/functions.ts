/**
 * The H3 cell functions: geo_point_to_h3cell, geo_h3cell_to_central_point, geo_h3cell_to_polygon,
 * geo_h3cell_parent, geo_h3cell_children, geo_h3cell_level, geo_h3cell_neighbors,
 * geo_h3cell_rings and geo_polygon_to_h3cells.
 */
import type { DynamicValue } from '../../../../../types/scalar.js';
import type { FunctionTable } from '../../registry.js';
import { geoDef, validLngLat } from '../args.js';
import { type Position, pointJson, polygonJson, readGeometry } from '../geojson.js';
import {
  cellToBoundary,
  cellToChildren,
  cellToLatLng,
  cellToParent,
  gridDiskDistances,
  latLngOf,
  latLngToCell,
} from './cells.js';
import type { LatLng } from './face-ijk.js';
import { MAX_RES, fromToken, getRes, toToken } from './index-bits.js';
import { polygonToCells } from './polyfill.js';

const DEFAULT_RES = 6;
/** "A difference between cell resolution and its children can't be more than 5." */
const MAX_CHILD_DEPTH = 5;
/** "Valid distance is in range [0, 142]." */
const MAX_RING_DISTANCE = 142;

const DEG = 180 / Math.PI;

function degrees(g: LatLng): Position {
  return [g.lng * DEG, g.lat * DEG];
}

function validRes(res: unknown): res is number {
  return typeof res === 'number' && Number.isInteger(res) && res >= 0 && res <= MAX_RES;
}

function cellOf(token: unknown): bigint | null {
  return typeof token === 'string' ? fromToken(token) : null;
}

export const h3Functions: FunctionTable = {
  geo_point_to_h3cell: geoDef(['real', 'real', 'int'], 2, 'string', (a) => {
    const res = a[2] === undefined ? DEFAULT_RES : a[2];
    if (!validLngLat(a[0], a[1]) || !validRes(res)) return '';
    const cell = latLngToCell(latLngOf(a[0] as number, a[1] as number), res);
    return cell === null ? '' : toToken(cell);
  }),
  geo_h3cell_to_central_point: geoDef(['string'], 1, 'dynamic', (a) => {
    const cell = cellOf(a[0]);
    if (cell === null) return null;
    const [lng, lat] = degrees(cellToLatLng(cell));
    return pointJson(lng, lat);
  }),
  geo_h3cell_to_polygon: geoDef(['string'], 1, 'dynamic', (a): DynamicValue => {
    const cell = cellOf(a[0]);
    if (cell === null) return null;
    const ring = cellToBoundary(cell).map(degrees);
    ring.push(ring[0]!);
    return polygonJson([ring]);
  }),
  geo_h3cell_level: geoDef(['string'], 1, 'int', (a) => {
    const cell = cellOf(a[0]);
    return cell === null ? null : getRes(cell);
  }),
  geo_h3cell_parent: geoDef(['string', 'int'], 1, 'string', (a) => {
    const cell = cellOf(a[0]);
    if (cell === null) return '';
    const res = getRes(cell);
    const parentRes = a[1] === undefined ? res - 1 : a[1];
    if (!validRes(parentRes) || parentRes >= res) return '';
    const parent = cellToParent(cell, parentRes);
    return parent === null ? '' : toToken(parent);
  }),
  geo_h3cell_children: geoDef(['string', 'int'], 1, 'dynamic', (a) => {
    const cell = cellOf(a[0]);
    if (cell === null) return null;
    const res = getRes(cell);
    const childRes = a[1] === undefined ? res + 1 : a[1];
    if (!validRes(childRes) || childRes <= res || childRes - res > MAX_CHILD_DEPTH) return null;
    return cellToChildren(cell, childRes).map(toToken);
  }),
  geo_h3cell_neighbors: geoDef(['string'], 1, 'dynamic', (a) => {
    const cell = cellOf(a[0]);
    if (cell === null) return null;
    return gridDiskDistances(cell, 1)
      .filter((c) => c.distance === 1)
      .map((c) => toToken(c.cell));
  }),
  geo_h3cell_rings: geoDef(['string', 'int'], 2, 'dynamic', (a) => {
    const cell = cellOf(a[0]);
    const distance = a[1];
    if (cell === null || typeof distance !== 'number' || distance < 0 || distance > MAX_RING_DISTANCE)
      return null;
    const rings: string[][] = Array.from({ length: distance + 1 }, () => []);
    for (const c of gridDiskDistances(cell, distance)) rings[c.distance]!.push(toToken(c.cell));
    return rings;
  }),
  geo_polygon_to_h3cells: geoDef(['dynamic', 'int', 'real'], 1, 'dynamic', (a) => {
    const geometry = readGeometry(a[0] as DynamicValue);
    const res = a[1] === undefined ? DEFAULT_RES : a[1];
    const radius = a[2] === undefined ? 0 : (a[2] as number | null);
    if (geometry === null || (geometry.kind !== 'Polygon' && geometry.kind !== 'MultiPolygon')) return null;
    if (!validRes(res) || radius === null || !(radius >= 0)) return null;
    const cells = polygonToCells(geometry.polygons, res, radius);
    return cells === null ? null : cells.map(toToken);
  }),
};
