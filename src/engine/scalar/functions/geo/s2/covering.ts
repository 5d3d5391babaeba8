/**
 * Covering polygons with S2 cells of one level: every cell of that level that the polygons (or,
 * with a radius, the points within that distance of them) touch. Cells are found top down from
 * the six face cells, descending only into cells that touch the shape; a cell wholly inside
 * contributes all its descendants without further tests. Past MAX_CELLS the covering is refused.
 */
import { polygonsContain } from '../containment.js';
import type { Polygon } from '../geojson.js';
import { EARTH_RADIUS_METERS, type Vec3, arcsCross, distanceToArc } from '../sphere.js';
import { cellIdOfPoint, centerOf, childrenOf, levelOf, lsbForLevel, verticesOf } from './cell-id.js';

/** "The maximum count of tokens per polygon is 65536." */
export const MAX_CELLS = 65536;

type Edge = readonly [Vec3, Vec3];

function polygonEdges(polygons: readonly Polygon[]): Edge[] {
  const edges: Edge[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon.rings) {
      const vs = ring.vertices;
      for (let i = 0; i < vs.length; i++) edges.push([vs[i]!.p, vs[(i + 1) % vs.length]!.p]);
    }
  }
  return edges;
}

interface Shape {
  readonly polygons: readonly Polygon[];
  readonly edges: readonly Edge[];
  readonly vertices: readonly Vec3[];
  /** The buffer radius in radians. */
  readonly radius: number;
}

type Relation = 'disjoint' | 'inside' | 'touches';

function edgeDistance(a: Edge, b: Edge): number {
  if (arcsCross(a[0], a[1], b[0], b[1])) return 0;
  return Math.min(
    distanceToArc(a[0], b[0], b[1]),
    distanceToArc(a[1], b[0], b[1]),
    distanceToArc(b[0], a[0], a[1]),
    distanceToArc(b[1], a[0], a[1]),
  );
}

function relate(shape: Shape, id: bigint): Relation {
  const corners = verticesOf(id);
  const cellEdges: Edge[] = corners.map((c, k) => [c, corners[(k + 1) % 4]!] as const);
  let crossing = false;
  for (const e of shape.edges) {
    for (const c of cellEdges) {
      if (shape.radius > 0 ? edgeDistance(e, c) <= shape.radius : arcsCross(e[0], e[1], c[0], c[1])) {
        crossing = true;
        break;
      }
    }
    if (crossing) break;
  }
  const insideCorners = corners.filter((c) => polygonsContain(shape.polygons, c)).length;
  if (!crossing && insideCorners === 4) return 'inside';
  if (crossing || insideCorners > 0) return 'touches';
  if (polygonsContain(shape.polygons, centerOf(id))) return 'touches';
  // The shape may lie wholly within the cell.
  const level = levelOf(id);
  for (const v of shape.vertices) {
    if (cellIdOfPoint(v, level) === id) return 'touches';
    if (shape.radius > 0 && cellEdges.some((c) => distanceToArc(v, c[0], c[1]) <= shape.radius))
      return 'touches';
  }
  return 'disjoint';
}

/** The cells of `level` covering the polygons, sorted by id; null past MAX_CELLS. */
export function coverPolygons(
  polygons: readonly Polygon[],
  level: number,
  radiusMeters: number,
): bigint[] | null {
  const edges = polygonEdges(polygons);
  const shape: Shape = {
    polygons,
    edges,
    vertices: edges.map((e) => e[0]),
    radius: radiusMeters / EARTH_RADIUS_METERS,
  };
  const out: bigint[] = [];
  const targetLsb = lsbForLevel(level);
  const visit = (id: bigint, cellLevel: number): boolean => {
    const relation = relate(shape, id);
    if (relation === 'disjoint') return true;
    if (cellLevel === level) {
      out.push(id);
      return out.length <= MAX_CELLS;
    }
    if (relation === 'inside') {
      const count = 4 ** (level - cellLevel);
      if (out.length + count > MAX_CELLS) return false;
      const lsb = id & -id;
      const first = id - lsb + targetLsb;
      for (let k = 0; k < count; k++) out.push(first + BigInt(k) * 2n * targetLsb);
      return true;
    }
    for (const child of childrenOf(id)) if (!visit(child, cellLevel + 1)) return false;
    return true;
  };
  for (let face = 0; face < 6; face++) {
    if (!visit((BigInt(face) << 61n) | (1n << 60n), 0)) return null;
  }
  out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}
