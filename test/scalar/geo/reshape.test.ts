// Densifying planar edges into geodesics and simplifying lines and polygons.
import { dyn, real } from '../support.js';
import { geoTable } from './support.js';

const SQUARE = dyn('{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}');

geoTable('geo_line_densify', [
  [
    [dyn('{"type":"LineString","coordinates":[[-73.949247, 40.796860],[-73.973017, 40.764323]]}')],
    '{"type":"LineString","coordinates":[[-73.949247, 40.796860], [-73.973017, 40.764323]]}',
  ],
  [
    [dyn('{"type":"LineString","coordinates":[[50, 50], [51, 51]]}')],
    '{"type":"LineString","coordinates":[[50,50],[50.125,50.125],[50.25,50.25],[50.375,50.375],[50.5,50.5],[50.625,50.625],[50.75,50.75],[50.875,50.875],[51,51]]}',
  ],
  [[dyn('{"type":"LineString","coordinates":[[300,1],[1,1]]}')], ''],
  [[dyn('{"type":"LineString","coordinates":[[1,1],[2,2]]}'), real(0)], ''],
]);

geoTable('geo_polygon_densify', [
  [
    [
      dyn(
        '{"type":"Polygon","coordinates":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]}',
      ),
    ],
    '{"type":"Polygon","coordinates":[[[-73.958244,40.800719],[-73.949146,40.79695],[-73.973093,40.764226],[-73.982062,40.768159],[-73.958244,40.800719]]]}',
  ],
  [
    [SQUARE],
    '{"type":"Polygon","coordinates":[[[10,10],[10.25,10],[10.5,10],[10.75,10],[11,10],[11,11],[10.75,11],[10.5,11],[10.25,11],[10,11],[10,10]]]}',
  ],
  [[dyn('{"type":"Polygon","coordinates":[[[10,900],[11,10],[11,11],[10,11],[10,10]]]}')], ''],
  [[SQUARE, real(0)], ''],
]);

geoTable('geo_line_simplify', [
  // Vertices within a metre of the chord between the ends are dropped.
  [
    [dyn('{"type":"LineString","coordinates":[[0,0],[0.5,0.000001],[1,0]]}'), real(10)],
    '{"type":"LineString","coordinates":[[0,0],[1,0]]}',
  ],
  [[dyn('{"type":"LineString","coordinates":[[1, 1]]}')], ''],
  [[dyn('{"type":"LineString","coordinates":[[1, 1],[2,2]]}'), real(-1)], ''],
  [[dyn('{"type":"LineString","coordinates":[[1.1, 1.1],[1.2,1.2]]}'), real(100000)], ''],
]);

geoTable('geo_polygon_simplify', [
  [[dyn('{"type":"Polygon","coordinates":[[[5,48],[5,48]]]}')], ''],
  [[dyn('{"type":"Polygon","coordinates":[[[5,48],[0,50],[0,47],[4,47],[5,48]]]}'), real(-0.1)], ''],
  [[SQUARE, real(1)], '{"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]}'],
]);

const PARK_POLYGONS = dyn(
  '[{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]]},{"type":"Polygon","coordinates":[[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]]},{"type":"Polygon","coordinates":[[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]]}]',
);

geoTable('geo_simplify_polygons_array', [
  [[PARK_POLYGONS, real(-1)], ''],
  [[PARK_POLYGONS, real(10000)], ''],
]);
