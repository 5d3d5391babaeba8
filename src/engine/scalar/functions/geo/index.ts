/**
 * Kusto's geospatial functions (geo_*), gathered from their sub-families: measures on the sphere,
 * well-known text, set operations (unions and intersections), and the geohash, S2 and H3 grid systems.
 */
import type { FunctionTable } from '../registry.js';
import { geohashFunctions } from './geohash.js';
import { h3Functions } from './h3/functions.js';
import { measureFunctions } from './measures.js';
import { overlayFunctions } from './overlay.js';
import { reshapeFunctions } from './reshape.js';
import { s2Functions } from './s2/functions.js';
import { setOperationFunctions } from './set-operations.js';
import { unionMeasureFunctions } from './union-measures.js';
import { wktFunctions } from './wkt.js';

export const geoFunctions: FunctionTable = {
  ...measureFunctions,
  ...wktFunctions,
  ...reshapeFunctions,
  ...overlayFunctions,
  ...setOperationFunctions,
  // After measureFunctions: replaces its polygon measures with ones that unite MultiPolygons.
  ...unionMeasureFunctions,
  ...geohashFunctions,
  ...s2Functions,
  ...h3Functions,
};
