/**
 * H3 cells: from a point to its cell, from a cell to its center and boundary, parents and
 * children, and neighbors (grid disks and rings), following the published H3 design
 * (https://h3geo.org/docs/core-library/overview).
 */
import {
  type FaceIJK,
  type LatLng,
  Overage,
  adjacentFaceSlot,
  adjustOverageClassII,
  adjustPentVertexOverage,
  faceEdge,
  faceIjkToGeo,
  geoToFaceIjk,
  hex2dToGeo,
  isClassIII,
  unitScale,
} from './face-ijk.js';
import {
  Digit,
  type IJK,
  UNIT_VECS,
  addIJK,
  copy,
  downAp3,
  downAp3r,
  downAp7,
  downAp7r,
  ijk,
  ijkToHex2d,
  neighborIJK,
  normalize,
  rotate60ccw as rotateIJK60ccw,
  rotateDigit60ccw,
  scaleIJK,
  subIJK,
  unitToDigit,
  upAp7,
  upAp7r,
} from './ijk.js';
import {
  MAX_RES,
  getBaseCell,
  getDigit,
  getRes,
  initIndex,
  isBaseCellPentagon,
  isPentagon,
  leadingNonZeroDigit,
  rotate60ccw,
  rotate60cw,
  rotatePent60ccw,
  setBaseCell,
  setDigit,
  setRes,
} from './index-bits.js';
import {
  BASE_CELLS,
  BASE_CELL_NEIGHBORS,
  BASE_CELL_NEIGHBOR_ROTATIONS,
  FACE_IJK_BASE_CELLS,
  FACE_NEIGHBORS,
} from './tables.js';

const INVALID_BASE_CELL = 127;

function faceIjkBaseCell(f: FaceIJK): [number, number] | null {
  const { i, j, k } = f.coord;
  if (i > 2 || j > 2 || k > 2) return null;
  const row = FACE_IJK_BASE_CELLS[f.face]!;
  const at = (i * 9 + j * 3 + k) * 2;
  return [row[at]!, row[at + 1]!];
}

function isCwOffset(baseCell: number, face: number): boolean {
  const data = BASE_CELLS[baseCell]!;
  return data[5] === face || data[6] === face;
}

/** The cell of a FaceIJK position at a resolution, or null when it lies off the grid. */
export function faceIjkToCell(fijk: FaceIJK, res: number): bigint | null {
  let h = initIndex(res, 0);
  let coord = copy(fijk.coord);
  for (let r = res - 1; r >= 0; r--) {
    const last = coord;
    let lastCenter: IJK;
    if (isClassIII(r + 1)) {
      coord = upAp7(coord);
      lastCenter = downAp7(coord);
    } else {
      coord = upAp7r(coord);
      lastCenter = downAp7r(coord);
    }
    h = setDigit(h, r + 1, unitToDigit(normalize(subIJK(last, lastCenter))));
  }
  const base = faceIjkBaseCell({ face: fijk.face, coord });
  if (base === null) return null;
  const [baseCell, rotations] = base;
  h = setBaseCell(h, baseCell);
  if (isBaseCellPentagon(baseCell)) {
    // Turn out of the pentagon's deleted k-axis subsequence.
    if (leadingNonZeroDigit(h) === Digit.K) {
      h = isCwOffset(baseCell, fijk.face) ? rotate60cw(h) : rotate60ccw(h);
    }
    for (let n = 0; n < rotations; n++) h = rotatePent60ccw(h);
  } else {
    for (let n = 0; n < rotations; n++) h = rotate60ccw(h);
  }
  return h;
}

export function latLngToCell(g: LatLng, res: number): bigint | null {
  return faceIjkToCell(geoToFaceIjk(g, res), res);
}

/** Walks a cell's digits down from its base cell's home position; true when overage may occur. */
function descendFromHome(h: bigint, fijk: FaceIJK): boolean {
  const res = getRes(h);
  const possibleOverage =
    isBaseCellPentagon(getBaseCell(h)) ||
    (res !== 0 && !(fijk.coord.i === 0 && fijk.coord.j === 0 && fijk.coord.k === 0));
  let c = fijk.coord;
  for (let r = 1; r <= res; r++) {
    c = isClassIII(r) ? downAp7(c) : downAp7r(c);
    c = neighborIJK(c, getDigit(h, r));
  }
  fijk.coord = c;
  return possibleOverage;
}

