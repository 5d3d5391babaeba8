// Distances, containment, angles and measures on the sphere: the reference pages' examples and
// their invalid inputs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindFunction } from '../../../src/engine/scalar/index.js';
import { bindError, dyn, int, nul, real, str } from '../support.js';
import { geoTable } from './support.js';

const ROAD = dyn(
  '{ "type":"LineString","coordinates":[[-115.115385,36.229195],[-115.136995,36.200366],[-115.140252,36.192470],[-115.143558,36.188523],[-115.144076,36.181954],[-115.154662,36.174483],[-115.166431,36.176388],[-115.183289,36.175007],[-115.192612,36.176736],[-115.202485,36.173439],[-115.225355,36.174365]]}',
);
const CENTRAL_PARK = dyn(
  '{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}',
);
const DEGENERATE_POLYGON = dyn('{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,10],[0,0]]]}');
const SHORT_LINE = dyn('{"type":"LineString","coordinates":[[-73.95796, 40.80042], [-73.97317, 40.764486]]}');
const PARK_LINE = dyn(
  '{"type":"LineString","coordinates":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334],[-73.98210525512695,40.76786669510221],[-73.96004676818848,40.7980870753293]]}',
);
const ONE_POINT_LINE = dyn('{"type":"LineString","coordinates":[[1, 1]]}');
// A shell with a hole (Central Park) around Manhattan's middle.
const MANHATTAN_WITH_HOLE = dyn(
  '{"type":"Polygon","coordinates":[[[-73.92597198486328,40.87821814104651],[-73.94691467285156,40.85069618625578],[-73.94691467285156,40.841865966890786],[-74.01008605957031,40.7519385984599],[-74.01866912841797,40.704586878965245],[-74.01214599609375,40.699901911003046],[-73.99772644042969,40.70875101828792],[-73.97747039794922,40.71083299030839],[-73.97026062011719,40.7290474687069],[-73.97506713867186,40.734510840309376],[-73.970947265625,40.74543623770158],[-73.94210815429688,40.77586181063573],[-73.9434814453125,40.78080140115127],[-73.92974853515625,40.79691751000055],[-73.93077850341797,40.804454347291006],[-73.93489837646484,40.80965166748853],[-73.93524169921875,40.837190668541105],[-73.92288208007812,40.85770758108904],[-73.9101791381836,40.871728144624974],[-73.92597198486328,40.87821814104651]],[[-73.95824432373047,40.80071852197889],[-73.98206233978271,40.76815921628347],[-73.97309303283691,40.76422632379533],[-73.94914627075195,40.796949998204596],[-73.95824432373047,40.80071852197889]]]}',
);

geoTable('geo_distance_2points', [
  [[real(-122.407628), real(47.578557), real(-118.275287), real(34.019056)], '1546754.35197381'],
  [[real(300), real(1), real(1), real(1)], ''],
  [[real(1), real(1), real(1), nul('real')], ''],
  [[real(0), real(0), real(0), real(0)], '0'],
]);

geoTable('geo_distance_point_to_line', [
  [[real(-115.199625), real(36.210419), ROAD], '3797.88887253334'],
  [[real(1), real(1), dyn('{ "type":"LineString"}')], ''],
  [[real(300), real(3), dyn('{ "type":"LineString","coordinates":[[1,1],[2,2]]}')], ''],
]);

geoTable('geo_distance_point_to_polygon', [
  [[real(-73.9839), real(40.7705), CENTRAL_PARK], '259.940756070596'],
  // "If polygon contains point, the distance will be 0."
  [[real(-73.9657), real(40.7826), CENTRAL_PARK], '0'],
  [[real(500), real(1), dyn('{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,1],[0,0]]]}')], ''],
  [[real(1), real(1), DEGENERATE_POLYGON], ''],
]);

geoTable('geo_point_in_circle', [
  [[real(-122.143564), real(47.535677), real(-122.100896), real(47.527351), real(3500)], 'true'],
  [[real(-122.137575), real(47.630683), real(-122.100896), real(47.527351), real(3500)], 'false'],
  [[real(200), real(1), real(1), real(1), real(1)], ''],
  [[real(1), real(1), real(1), real(1), real(-1)], ''],
]);

geoTable('geo_point_in_polygon', [
  [[real(-73.985654), real(40.748487), MANHATTAN_WITH_HOLE], 'true'],
  // Inside the shell but in the hole (the Metropolitan Museum of Art in Central Park).
  [[real(-73.963249), real(40.779525), MANHATTAN_WITH_HOLE], 'false'],
  [[real(-73.874367), real(40.777356), MANHATTAN_WITH_HOLE], 'false'],
  [[real(200), real(1), dyn('{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,1],[0,0]]]}')], ''],
  // A clockwise shell still means its smaller region.
  [[real(0.5), real(0.5), dyn('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}')], 'true'],
  [[real(5), real(5), dyn('{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}')], 'false'],
]);

