/**
 * The vertices of an overlay, each stored once. Points closer than a tolerance are one vertex
 * (the first one seen), so an edge crossing computed twice, or a cell corner written by two
 * neighbouring cells, meets itself exactly: the overlay's graph joins edges by vertex id.
 *
 * Ids are given in order of arrival.
 */
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
    return id;
  }

  point(id: number): Vec3 {
    return this.points[id]!;
  }
}