export function cellToFaceIjk(cell: bigint): FaceIJK {
  let h = cell;
  const baseCell = getBaseCell(h);
  if (isBaseCellPentagon(baseCell) && leadingNonZeroDigit(h) === Digit.IK) h = rotate60cw(h);
  const data = BASE_CELLS[baseCell]!;
  const fijk: FaceIJK = { face: data[0], coord: ijk(data[1], data[2], data[3]) };
  if (!descendFromHome(h, fijk)) return fijk;
  const original = copy(fijk.coord);
  let res = getRes(h);
  if (isClassIII(res)) {
    fijk.coord = downAp7r(fijk.coord);
    res++;
  }
  const pentLeading4 = isBaseCellPentagon(baseCell) && leadingNonZeroDigit(h) === Digit.I;
  if (adjustOverageClassII(fijk, res, pentLeading4, false) !== Overage.None) {
    if (isBaseCellPentagon(baseCell)) {
      while (adjustOverageClassII(fijk, res, false, false) !== Overage.None) {
        // A pentagon's position may spill over more than one face.
      }
    }
    if (res !== getRes(h)) fijk.coord = upAp7r(fijk.coord);
  } else if (res !== getRes(h)) {
    fijk.coord = original;
  }
  return fijk;
}

export function cellToLatLng(cell: bigint): LatLng {
  return faceIjkToGeo(cellToFaceIjk(cell), getRes(cell));
}

/** Vertices of an origin-centered cell on the aperture-3 substrate grid, ccw from the i axis. */
const VERTS_CII: readonly IJK[] = [
  ijk(2, 1, 0),
  ijk(1, 2, 0),
  ijk(0, 2, 1),
  ijk(0, 1, 2),
  ijk(1, 0, 2),
  ijk(2, 0, 1),
];
const VERTS_CIII: readonly IJK[] = [
  ijk(5, 4, 0),
  ijk(1, 5, 0),
  ijk(0, 5, 4),
  ijk(0, 1, 5),
  ijk(4, 0, 5),
  ijk(5, 0, 1),
];

/** The cell's vertices as substrate positions, and the substrate's Class II resolution. */
function substrateVertices(center: FaceIJK, res: number, count: number): { verts: FaceIJK[]; res: number } {
  let c = downAp3r(downAp3(center.coord));
  let adjRes = res;
  if (isClassIII(res)) {
    c = downAp7r(c);
    adjRes++;
  }
  const table = isClassIII(res) ? VERTS_CIII : VERTS_CII;
  const verts: FaceIJK[] = [];
  for (let v = 0; v < count; v++) verts.push({ face: center.face, coord: normalize(addIJK(c, table[v]!)) });
  return { verts, res: adjRes };
}

function intersect(
  p0: [number, number],
  p1: [number, number],
  q0: [number, number],
  q1: [number, number],
): [number, number] {
  const s1x = p1[0] - p0[0];
  const s1y = p1[1] - p0[1];
  const s2x = q1[0] - q0[0];
  const s2y = q1[1] - q0[1];
  const t = (s2x * (p0[1] - q0[1]) - s2y * (p0[0] - q0[0])) / (-s2x * s1y + s1x * s2y);
  return [p0[0] + t * s1x, p0[1] + t * s1y];
}

const EQUAL_EPSILON = 0.000000001;

function equal2d(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) < EQUAL_EPSILON && Math.abs(a[1] - b[1]) < EQUAL_EPSILON;
}

