/**
 * Unions and intersections of whole regions.
 *
 * A union of many polygons is built as S2 builds one: the polygons wait in a queue ordered by
 * vertex count (ties in arrival order); the two at its head are merged, and the result queues
 * again with the sum of their counts. Which polygon is first in each merge decides how the
 * output's edges are numbered, and so where its loops start; the documented outputs follow this
 * order (two polygons merge fewest-vertices first).
 */
import type { Polygon as ParsedPolygon } from './geojson.js';
import { assembleLoops } from './loop-assembly.js';
import { regionOfLoops } from './polygon-assembly.js';
import { type Overlay, type OverlayOperation, overlayRegions } from './polygon-overlay.js';
import { type Region, regionOfPolygons, vertexCount } from './region.js';

/** The overlay's loops as a region. */
export function overlayRegion(overlay: Overlay): Region {
  const loops = assembleLoops(overlay.pool, overlay.ranks, overlay.edges);
  return regionOfLoops(loops.map((loop) => loop.map((e) => overlay.pool.point(e.src))));
}

export function combine(first: Region, second: Region, operation: OverlayOperation): Region {
  return overlayRegion(overlayRegions(first, second, operation));
}

interface Queued {
  readonly count: number;
  readonly region: Region;
}

/** The union of regions, merged in S2's order (see the module comment). */
export function unionAll(regions: readonly Region[]): Region | null {
  const queue: Queued[] = regions.map((region) => ({ count: vertexCount(region), region }));
  // A stable sort keeps arrival order among equal counts.
  queue.sort((x, y) => x.count - y.count);
  while (queue.length > 1) {
    const a = queue.shift()!;
    const b = queue.shift()!;
    const merged: Queued = { count: a.count + b.count, region: combine(a.region, b.region, 'union') };
    // Behind every entry with the same count, as a multimap inserts.
    let at = queue.findIndex((q) => q.count > merged.count);
    if (at < 0) at = queue.length;
    queue.splice(at, 0, merged);
  }
  return queue.length === 0 ? null : queue[0]!.region;
}

/**
 * The region of a Polygon or MultiPolygon. The polygons of a MultiPolygon may overlap (the
 * reference pages take their union for areas and centroids), so they are merged, each into the
 * union of those before it, the new polygon first: the documented union area of a MultiPolygon is
 * the one computed over the ring this order gives (merging the first polygon first starts the
 * ring where a degenerate fan triangle costs the area its last printed digits).
 */
export function regionOfShape(polygons: readonly ParsedPolygon[]): Region {
  let region = regionOfPolygons([polygons[0]!]);
  for (let i = 1; i < polygons.length; i++)
    region = combine(regionOfPolygons([polygons[i]!]), region, 'union');
  return region;
}
