// Where lines and polygons meet: intersection tests and intersection shapes.
import { dyn } from '../support.js';
import { geoTable } from './support.js';

const ROAD_1 = dyn('{"type":"LineString","coordinates":[[-73.978929,40.785155],[-73.980903,40.782621]]}');
const ROAD_2 = dyn('{"type":"LineString","coordinates":[[-73.985195,40.788275],[-73.974552,40.779761]]}');
const ONE_POINT = dyn('{"type":"LineString","coordinates":[[-73.985195,40.788275]]}');
const TRIANGLE = dyn(
  '{"type":"Polygon","coordinates":[[[-73.9712905883789,40.78580561168767],[-73.98004531860352,40.775276834803655],[-73.97000312805176,40.77852663535664],[-73.9712905883789,40.78580561168767]]]}',
);
const CENTRAL_PARK = dyn(
  '{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]]}',
);

geoTable('geo_intersects_2lines', [
  [[ROAD_1, ROAD_2], 'true'],
  [
    [
      dyn('{"type":"LineString","coordinates":[[1, 1],[2, 2]]}'),
      dyn('{"type":"LineString","coordinates":[[3, 3],[4, 4]]}'),
    ],
    'false',
  ],
  [[ROAD_1, ONE_POINT], ''],
  [[ONE_POINT, TRIANGLE], ''],
]);

geoTable('geo_intersects_2polygons', [
  [
    [
      dyn(
        '{"type":"Polygon","coordinates":[[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]]}',
      ),
      dyn(
        '{"type":"Polygon","coordinates":[[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]]}',
      ),
    ],
    'true',
  ],
  [[TRIANGLE, dyn('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}')], 'false'],
  [[dyn('{"type":"Polygon"}'), CENTRAL_PARK], ''],
]);

geoTable('geo_intersects_line_with_polygon', [
  [[ROAD_2, TRIANGLE], 'true'],
  [[dyn('{"type":"LineString","coordinates":[[1, 1],[2, 2]]}'), TRIANGLE], 'false'],
  [[ONE_POINT, TRIANGLE], ''],
]);

geoTable('geo_intersection_2lines', [
  [[ROAD_1, ROAD_2], '{"type": "Point","coordinates": [-73.979837116670978,40.783989289772165]}'],
  [
    [ROAD_1, ROAD_1],
    '{"type": "LineString","coordinates": [[ -73.978929, 40.785155],[ -73.980903, 40.782621]]}',
  ],
  [
    [
      dyn('{"type":"LineString","coordinates":[[1, 1],[2, 2]]}'),
      dyn('{"type":"LineString","coordinates":[[3, 3],[4, 4]]}'),
    ],
    '{"type": "GeometryCollection", "geometries": []}',
  ],
  [
    [
      dyn('{"type":"LineString","coordinates":[[1, 1],[2, 2]]}'),
      dyn('{"type":"LineString","coordinates":[[3, 3]]}'),
    ],
    '',
  ],
]);

geoTable('geo_intersection_line_with_polygon', [
  [
    [ROAD_2, TRIANGLE],
    '{"type": "LineString","coordinates": [[-73.975611956578192,40.78060906714618],[-73.974552,40.779761]]}',
  ],
  [
    [
      dyn('{"type":"LineString","coordinates":[[-110.522, 39.198],[-91.428, 40.880]]}'),
      dyn(
        '{"type":"Polygon","coordinates":[[[-90.263,36.738],[-102.041,45.274],[-109.335,36.527],[-90.263,36.738]],[[-100.393,41.705],[-103.139,38.925],[-97.558,39.113],[-100.393,41.705]]]}',
      ),
    ],
    '{"type": "MultiLineString","coordinates": [[[  -106.89353655881905,  39.769226209776306],[  -101.74448553679453,  40.373506008712525]],[[-99.136499431328858,  40.589336512699994],[-95.284527737311791,  40.799060242246348]]]}',
  ],
  [
    [dyn('{"type":"LineString","coordinates":[[1, 1],[2, 2]]}'), TRIANGLE],
    '{"type": "GeometryCollection","geometries": []}',
  ],
  [[ONE_POINT, TRIANGLE], ''],
]);
