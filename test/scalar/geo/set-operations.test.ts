// Unions and intersections of shapes: the reference pages' examples (exact vertex order
// included), shapes that meet in lower dimensions, and invalid input.
import type { DynamicValue } from '../../../src/types/scalar.js';
import { type Arg, call, dyn, nul, str } from '../support.js';
import { geoTable } from './support.js';

const polygon = (ring: string): string => `{"type":"Polygon","coordinates":[${ring}]}`;
const array = (...items: string[]): Arg => dyn(`[${items.join(',')}]`);

// The reference pages' Manhattan shapes.
const PARK = polygon(
  '[[-73.9495,40.7969],[-73.95807,40.80068],[-73.98201,40.76825],[-73.97317,40.76455],[-73.9495,40.7969]]',
);
const TRIANGLE_1 = polygon(
  '[[-73.94622,40.79249],[-73.96888,40.79282],[-73.9577,40.7789],[-73.94622,40.79249]]',
);
const TRIANGLE_2 = polygon(
  '[[-73.97335,40.77274],[-73.9936,40.76630],[-73.97171,40.75655],[-73.97335,40.77274]]',
);
const ONE_VERTEX = polygon('[[-73.94622,40.79249]]');

// Squares on a one-degree lattice, for shapes that touch.
const square = (x: number, y: number, size = 1): string =>
  polygon(`[[${x},${y}],[${x + size},${y}],[${x + size},${y + size}],[${x},${y + size}],[${x},${y}]]`);

/** Cells and their neighbours, as the pages build them, as one array argument. */
function cellsWithNeighbors(neighbors: string, toPolygon: string, cell: string): Arg {
  const ids = [cell, ...(call(neighbors, str(cell)) as string[])];
  return { type: 'dynamic', value: ids.map((id) => call(toPolygon, str(id)) as DynamicValue) };
}

geoTable('geo_union_polygons_array', [
  [
    [array(PARK, TRIANGLE_1, TRIANGLE_2)],
    '{"type":"Polygon","coordinates":[[[-73.972599326729608,40.765330371902991],[-73.960302383706178,40.782140794645024],[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.792584227716468],[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.792748258673875],[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],[-73.9803360309571,40.770518810606404],[-73.9936,40.7663],[-73.97171,40.756550000000004],[-73.972599326729608,40.765330371902991]]]}',
  ],
  [
    [array(PARK, TRIANGLE_1)],
    '{"type":"Polygon","coordinates":[[[-73.9495,40.7969],[-73.95807,40.80068],[-73.9639277517478,40.792748258673875],[-73.96888,40.792819999999992],[-73.9662719791645,40.7895734224338],[-73.98201,40.76825],[-73.97317,40.76455],[-73.960302383706178,40.782140794645024],[-73.9577,40.7789],[-73.94622,40.79249],[-73.9526593223173,40.792584227716468],[-73.9495,40.7969]]]}',
  ],
  // geo-s2cell-neighbors-function#4: nine cells sharing edges and corners.
  [
    [cellsWithNeighbors('geo_s2cell_neighbors', 'geo_s2cell_to_polygon', '89c259')],
    '{"type": "Polygon","coordinates": [[[-73.841906340776248,40.695446474556284],[-73.841906340776248,40.774477568182071],[-73.841906340776248,40.853401155678846],[-73.935982114337421,40.866846163445771],[-74.030012249838478,40.880202851376716],[-74.1239959854733,40.893471289549758],[-74.1239959854733,40.814531536204242],[-74.1239959854733,40.735483949993387],[-74.1239959854733,40.656328734184143],[-74.030012249838478,40.643076628676461],[-73.935982114337421,40.629736433321796],[-73.841906340776248,40.616308079144915],[-73.841906340776248,40.695446474556284]]]}',
  ],
  // geo-h3cell-neighbors-function#4: seven hexagons.
  [
    [cellsWithNeighbors('geo_h3cell_neighbors', 'geo_h3cell_to_polygon', '862a1072fffffff')],
    '{"type": "Polygon","coordinates": [[[  -73.926766604813565,  40.718903205013063],[  -73.912969923470314,  40.750105305345329],[  -73.943844904976629,  40.773964402038523],[  -73.988522328408948,  40.766594382212254],[  -74.019448383546617,  40.79043914023697],[  -74.064132193843633,  40.783038509825005],[  -74.077839665342211,  40.751803958414136],[  -74.1224794808745,  40.744383587828388],[  -74.1361375042681,  40.713156370029125],[  -74.1052004095288,  40.689365648097251],[  -74.118853750491638,  40.658161927046628],[  -74.0879619670209,  40.6343838242296],[  -74.043422283844933,  40.641782462872115],[  -74.012581189358343,  40.617990065981623],[  -73.968047801220749,  40.625358290164755],[  -73.954305509472675,  40.656529678451555],[  -73.909728515658443,  40.663878222244442],[  -73.895936872069854,  40.695056852396377],[  -73.926766604813565,  40.718903205013063]]]}',
  ],
  // One polygon is its own union.
  [[array(square(0, 0))], '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}'],
  // Disjoint polygons stay apart.
  [
    [array(square(0, 0), square(5, 5))],
    '{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]}',
  ],
  // A polygon inside another disappears into it.
  [
    [array(square(0, 0, 3), square(1, 1))],
    '{"type":"Polygon","coordinates":[[[0,0],[3,0],[3,3],[0,3],[0,0]]]}',
  ],
  // Invalid input: an invalid polygon among valid ones, an empty array, not an array, null.
  [[array(PARK, ONE_VERTEX)], ''],
  [[array(PARK, '{"type":"LineString","coordinates":[[0,0],[1,1]]}')], ''],
  [[dyn('[]')], ''],
  [[dyn(PARK)], ''],
  [[nul('dynamic')], ''],
]);

