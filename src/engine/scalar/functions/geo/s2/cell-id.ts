/**
 * S2 cell ids (http://s2geometry.io/devguide/s2cell_hierarchy), written from the published
 * definition: a point is projected onto one of six cube faces, its face coordinates (u, v) are
 * warped by the quadratic transform into (s, t), quantized to 2^30 × 2^30 leaf cells (i, j), and
 * the leaf is numbered along a Hilbert curve. An id is 3 face bits, 2 bits per level, then a 1
 * marking the level; a token is the id in hexadecimal without its trailing zeros.
 */
import { type Vec3, normalize } from '../sphere.js';

export const MAX_LEVEL = 30;
const MAX_SIZE = 1 << MAX_LEVEL;
const POS_BITS = 2 * MAX_LEVEL + 1;

/** Hilbert curve orientation bits: axes swapped, and quadrant order reversed. */
const SWAP = 1;
const INVERT = 2;

/** For each orientation, the (i, j) quadrant (as i·2 + j) visited at each curve position. */
const POS_TO_IJ: readonly (readonly number[])[] = [
  [0, 1, 3, 2],
  [0, 2, 3, 1],
  [3, 2, 0, 1],
  [3, 1, 0, 2],
];
/** How the orientation changes on entering the quadrant at each position. */
const POS_TO_ORIENTATION: readonly number[] = [SWAP, 0, 0, SWAP | INVERT];
const IJ_TO_POS: readonly (readonly number[])[] = POS_TO_IJ.map((row) => {
  const inverse = [0, 0, 0, 0];
  row.forEach((ij, pos) => (inverse[ij] = pos));
  return inverse;
});

// ---- Faces and the (u, v) / (s, t) transforms ----

export function faceOf(p: Vec3): number {
  const ax = Math.abs(p[0]);
  const ay = Math.abs(p[1]);
  const az = Math.abs(p[2]);
  let axis = ax > ay ? (ax > az ? 0 : 2) : ay > az ? 1 : 2;
  if (p[axis]! < 0) axis += 3;
  return axis;
}

export function faceUV(face: number, p: Vec3): [number, number] {
  const [x, y, z] = p;
  switch (face) {
    case 0:
      return [y / x, z / x];
    case 1:
      return [-x / y, z / y];
    case 2:
      return [-x / z, -y / z];
    case 3:
      return [z / x, y / x];
    case 4:
      return [z / y, -x / y];
    default:
      return [-y / z, -x / z];
  }
}

export function faceUVToXYZ(face: number, u: number, v: number): Vec3 {
  switch (face) {
    case 0:
      return [1, u, v];
    case 1:
      return [-u, 1, v];
    case 2:
      return [-u, -v, 1];
    case 3:
      return [-1, -v, -u];
    case 4:
      return [v, -1, -u];
    default:
      return [v, u, -1];
  }
}

export function uvToST(u: number): number {
  return u >= 0 ? 0.5 * Math.sqrt(1 + 3 * u) : 1 - 0.5 * Math.sqrt(1 - 3 * u);
}

export function stToUV(s: number): number {
  return s >= 0.5 ? (1 / 3) * (4 * s * s - 1) : (1 / 3) * (1 - 4 * (1 - s) * (1 - s));
}

function stToIJ(s: number): number {
  return Math.max(0, Math.min(MAX_SIZE - 1, Math.floor(MAX_SIZE * s)));
}

// ---- Ids ----

/** The leaf cell id of face and leaf coordinates (i, j), each in [0, 2^30). */
export function fromFaceIJ(face: number, i: number, j: number): bigint {
  let orientation = face & SWAP;
  let pos = 0n;
  for (let level = MAX_LEVEL - 1; level >= 0; level--) {
    const ij = (((i >>> level) & 1) << 1) | ((j >>> level) & 1);
    const p = IJ_TO_POS[orientation]![ij]!;
    pos = (pos << 2n) | BigInt(p);
    orientation ^= POS_TO_ORIENTATION[p]!;
  }
  return (BigInt(face) << BigInt(POS_BITS)) | (pos << 1n) | 1n;
}

export function lsbForLevel(level: number): bigint {
  return 1n << BigInt(2 * (MAX_LEVEL - level));
}

export function lsb(id: bigint): bigint {
  return id & -id;
}

export function levelOf(id: bigint): number {
  let l = lsb(id);
  let level = MAX_LEVEL;
  while (l > 1n) {
    l >>= 2n;
    level--;
  }
  return level;
}

export function faceOfId(id: bigint): number {
  return Number(id >> BigInt(POS_BITS));
}

export function parentAt(id: bigint, level: number): bigint {
  const bit = lsbForLevel(level);
  return (id & -bit) | bit;
}

export function isValidId(id: bigint): boolean {
  if (id <= 0n || id >= 1n << 64n) return false;
  if (faceOfId(id) > 5) return false;
  // The marker bit must sit at an even position (a whole level).
  return (lsb(id) & 0x1555555555555555n) !== 0n;
}

export function rangeMin(id: bigint): bigint {
  return id - (lsb(id) - 1n);
}

export function rangeMax(id: bigint): bigint {
  return id + (lsb(id) - 1n);
}

export function childrenOf(id: bigint): bigint[] {
  const newLsb = lsb(id) >> 2n;
  let child = id - lsb(id) + newLsb;
  const out: bigint[] = [];
  for (let k = 0; k < 4; k++) {
    out.push(child);
    child += newLsb << 1n;
  }
  return out;
}

