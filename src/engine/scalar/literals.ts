/**
 * The plan's literals of types whose text the engine parses (plan.ts, `Literal`): datetime,
 * timespan, guid and dynamic, given as the text inside `datetime(...)` etc. Other types are
 * accepted in their text form too, so callers need not special-case them.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { parseDatetime } from '../values/datetime.js';
import { parseDynamicLiteral } from '../values/dynamic.js';
import { parseGuid } from '../values/guid.js';
import { parseInt32, parseLong, parseReal } from '../values/numbers.js';
import { parseTimespan } from '../values/timespan.js';

/** A literal's value, or an Error whose message says what is wrong with the text. */
export function parseLiteral(type: ScalarType, text: string): ScalarValue {
  const trimmed = text.trim();
  if (trimmed === 'null') return type === 'string' ? '' : null;
  let value: ScalarValue | undefined;
  switch (type) {
    case 'datetime':
      // `datetime()` with no argument is now(): the front end turns it into a call.
      value = parseDatetime(trimmed);
      break;
    case 'timespan':
      value = parseTimespan(trimmed);
      break;
    case 'guid':
      value =
        /^[({]?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}[)}]?$/.test(
          trimmed,
        )
          ? parseGuid(trimmed)
          : null;
      break;
    case 'dynamic':
      return parseDynamicLiteral(trimmed);
    case 'string':
      return text;
    case 'bool':
      value = trimmed === 'true' ? true : trimmed === 'false' ? false : null;
      break;
    case 'int':
      value = /^[+-]?0[xX]/.test(trimmed) ? Number(BigInt.asIntN(32, BigInt(trimmed))) : parseInt32(trimmed);
      break;
    case 'long':
      value = /^[+-]?0[xX][0-9a-fA-F]+$/.test(trimmed)
        ? BigInt.asIntN(64, BigInt(trimmed))
        : parseLong(trimmed);
      break;
    case 'real':
    case 'decimal':
      value = parseReal(trimmed);
      break;
  }
  if (value === null || value === undefined) throw new Error(`invalid ${type} literal: '${text}'`);
  return value;
}
