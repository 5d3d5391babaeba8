/**
 * Geometry on the unit sphere, the model Kusto's geospatial functions use ("the geodetic datum
 * used for measurements on Earth is a sphere; edges are geodesics on the sphere"). Points are unit
 * vectors; distances are angles times the Earth radius Kusto uses (6,371,010 m, which reproduces
 * the documented distances to the last printed digit).
 */

export type Vec3 = readonly [number, number, number];

export const EARTH_RADIUS_METERS = 6371010;

const DEG = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * DEG;
}

export function toDegrees(radians: number): number {
  return radians * (180 / Math.PI);
}

/** The unit vector of a longitude/latitude pair in degrees. */
export function fromLngLat(lng: number, lat: number): Vec3 {
  const phi = lat * DEG;
  const theta = lng * DEG;
  const c = Math.cos(phi);
  return [Math.cos(theta) * c, Math.sin(theta) * c, Math.sin(phi)];
}

/** Longitude and latitude in degrees of a (not necessarily unit) vector. */
export function toLngLat(p: Vec3): [number, number] {
  const lat = Math.atan2(p[2], Math.sqrt(p[0] * p[0] + p[1] * p[1]));
  const lng = Math.atan2(p[1], p[0]);
  return [toDegrees(lng), toDegrees(lat)];
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

export function scale(a: Vec3, k: number): Vec3 {
  return [a[0] * k, a[1] * k, a[2] * k];
}

export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

export function norm(a: Vec3): number {
  return Math.sqrt(dot(a, a));
}

export function normalize(a: Vec3): Vec3 {
  const n = norm(a);
  return n === 0 ? a : scale(a, 1 / n);
}

/** The angle between two vectors in radians, accurate for tiny and near-antipodal angles. */
export function angle(a: Vec3, b: Vec3): number {
  return Math.atan2(norm(cross(a, b)), dot(a, b));
}

/**
 * A vector perpendicular to the great circle through a and b, computed as (b + a) × (b − a),
 * which is 2(a × b) but loses less precision when a and b are close.
 */
export function edgeNormal(a: Vec3, b: Vec3): Vec3 {
  return cross(add(b, a), sub(b, a));
}

/** +1 when a, b, c turn counterclockwise (seen from outside the sphere), −1 clockwise, 0 flat. */
export function orientation(a: Vec3, b: Vec3, c: Vec3): number {
  const d = dot(cross(a, b), c);
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

export function equalPoints(a: Vec3, b: Vec3): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

/** True when the minor arcs ab and cd cross at a point interior to both. */
export function arcsCross(a: Vec3, b: Vec3, c: Vec3, d: Vec3): boolean {
  const ab = cross(a, b);
  const sc = Math.sign(dot(ab, c));
  const sd = Math.sign(dot(ab, d));
  if (sc === 0 || sd === 0 || sc === sd) return false;
  const cd = cross(c, d);
  const ta = Math.sign(dot(cd, a));
  const tb = Math.sign(dot(cd, b));
  if (ta === 0 || tb === 0 || ta === tb) return false;
  // Both arcs straddle each other's great circle; they meet on the same side of the sphere
  // only when the signs agree this way (otherwise the great circles meet at the antipode).
  return sd === ta;
}

/** The point of arc ab nearest to x (S2's edge projection). */
export function closestPointOnArc(x: Vec3, a: Vec3, b: Vec3): Vec3 {
  const n = edgeNormal(a, b);
  if (norm(n) === 0) return a;
  // x lies in the lune of the arc when it is left of n×a... the edge's interior wedge.
  const inWedge = orientation(n, a, x) > 0 && orientation(x, b, n) > 0;
  if (inWedge) {
    const projected = cross(cross(n, x), n);
    if (norm(projected) > 0) return normalize(projected);
  }
  return angle(x, a) <= angle(x, b) ? a : b;
}

/** The angular distance in radians from x to arc ab. */
export function distanceToArc(x: Vec3, a: Vec3, b: Vec3): number {
  return angle(x, closestPointOnArc(x, a, b));
}

/**
 * The same distance computed as S2 does, through the squared chord length: to the nearer end, or
 * to the great circle when x projects inside the arc. Kusto's distances follow this arithmetic,
 * which for short distances differs from the angle above in the last digits Kusto prints.
 */
export function chordDistanceToArc(x: Vec3, a: Vec3, b: Vec3): number {
  const xa = sub(x, a);
  const xb = sub(x, b);
  let chord2 = Math.min(dot(xa, xa), dot(xb, xb));
  const n = edgeNormal(a, b);
  const n2 = dot(n, n);
  if (n2 > 0 && orientation(n, a, x) > 0 && orientation(x, b, n) > 0) {
    const xn = dot(x, n);
    const nx = cross(n, x);
    const qr = 1 - Math.sqrt(dot(nx, nx) / n2);
    chord2 = Math.min(chord2, (xn * xn) / n2 + qr * qr);
  }
  return 2 * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** The point a fraction t of the way along the minor arc from a to b. */
export function interpolate(a: Vec3, b: Vec3, t: number): Vec3 {
  if (t === 0) return a;
  if (t === 1) return b;
  const theta = angle(a, b);
  if (theta === 0) return a;
  // Rotate a towards b within their plane: a·cos(tθ) + dir·sin(tθ), dir ⟂ a in the plane.
  const dir = normalize(cross(cross(a, b), a));
  const phi = t * theta;
  return normalize(add(scale(a, Math.cos(phi)), scale(dir, Math.sin(phi))));
}

/**
 * The area in steradians of the spherical triangle abc (l'Huilier's theorem, with Girard's
 * formula for skinny large triangles where l'Huilier loses precision).
 */
export function triangleArea(a: Vec3, b: Vec3, c: Vec3): number {
  const sa = angle(b, c);
  const sb = angle(c, a);
  const sc = angle(a, b);
  const s = 0.5 * (sa + sb + sc);
  if (s >= 3e-4) {
    const s2 = s * s;
    const dmin = s - Math.max(sa, sb, sc);
    if (dmin < 1e-2 * s * s2 * s2) {
      const girard = girardArea(a, b, c);
      if (dmin < s * (0.1 * girard)) return girard;
    }
  }
  return (
    4 *
    Math.atan(
      Math.sqrt(
        Math.max(
          0,
          Math.tan(0.5 * s) * Math.tan(0.5 * (s - sa)) * Math.tan(0.5 * (s - sb)) * Math.tan(0.5 * (s - sc)),
        ),
      ),
    )
  );
}

function girardArea(a: Vec3, b: Vec3, c: Vec3): number {
  const ab = edgeNormal(a, b);
  const bc = edgeNormal(b, c);
  const ac = edgeNormal(a, c);
  return Math.max(0, angle(ab, ac) - angle(ab, bc) + angle(bc, ac));
}

/** The triangle's area with the sign of its orientation. */
export function signedTriangleArea(a: Vec3, b: Vec3, c: Vec3): number {
  const area = triangleArea(a, b, c);
  return orientation(a, b, c) > 0 ? area : -area;
}

/**
 * The centroid of the spherical triangle abc multiplied by its area (the first moment), so that
 * sums over a triangulation give the centroid direction of the whole region.
 */
export function triangleMoment(a: Vec3, b: Vec3, c: Vec3): Vec3 {
  const angleA = angle(b, c);
  const angleB = angle(c, a);
  const angleC = angle(a, b);
  const ra = angleA === 0 ? 1 : angleA / Math.sin(angleA);
  const rb = angleB === 0 ? 1 : angleB / Math.sin(angleB);
  const rc = angleC === 0 ? 1 : angleC / Math.sin(angleC);
  // Solve [a; b; c]·M = ½ det(a,b,c)·(ra, rb, rc) by Cramer's rule, with rows b and c taken
  // relative to a to reduce cancellation for small triangles.
  const x: Vec3 = [a[0], b[0] - a[0], c[0] - a[0]];
  const y: Vec3 = [a[1], b[1] - a[1], c[1] - a[1]];
  const z: Vec3 = [a[2], b[2] - a[2], c[2] - a[2]];
  const r: Vec3 = [ra, rb - ra, rc - ra];
  return [0.5 * dot(cross(y, z), r), 0.5 * dot(cross(z, x), r), 0.5 * dot(cross(x, y), r)];
}

/** The centroid of arc ab multiplied by its length (the first moment of the edge). */
export function arcMoment(a: Vec3, b: Vec3): Vec3 {
  const diff = sub(a, b);
  const sum = add(a, b);
  const sin2 = dot(diff, diff);
  const cos2 = dot(sum, sum);
  if (cos2 === 0) return [0, 0, 0];
  return scale(sum, Math.sqrt(sin2 / cos2));
}

/** The initial bearing from a to b in radians, clockwise from north, in [0, 2π). */
export function azimuth(a: Vec3, b: Vec3): number {
  const north: Vec3 = [0, 0, 1];
  // Tangent directions at a: east = north × a, true north = a × east.
  const east = cross(north, a);
  const northTangent = cross(a, east);
  const toward = cross(cross(a, b), a);
  const e = dot(toward, normalize(east));
  const n = dot(toward, normalize(northTangent));
  let result = Math.atan2(e, n);
  if (result < 0) result += 2 * Math.PI;
  return result;
}
