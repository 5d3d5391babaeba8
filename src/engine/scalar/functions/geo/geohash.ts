/**
 * Geohash (https://en.wikipedia.org/wiki/Geohash): longitude and latitude bits interleaved,
 * longitude first, five bits per base-32 character. geo_point_to_geohash,
 * geo_geohash_to_central_point, geo_geohash_to_polygon and geo_geohash_neighbors.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { geoDef, validLngLat } from './args.js';
import { pointJson, polygonJson } from './geojson.js';

const ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';
const MIN_LENGTH = 1;
const MAX_LENGTH = 18;
const DEFAULT_ACCURACY = 5;

export function encodeGeohash(lng: number, lat: number, length: number): string {
  let west = -180;
  let east = 180;
  let south = -90;
  let north = 90;
  let out = '';
  let even = true;
  for (let c = 0; c < length; c++) {
    let value = 0;
    for (let bit = 0; bit < 5; bit++) {
      if (even) {
        const mid = (west + east) / 2;
        if (lng >= mid) {
          value = value * 2 + 1;
          west = mid;
        } else {
          value *= 2;
          east = mid;
        }
      } else {
        const mid = (south + north) / 2;
        if (lat >= mid) {
          value = value * 2 + 1;
          south = mid;
        } else {
          value *= 2;
          north = mid;
        }
      }
      even = !even;
    }
    out += ALPHABET[value];
  }
  return out;
}

export interface Box {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** The rectangle of a geohash, or null when it is not one (case-insensitive, 1 to 18 chars). */
export function decodeGeohash(hash: string): Box | null {
  if (hash.length < MIN_LENGTH || hash.length > MAX_LENGTH) return null;
  let west = -180;
  let east = 180;
  let south = -90;
  let north = 90;
  let even = true;
  for (const ch of hash.toLowerCase()) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return null;
    for (let bit = 4; bit >= 0; bit--) {
      const one = ((value >> bit) & 1) === 1;
      if (even) {
        const mid = (west + east) / 2;
        if (one) west = mid;
        else east = mid;
      } else {
        const mid = (south + north) / 2;
        if (one) south = mid;
        else north = mid;
      }
      even = !even;
    }
  }
  return { west, east, south, north };
}

/**
 * The eight cells around a geohash as (longitude, latitude) steps, in the order Kusto lists them
 * (geo_geohash_neighbors('sunny') gives sunnt, sunpj, sunnx, sunpn, sunnv, sunpp, sunnz, sunnw).
 */
const NEIGHBOR_OFFSETS: readonly (readonly [number, number])[] = [
  [-1, -1],
  [-1, 1],
  [1, -1],
  [0, 1],
  [-1, 0],
  [1, 1],
  [1, 0],
  [0, -1],
];

function neighbors(hash: string): string[] | null {
  const box = decodeGeohash(hash);
  if (box === null) return null;
  const width = box.east - box.west;
  const height = box.north - box.south;
  const lng = (box.west + box.east) / 2;
  const lat = (box.south + box.north) / 2;
  const out: string[] = [];
  for (const [dx, dy] of NEIGHBOR_OFFSETS) {
    const nlat = lat + dy * height;
    // No cell lies beyond a pole.
    if (nlat > 90 || nlat < -90) continue;
    let nlng = lng + dx * width;
    if (nlng > 180) nlng -= 360;
    if (nlng < -180) nlng += 360;
    out.push(encodeGeohash(nlng, nlat, hash.length));
  }
  return out;
}

export const geohashFunctions: FunctionTable = {
  geo_point_to_geohash: geoDef(['real', 'real', 'int'], 2, 'string', (a) => {
    const accuracy = a[2] === undefined ? DEFAULT_ACCURACY : (a[2] as number | null);
    if (!validLngLat(a[0], a[1]) || accuracy === null) return '';
    if (accuracy < MIN_LENGTH || accuracy > MAX_LENGTH) return '';
    return encodeGeohash(a[0] as number, a[1] as number, accuracy);
  }),
  geo_geohash_to_central_point: geoDef(['string'], 1, 'dynamic', (a) => {
    const box = decodeGeohash(a[0] as string);
    return box === null ? null : pointJson((box.west + box.east) / 2, (box.south + box.north) / 2);
  }),
  geo_geohash_to_polygon: geoDef(['string'], 1, 'dynamic', (a): DynamicValue => {
    const box = decodeGeohash(a[0] as string);
    if (box === null) return null;
    return polygonJson([
      [
        [box.west, box.south],
        [box.east, box.south],
        [box.east, box.north],
        [box.west, box.north],
        [box.west, box.south],
      ],
    ]);
  }),
  geo_geohash_neighbors: geoDef(['string'], 1, 'dynamic', (a) => neighbors(a[0] as string)),
};
