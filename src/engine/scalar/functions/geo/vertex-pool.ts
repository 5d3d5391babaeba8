/**
 * The vertices of an overlay, each stored once. Points closer than a tolerance are one vertex
 * (the first one seen), so an edge crossing computed twice, or a cell corner written by two
 * neighbouring cells, meets itself exactly: the overlay's graph joins edges by vertex id.
 *
 * Vertices are ordered as S2's builder orders its sites, by the S2 cell id of the leaf cell
 * holding them (the Hilbert curve order). That order decides where assembled loops and lines
 * start, and so the vertex order Kusto prints.
 */
import { cellIdOfPoint } from './s2/cell-id.js';
import { type Vec3, angle } from './sphere.js';

/** Points closer than this (radians, about 6 µm on Earth) are the same vertex. */
export const MERGE_TOLERANCE = 1e-12;

/** Bucket size of the spatial hash: larger than the tolerance, so only neighbours need checking. */
const BUCKET = 1e-9;

function bucketKey(x: number, y: number, z: number): string {
  return `${x},${y},${z}`;
}

export class VertexPool {
  readonly points: Vec3[] = [];
  private readonly buckets = new Map<string, number[]>();
  private cells: bigint[] | null = null;

  /** The id of the vertex at p, adding it when no vertex lies within the tolerance. */
  intern(p: Vec3): number {
    const bx = Math.floor(p[0] / BUCKET);
    const by = Math.floor(p[1] / BUCKET);
    const bz = Math.floor(p[2] / BUCKET);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (let dz = -1; dz <= 1; dz++) {
          const bucket = this.buckets.get(bucketKey(bx + dx, by + dy, bz + dz));
          if (bucket === undefined) continue;
          for (const id of bucket) if (angle(this.points[id]!, p) <= MERGE_TOLERANCE) return id;
        }
      }
    }
    const id = this.points.length;
    this.points.push(p);
    const key = bucketKey(bx, by, bz);
    const bucket = this.buckets.get(key);
    if (bucket === undefined) this.buckets.set(key, [id]);
    else bucket.push(id);
    this.cells = null;
    return id;
  }

  point(id: number): Vec3 {
    return this.points[id]!;
  }

  /** Each vertex's rank in S2 cell id order (ties, two vertices in one leaf cell, by coordinates). */
  ranks(): number[] {
    if (this.cells === null) this.cells = this.points.map((p) => cellIdOfPoint(p, 30));
    const cells = this.cells;
    const order = this.points.map((_, i) => i);
    order.sort((a, b) => {
      const ca = cells[a]!;
      const cb = cells[b]!;
      if (ca !== cb) return ca < cb ? -1 : 1;
      const pa = this.points[a]!;
      const pb = this.points[b]!;
      return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
    });
    const rank = new Array<number>(order.length);
    order.forEach((id, r) => (rank[id] = r));
    return rank;
  }
}