geoTable('geo_closest_point_on_line', [
  [
    [real(-115.199625), real(36.210419), ROAD],
    '{ "type": "Point", "coordinates": [ -115.192612, 36.176736]}',
  ],
  [[real(1), real(1), dyn('{ "type":"LineString"}')], ''],
  [[real(300), real(3), dyn('{ "type":"LineString","coordinates":[[1,1],[2,2]]}')], ''],
]);

geoTable('geo_closest_point_on_polygon', [
  [
    [real(-73.9839), real(40.7705), CENTRAL_PARK],
    '{"type": "Point","coordinates": [-73.981205580153926, 40.769359452843211] }',
  ],
  [[real(500), real(1), dyn('{"type": "Polygon","coordinates": [[[0,0],[10,10],[10,1],[0,0]]]}')], ''],
  [[real(1), real(1), DEGENERATE_POLYGON], ''],
]);

geoTable('geo_angle', [
  [[real(0), real(10), real(0), real(5), real(3), real(-10)], '2.94493843406882'],
  [[real(0), real(10), real(0), real(10), real(3), real(-10)], ''],
]);

geoTable('geo_azimuth', [
  [[real(5), real(10), real(10), real(-40)], '3.05459939796449'],
  [[real(5), real(10), real(5), real(10)], ''],
]);

geoTable('geo_line_length', [
  [
    [
      dyn(
        '{"type":"LineString","coordinates":[[-73.95807266235352,40.800426144169315],[-73.94966125488281,40.79691751000055],[-73.97317886352539,40.764486356930334]]}',
      ),
    ],
    '4922.48016992081',
  ],
  [
    [
      dyn(
        '{"type":"MultiLineString","coordinates":[[[-73.95798683166502,40.800556090021466],[-73.98193359375,40.76819171855746]],[[-73.94940376281738,40.79691751000055],[-73.97317886352539,40.76435634049001]]]}',
      ),
    ],
    '8262.24339753741',
  ],
  [[ONE_POINT_LINE], ''],
]);

geoTable('geo_polygon_area', [
  [[CENTRAL_PARK], '3475207.28346606'],
  [[DEGENERATE_POLYGON], ''],
]);

geoTable('geo_polygon_perimeter', [
  [[CENTRAL_PARK], '9930.30149604938'],
  [[DEGENERATE_POLYGON], ''],
]);

geoTable('geo_line_centroid', [
  [[SHORT_LINE], '{"type": "Point", "coordinates": [-73.965567057230942, 40.782453249627416]}'],
  [[PARK_LINE], '{"type": "Point", "coordinates": [-73.9660675626837, 40.78185368625454]}'],
  [[ONE_POINT_LINE], ''],
]);

geoTable('geo_polygon_centroid', [
  [[CENTRAL_PARK], '{"type": "Point", "coordinates": [-73.965735689907618, 40.782550538057812]}'],
  [[DEGENERATE_POLYGON], ''],
]);

geoTable('geo_line_interpolate_point', [
  [[SHORT_LINE, real(0.25)], '{"type": "Point", "coordinates": [-73.961764043218281, 40.791436687257232]}'],
  [[PARK_LINE, real(0.9)], '{"type": "Point", "coordinates": [-73.96556545832799, 40.79052937973534]}'],
  [[ONE_POINT_LINE, real(0.5)], ''],
  [[SHORT_LINE, real(1.5)], ''],
]);

geoTable('geo_line_locate_point', [
  [[SHORT_LINE, real(-73.965), real(40.792)], '0.25560135100307552'],
  [[ONE_POINT_LINE, real(1), real(1)], ''],
]);

// One degree of arc on the documented 6,371,010 m sphere, with integer arguments.
geoTable('geo_distance_2points', [[[int(0), int(0), int(0), int(1)], '111195.101177484']]);

// A string that is not GeoJSON is no polygon.
geoTable('geo_point_in_polygon', [[[real(1), real(1), str('not json')], '']]);

describe('geo binding', () => {
  test('a string where a coordinate is expected does not bind', () => {
    const args = [
      { type: 'string' as const },
      { type: 'real' as const },
      { type: 'real' as const },
      { type: 'real' as const },
    ];
    assert.match(
      bindError(bindFunction('geo_distance_2points', args)),
      /argument 1 of 'geo_distance_2points'/,
    );
  });
  test('too few arguments do not bind', () => {
    assert.match(bindError(bindFunction('geo_point_in_polygon', [{ type: 'real' }])), /expects 3 arguments/);
  });
});
