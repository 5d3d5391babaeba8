// geo_from_wkt: the reference page's shapes, and texts that are not valid WKT.
import { str } from '../support.js';
import { geoTable } from './support.js';

geoTable('geo_from_wkt', [
  [[str('POINT (1 2)')], '{"type": "Point","coordinates": [1,2]}'],
  [[str('LINESTRING (1 2, 3 4)')], '{"type": "LineString", "coordinates": [[1,2],[3,4]]}'],
  [[str('POLYGON ((0 0, 2 0, 2 2, 0 0))')], '{"type": "Polygon","coordinates": [[[0,0],[2,0],[2,2],[0,0]]]}'],
  [[str('MULTIPOINT (1 1, 2 2, 3 3)')], '{"type": "MultiPoint","coordinates": [[1,1],[2,2],[3,3]]}'],
  [[str('MULTIPOINT ((1 1), (2 2))')], '{"type": "MultiPoint","coordinates": [[1,1],[2,2]]}'],
  [
    [str('MULTILINESTRING ((1 1, 2 2, 3 3), (4 4, 5 5))')],
    '{"type":"MultiLineString","coordinates":[[[1,1],[2,2],[3,3]],[[4,4],[5,5]]]}',
  ],
  [
    [str('MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)),((10 10, 12 10, 12 12, 10 10)))')],
    '{"type": "MultiPolygon","coordinates": [[[[0,0],[2,0],[2,2],[0,0]]],[[[10,10],[12,10],[12,12],[10,10]]]]}',
  ],
  [
    [
      str(
        'GEOMETRYCOLLECTION (POINT (1 1),LINESTRING (2 2, 3 3, 4 4),POLYGON ((10 10, 12 10, 12 12, 10 10)))',
      ),
    ],
    '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,1]},{"type":"LineString","coordinates":[[2,2],[3,3],[4,4]]},{"type":"Polygon","coordinates":[[[10,10],[12,10],[12,12],[10,10]]]}]}',
  ],
  [[str('point(-1.5 2e1)')], '{"type": "Point","coordinates": [-1.5,20]}'],
  [[str('LINESTRING')], ''],
  [[str('POINT (1 2, 3 4)')], ''],
  [[str('POINT (200 2)')], ''],
  [[str('LINESTRING (1 2)')], ''],
  [[str('POLYGON ((0 0, 2 0, 2 2))')], ''],
  [[str('POINT (1 2) extra')], ''],
  [[str('CIRCLE (1 2)')], ''],
  [[str('')], ''],
]);