function hexBoundary(center: FaceIJK, res: number): LatLng[] {
  const { verts, res: adjRes } = substrateVertices(center, res, 6);
  const out: LatLng[] = [];
  let lastFace = -1;
  let lastOverage = Overage.None;
  for (let vert = 0; vert < 7; vert++) {
    const v = vert % 6;
    const fijk: FaceIJK = { face: verts[v]!.face, coord: copy(verts[v]!.coord) };
    const overage = adjustOverageClassII(fijk, adjRes, false, true);
    // A Class III edge that crosses an icosahedron edge gets an extra vertex where it crosses,
    // so that each part is projected from its own face.
    if (isClassIII(res) && vert > 0 && fijk.face !== lastFace && lastOverage !== Overage.FaceEdge) {
      const lastV = (v + 5) % 6;
      const orig0 = ijkToHex2d(verts[lastV]!.coord);
      const orig1 = ijkToHex2d(verts[v]!.coord);
      const face2 = lastFace === center.face ? fijk.face : lastFace;
      const [e0, e1] = faceEdge(adjacentFaceSlot(center.face, face2), adjRes);
      const inter = intersect(orig0, orig1, e0, e1);
      if (!equal2d(orig0, inter) && !equal2d(orig1, inter)) {
        out.push(hex2dToGeo(inter[0], inter[1], center.face, adjRes, true));
      }
    }
    if (vert < 6) {
      const [x, y] = ijkToHex2d(fijk.coord);
      out.push(hex2dToGeo(x, y, fijk.face, adjRes, true));
    }
    lastFace = fijk.face;
    lastOverage = overage;
  }
  return out;
}

function pentagonBoundary(center: FaceIJK, res: number): LatLng[] {
  const { verts, res: adjRes } = substrateVertices(center, res, 5);
  const out: LatLng[] = [];
  let last: FaceIJK | null = null;
  for (let vert = 0; vert < 6; vert++) {
    const v = vert % 5;
    const fijk: FaceIJK = { face: verts[v]!.face, coord: copy(verts[v]!.coord) };
    adjustPentVertexOverage(fijk, adjRes);
    // Every Class III pentagon edge crosses an icosahedron edge.
    if (isClassIII(res) && vert > 0 && last !== null && last.face !== fijk.face) {
      const orig0 = ijkToHex2d(last.coord);
      const slotToLast = adjacentFaceSlot(fijk.face, last.face);
      const [face, ti, tj, tk, rotations] = FACE_NEIGHBORS[fijk.face]![slotToLast]!;
      let c = copy(fijk.coord);
      for (let n = 0; n < rotations; n++) c = rotateIJK60ccw(c);
      c = normalize(addIJK(c, scaleIJK(ijk(ti, tj, tk), unitScale(adjRes) * 3)));
      const orig1 = ijkToHex2d(c);
      const [e0, e1] = faceEdge(adjacentFaceSlot(face, fijk.face), adjRes);
      const inter = intersect(orig0, orig1, e0, e1);
      out.push(hex2dToGeo(inter[0], inter[1], face, adjRes, true));
    }
    if (vert < 5) {
      const [x, y] = ijkToHex2d(fijk.coord);
      out.push(hex2dToGeo(x, y, fijk.face, adjRes, true));
    }
    last = fijk;
  }
  return out;
}

export function cellToBoundary(cell: bigint): LatLng[] {
  const fijk = cellToFaceIjk(cell);
  const res = getRes(cell);
  return isPentagon(cell) ? pentagonBoundary(fijk, res) : hexBoundary(fijk, res);
}

// ---- Hierarchy ----

export function cellToParent(cell: bigint, parentRes: number): bigint | null {
  const res = getRes(cell);
  if (parentRes < 0 || parentRes > res) return null;
  let h = setRes(cell, parentRes);
  for (let r = parentRes + 1; r <= MAX_RES; r++) h = setDigit(h, r, Digit.Invalid);
  return h;
}

/** The children at a finer resolution, in index order (a pentagon has no k-axis children). */
export function cellToChildren(cell: bigint, childRes: number): bigint[] {
  const res = getRes(cell);
  const out: bigint[] = [];
  const walk = (h: bigint, r: number, pentagonal: boolean): void => {
    if (r === childRes) {
      out.push(h);
      return;
    }
    const base = setRes(h, r + 1);
    for (let d = 0; d < 7; d++) {
      if (pentagonal && d === Digit.K) continue;
      walk(setDigit(base, r + 1, d), r + 1, pentagonal && d === Digit.Center);
    }
  };
  walk(cell, res, isPentagon(cell));
  return out;
}

