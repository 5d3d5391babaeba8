/**
 * geo_polygon_to_h3cells: the cells of a resolution whose centers lie inside the polygon, with
 * the polygon's edges taken as straight lines in longitude/latitude ("Polygon edges are straight
 * lines"; "A polygon is represented by the cells whose centroids are inside the polygon"). With
 * a radius, cells whose centers lie within that distance of the polygon count too. Candidates are
 * found by sampling the bounding box more finely than the cells; the result is sorted by index.
 */
import type { Polygon, Vertex } from '../geojson.js';
import { polygonsContain } from '../containment.js';
import { EARTH_RADIUS_METERS, closestPointOnArc, angle, fromLngLat } from '../sphere.js';
import { cellToLatLng, latLngOf, latLngToCell } from './cells.js';

/** "The maximum count of tokens per polygon is 61680." */
export const MAX_H3_CELLS = 61680;

/** Average hexagon edge length at resolution 0, in degrees of arc (1107.71 km). */
const RES0_EDGE_DEGREES = 1107.712591 / 111.195;

function inRingPlanar(ring: readonly Vertex[], lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.lat > lat !== b.lat > lat && lng < ((b.lng - a.lng) * (lat - a.lat)) / (b.lat - a.lat) + a.lng) {
      inside = !inside;
    }
  }
  return inside;
}

function inPolygonsPlanar(polygons: readonly Polygon[], lng: number, lat: number): boolean {
  return polygons.some((polygon) => {
    let inside = false;
    for (const ring of polygon.rings) if (inRingPlanar(ring.vertices, lng, lat)) inside = !inside;
    return inside;
  });
}

function withinRadius(polygons: readonly Polygon[], lng: number, lat: number, radius: number): boolean {
  const p = fromLngLat(lng, lat);
  if (polygonsContain(polygons, p)) return true;
  for (const polygon of polygons) {
    for (const ring of polygon.rings) {
      const vs = ring.vertices;
      for (let i = 0; i < vs.length; i++) {
        const q = closestPointOnArc(p, vs[i]!.p, vs[(i + 1) % vs.length]!.p);
        if (angle(p, q) <= radius) return true;
      }
    }
  }
  return false;
}

/** The covering cells sorted by index, or null past MAX_H3_CELLS. */
export function polygonToCells(
  polygons: readonly Polygon[],
  res: number,
  radiusMeters: number,
): bigint[] | null {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const polygon of polygons) {
    for (const v of polygon.rings[0]!.vertices) {
      west = Math.min(west, v.lng);
      east = Math.max(east, v.lng);
      south = Math.min(south, v.lat);
      north = Math.max(north, v.lat);
    }
  }
  const edge = RES0_EDGE_DEGREES / Math.sqrt(7) ** res;
  const radiusDegrees = (radiusMeters / EARTH_RADIUS_METERS) * (180 / Math.PI);
  // Widen by a cell and the radius so cells centered just outside the box are still sampled.
  const margin = edge * 2 + radiusDegrees;
  south = Math.max(-90, south - margin);
  north = Math.min(90, north + margin);
  const maxCos = Math.max(
    0.01,
    Math.min(Math.cos((south * Math.PI) / 180), Math.cos((north * Math.PI) / 180)),
  );
  west = Math.max(-180, west - margin / maxCos);
  east = Math.min(180, east + margin / maxCos);
  const step = edge / 2;
  const lngStep = step / maxCos;
  const samples = ((north - south) / step + 1) * ((east - west) / lngStep + 1);
  if (samples > MAX_H3_CELLS * 64) return null;
  const radius = radiusMeters / EARTH_RADIUS_METERS;
  const seen = new Set<bigint>();
  const out: bigint[] = [];
  for (let lat = south; lat <= north + step / 2; lat += step) {
    for (let lng = west; lng <= east + lngStep / 2; lng += lngStep) {
      const cell = latLngToCell(latLngOf(Math.min(180, lng), Math.min(90, lat)), res);
      if (cell === null || seen.has(cell)) continue;
      seen.add(cell);
      const center = cellToLatLng(cell);
      const clng = (center.lng * 180) / Math.PI;
      const clat = (center.lat * 180) / Math.PI;
      const inside =
        radius > 0 ? withinRadius(polygons, clng, clat, radius) : inPolygonsPlanar(polygons, clng, clat);
      if (inside) {
        out.push(cell);
        if (out.length > MAX_H3_CELLS) return null;
      }
    }
  }
  out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}
