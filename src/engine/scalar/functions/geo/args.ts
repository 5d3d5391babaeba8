/**
 * Argument binding shared by the geospatial functions. Every geo_* function takes a fixed list of
 * numbers, strings, booleans and GeoJSON values; each is converted once per call by an adapter
 * chosen at bind time, and a function body sees plain JS values (null where the argument is null).
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../../types/scalar.js';
import type { ArgInfo, BindResult } from '../../api.js';
import { asBool, asDynamic, asReal, asString, bound, failure, isNumeric } from '../../bound.js';
import { type FunctionDef, def } from '../registry.js';

/** What a parameter accepts: a real (or any number), an integer, a string, a bool or a dynamic. */
export type ParamKind = 'real' | 'int' | 'string' | 'bool' | 'dynamic';

/** The JS value a body receives for each kind (null for a null or unconvertible argument). */
export type ParamValue = number | string | boolean | DynamicValue | null;

function accepts(kind: ParamKind, type: ScalarType): boolean {
  if (type === 'dynamic') return true;
  switch (kind) {
    case 'real':
    case 'int':
      return isNumeric(type);
    case 'string':
      return type === 'string';
    case 'bool':
      return type === 'bool';
    case 'dynamic':
      return type === 'string';
  }
}

type Adapter = (v: ScalarValue) => ParamValue;

function adapter(kind: ParamKind, type: ScalarType): Adapter {
  switch (kind) {
    case 'real': {
      const f = asReal(type);
      return (v) => f(v);
    }
    case 'int': {
      const f = asReal(type);
      // An integer parameter given a fractional real is not an integer: the call is invalid.
      return (v) => {
        const r = f(v);
        return r === null || !Number.isInteger(r) ? null : r;
      };
    }
    case 'string': {
      if (type === 'dynamic') return (v) => (typeof v === 'string' ? v : null);
      const f = asString(type);
      return (v) => f(v);
    }
    case 'bool': {
      const f = asBool(type);
      return (v) => f(v);
    }
    case 'dynamic': {
      const f = asDynamic(type);
      return (v) => f(v);
    }
  }
}

/**
 * A geo function definition: `kinds` lists every parameter, the first `required` of them
 * mandatory. The body gets one value per parameter (`undefined` for an omitted optional one).
 */
export function geoDef(
  kinds: readonly ParamKind[],
  required: number,
  resultType: ScalarType,
  body: (args: readonly (ParamValue | undefined)[]) => ScalarValue,
): FunctionDef {
  return def(required, kinds.length, (args: readonly ArgInfo[], name: string): BindResult => {
    const adapters: Adapter[] = [];
    for (let i = 0; i < args.length; i++) {
      const kind = kinds[i]!;
      if (!accepts(kind, args[i]!.type)) {
        return failure(
          `The argument ${i + 1} of '${name}' must be of type ${kind === 'int' ? 'int' : kind}, not ${args[i]!.type}.`,
          i,
        );
      }
      adapters.push(adapter(kind, args[i]!.type));
    }
    return bound(resultType, (values) => {
      const converted: (ParamValue | undefined)[] = new Array(kinds.length);
      for (let i = 0; i < adapters.length; i++) converted[i] = adapters[i]!(values[i] ?? null);
      return body(converted);
    });
  });
}

/** Valid geographic coordinates in degrees, as the docs define them. */
export function validLngLat(lng: unknown, lat: unknown): boolean {
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    lng >= -180 &&
    lng <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}