// ---- Neighbors ----

/**
 * How a cell's digits change, and which direction carries to its parent, when stepping from the
 * child with digit d in direction dir. Derived from the aperture-7 geometry: the grid of a
 * Class III resolution nests counterclockwise in its parent, a Class II one clockwise.
 */
function carryTables(classIII: boolean): { digit: number[][]; carry: number[][] } {
  const digit: number[][] = [];
  const carry: number[][] = [];
  for (let d = 0; d < 7; d++) {
    digit.push([]);
    carry.push([]);
    for (let dir = 0; dir < 7; dir++) {
      const moved = normalize(addIJK(UNIT_VECS[d]!, UNIT_VECS[dir]!));
      const parent = classIII ? upAp7(moved) : upAp7r(moved);
      const parentCenter = classIII ? downAp7(parent) : downAp7r(parent);
      digit[d]!.push(unitToDigit(subIJK(moved, parentCenter)));
      carry[d]!.push(unitToDigit(parent));
    }
  }
  return { digit, carry };
}

const STEP_CLASS_III = carryTables(true);
const STEP_CLASS_II = carryTables(false);

export class PentagonDistortion extends Error {}

/**
 * The neighbor of a cell in a direction, with the number of 60° counterclockwise rotations
 * accumulated crossing base cells (`rotations` is updated in place, as the walk around a ring
 * must keep turning with it). Throws PentagonDistortion where the step is undefined.
 */
export function neighborRotations(origin: bigint, direction: number, rotations: { value: number }): bigint {
  let current = origin;
  let dir = direction;
  rotations.value %= 6;
  for (let n = 0; n < rotations.value; n++) dir = rotateDigit60ccw(dir);
  let newRotations = 0;
  const oldBaseCell = getBaseCell(current);
  const oldLeadingDigit = leadingNonZeroDigit(current);
  let r = getRes(current) - 1;
  for (;;) {
    if (r === -1) {
      let nextBase = BASE_CELL_NEIGHBORS[oldBaseCell]![dir]!;
      newRotations = BASE_CELL_NEIGHBOR_ROTATIONS[oldBaseCell]![dir]!;
      if (nextBase === INVALID_BASE_CELL) {
        // The deleted k direction of a pentagon base cell: that edge borders the ik neighbor.
        nextBase = BASE_CELL_NEIGHBORS[oldBaseCell]![Digit.IK]!;
        newRotations = BASE_CELL_NEIGHBOR_ROTATIONS[oldBaseCell]![Digit.IK]!;
        current = rotate60ccw(current);
        rotations.value += 1;
      }
      current = setBaseCell(current, nextBase);
      break;
    }
    const oldDigit = getDigit(current, r + 1);
    if (oldDigit === Digit.Invalid) throw new PentagonDistortion('invalid digit');
    const table = isClassIII(r + 1) ? STEP_CLASS_III : STEP_CLASS_II;
    current = setDigit(current, r + 1, table.digit[oldDigit]![dir]!);
    const nextDir = table.carry[oldDigit]![dir]!;
    if (nextDir === Digit.Center) break;
    dir = nextDir;
    r--;
  }
  const newBaseCell = getBaseCell(current);
  if (isBaseCellPentagon(newBaseCell)) {
    let alreadyAdjusted = false;
    if (leadingNonZeroDigit(current) === Digit.K) {
      if (oldBaseCell !== newBaseCell) {
        current = isCwOffset(newBaseCell, BASE_CELLS[oldBaseCell]![0])
          ? rotate60cw(current)
          : rotate60ccw(current);
        alreadyAdjusted = true;
      } else if (oldLeadingDigit === Digit.Center) {
        throw new PentagonDistortion('the k direction is deleted at a pentagon');
      } else if (oldLeadingDigit === Digit.JK) {
        current = rotate60ccw(current);
        rotations.value += 1;
      } else if (oldLeadingDigit === Digit.IK) {
        current = rotate60cw(current);
        rotations.value += 5;
      } else {
        throw new PentagonDistortion('unexpected pentagon traversal');
      }
    }
    for (let n = 0; n < newRotations; n++) current = rotatePent60ccw(current);
    if (oldBaseCell !== newBaseCell) {
      if (newBaseCell === 4 || newBaseCell === 117) {
        // The polar pentagons have all their neighbors oriented towards them.
        if (oldBaseCell !== 118 && oldBaseCell !== 8 && leadingNonZeroDigit(current) !== Digit.JK) {
          rotations.value += 1;
        }
      } else if (leadingNonZeroDigit(current) === Digit.IK && !alreadyAdjusted) {
        rotations.value += 1;
      }
    }
  } else {
    for (let n = 0; n < newRotations; n++) current = rotate60ccw(current);
  }
  rotations.value = (rotations.value + newRotations) % 6;
  return current;
}

