/**
 * Positions on the icosahedron's faces: a point on the sphere goes to the nearest face by
 * gnomonic projection about the face center, scaled so that resolution r's hexagons have unit
 * spacing (Class III resolutions also turned by the aperture-7 angle). Positions past a face's
 * edge are carried onto the neighboring face ("overage").
 */
import {
  type IJK,
  SQRT3_2,
  SQRT7,
  addIJK,
  hex2dToIJK,
  ijk,
  ijkToHex2d,
  normalize,
  rotate60ccw,
  rotate60cw,
  scaleIJK,
  subIJK,
} from './ijk.js';
import { FACE_AXIS_AZIMUTH, FACE_CENTER_GEO, FACE_CENTER_POINT, FACE_NEIGHBORS } from './tables.js';

export interface FaceIJK {
  face: number;
  coord: IJK;
}

/** Latitude and longitude in radians. */
export interface LatLng {
  lat: number;
  lng: number;
}

const EPSILON = 1e-16;
/** Rotation between Class II and Class III grids: asin(sqrt(3/28)). */
const AP7_ROT_RADS = 0.3334731722518321;
/** Gnomonic length of a resolution-0 hexagon's unit. */
const RES0_U_GNOMONIC = 0.381966011250105;

export function isClassIII(res: number): boolean {
  return res % 2 === 1;
}

/** Max ijk sum on a face, and the unit translation between faces, per Class II resolution. */
function maxDim(res: number): number {
  return 2 * 7 ** (res / 2);
}

function unitScale(res: number): number {
  return 7 ** (res / 2);
}

function posAngle(a: number): number {
  const t = a < 0 ? a + 2 * Math.PI : a;
  return a >= 2 * Math.PI ? a - 2 * Math.PI : t;
}

function azimuthRads(from: LatLng, to: LatLng): number {
  return Math.atan2(
    Math.cos(to.lat) * Math.sin(to.lng - from.lng),
    Math.cos(from.lat) * Math.sin(to.lat) -
      Math.sin(from.lat) * Math.cos(to.lat) * Math.cos(to.lng - from.lng),
  );
}

function constrainLng(lng: number): number {
  while (lng > Math.PI) lng -= 2 * Math.PI;
  while (lng < -Math.PI) lng += 2 * Math.PI;
  return lng;
}

/** The point at a distance (radians) along an azimuth from a start point. */
function azDistance(from: LatLng, azimuth: number, distance: number): LatLng {
  if (distance < EPSILON) return { lat: from.lat, lng: from.lng };
  const az = posAngle(azimuth);
  let lat: number;
  if (az < EPSILON || Math.abs(az - Math.PI) < EPSILON) {
    lat = az < EPSILON ? from.lat + distance : from.lat - distance;
    if (Math.abs(lat - Math.PI / 2) < EPSILON) return { lat: Math.PI / 2, lng: 0 };
    if (Math.abs(lat + Math.PI / 2) < EPSILON) return { lat: -Math.PI / 2, lng: 0 };
    return { lat, lng: constrainLng(from.lng) };
  }
  let sinLat =
    Math.sin(from.lat) * Math.cos(distance) + Math.cos(from.lat) * Math.sin(distance) * Math.cos(az);
  sinLat = Math.max(-1, Math.min(1, sinLat));
  lat = Math.asin(sinLat);
  if (Math.abs(lat - Math.PI / 2) < EPSILON) return { lat: Math.PI / 2, lng: 0 };
  if (Math.abs(lat + Math.PI / 2) < EPSILON) return { lat: -Math.PI / 2, lng: 0 };
  let sinLng = (Math.sin(az) * Math.sin(distance)) / Math.cos(lat);
  let cosLng = (Math.cos(distance) - Math.sin(from.lat) * Math.sin(lat)) / Math.cos(from.lat) / Math.cos(lat);
  sinLng = Math.max(-1, Math.min(1, sinLng));
  cosLng = Math.max(-1, Math.min(1, cosLng));
  return { lat, lng: constrainLng(from.lng + Math.atan2(sinLng, cosLng)) };
}

/** The face containing a point and its 2D hex coordinates there at a resolution. */
function geoToHex2d(g: LatLng, res: number): { face: number; x: number; y: number } {
  const c = Math.cos(g.lat);
  const v = [Math.cos(g.lng) * c, Math.sin(g.lng) * c, Math.sin(g.lat)];
  let face = 0;
  let sqd = Infinity;
  for (let f = 0; f < 20; f++) {
    const p = FACE_CENTER_POINT[f]!;
    const d = (p[0] - v[0]!) ** 2 + (p[1] - v[1]!) ** 2 + (p[2] - v[2]!) ** 2;
    if (d < sqd) {
      face = f;
      sqd = d;
    }
  }
  let r = Math.acos(1 - sqd / 2);
  if (r < EPSILON) return { face, x: 0, y: 0 };
  const center = { lat: FACE_CENTER_GEO[face]![0], lng: FACE_CENTER_GEO[face]![1] };
  let theta = posAngle(FACE_AXIS_AZIMUTH[face]! - posAngle(azimuthRads(center, g)));
  if (isClassIII(res)) theta = posAngle(theta - AP7_ROT_RADS);
  r = Math.tan(r) / RES0_U_GNOMONIC;
  for (let i = 0; i < res; i++) r *= SQRT7;
  return { face, x: r * Math.cos(theta), y: r * Math.sin(theta) };
}

