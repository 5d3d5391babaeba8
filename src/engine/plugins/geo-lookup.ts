/**
 * `evaluate geo_polygon_lookup(LookupTable, PolygonKey, Longitude, Latitude [, radius]
 * [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])` and `evaluate
 * geo_line_lookup(LookupTable, LineKey, Longitude, Latitude, Radius [, ...same flags])`
 * (geo-polygon-lookup-plugin.md, geo-line-lookup-plugin.md): a join of locations to the shapes
 * that hold them. A location matches a polygon that contains it (geo_point_in_polygon), or with a
 * radius one within that many meters (geo_distance_point_to_polygon); it matches a line within
 * the radius (geo_distance_point_to_line). The output is the source's columns then the lookup's,
 * without the shape column unless `return_lookup_key` is true; a location matching several
 * shapes gives a row per shape, in lookup order. `lookup_area_radius` only tunes Kusto's index
 * and never changes the result, so it is checked and otherwise ignored.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue } from '../../types/scalar.js';
import { uniqueName } from '../exec/naming.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { validLngLat } from '../scalar/functions/geo/args.js';
import { nearestOnLines, nearestOnPolygons, polygonsContain } from '../scalar/functions/geo/containment.js';
import { readLines, readPolygons } from '../scalar/functions/geo/geojson.js';
import { EARTH_RADIUS_METERS, fromLngLat, type Vec3 } from '../scalar/functions/geo/sphere.js';
import { NULL_ROW, rechunk, type Vector } from '../table/index.js';
import { toReal } from '../values/convert.js';
import { PluginArgs } from './plugin-args.js';

/** Whether a point matches one lookup shape; built once per lookup row. */
type ShapeMatcher = (p: Vec3) => boolean;

export function runGeoPolygonLookup(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  const radius = optionalRadius(args, 4);
  return runGeoLookup(args, input, (shape) => {
    const polygons = readPolygons(shape);
    if (polygons === null) return null;
    if (radius === null) return (p) => polygonsContain(polygons, p);
    return (p) =>
      polygonsContain(polygons, p) || nearestOnPolygons(polygons, p).distance * EARTH_RADIUS_METERS <= radius;
  });
}

export function runGeoLineLookup(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  const radius = optionalRadius(args, 4) ?? args.fail('missing Radius');
  return runGeoLookup(args, input, (shape) => {
    const lines = readLines(shape);
    if (lines === null) return null;
    return (p) => nearestOnLines(lines, p).distance * EARTH_RADIUS_METERS <= radius;
  });
}

function optionalRadius(args: PluginArgs, index: number): number | null {
  const c = args.constant(index, 'radius');
  if (c === undefined || c.value === null) return null;
  const r = toReal(c.value, c.type);
  if (r === null || !(r >= 0) || !Number.isFinite(r))
    return args.fail(
      `radius must be a non-negative number, got ${String(c.value)}`,
      args.arg(index, 'radius'),
    );
  return r;
}

function runGeoLookup(
  args: PluginArgs,
  input: Relation,
  matcherOf: (shape: DynamicValue) => ShapeMatcher | null,
): Relation {
  const lookup = args.table(0, 'LookupTable');
  const keyName = args.columnName(1, 'LookupKey');
  const key = args.scalar(1, 'LookupKey', lookup);
  if (key.type !== 'dynamic') args.fail(`the lookup key must be a dynamic GeoJSON shape, got ${key.type}`);
  const lng = args.scalar(2, 'SourceLongitude', input);
  const lat = args.scalar(3, 'SourceLatitude', input);
  const returnUnmatched = args.constantBool(5, 'return_unmatched', false);
  const areaRadius = args.constant(6, 'lookup_area_radius');
  if (areaRadius !== undefined && areaRadius.value !== null) {
    const r = toReal(areaRadius.value, areaRadius.type);
    if (r === null || !(r > 0))
      args.fail('lookup_area_radius must be a positive number', args.arg(6, 'lookup_area_radius'));
  }
  const returnKey = args.constantBool(7, 'return_lookup_key', false);

  const lk = singleBatch(lookup);
  const shapes = key.evaluate(lk);
  const matchers: (ShapeMatcher | null)[] = [];
  for (let j = 0; j < lk.length; j++) matchers.push(matcherOf(shapes.get(j) as DynamicValue));

  const src = singleBatch(input);
  const lngs = lng.evaluate(src);
  const lats = lat.evaluate(src);
  const srcRows: number[] = [];
  const lookupRows: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const x = toReal(lngs.get(i), lng.type);
    const y = toReal(lats.get(i), lat.type);
    let matched = false;
    if (validLngLat(x, y)) {
      const p = fromLngLat(x!, y!);
      matchers.forEach((m, j) => {
        if (m === null || !m(p)) return;
        srcRows.push(i);
        lookupRows.push(j);
        matched = true;
      });
    }
    if (!matched && returnUnmatched) {
      srcRows.push(i);
      lookupRows.push(NULL_ROW);
    }
  }

  const keyIndex = lookup.columns.findIndex((c) => c.name === keyName);
  const kept = lookup.columns.map((_, j) => j).filter((j) => returnKey || j !== keyIndex);
  const srcIdx = Uint32Array.from(srcRows);
  const lkIdx = Uint32Array.from(lookupRows);
  const schema: ColumnSchema[] = [...input.columns];
  const taken = new Set(schema.map((c) => c.name));
  for (const j of kept) {
    const c = lookup.columns[j]!;
    const name = uniqueName(c.name, taken);
    taken.add(name);
    schema.push({ name, type: c.type });
  }
  const columns: Vector[] = [
    ...src.columns.map((v) => v.gather(srcIdx)),
    ...kept.map((j) => lk.columns[j]!.gather(lkIdx)),
  ];
  return relationOf(schema, rechunk({ length: srcRows.length, columns }), false);
}