/** The walk around a ring: along j, jk, k, ik, i, ij; each ring starts one step along i. */
const RING_DIRECTIONS = [Digit.J, Digit.JK, Digit.K, Digit.IK, Digit.I, Digit.IJ];
const NEXT_RING = Digit.I;

/**
 * The cells within k steps of the origin with their distances, walking ring by ring. Throws
 * PentagonDistortion when a pentagon is met (the walk is then undefined).
 */
function diskByRings(origin: bigint, k: number): { cell: bigint; distance: number }[] {
  const out = [{ cell: origin, distance: 0 }];
  if (isPentagon(origin)) throw new PentagonDistortion('origin is a pentagon');
  let current = origin;
  const rotations = { value: 0 };
  for (let ring = 1; ring <= k; ring++) {
    current = neighborRotations(current, NEXT_RING, rotations);
    if (isPentagon(current)) throw new PentagonDistortion('pentagon on the ring');
    for (let side = 0; side < 6; side++) {
      for (let step = 0; step < ring; step++) {
        current = neighborRotations(current, RING_DIRECTIONS[side]!, rotations);
        out.push({ cell: current, distance: ring });
        if (isPentagon(current)) throw new PentagonDistortion('pentagon on the ring');
      }
    }
  }
  return out;
}

/**
 * The same disk found by a search from the origin, used near pentagons. Cells sit in a table
 * addressed by index modulo its size (open addressing), and are listed in table order.
 */
function diskBySearch(origin: bigint, k: number): { cell: bigint; distance: number }[] {
  const size = 3 * k * (k + 1) + 1;
  const cells: (bigint | null)[] = new Array<bigint | null>(size).fill(null);
  const distances: number[] = new Array<number>(size).fill(0);
  const sizeBig = BigInt(size);
  const visit = (cell: bigint, distance: number): void => {
    let slot = Number(cell % sizeBig);
    while (cells[slot] !== null && cells[slot] !== cell) slot = (slot + 1) % size;
    if (cells[slot] === cell && distances[slot]! <= distance) return;
    cells[slot] = cell;
    distances[slot] = distance;
    if (distance >= k) return;
    for (const dir of RING_DIRECTIONS) {
      try {
        visit(neighborRotations(cell, dir, { value: 0 }), distance + 1);
      } catch (e) {
        if (!(e instanceof PentagonDistortion)) throw e;
      }
    }
  };
  visit(origin, 0);
  const out: { cell: bigint; distance: number }[] = [];
  for (let slot = 0; slot < size; slot++) {
    const cell = cells[slot];
    if (cell !== null && cell !== undefined) out.push({ cell, distance: distances[slot]! });
  }
  return out;
}

export function gridDiskDistances(origin: bigint, k: number): { cell: bigint; distance: number }[] {
  try {
    return diskByRings(origin, k);
  } catch (e) {
    if (!(e instanceof PentagonDistortion)) throw e;
    return diskBySearch(origin, k);
  }
}

export function latLngOf(lngDeg: number, latDeg: number): LatLng {
  return { lat: (latDeg * Math.PI) / 180, lng: (lngDeg * Math.PI) / 180 };
}