export function geoToFaceIjk(g: LatLng, res: number): FaceIJK {
  const { face, x, y } = geoToHex2d(g, res);
  return { face, coord: hex2dToIJK(x, y) };
}

/**
 * The point of 2D hex coordinates on a face. A substrate grid is the finer aperture-3 grid of
 * cell vertices (already turned for Class III).
 */
export function hex2dToGeo(x: number, y: number, face: number, res: number, substrate: boolean): LatLng {
  let r = Math.hypot(x, y);
  const center = { lat: FACE_CENTER_GEO[face]![0], lng: FACE_CENTER_GEO[face]![1] };
  if (r < EPSILON) return center;
  let theta = Math.atan2(y, x);
  for (let i = 0; i < res; i++) r /= SQRT7;
  if (substrate) {
    r /= 3;
    if (isClassIII(res)) r /= SQRT7;
  }
  r = Math.atan(r * RES0_U_GNOMONIC);
  if (!substrate && isClassIII(res)) theta = posAngle(theta + AP7_ROT_RADS);
  theta = posAngle(FACE_AXIS_AZIMUTH[face]! - theta);
  return azDistance(center, theta, r);
}

export function faceIjkToGeo(h: FaceIJK, res: number): LatLng {
  const [x, y] = ijkToHex2d(h.coord);
  return hex2dToGeo(x, y, h.face, res, false);
}

export const enum Overage {
  None = 0,
  /** On the edge of the face (only in substrate grids). */
  FaceEdge = 1,
  NewFace = 2,
}

/** Neighbor slots: which of a face's edges a position lies beyond. */
const IJ = 0;
const KI = 1;
const JK = 2;

/**
 * Moves a Class II position beyond its face onto the adjacent face, in place. A pentagon with a
 * leading digit 4 is first turned to skip the pentagon's deleted subsequence.
 */
export function adjustOverageClassII(
  fijk: FaceIJK,
  res: number,
  pentLeading4: boolean,
  substrate: boolean,
): Overage {
  let max = maxDim(res);
  if (substrate) max *= 3;
  let c = fijk.coord;
  const sum = c.i + c.j + c.k;
  if (substrate && sum === max) return Overage.FaceEdge;
  if (sum <= max) return Overage.None;
  let slot: number;
  if (c.k > 0) {
    if (c.j > 0) {
      slot = JK;
    } else {
      slot = KI;
      if (pentLeading4) {
        const origin = ijk(max, 0, 0);
        c = addIJK(rotate60cw(subIJK(c, origin)), origin);
      }
    }
  } else {
    slot = IJ;
  }
  const [face, ti, tj, tk, rotations] = FACE_NEIGHBORS[fijk.face]![slot]!;
  fijk.face = face;
  for (let n = 0; n < rotations; n++) c = rotate60ccw(c);
  let scale = unitScale(res);
  if (substrate) scale *= 3;
  c = normalize(addIJK(c, scaleIJK(ijk(ti, tj, tk), scale)));
  fijk.coord = c;
  if (substrate && c.i + c.j + c.k === max) return Overage.FaceEdge;
  return Overage.NewFace;
}

export function adjustPentVertexOverage(fijk: FaceIJK, res: number): Overage {
  let overage: Overage;
  do {
    overage = adjustOverageClassII(fijk, res, false, true);
  } while (overage === Overage.NewFace);
  return overage;
}

/** The face adjacent to `from` through which `to` lies: its slot in FACE_NEIGHBORS, or -1. */
export function adjacentFaceSlot(from: number, to: number): number {
  const neighbors = FACE_NEIGHBORS[from]!;
  for (let s = 0; s < 3; s++) if (neighbors[s]![0] === to) return s;
  return -1;
}

/** The two corners of a face's edge in a resolution's 2D hex coordinates. */
export function faceEdge(slot: number, res: number): [[number, number], [number, number]] {
  const m = maxDim(res);
  const v0: [number, number] = [3 * m, 0];
  const v1: [number, number] = [-1.5 * m, 3 * SQRT3_2 * m];
  const v2: [number, number] = [-1.5 * m, -3 * SQRT3_2 * m];
  if (slot === IJ) return [v0, v1];
  if (slot === JK) return [v1, v2];
  return [v2, v0];
}

export { unitScale };
