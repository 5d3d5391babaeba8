/**
 * Conversion functions: tostring, tolong, toint, todouble/toreal, tobool/toboolean,
 * todatetime/todate, totimespan/totime, toguid, todynamic/toobject/parse_json, todecimal, tohex.
 * Rules live in src/engine/values/convert.ts; a failed conversion is null.
 */
import type { ScalarType } from '../../../types/scalar.js';
import { converter, toDynamic, toLong, toStringValue } from '../../values/convert.js';
import { newGuid } from '../../values/guid.js';
import { bound, failure, volatileBound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

function to(target: ScalarType) {
  return def(1, 1, (args) => {
    const from = args[0]!.type;
    if (target === 'string') return bound('string', (a) => toStringValue(a[0]!, from));
    const convert = converter(from, target);
    return bound(target, (a) => convert(a[0]!));
  });
}

/** todynamic / parse_json: strings are parsed as JSON (parse-json-function.md). */
const parseJsonDef = def(1, 1, (args) => {
  const from = args[0]!.type;
  return bound('dynamic', (a) => toDynamic(a[0]!, from));
});

/**
 * tohex(value[, minLength]): two's complement hex, zero-padded to minLength (at most 16)
 * (tohex-function.md). A negative value takes its type's width: 8 digits for an int, 16 for a long.
 */
const tohex = def(1, 2, (args) => {
  const from = args[0]!.type;
  if (from === 'string' || from === 'dynamic' || from === 'guid')
    return failure(`tohex() expects an integer, not ${from}.`, 0);
  const minLengthType = args[1]?.type;
  return bound('string', (a) => {
    const v = toLong(a[0]!, from);
    if (v === null) return '';
    let hex = (v < 0n ? BigInt.asUintN(from === 'int' ? 32 : 64, v) : v).toString(16);
    if (minLengthType !== undefined && a[1] !== null) {
      const min = Math.min(Number(a[1]), 16);
      if (hex.length < min) hex = hex.padStart(min, '0');
    }
    return hex;
  });
});

export const conversionFunctions: FunctionTable = {
  tostring: to('string'),
  tolong: to('long'),
  toint: to('int'),
  todouble: to('real'),
  toreal: to('real'),
  todecimal: to('decimal'),
  tobool: to('bool'),
  toboolean: to('bool'),
  todatetime: to('datetime'),
  todate: to('datetime'),
  totimespan: to('timespan'),
  totime: to('timespan'),
  toguid: to('guid'),
  todynamic: parseJsonDef,
  toobject: parseJsonDef,
  parse_json: parseJsonDef,
  parsejson: parseJsonDef,
  tohex,
  new_guid: def(0, 0, () => volatileBound('guid', () => newGuid())),
};
