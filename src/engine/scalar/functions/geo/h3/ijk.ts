/**
 * H3's hexagonal coordinates: (i, j, k) on three axes 120° apart, normalized so that all are
 * non-negative and at least one is zero; the aperture-7 (and, for vertices, aperture-3) steps
 * between resolutions, in the counterclockwise orientation of Class II resolutions and the
 * clockwise one of Class III; and 2D hex coordinates on a face.
 */

export interface IJK {
  i: number;
  j: number;
  k: number;
}

export const enum Digit {
  Center = 0,
  K = 1,
  J = 2,
  JK = 3,
  I = 4,
  IK = 5,
  IJ = 6,
  Invalid = 7,
}

/** The unit step of each digit/direction. */
export const UNIT_VECS: readonly IJK[] = [
  { i: 0, j: 0, k: 0 },
  { i: 0, j: 0, k: 1 },
  { i: 0, j: 1, k: 0 },
  { i: 0, j: 1, k: 1 },
  { i: 1, j: 0, k: 0 },
  { i: 1, j: 0, k: 1 },
  { i: 1, j: 1, k: 0 },
];

export const SQRT3_2 = 0.8660254037844386;
export const SQRT7 = 2.6457513110645907;

export function ijk(i: number, j: number, k: number): IJK {
  return { i, j, k };
}

export function copy(h: IJK): IJK {
  return { i: h.i, j: h.j, k: h.k };
}

export function normalize(h: IJK): IJK {
  let { i, j, k } = h;
  if (i < 0) {
    j -= i;
    k -= i;
    i = 0;
  }
  if (j < 0) {
    i -= j;
    k -= j;
    j = 0;
  }
  if (k < 0) {
    i -= k;
    j -= k;
    k = 0;
  }
  const min = Math.min(i, j, k);
  return { i: i - min, j: j - min, k: k - min };
}

export function addIJK(a: IJK, b: IJK): IJK {
  return { i: a.i + b.i, j: a.j + b.j, k: a.k + b.k };
}

export function subIJK(a: IJK, b: IJK): IJK {
  return { i: a.i - b.i, j: a.j - b.j, k: a.k - b.k };
}

export function scaleIJK(a: IJK, s: number): IJK {
  return { i: a.i * s, j: a.j * s, k: a.k * s };
}

export function equalIJK(a: IJK, b: IJK): boolean {
  return a.i === b.i && a.j === b.j && a.k === b.k;
}

/** A linear map given by the images of the three unit axes, then normalized. */
function transform(h: IJK, iVec: IJK, jVec: IJK, kVec: IJK): IJK {
  return normalize(addIJK(addIJK(scaleIJK(iVec, h.i), scaleIJK(jVec, h.j)), scaleIJK(kVec, h.k)));
}

/** Round half away from zero, as C's lround. */
function lround(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** The parent cell in the next coarser counterclockwise (Class II parent of Class III) grid. */
export function upAp7(h: IJK): IJK {
  const i = h.i - h.k;
  const j = h.j - h.k;
  return normalize({ i: lround((3 * i - j) / 7), j: lround((i + 2 * j) / 7), k: 0 });
}

/** The parent cell in the next coarser clockwise grid. */
export function upAp7r(h: IJK): IJK {
  const i = h.i - h.k;
  const j = h.j - h.k;
  return normalize({ i: lround((2 * i + j) / 7), j: lround((3 * j - i) / 7), k: 0 });
}

/** The center child in the next finer counterclockwise grid. */
export function downAp7(h: IJK): IJK {
  return transform(h, ijk(3, 0, 1), ijk(1, 3, 0), ijk(0, 1, 3));
}

export function downAp7r(h: IJK): IJK {
  return transform(h, ijk(3, 1, 0), ijk(0, 3, 1), ijk(1, 0, 3));
}

/** The same point in the aperture-3 grid of vertices, counterclockwise and clockwise. */
export function downAp3(h: IJK): IJK {
  return transform(h, ijk(2, 0, 1), ijk(1, 2, 0), ijk(0, 1, 2));
}

export function downAp3r(h: IJK): IJK {
  return transform(h, ijk(2, 1, 0), ijk(0, 2, 1), ijk(1, 0, 2));
}

export function rotate60ccw(h: IJK): IJK {
  return transform(h, ijk(1, 1, 0), ijk(0, 1, 1), ijk(1, 0, 1));
}

export function rotate60cw(h: IJK): IJK {
  return transform(h, ijk(1, 0, 1), ijk(1, 1, 0), ijk(0, 1, 1));
}

/** The neighboring cell in a direction. */
export function neighborIJK(h: IJK, digit: number): IJK {
  if (digit > Digit.Center && digit < Digit.Invalid) return normalize(addIJK(h, UNIT_VECS[digit]!));
  return h;
}

export function unitToDigit(h: IJK): number {
  const n = normalize(h);
  for (let d = Digit.Center; d < Digit.Invalid; d++) if (equalIJK(n, UNIT_VECS[d]!)) return d;
  return Digit.Invalid;
}

const CCW_DIGIT = [0, 5, 3, 1, 6, 4, 2, 7];
const CW_DIGIT = [0, 3, 6, 2, 5, 1, 4, 7];

export function rotateDigit60ccw(d: number): number {
  return CCW_DIGIT[d]!;
}

export function rotateDigit60cw(d: number): number {
  return CW_DIGIT[d]!;
}

/** 2D hex coordinates of an ijk position (x along i, y perpendicular). */
export function ijkToHex2d(h: IJK): [number, number] {
  const i = h.i - h.k;
  const j = h.j - h.k;
  return [i - 0.5 * j, j * SQRT3_2];
}

/** The hexagon containing a 2D point, in ijk coordinates. */
export function hex2dToIJK(x: number, y: number): IJK {
  const a1 = Math.abs(x);
  const a2 = Math.abs(y);
  // Reverse the conversion of ijkToHex2d, then find the nearest hexagon center.
  const x2 = a2 / SQRT3_2;
  const x1 = a1 + x2 / 2;
  const m1 = Math.trunc(x1);
  const m2 = Math.trunc(x2);
  const r1 = x1 - m1;
  const r2 = x2 - m2;
  let i: number;
  let j: number;
  if (r1 < 0.5) {
    if (r1 < 1 / 3) {
      i = m1;
      j = r2 < (1 + r1) / 2 ? m2 : m2 + 1;
    } else {
      j = r2 < 1 - r1 ? m2 : m2 + 1;
      i = 1 - r1 <= r2 && r2 < 2 * r1 ? m1 + 1 : m1;
    }
  } else if (r1 < 2 / 3) {
    j = r2 < 1 - r1 ? m2 : m2 + 1;
    i = 2 * r1 - 1 < r2 && r2 < 1 - r1 ? m1 : m1 + 1;
  } else {
    i = m1 + 1;
    j = r2 < r1 / 2 ? m2 : m2 + 1;
  }
  // Fold back across the axes for the other quadrants.
  if (x < 0) {
    if (j % 2 === 0) {
      const axis = j / 2;
      i = i - 2 * (i - axis);
    } else {
      const axis = (j + 1) / 2;
      i = i - (2 * (i - axis) + 1);
    }
  }
  if (y < 0) {
    i = i - Math.trunc((2 * j + 1) / 2);
    j = -j;
  }
  return normalize({ i, j, k: 0 });
}
