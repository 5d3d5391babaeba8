/**
 * Kusto's `dynamic`: JSON-like values (src/types/scalar.ts: objects with a null prototype,
 * integers beyond 2^53 as bigint).
 *
 * Two readers share one recursive-descent parser:
 * - `parseJson` is strict JSON, as `parse_json()` reads strings (scalar-data-types/dynamic.md:
 *   "This extension over JSON isn't available when parsing strings").
 * - `parseDynamicLiteral` reads the text of a `dynamic(...)` literal, which "may also include
 *   other Kusto literals with types: datetime, timespan, real, long, guid, bool, and dynamic",
 *   and Kusto string literals ('single', "double", @'verbatim').
 *
 * Values JSON cannot represent are held as their strings (dynamic.md: "values that JSON can't
 * represent are serialized into string values"): a datetime as `2021-05-26T08:30:00.0000000Z`,
 * a timespan as `1.00:00:00`, a guid as its canonical text.
 */
import type { DynamicValue } from '../../types/scalar.js';
import { formatDatetimeForJson, parseDatetime } from './datetime.js';
import { parseGuid } from './guid.js';
import { formatReal } from './numbers.js';
import { formatTimespan, parseTimespan } from './timespan.js';

export type DynamicObject = { [key: string]: DynamicValue };

/** Nesting deeper than this is refused, so hostile input cannot exhaust the stack. */
export const MAX_DYNAMIC_DEPTH = 1000;

export function newBag(): DynamicObject {
  return Object.create(null) as DynamicObject;
}

export function isBag(v: unknown): v is DynamicObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SAFE = 9007199254740991;

/** A JSON integer's text as a dynamic number: exact, bigint beyond 2^53, real beyond 64 bits. */
function integerValue(text: string): number | bigint {
  const asNumber = Number(text);
  if (asNumber <= SAFE && asNumber >= -SAFE) return asNumber;
  const big = BigInt(text);
  if (big > 9223372036854775807n || big < -9223372036854775808n) return asNumber;
  return big;
}

