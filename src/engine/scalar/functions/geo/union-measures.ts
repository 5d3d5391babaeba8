/**
 * geo_polygon_area, geo_polygon_perimeter and geo_polygon_centroid of a MultiPolygon measure the
 * union of its polygons ("If input is a multipolygon and contains more than one polygon, the
 * result will be the area of polygons union"): overlapping polygons count their common part once,
 * and the boundary inside the union is no part of the perimeter. These definitions wrap the
 * measures of measures.ts, handing them the union in place of such a MultiPolygon.
 */
import type { DynamicValue, ScalarValue } from '../../../../types/scalar.js';
import { isBindFailure } from '../../api.js';
import { asDynamic } from '../../bound.js';
import { isBag } from '../../../values/dynamic.js';
import { type FunctionDef, type FunctionTable, def } from '../registry.js';
import { readPolygons } from './geojson.js';
import { measureFunctions } from './measures.js';
import { regionJson } from './polygon-assembly.js';
import { regionOfShape } from './polygon-union.js';

const unions = new WeakMap<object, DynamicValue>();

/** The union of a MultiPolygon's polygons as GeoJSON; any other value as it is. */
export function unitedShape(value: DynamicValue): DynamicValue {
  if (!isBag(value) || value['type'] !== 'MultiPolygon') return value;
  const cached = unions.get(value);
  if (cached !== undefined) return cached;
  const polygons = readPolygons(value);
  // An invalid shape goes through unchanged, for the measure to reject.
  const united =
    polygons === null || polygons.length < 2 ? value : (regionJson(regionOfShape(polygons)) ?? value);
  unions.set(value, united);
  return united;
}

/** The measure applied to the union of its first argument's polygons. */
function ofUnion(measure: FunctionDef): FunctionDef {
  return def(measure.minArgs, measure.maxArgs, (args, name) => {
    // Bound as given first, so a wrong argument type fails in the measure's own words.
    const checked = measure.bind(args, name);
    if (isBindFailure(checked)) return checked;
    // Then bound to take the shape as a dynamic value, read here (a string holds GeoJSON text).
    const toShape = asDynamic(args[0]!.type);
    const inner = measure.bind([{ type: 'dynamic' }, ...args.slice(1)], name);
    if (isBindFailure(inner)) return inner;
    return {
      resultType: inner.resultType,
      deterministic: inner.deterministic,
      evaluate: (values: readonly ScalarValue[], ctx) =>
        inner.evaluate([unitedShape(toShape(values[0] ?? null)), ...values.slice(1)], ctx),
    };
  });
}

export const unionMeasureFunctions: FunctionTable = {
  geo_polygon_area: ofUnion(measureFunctions['geo_polygon_area']!),
  geo_polygon_perimeter: ofUnion(measureFunctions['geo_polygon_perimeter']!),
  geo_polygon_centroid: ofUnion(measureFunctions['geo_polygon_centroid']!),
};
