// S2 cells: tokens of points, cell centers and polygons, neighbors, polygon coverings, and
// invalid tokens, levels and coordinates.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cellIdOfPoint,
  fromToken,
  levelOf,
  toToken,
} from '../../../src/engine/scalar/functions/geo/s2/cell-id.js';
import { fromLngLat } from '../../../src/engine/scalar/functions/geo/sphere.js';
import { call, dyn, int, nul, real, str } from '../support.js';
import { geoTable } from './support.js';

geoTable('geo_point_to_s2cell', [
  [[real(-80.195829), real(25.802215), int(8)], '88d9b'],
  [[real(10.1234), real(53), int(8)], '47b1d'],
  [[real(10.3579), real(53), int(8)], '47b1d'],
  [[real(10.6842), real(53), int(8)], '47ae3'],
  [[real(300), real(1), int(8)], ''],
  [[real(1), real(1), int(35)], ''],
  [[real(1), real(1), nul('int')], ''],
]);

geoTable('geo_s2cell_to_central_point', [
  [[str('1234567')], '{"type": "Point","coordinates": [9.86830731850408, 27.468392925827604]}'],
  [[str('a')], ''],
  [[str('zz')], ''],
]);

const CELL_89C259 =
  '{"type": "Polygon","coordinates": [[[-74.030012249838478, 40.8012684339439], [-74.030012249838478, 40.7222262918358], [-73.935982114337421, 40.708880489804564], [-73.935982114337421, 40.787917134506841], [-74.030012249838478, 40.8012684339439]]]}';

geoTable('geo_s2cell_to_polygon', [
  [[str('89c259')], CELL_89C259],
  [
    [str('89c25d')],
    '{"type": "Polygon","coordinates": [[[  -73.935982114337421,  40.708880489804564],[  -73.935982114337421,  40.629736433321796],[  -73.841906340776248,  40.616308079144915],[  -73.841906340776248,  40.695446474556284],[  -73.935982114337421,  40.708880489804564]]]}',
  ],
  [[str('a')], ''],
]);

geoTable('geo_s2cell_neighbors', [
  [[str('89c259')], '["89c25d","89c2f9","89c251","89c257","89c25f","89c25b","89c2f7","89c2f5"]'],
  [[str('a')], ''],
]);

const TRIANGLE = dyn('{"type":"Polygon","coordinates":[[[0,0],[0,50],[100,50],[0,0]]]}');

describe('geo_polygon_to_s2cells', () => {
  geoTable('geo_polygon_to_s2cells', [
    [[TRIANGLE, int(30)], ''],
    [[TRIANGLE, int(31)], ''],
    [[dyn('{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}')], ''],
  ]);
  test('covers the documented triangle with 286 level-5 cells', () => {
    const cells = call('geo_polygon_to_s2cells', TRIANGLE, int(5)) as string[];
    assert.equal(cells.length, 286);
    assert.ok(cells.every((t) => levelOf(fromToken(t)!) === 5));
  });
  // The triangle's edges are geodesics: its lower edge runs above the parallel it starts on.
  test('every covering contains the cells of points inside the polygon', () => {
    const cells = new Set(call('geo_polygon_to_s2cells', TRIANGLE, int(5)) as string[]);
    for (const [lng, lat] of [
      [10, 30],
      [30, 45],
      [60, 50],
      [5, 20],
    ]) {
      assert.ok(cells.has(toToken(cellIdOfPoint(fromLngLat(lng!, lat!), 5))), `${lng}, ${lat}`);
    }
  });
});

describe('S2 tokens', () => {
  test('a token is the id without trailing zeros and reads back', () => {
    const id = cellIdOfPoint(fromLngLat(-73.99, 40.73), 16);
    assert.equal(fromToken(toToken(id)), id);
    assert.equal(levelOf(id), 16);
  });
  test('an id whose level marker sits at an odd bit is no cell', () => {
    assert.equal(fromToken('8'), null);
    assert.equal(fromToken('c'), null);
    assert.equal(fromToken('89c258'), null);
    assert.equal(fromToken('89c25'), cellIdOfPoint(fromLngLat(-74, 40.75), 8));
  });
});
