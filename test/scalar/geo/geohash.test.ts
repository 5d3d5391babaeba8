// Geohash: encoding, cell centers and rectangles, neighbors, and invalid hashes and accuracies.
import { int, nul, real, str } from '../support.js';
import { geoTable } from './support.js';

geoTable('geo_point_to_geohash', [
  [[real(-80.195829), real(25.802215), int(8)], 'dhwfz15h'],
  [[real(-122.303404), real(47.570482)], 'c23n8'],
  [[real(-122.304745), real(47.567052)], 'c23n8'],
  [[real(-122.278156), real(47.566936)], 'c23n9'],
  [[real(200), real(1), int(8)], ''],
  [[real(1), real(1), nul('int')], ''],
  [[real(1), real(1), int(0)], ''],
  [[real(1), real(1), int(19)], ''],
]);

geoTable('geo_geohash_to_central_point', [
  [[str('sunny')], '{"type": "Point","coordinates": [42.47314453125, 23.70849609375]}'],
  [[str('sv8wzvy7')], '{"type": "Point","coordinates": [34.80245590209961, 32.15620994567871]}'],
  [[str('a')], ''],
  [[str('')], ''],
  [[str('0123456789bcdefghjk')], ''],
]);

geoTable('geo_geohash_to_polygon', [
  [
    [str('dr5ru')],
    '{"type": "Polygon","coordinates": [[[-74.00390625, 40.7373046875], [-73.9599609375, 40.7373046875], [-73.9599609375, 40.78125], [-74.00390625, 40.78125], [-74.00390625, 40.7373046875]]]}',
  ],
  [[str('a')], ''],
]);

geoTable('geo_geohash_neighbors', [
  [[str('sunny')], '["sunnt","sunpj","sunnx","sunpn","sunnv","sunpp","sunnz","sunnw"]'],
  [[str('a')], ''],
]);