const T = polygon('[[2,45],[0,45],[1,44],[2,45]]');

geoTable('geo_intersection_2polygons', [
  [
    [
      dyn(
        polygon(
          '[[-73.9630937576294,40.77498840732385],[-73.963565826416,40.774383111780914],[-73.96205306053162,40.773745311181585],[-73.96160781383514,40.7743912365898],[-73.9630937576294,40.77498840732385]]',
        ),
      ),
      dyn(
        polygon(
          '[[-73.96213352680206,40.775045280447145],[-73.9631313085556,40.774578106920345],[-73.96207988262177,40.77416780398293],[-73.96213352680206,40.775045280447145]]',
        ),
      ),
    ],
    '{"type": "Polygon",  "coordinates": [[[-73.962105776437156,40.774591360999679],[-73.962642403166868,40.774807020251778],[-73.9631313085556,40.774578106920352],[-73.962079882621765,40.774167803982927],[-73.962105776437156,40.774591360999679]]]}',
  ],
  // Touching at a vertex: the point.
  [[dyn(T), dyn(polygon('[[3,44],[2,45],[2,43],[3,44]]'))], '{"type": "Point","coordinates": [2,45]}'],
  [
    [
      dyn(T),
      dyn(
        '{"type":"MultiPolygon","coordinates":[[[[3,44],[2,45],[2,43],[3,44]]],[[[1.192,45.265],[1.005,44.943],[1.356,44.937],[1.192,45.265]]]]}',
      ),
    ],
    '{"type": "GeometryCollection","geometries": [{ "type": "Point", "coordinates": [2, 45]},{ "type": "Polygon", "coordinates": [[[1.3227075526410679,45.003909145068739],[1.0404565374899824,45.004356403066552],[1.005,44.943],[1.356,44.937],[1.3227075526410679,45.003909145068739]]]}]}',
  ],
  [
    [dyn(T), dyn(polygon('[[3,44],[3,45],[2,43],[3,44]]'))],
    '{"type": "GeometryCollection", "geometries": []}',
  ],
  // Touching along an edge: the shared stretch.
  [[dyn(square(0, 0)), dyn(square(1, 0))], '{"type":"LineString","coordinates":[[1,0],[1,1]]}'],
  [
    [dyn(square(0, 0)), dyn(polygon('[[1,0.25],[2,0.25],[2,0.75],[1,0.75],[1,0.25]]'))],
    '{"type":"LineString","coordinates":[[1,0.25],[1,0.75]]}',
  ],
  // Equal polygons, and one inside the other.
  [
    [dyn(square(0, 0)), dyn(square(0, 0))],
    '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}',
  ],
  [
    [dyn(square(0, 0, 3)), dyn(square(1, 1))],
    '{"type":"Polygon","coordinates":[[[1,1],[2,1],[2,2],[1,2],[1,1]]]}',
  ],
  // A hole inside the other polygon stays a hole.
  [
    [
      dyn(
        '{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]}',
      ),
      dyn(square(3, 3, 4)),
    ],
    '{"type":"Polygon","coordinates":[[[3,3],[7,3],[7,7],[3,7],[3,3]],[[6,6],[6,4],[4,4],[4,6],[6,6]]]}',
  ],
  // Invalid input.
  [[dyn('{"type":"Polygon"}'), dyn(PARK)], ''],
  [[dyn(PARK), dyn(ONE_VERTEX)], ''],
  [[dyn(PARK), nul('dynamic')], ''],
]);

const line = (coordinates: string): string => `{"type":"LineString","coordinates":${coordinates}}`;
const PATH_1 = line(
  '[[-73.95683884620665,40.80502891480884],[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]',
);
const PATH_2 = line(
  '[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311],[-73.95537436008453,40.804413741624515]]',
);
const PATH_UNION =
  '{"type": "LineString", "coordinates": [[-73.956838846206651, 40.805028914808844], [-73.95633727312088, 40.8057171711177], [ -73.954891562461853, 40.80510200431312], [-73.955374360084534, 40.804413741624522]]}';

geoTable('geo_union_lines_array', [
  [
    [
      array(
        PATH_1,
        PATH_2,
        line('[[-73.95633727312088,40.8057171711177],[-73.95489156246185,40.80510200431311]]'),
      ),
    ],
    PATH_UNION,
  ],
  [[array(PATH_1, PATH_2)], PATH_UNION],
  // An edge given backwards is the same edge.
  [
    [array(line('[[0,0],[1,1],[2,2]]'), line('[[1,1],[0,0]]'))],
    '{"type":"LineString","coordinates":[[0,0],[1,1],[2,2]]}',
  ],
  // Lines meeting nowhere stay apart; a branch starts a line of its own.
  [
    [array(line('[[0,0],[1,1]]'), line('[[5,5],[6,6]]'))],
    '{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[5,5],[6,6]]]}',
  ],
  [
    [array(line('[[0,0],[1,1],[2,2]]'), line('[[1,1],[1,2]]'))],
    '{"type":"MultiLineString","coordinates":[[[0,0],[1,1],[2,2]],[[1,1],[1,2]]]}',
  ],
  [
    [array('{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[1,1],[2,2]]]}')],
    '{"type":"LineString","coordinates":[[0,0],[1,1],[2,2]]}',
  ],
  // Invalid input.
  [[array(PATH_1, line('[[1, 1]]'))], ''],
  [[array(PATH_1, PARK)], ''],
  [[dyn('[]')], ''],
  [[dyn(PATH_1)], ''],
  [[nul('dynamic')], ''],
]);