/** The cell at `level` containing point p. */
export function cellIdOfPoint(p: Vec3, level: number): bigint {
  const face = faceOf(p);
  const [u, v] = faceUV(face, p);
  return parentAt(fromFaceIJ(face, stToIJ(uvToST(u)), stToIJ(uvToST(v))), level);
}

/** Face, leaf (i, j) of the cell's lowest corner, and its size in leaf cells. */
export function toFaceIJ(id: bigint): { face: number; i: number; j: number; size: number } {
  const face = faceOfId(id);
  let orientation = face & SWAP;
  let i = 0;
  let j = 0;
  const min = rangeMin(id);
  const pos = (min >> 1n) & ((1n << BigInt(2 * MAX_LEVEL)) - 1n);
  for (let level = MAX_LEVEL - 1; level >= 0; level--) {
    const p = Number((pos >> BigInt(2 * level)) & 3n);
    const ij = POS_TO_IJ[orientation]![p]!;
    i |= (ij >> 1) << level;
    j |= (ij & 1) << level;
    orientation ^= POS_TO_ORIENTATION[p]!;
  }
  // The first leaf along the curve may be any corner of the cell: round down to the lowest.
  const size = 2 ** (MAX_LEVEL - levelOf(id));
  return { face, i: i - (i % size), j: j - (j % size), size };
}

/** The (u, v) bounds of a cell: [u0, u1, v0, v1]. */
export function uvBounds(id: bigint): [number, number, number, number] {
  const { i, j, size } = toFaceIJ(id);
  return [
    stToUV(i / MAX_SIZE),
    stToUV((i + size) / MAX_SIZE),
    stToUV(j / MAX_SIZE),
    stToUV((j + size) / MAX_SIZE),
  ];
}

/** The cell's center: the middle of its (s, t) square, on the sphere. */
export function centerOf(id: bigint): Vec3 {
  const { face, i, j, size } = toFaceIJ(id);
  const s = (i + size / 2) / MAX_SIZE;
  const t = (j + size / 2) / MAX_SIZE;
  return normalize(faceUVToXYZ(face, stToUV(s), stToUV(t)));
}

/** The four corners, counterclockwise from (u0, v0). */
export function verticesOf(id: bigint): Vec3[] {
  const face = faceOfId(id);
  const [u0, u1, v0, v1] = uvBounds(id);
  return [
    normalize(faceUVToXYZ(face, u0, v0)),
    normalize(faceUVToXYZ(face, u1, v0)),
    normalize(faceUVToXYZ(face, u1, v1)),
    normalize(faceUVToXYZ(face, u0, v1)),
  ];
}

/**
 * The leaf cell at (i, j) of a face, where i or j may lie one step outside the face: such a
 * position is carried onto the neighboring face through the sphere.
 */
function fromFaceIJWrap(face: number, i: number, j: number): bigint {
  const ci = Math.max(-1, Math.min(MAX_SIZE, i));
  const cj = Math.max(-1, Math.min(MAX_SIZE, j));
  const scale = 1 / MAX_SIZE;
  const limit = 1 + Number.EPSILON;
  const u = Math.max(-limit, Math.min(limit, scale * (2 * (ci - MAX_SIZE / 2) + 1)));
  const v = Math.max(-limit, Math.min(limit, scale * (2 * (cj - MAX_SIZE / 2) + 1)));
  const p = faceUVToXYZ(face, u, v);
  const f = faceOf(p);
  const [pu, pv] = faceUV(f, p);
  return fromFaceIJ(f, stToIJ(0.5 * (pu + 1)), stToIJ(0.5 * (pv + 1)));
}

function fromFaceIJSame(face: number, i: number, j: number, sameFace: boolean): bigint {
  return sameFace ? fromFaceIJ(face, i, j) : fromFaceIJWrap(face, i, j);
}

/**
 * The eight cells of the same level around a cell, as (i, j) steps in the cell's face
 * coordinates, in the order Kusto lists them (geo_s2cell_neighbors('89c259') gives 89c25d,
 * 89c2f9, 89c251, 89c257, 89c25f, 89c25b, 89c2f7, 89c2f5).
 */
const NEIGHBOR_STEPS: readonly (readonly [number, number])[] = [
  [1, 1],
  [-1, -1],
  [1, -1],
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [-1, 1],
];

/** The cells sharing an edge or a corner with a cell, across face boundaries where needed. */
export function allNeighbors(id: bigint): bigint[] {
  const level = levelOf(id);
  const { face, i, j, size } = toFaceIJ(id);
  return NEIGHBOR_STEPS.map(([di, dj]) => {
    const ni = i + di * size;
    const nj = j + dj * size;
    const sameFace = ni >= 0 && ni < MAX_SIZE && nj >= 0 && nj < MAX_SIZE;
    return parentAt(fromFaceIJSame(face, ni, nj, sameFace), level);
  });
}

// ---- Tokens ----

export function toToken(id: bigint): string {
  if (id === 0n) return 'X';
  return id.toString(16).padStart(16, '0').replace(/0+$/, '');
}

/** The id of a token, or null when the token is not a valid cell. */
export function fromToken(token: string): bigint | null {
  if (token.length < 1 || token.length > 16 || !/^[0-9a-fA-F]+$/.test(token)) return null;
  const id = BigInt('0x' + token.padEnd(16, '0'));
  return isValidId(id) ? id : null;
}
