/**
 * Assembled loops (region on the left) made into a region with S2's polygon layout, and written
 * as GeoJSON.
 *
 * A loop running clockwise bounds a hole: it is stored reversed, counterclockwise around the
 * hole. Loops are then nested: each goes under the first loop already placed that contains it,
 * and takes as its own children the loops it contains; the region lists them depth first, so
 * each shell (even depth) is followed by its holes (odd depth). Shells keep the vertex order the
 * assembly gave them; holes are written clockwise, as GeoJSON wants them.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import { type Position, multiPolygonJson, polygonJson } from './geojson.js';
import {
  type Loop,
  type Region,
  interiorPoint,
  loopContains,
  orientedVertices,
  signedLoopArea,
} from './region.js';
import { type Vec3, toLngLat } from './sphere.js';

interface Node {
  readonly vertices: Vec3[];
  readonly children: Node[];
}

function contains(outer: Node, inner: Node): boolean {
  return loopContains(outer.vertices, interiorPoint(inner.vertices));
}

function insert(node: Node, parent: Node): void {
  for (const child of parent.children) {
    if (contains(child, node)) {
      insert(node, child);
      return;
    }
  }
  const kept: Node[] = [];
  for (const child of parent.children) {
    if (contains(node, child)) node.children.push(child);
    else kept.push(child);
  }
  parent.children.length = 0;
  parent.children.push(...kept, node);
}

/** The region bounded by loops given with the region on their left. */
export function regionOfLoops(loops: readonly (readonly Vec3[])[]): Region {
  const root: Node = { vertices: [], children: [] };
  for (const loop of loops) {
    const vertices = signedLoopArea(loop) < 0 ? [...loop].reverse() : [...loop];
    insert({ vertices, children: [] }, root);
  }
  const out: Loop[] = [];
  const visit = (node: Node, depth: number): void => {
    out.push({ vertices: node.vertices, hole: depth % 2 === 1 });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const child of root.children) visit(child, 0);
  return { loops: out };
}

function closedRing(vertices: readonly Vec3[]): Position[] {
  const out: Position[] = vertices.map((p) => toLngLat(p));
  out.push(out[0]!);
  return out;
}

/** The region's polygons as rings of positions (shell, then holes). */
export function polygonRings(region: Region): Position[][][] {
  const polygons: Position[][][] = [];
  for (const loop of region.loops) {
    if (!loop.hole) polygons.push([closedRing(loop.vertices)]);
    else polygons[polygons.length - 1]!.push(closedRing(orientedVertices(loop)));
  }
  return polygons;
}

/** A Polygon for one shell, a MultiPolygon for several, null for none. */
export function regionJson(region: Region): DynamicValue {
  const polygons = polygonRings(region);
  if (polygons.length === 0) return null;
  return polygons.length === 1 ? polygonJson(polygons[0]!) : multiPolygonJson(polygons);
}
