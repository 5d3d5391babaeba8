/**
 * The H3 cell index layout (https://h3geo.org/docs/core-library/h3Indexing): 1 reserved bit,
 * 4 mode bits (1 for a cell), 3 reserved bits, 4 resolution bits, 7 base cell bits, then fifteen
 * 3-bit digits for resolutions 1..15, unused ones set to 7. Tokens are the index in lower-case
 * hexadecimal. Indexes are bigints here.
 */
import { Digit, rotateDigit60ccw, rotateDigit60cw } from './ijk.js';
import { BASE_CELLS } from './tables.js';

export const MAX_RES = 15;
export const NUM_BASE_CELLS = 122;

const MODE_OFFSET = 59n;
const RES_OFFSET = 52n;
const BASE_CELL_OFFSET = 45n;

/** An index with every digit unused (7), ready to be filled in. */
export function initIndex(res: number, baseCell: number): bigint {
  let h = (1n << MODE_OFFSET) | (BigInt(res) << RES_OFFSET) | (BigInt(baseCell) << BASE_CELL_OFFSET);
  h |= (1n << 45n) - 1n;
  return h;
}

export function getRes(h: bigint): number {
  return Number((h >> RES_OFFSET) & 15n);
}

export function setRes(h: bigint, res: number): bigint {
  return (h & ~(15n << RES_OFFSET)) | (BigInt(res) << RES_OFFSET);
}

export function getBaseCell(h: bigint): number {
  return Number((h >> BASE_CELL_OFFSET) & 127n);
}

export function setBaseCell(h: bigint, baseCell: number): bigint {
  return (h & ~(127n << BASE_CELL_OFFSET)) | (BigInt(baseCell) << BASE_CELL_OFFSET);
}

function digitShift(r: number): bigint {
  return BigInt((MAX_RES - r) * 3);
}

export function getDigit(h: bigint, r: number): number {
  return Number((h >> digitShift(r)) & 7n);
}

export function setDigit(h: bigint, r: number, digit: number): bigint {
  const shift = digitShift(r);
  return (h & ~(7n << shift)) | (BigInt(digit) << shift);
}

export function isBaseCellPentagon(baseCell: number): boolean {
  return BASE_CELLS[baseCell]![4] === 1;
}

/** The first non-zero digit, or 0 when all are zero (the cell is its base cell's center). */
export function leadingNonZeroDigit(h: bigint): number {
  const res = getRes(h);
  for (let r = 1; r <= res; r++) {
    const d = getDigit(h, r);
    if (d !== 0) return d;
  }
  return Digit.Center;
}

export function isPentagon(h: bigint): boolean {
  return isBaseCellPentagon(getBaseCell(h)) && leadingNonZeroDigit(h) === Digit.Center;
}

export function rotate60ccw(h: bigint): bigint {
  const res = getRes(h);
  for (let r = 1; r <= res; r++) h = setDigit(h, r, rotateDigit60ccw(getDigit(h, r)));
  return h;
}

export function rotate60cw(h: bigint): bigint {
  const res = getRes(h);
  for (let r = 1; r <= res; r++) h = setDigit(h, r, rotateDigit60cw(getDigit(h, r)));
  return h;
}

/** Rotation of a pentagon's index, skipping its deleted k-axis subsequence. */
export function rotatePent60ccw(h: bigint): bigint {
  const res = getRes(h);
  let foundFirstNonZero = false;
  for (let r = 1; r <= res; r++) {
    h = setDigit(h, r, rotateDigit60ccw(getDigit(h, r)));
    if (!foundFirstNonZero && getDigit(h, r) !== 0) {
      foundFirstNonZero = true;
      if (leadingNonZeroDigit(h) === Digit.K) h = rotate60ccw(h);
    }
  }
  return h;
}

/** A well-formed cell index: mode 1, reserved bits clear, digits 0..6 then 7s, no deleted digit. */
export function isValidCell(h: bigint): boolean {
  if (h < 0n || h >= 1n << 64n) return false;
  if (h >> 63n !== 0n) return false;
  if (((h >> MODE_OFFSET) & 15n) !== 1n) return false;
  if (((h >> 56n) & 7n) !== 0n) return false;
  const baseCell = getBaseCell(h);
  if (baseCell >= NUM_BASE_CELLS) return false;
  const res = getRes(h);
  let foundFirstNonZero = false;
  for (let r = 1; r <= MAX_RES; r++) {
    const d = getDigit(h, r);
    if (r <= res) {
      if (d === Digit.Invalid) return false;
      if (!foundFirstNonZero && d !== Digit.Center) {
        foundFirstNonZero = true;
        if (isBaseCellPentagon(baseCell) && d === Digit.K) return false;
      }
    } else if (d !== Digit.Invalid) {
      return false;
    }
  }
  return true;
}

export function toToken(h: bigint): string {
  return h.toString(16);
}

/** The index of a token, or null when it is not a valid cell. */
export function fromToken(token: string): bigint | null {
  if (token.length < 1 || token.length > 16 || !/^[0-9a-fA-F]+$/.test(token)) return null;
  const h = BigInt('0x' + token);
  return isValidCell(h) ? h : null;
}
