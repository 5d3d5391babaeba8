/**
 * One documented output cell against one computed value of a known type.
 *
 * The documented cell is text from a Markdown table, so first it is unwrapped: surrounding
 * backticks (a code span), `<br>` (a line break inside a cell), `\|` (an escaped pipe) and HTML
 * entities. Then it is read as the column's type:
 * - empty: null (any type) or the empty string; `null` is also accepted for a null;
 * - numbers: numbers.ts (separators, printed precision, NaN/Infinity);
 * - bool: `true`/`false`, any case, or `1`/`0` (older pages print booleans as numbers);
 * - datetime and timespan: any text form Kusto reads, equal up to the digits printed;
 * - guid: any case;
 * - dynamic, and strings that hold JSON: compared structurally (key order and spacing ignored),
 *   with the docs' loose JSON (loose-json.ts);
 * - strings: exactly.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../types/scalar.js';
import { parseDatetime } from '../engine/values/datetime.js';
import { isBag, parseJson, stringifyDynamic } from '../engine/values/dynamic.js';
import { parseGuid } from '../engine/values/guid.js';
import { parseTimespan } from '../engine/values/timespan.js';
import { parseLooseJson, type LooseJson } from './loose-json.js';
import { numberMatches, parseDocNumber } from './numbers.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#124;': '|',
  // Markdown tables write an empty cell as a non-breaking space so the row keeps its shape.
  '&nbsp;': ' ',
};

/** A Markdown table cell's text as plain text. */
export function unwrapCell(raw: string): string {
  let text = raw.trim();
  const code = /^`+([\s\S]*?)`+$/.exec(text);
  if (code) text = code[1]!.trim();
  text = text.replace(/<br\s*\/?>/gi, '\n').trim();
  text = text.replace(/\\\|/g, '|');
  // Markdown escapes in names: `series\_stats\_x` is series_stats_x.
  text = text.replace(/\\([_*`])/g, '$1');
  text = text.replace(/&(lt|gt|amp|quot|#124|nbsp);/g, (e) => ENTITIES[e] ?? e).trim();
  // A Markdown autolink, <https://...>, shows the bare address.
  const link = /^<([a-z][a-z0-9+.-]*:\/\/[^\s<>]*)>$/i.exec(text);
  return link ? link[1]! : text;
}

/**
 * The weight, in ticks, of the last digit printed in a time of day: 1 for seven fraction digits,
 * 10^7 (a second) for none. A date without a time is exact.
 */
function printedTickUnit(text: string): bigint {
  if (!/\d:\d/.test(text)) return 1n;
  const m = /:\d+[.,](\d+)\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,3})?\s*$/.exec(text.trim());
  const digits = m ? m[1]!.length : 0;
  return digits >= 7 ? 1n : 10n ** BigInt(7 - digits);
}

function ticksMatch(expected: bigint, got: bigint, unit: bigint): boolean {
  const diff = got - expected;
  return diff === 0n || (diff > -unit && diff < unit);
}

function datetimeMatches(text: string, got: bigint): boolean {
  const expected = parseDatetime(text);
  return expected !== null && ticksMatch(expected, got, printedTickUnit(text));
}

function timespanMatches(text: string, got: bigint): boolean {
  const expected = parseTimespan(text);
  return expected !== null && ticksMatch(expected, got, printedTickUnit(text));
}

/** Structural equality of the docs' loose JSON and a computed dynamic value. */
export function looseEquals(expected: LooseJson, got: DynamicValue): boolean {
  if (expected === null) return got === null;
  if (typeof expected === 'boolean') return got === expected;
  if (typeof expected === 'string') {
    if (typeof got !== 'string') return false;
    if (got === expected) return true;
    // Datetimes inside dynamic values print in several forms.
    const a = parseDatetime(expected);
    return a !== null && a === parseDatetime(got);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return false;
    return expected.every((e, i) => looseEquals(e, got[i]!));
  }
  if (expected.kind === 'number') {
    if (typeof got !== 'number' && typeof got !== 'bigint') return false;
    const n = parseDocNumber(expected.text);
    return n !== undefined && numberMatches(n, got);
  }
  if (!isBag(got)) return false;
  const keys = Object.keys(got);
  if (keys.length !== expected.entries.size) return false;
  for (const [key, value] of expected.entries) {
    if (!Object.prototype.hasOwnProperty.call(got, key)) return false;
    if (!looseEquals(value, got[key]!)) return false;
  }
  return true;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function dynamicMatches(text: string, got: DynamicValue): boolean {
  if (got === null) return text === '' || text === 'null';
  if (typeof got === 'string') {
    // A dynamic string prints without quotes; the docs sometimes keep them.
    return text === got || text === JSON.stringify(got);
  }
  if (typeof got === 'boolean') return text.toLowerCase() === String(got);
  if (typeof got === 'number' || typeof got === 'bigint') {
    const n = parseDocNumber(text);
    return n !== undefined && numberMatches(n, got);
  }
  const loose = parseLooseJson(text);
  if (loose !== undefined) return looseEquals(loose, got);
  return compact(text) === compact(stringifyDynamic(got));
}

/** Does the documented cell `raw` show the computed `got` of column type `type`? */
export function cellMatches(raw: string, got: ScalarValue, type: ScalarType): boolean {
  const text = unwrapCell(raw);
  if (got === null) return text === '' || text.toLowerCase() === 'null';
  switch (type) {
    case 'string': {
      const s = got as string;
      if (text === s || text === s.trim()) return true;
      // A string holding JSON (tostring of a dynamic) prints its JSON; compare it as JSON.
      const loose = parseLooseJson(text);
      const parsed = loose === undefined ? undefined : parseJson(s);
      return loose !== undefined && parsed !== undefined && looseEquals(loose, parsed);
    }
    case 'bool': {
      const lower = text.toLowerCase();
      return lower === String(got) || lower === (got ? '1' : '0');
    }
    case 'int':
    case 'long':
    case 'real':
    case 'decimal': {
      const n = parseDocNumber(text);
      return n !== undefined && numberMatches(n, got as number | bigint);
    }
    case 'datetime':
      return datetimeMatches(text, got as bigint);
    case 'timespan':
      return timespanMatches(text, got as bigint);
    case 'guid':
      return parseGuid(text) === got;
    case 'dynamic':
      return dynamicMatches(text, got as DynamicValue);
  }
}
