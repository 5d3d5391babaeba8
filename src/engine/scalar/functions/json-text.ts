/**
 * dynamic_to_json(expr): the canonical JSON text of a value. Property bags print their keys
 * sorted (ordinally), recursively, so equal bags give equal text whatever their key order; arrays
 * keep their order. A non-dynamic argument gives its tostring() text.
 */
import type { DynamicValue } from '../../../types/scalar.js';
import { dynamicToString, toStringValue } from '../../values/convert.js';
import { stringifyDynamic } from '../../values/dynamic.js';
import { bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

export function canonicalJson(v: DynamicValue): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k]!)).join(',') + '}';
  }
  return stringifyDynamic(v);
}

export const jsonTextFunctions: FunctionTable = {
  dynamic_to_json: def(1, 1, (args) => {
    const type = args[0]!.type;
    if (type !== 'dynamic') return bound('string', (a) => toStringValue(a[0]!, type));
    return bound('string', (a) => {
      const v = a[0] as DynamicValue;
      return v !== null && typeof v === 'object' ? canonicalJson(v) : dynamicToString(v);
    });
  }),
};
