// Area, perimeter and centroid of a MultiPolygon measure the union of its polygons: the reference
// pages' overlapping Central Park pair, a single polygon (unchanged), and invalid input.
import { dyn, nul, str } from '../support.js';
import { type GeoCase, geoTable } from './support.js';

const PARK_RING =
  '[[-73.9495,40.7969],[-73.95807266235352,40.80068603561921],[-73.98201942443848,40.76825672305777],[-73.97317886352539,40.76455136505513],[-73.9495,40.7969]]';
const OVERLAPPING_RING =
  '[[-73.94262313842773,40.775991804565585],[-73.98107528686523,40.791849155467695],[-73.99600982666016,40.77092185281977],[-73.96150588989258,40.75609977566361],[-73.94262313842773,40.775991804565585]]';
const PARK = `{"type":"Polygon","coordinates":[${PARK_RING}]}`;
const OVERLAPPING_PAIR = `{"type":"MultiPolygon","coordinates":[[${PARK_RING}],[${OVERLAPPING_RING}]]}`;
const WITH_INVALID = `{"type":"MultiPolygon","coordinates":[[${PARK_RING}],[[[0,0],[1,1],[1,1],[0,0]]]]}`;

function cases(union: string, single: string): GeoCase[] {
  return [
    [[dyn(OVERLAPPING_PAIR)], union],
    // The same shape as GeoJSON text.
    [[str(OVERLAPPING_PAIR)], union],
    [[dyn(PARK)], single],
    [[dyn(WITH_INVALID)], ''],
    [[nul('dynamic')], ''],
  ];
}

// geo-polygon-area-function: "performs union of polygons in multipolygon".
geoTable('geo_polygon_area', cases('10889971.5343487', '3475207.28346606'));
geoTable('geo_polygon_perimeter', cases('15943.5384578745', '9930.30149604938'));
// geo-polygon-centroid-function#3 prints this cell without its opening brace.
geoTable(
  'geo_polygon_centroid',
  cases(
    '{"type": "Point", "coordinates": [-73.968569587829577, 40.776310752555119]}',
    '{"type": "Point", "coordinates": [-73.965735689907618, 40.782550538057812]}',
  ),
);
