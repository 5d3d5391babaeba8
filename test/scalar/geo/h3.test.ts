// H3 cells: indexing points, centers and boundaries, the hierarchy, neighbors and rings, polygon
// filling, and invalid tokens, resolutions and distances.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_CELLS, FACE_IJK_BASE_CELLS } from '../../../src/engine/scalar/functions/geo/h3/tables.js';
import { call, dyn, int, nul, real, str } from '../support.js';
import { geoTable } from './support.js';

geoTable('geo_point_to_h3cell', [
  [[real(-74.04450446039874), real(40.689250859314974), int(6)], '862a1072fffffff'],
  [[real(-73.956683), real(40.807907), int(5)], '852a100bfffffff'],
  [[real(-73.916869), real(40.818314), int(5)], '852a100bfffffff'],
  [[real(-73.989148), real(40.743273), int(5)], '852a1073fffffff'],
  [[real(-74.04450446039874), real(40.689250859314974)], '862a1072fffffff'],
  [[real(300), real(1), int(8)], ''],
  [[real(1), real(1), int(16)], ''],
  [[real(1), real(1), nul('int')], ''],
]);

geoTable('geo_h3cell_to_central_point', [
  [[str('862a1072fffffff')], '{"type": "Point","coordinates": [-74.016008479792447, 40.7041679083504]}'],
  [[str('1')], ''],
]);

const CELL_862A1072 =
  '{"type": "Polygon","coordinates": [[[-74.0022744646159, 40.735376026215022], [-74.046908029686236, 40.727986222489115], [-74.060610712223664, 40.696775140349033],[  -74.029724408156682, 40.672970047595463], [-73.985140983708192, 40.680349049267583],[  -73.971393761028622, 40.71154393543933], [-74.0022744646159, 40.735376026215022]]]}';

geoTable('geo_h3cell_to_polygon', [
  [[str('862a1072fffffff')], CELL_862A1072],
  [
    [str('862a100d7ffffff')],
    '{"type":"Polygon","coordinates":[[[-73.943844904976629,40.773964402038523],[-73.988522328408948,40.766594382212254],[-74.0022744646159,40.735376026215022],[-73.971393761028622,40.71154393543933],[-73.926766604813565,40.718903205013063],[-73.912969923470314,40.750105305345329],[-73.943844904976629,40.773964402038523]]]}',
  ],
  [[str('@')], ''],
]);

geoTable('geo_h3cell_level', [
  [[str('862a1072fffffff')], '6'],
  [[str('abc')], ''],
]);

geoTable('geo_h3cell_parent', [
  [[str('862a1072fffffff')], '852a1073fffffff'],
  [[str('862a1072fffffff'), int(1)], '812a3ffffffffff'],
  [[str('123')], ''],
  [[str('862a1072fffffff'), int(100)], ''],
  [[str('862a1072fffffff'), int(15)], ''],
]);

geoTable('geo_h3cell_children', [
  [
    [str('862a1072fffffff')],
    '[ "872a10728ffffff", "872a10729ffffff", "872a1072affffff", "872a1072bffffff", "872a1072cffffff", "872a1072dffffff", "872a1072effffff" ]',
  ],
  [[str('abc')], ''],
  [[str('862a1072fffffff'), int(12)], ''],
  [[str('862a1072fffffff'), int(6)], ''],
]);

geoTable('geo_h3cell_neighbors', [
  [
    [str('862a1072fffffff')],
    '["862a10727ffffff","862a10707ffffff","862a1070fffffff","862a10777ffffff","862a100dfffffff","862a100d7ffffff"]',
  ],
  [[str('abc')], ''],
]);

geoTable('geo_h3cell_rings', [
  [
    [str('861f8894fffffff'), int(2)],
    '[["861f8894fffffff"],["861f88947ffffff","861f8895fffffff","861f88867ffffff","861f8d497ffffff","861f8d4b7ffffff","861f8896fffffff"],["861f88967ffffff","861f88977ffffff","861f88957ffffff","861f8882fffffff","861f88877ffffff","861f88847ffffff","861f8886fffffff","861f8d49fffffff","861f8d487ffffff","861f8d4a7ffffff","861f8d59fffffff","861f8d597ffffff"]]',
  ],
  [[str('abc'), int(3)], ''],
  [[str('861f8894fffffff'), int(150)], ''],
]);

geoTable('geo_polygon_to_h3cells', [
  [
    [
      dyn(
        '{"type":"Polygon","coordinates":[[[-3.659,40.553],[-3.913,40.409],[-3.729,40.273],[-3.524,40.440],[-3.659,40.553]]]}',
      ),
    ],
    // The documented cells, listed here in index order.
    '["86390ca07ffffff","86390ca27ffffff","86390ca2fffffff","86390ca37ffffff","86390cb07ffffff","86390cb0fffffff","86390cb17ffffff","86390cb1fffffff","86390cb57ffffff","86390cb87ffffff","86390cb8fffffff","86390cba7ffffff","86390cbafffffff"]',
  ],
  [[dyn('{"type":"Polygon","coordinates":[[[0,0],[1,1]]]}')], ''],
]);

describe('H3 hierarchy and tables', () => {
  test('a resolution-10 cell has level 10 and its parent at 3 has level 3', () => {
    const cell = call('geo_point_to_h3cell', real(1), real(1), int(10)) as string;
    assert.equal(call('geo_h3cell_level', str(cell)), 10);
    assert.equal(call('geo_h3cell_level', str(call('geo_h3cell_parent', str(cell)) as string)), 9);
    assert.equal(call('geo_h3cell_level', str(call('geo_h3cell_parent', str(cell), int(3)) as string)), 3);
  });
  test('a cell has 343 children three levels down; a pentagon one fewer per level', () => {
    assert.equal((call('geo_h3cell_children', str('862a1072fffffff'), int(9)) as string[]).length, 343);
    // Base cell 4 is a pentagon: 6 children instead of 7.
    assert.equal((call('geo_h3cell_children', str('8009fffffffffff')) as string[]).length, 6);
  });
  test("each base cell's home position maps back to it without rotation", () => {
    BASE_CELLS.forEach(([face, i, j, k], baseCell) => {
      const at = (i * 9 + j * 3 + k) * 2;
      assert.deepEqual([FACE_IJK_BASE_CELLS[face]![at], FACE_IJK_BASE_CELLS[face]![at + 1]], [baseCell, 0]);
    });
  });
  test('a pentagon has five boundary vertices and five neighbors', () => {
    const polygon = call('geo_h3cell_to_polygon', str('8009fffffffffff')) as { coordinates: number[][][] };
    assert.equal(polygon.coordinates[0]!.length, 6);
    assert.equal((call('geo_h3cell_neighbors', str('8009fffffffffff')) as string[]).length, 5);
  });
});