class DynamicSyntaxError extends Error {}

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly kustoLiterals: boolean,
  ) {}

  fail(what: string): never {
    throw new DynamicSyntaxError(`${what} at offset ${this.pos}`);
  }

  skipSpace(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        this.pos++;
      } else if (this.kustoLiterals && c === 47 /* / */ && t.charCodeAt(this.pos + 1) === 47) {
        // Kusto comments may sit inside a multi-line dynamic literal.
        const end = t.indexOf('\n', this.pos);
        this.pos = end < 0 ? t.length : end + 1;
      } else {
        return;
      }
    }
  }

  value(depth: number): DynamicValue {
    if (depth > MAX_DYNAMIC_DEPTH) this.fail('nesting too deep');
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.kustoLiterals ? this.concatenatedStrings() : this.jsonString();
      case "'":
      case '@':
        if (this.kustoLiterals) return this.concatenatedStrings();
        return this.fail(`unexpected ${c}`);
      case 'h':
      case 'H':
        // An obfuscated string literal (h'secret', h@'secret'): only its logging differs.
        if (this.kustoLiterals && this.stringStartsAt(this.pos + 1)) return this.concatenatedStrings();
        return this.word();
      default:
        if (c !== undefined && (c === '-' || c === '+' || (c >= '0' && c <= '9') || c === '.')) {
          return this.number();
        }
        return this.word();
    }
  }

  /**
   * A KQL string literal, and the ones right after it: as everywhere in KQL, adjacent string
   * literals are one string (`["a" "b"]` is `["ab"]`; Sentinel content has such missing commas).
   */
  concatenatedStrings(): string {
    let out = '';
    for (;;) {
      const first = this.text[this.pos];
      if ((first === 'h' || first === 'H') && this.stringStartsAt(this.pos + 1)) this.pos++;
      const c = this.text[this.pos];
      if (c === '"') out += this.jsonString();
      else if (c === "'") out += this.kustoString(false);
      else if (c === '@' && (this.text[this.pos + 1] === '"' || this.text[this.pos + 1] === "'"))
        out += this.kustoString(true);
      else return out;
      const after = this.pos;
      this.skipSpace();
      const next = this.text[this.pos];
      if (!this.stringStartsAt(next === 'h' || next === 'H' ? this.pos + 1 : this.pos)) {
        this.pos = after;
        return out;
      }
    }
  }

  /** Whether a KQL string literal ('...', "...", @'...', @"...") starts at `at`. */
  stringStartsAt(at: number): boolean {
    const c = this.text[at];
    if (c === '"' || c === "'") return true;
    const n = this.text[at + 1];
    return c === '@' && (n === '"' || n === "'");
  }

  object(depth: number): DynamicValue {
    this.pos++; // {
    const bag = newBag();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return bag;
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      let key: string;
      if (c === '"') key = this.jsonString();
      else if (this.kustoLiterals && c === "'") key = this.kustoString(false);
      else if (this.kustoLiterals && c === '@') key = this.kustoString(true);
      else return this.fail('expected a property name');
      this.skipSpace();
      // dynamic.md's literal syntax writes `{key = value}`; JSON writes `{"key": value}`.
      const sep = this.text[this.pos];
      if (sep === ':' || (this.kustoLiterals && sep === '=')) this.pos++;
      else this.fail("expected ':'");
      bag[key] = this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === '}') return bag;
      if (next !== ',') this.fail("expected ',' or '}'");
      if (this.kustoLiterals) {
        this.skipSpace();
        if (this.text[this.pos] === '}') {
          this.pos++;
          return bag;
        }
      }
    }
  }

  array(depth: number): DynamicValue {
    this.pos++; // [
    const items: DynamicValue[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === ']') return items;
      if (next !== ',') this.fail("expected ',' or ']'");
      if (this.kustoLiterals) {
        this.skipSpace();
        if (this.text[this.pos] === ']') {
          this.pos++;
          return items;
        }
      }
    }
  }

  jsonString(): string {
    const t = this.text;
    let i = this.pos + 1;
    let out = '';
    let runStart = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.pos = i;
        this.fail('unterminated string');
      }
      if (c === 34 /* " */) {
        out += t.slice(runStart, i);
        this.pos = i + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += t.slice(runStart, i);
        const e = t[i + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            out += e;
            break;
          case "'":
            if (!this.kustoLiterals) this.fail('bad escape');
            out += e;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const hex = t.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.pos = i;
              this.fail('bad \\u escape');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            this.pos = i;
            this.fail('bad escape');
        }
        i += 2;
        runStart = i;
        continue;
      }
      if (c < 32 && !this.kustoLiterals) {
        this.pos = i;
        this.fail('control character in string');
      }
      i++;
    }
  }

  /** 'text' with backslash escapes, or @'verbatim' / @"verbatim" where a doubled quote is one. */
  kustoString(verbatim: boolean): string {
    const t = this.text;
    if (verbatim) this.pos++;
    const quote = t[this.pos];
    if (quote !== "'" && quote !== '"') this.fail('expected a string');
    if (!verbatim && quote === '"') return this.jsonString();
    let i = this.pos + 1;
    let out = '';
    for (;;) {
      const ch = t[i];
      if (ch === undefined) {
        this.pos = i;
        this.fail('unterminated string');
      }
      if (ch === quote) {
        if (verbatim && t[i + 1] === quote) {
          out += quote;
          i += 2;
          continue;
        }
        this.pos = i + 1;
        return out;
      }
      if (!verbatim && ch === '\\') {
        const e = t[i + 1];
        const simple: Record<string, string> = {
          n: '\n',
          r: '\r',
          t: '\t',
          '\\': '\\',
          "'": "'",
          '"': '"',
          '0': '\0',
        };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e === 'u') {
          out += String.fromCharCode(parseInt(t.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        this.pos = i;
        this.fail('bad escape');
      }
      out += ch;
      i++;
    }
  }

  number(): DynamicValue {
    const t = this.text;
    const m = (this.kustoLiterals ? KUSTO_NUMBER : JSON_NUMBER).exec(t.slice(this.pos, this.pos + 400));
    if (!m) this.fail('bad number');
    const text = m[0];
    this.pos += text.length;
    if (this.kustoLiterals) {
      // A timespan literal such as 1d or 1.5h inside a dynamic literal.
      const unit = /^[A-Za-z]+/.exec(t.slice(this.pos, this.pos + 20));
      if (unit) {
        const ticks = parseTimespan(text + unit[0]);
        if (ticks === null) this.fail('bad timespan literal');
        this.pos += unit[0].length;
        return formatTimespan(ticks);
      }
      if (/^0[xX][0-9a-fA-F]+$/.test(text)) return integerValue(BigInt(text).toString());
    }
    if (/^[+-]?\d+$/.test(text)) return integerValue(text.startsWith('+') ? text.slice(1) : text);
    return Number(text);
  }

  word(): DynamicValue {
    const t = this.text;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(t.slice(this.pos, this.pos + 40));
    if (!m) this.fail('unexpected character');
    const word = m[0];
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (!this.kustoLiterals) this.fail(`unexpected '${word}'`);
    return this.typedLiteral(word.toLowerCase());
  }

  /** `datetime(...)`, `timespan(...)`, `guid(...)`, `long(...)`, `dynamic(...)` inside a literal. */
  typedLiteral(word: string): DynamicValue {
    this.skipSpace();
    if (this.text[this.pos] !== '(') this.fail(`unexpected '${word}'`);
    this.pos++;
    if (word === 'dynamic') {
      const inner = this.value(1);
      this.closeParen();
      return inner;
    }
    let body: string;
    this.skipSpace();
    if (this.stringStartsAt(this.pos)) {
      // datetime("2022-01-01") as well as datetime(2022-01-01): the text may be a string literal.
      body = this.concatenatedStrings().trim();
      this.closeParen();
    } else {
      const end = this.text.indexOf(')', this.pos);
      if (end < 0) this.fail("expected ')'");
      body = this.text.slice(this.pos, end).trim();
      this.pos = end + 1;
      if (body === 'null') return null;
    }
    switch (word) {
      case 'datetime':
      case 'date': {
        const ticks = parseDatetime(body);
        if (ticks === null) this.fail('bad datetime literal');
        return formatDatetimeForJson(ticks);
      }
      case 'timespan':
      case 'time': {
        const ticks = parseTimespan(body);
        if (ticks === null) this.fail('bad timespan literal');
        return formatTimespan(ticks);
      }
      case 'guid': {
        const g = parseGuid(body);
        if (g === null) this.fail('bad guid literal');
        return g;
      }
      case 'int':
      case 'long':
        if (!/^[+-]?\d+$/.test(body)) this.fail('bad integer literal');
        return integerValue(body);
      case 'real':
      case 'double':
      case 'decimal': {
        const n = Number(body);
        if (Number.isNaN(n) && body !== 'nan') this.fail('bad real literal');
        return n;
      }
      case 'bool':
      case 'boolean':
        if (body === 'true') return true;
        if (body === 'false') return false;
        return this.fail('bad bool literal');
      default:
        return this.fail(`unknown literal type '${word}'`);
    }
  }

  closeParen(): void {
    this.skipSpace();
    if (this.text[this.pos] !== ')') this.fail("expected ')'");
    this.pos++;
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const KUSTO_NUMBER = /^[+-]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

function readAll(text: string, kustoLiterals: boolean): DynamicValue {
  const reader = new Reader(text, kustoLiterals);
  const value = reader.value(0);
  reader.skipSpace();
  if (reader.pos !== text.length) reader.fail('unexpected text after the value');
  return value;
}

/** Strict JSON to a dynamic value; `undefined` when the text is not JSON. */
export function parseJson(text: string): DynamicValue | undefined {
  try {
    return readAll(text, false);
  } catch (e) {
    if (e instanceof DynamicSyntaxError || e instanceof RangeError) return undefined;
    throw e;
  }
}

/** The text inside `dynamic(...)`; throws an Error naming the offset when it is malformed. */
export function parseDynamicLiteral(text: string): DynamicValue {
  try {
    return readAll(text, true);
  } catch (e) {
    if (e instanceof DynamicSyntaxError) throw new Error(`invalid dynamic literal: ${e.message}`);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Printing

/** A JSON number as Kusto prints it inside dynamic. */
function numberJson(n: number): string {
  if (!Number.isFinite(n)) return '"' + formatReal(n) + '"';
  if (Number.isInteger(n) && Math.abs(n) <= SAFE) return String(n);
  return formatReal(n);
}

function write(v: DynamicValue, out: string[]): void {
  if (v === null) {
    out.push('null');
  } else if (typeof v === 'string') {
    out.push(JSON.stringify(v));
  } else if (typeof v === 'number') {
    out.push(numberJson(v));
  } else if (typeof v === 'bigint') {
    out.push(v.toString());
  } else if (typeof v === 'boolean') {
    out.push(v ? 'true' : 'false');
  } else if (Array.isArray(v)) {
    out.push('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.push(',');
      write(v[i]!, out);
    }
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const key in v) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write(v[key]!, out);
    }
    out.push('}');
  }
}

/** Compact JSON, property order kept: how Kusto prints a dynamic value. */
export function stringifyDynamic(v: DynamicValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v !== 'object') {
    const parts: string[] = [];
    write(v, parts);
    return parts[0]!;
  }
  const parts: string[] = [];
  write(v, parts);
  return parts.join('');
}

/** Kusto's gettype() name of a dynamic value's content. */
export function dynamicKind(
  v: DynamicValue,
): 'null' | 'bool' | 'long' | 'real' | 'string' | 'array' | 'dictionary' {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) <= SAFE ? 'long' : 'real';
    case 'string':
      return 'string';
    default:
      return Array.isArray(v) ? 'array' : 'dictionary';
  }
}

/** Deep copy (for functions that return a modified bag without touching their input). */
export function cloneDynamic(v: DynamicValue): DynamicValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneDynamic);
  const bag = newBag();
  for (const key in v) bag[key] = cloneDynamic(v[key]!);
  return bag;
}
