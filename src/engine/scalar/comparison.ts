/**
 * Comparison operators: `==`, `!=`, `<`, `<=`, `>`, `>=`, `=~`, `!~`.
 *
 * Operands are brought into one domain at bind time:
 * - numbers across int, long, real and decimal compare by value, exactly (a long beyond 2^53 is
 *   not rounded through a double);
 * - a string against a number, datetime, timespan, guid or bool is converted to that type, so
 *   `EventID == "4625"` on an int column is `EventID == 4625`; a string that does not convert is
 *   null (docs/SEMANTICS.md, "Comparing a number with a string");
 * - a dynamic operand converts to the other operand's type; two dynamics compare by content;
 * - strings compare by UTF-16 code unit; `=~`/`!~` fold case.
 *
 * Nulls (null-values.md): `==` of two nulls is null, of a null and a value false; `!=` of two
 * nulls is null, of a null and a value true; ordering with a null is null.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { compareDynamic, compareNumeric, hashKey } from '../values/compare.js';
import { toBool, toDatetime, toGuid, toStringValue, toTimespan } from '../values/convert.js';
import { parseLong, parseReal } from '../values/numbers.js';
import type { ArgInfo, BindResult } from './api.js';
import { type Adapter, asString, bound, failure, isConstant, isNumeric } from './bound.js';
import { equalsIgnoreCase } from './fold.js';

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~';

/** Operands adapted into one representation, and how two of them order and equal. */
export interface ComparisonDomain {
  readonly left: Adapter<ScalarValue>;
  readonly right: Adapter<ScalarValue>;
  /** Three-way order of two non-null adapted values. */
  readonly compare: (a: ScalarValue, b: ScalarValue) => number;
  /** Equality of two non-null adapted values. */
  readonly equals: (a: ScalarValue, b: ScalarValue) => boolean;
}

const identity: Adapter<ScalarValue> = (v) => v;

/** A number's text as an exact long if integral, else a double; null when not a number. */
function numberFromText(text: string): number | bigint | null {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed)) {
    const exact = parseLong(trimmed);
    // Small integers as numbers, so comparing with an int column stays on the number path.
    return exact !== null && exact >= -9007199254740991n && exact <= 9007199254740991n
      ? Number(exact)
      : exact;
  }
  return parseReal(trimmed);
}

/** An operand of type `type` as a number or bigint (the numeric domain's representation). */
function numericAdapter(type: ScalarType): Adapter<ScalarValue> | null {
  switch (type) {
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return identity;
    case 'string':
      return (v) => numberFromText(v as string);
    case 'bool':
      return (v) => (v === null ? null : v ? 1 : 0);
    case 'dynamic':
      return (v) => {
        if (typeof v === 'number' || typeof v === 'bigint' || v === null) return v;
        if (typeof v === 'string') return numberFromText(v);
        if (typeof v === 'boolean') return v ? 1 : 0;
        return null;
      };
    default:
      return null;
  }
}

function numericEquals(a: ScalarValue, b: ScalarValue): boolean {
  if (typeof a === typeof b) return a === b;
  return (
    compareNumeric(a as number | bigint, b as number | bigint) === 0 && !Number.isNaN(a) && !Number.isNaN(b)
  );
}

function orderStrings(a: ScalarValue, b: ScalarValue): number {
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
}

function orderBigints(a: ScalarValue, b: ScalarValue): number {
  return (a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0;
}

function strictEquals(a: ScalarValue, b: ScalarValue): boolean {
  return a === b;
}

function dynamicEquals(a: ScalarValue, b: ScalarValue): boolean {
  if (typeof a === 'object' || typeof b === 'object') return hashKey(a, 'dynamic') === hashKey(b, 'dynamic');
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return numericEquals(a, b);
  }
  return a === b;
}

/** An adapter converting an operand of `from` to the scalar type `to` (null when it fails). */
function convertTo(from: ScalarType, to: 'datetime' | 'timespan' | 'guid' | 'bool'): Adapter<ScalarValue> {
  if (from === to) return identity;
  switch (to) {
    case 'datetime':
      return (v) => toDatetime(v, from);
    case 'timespan':
      return (v) => toTimespan(v, from);
    case 'guid':
      return (v) => toGuid(v, from);
    case 'bool':
      return (v) => toBool(v, from);
  }
}

const CONVERTIBLE_FROM_STRING = new Set<ScalarType>(['datetime', 'timespan', 'guid', 'bool']);

/** The domain two operand types compare in; null when Kusto does not compare them. */
export function comparisonDomain(lt: ScalarType, rt: ScalarType): ComparisonDomain | null {
  // Numbers, and a number against a string, bool or dynamic.
  if (isNumeric(lt) || isNumeric(rt)) {
    const l = numericAdapter(lt);
    const r = numericAdapter(rt);
    if (l === null || r === null) return null;
    if ((lt === 'int' || lt === 'real') && (rt === 'int' || rt === 'real')) {
      return {
        left: l,
        right: r,
        compare: (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0),
        equals: strictEquals,
      };
    }
    if (lt === 'long' && rt === 'long')
      return { left: l, right: r, compare: orderBigints, equals: strictEquals };
    return {
      left: l,
      right: r,
      compare: (a, b) => compareNumeric(a as number | bigint, b as number | bigint),
      equals: numericEquals,
    };
  }
  if (lt === 'dynamic' && rt === 'dynamic') {
    return {
      left: identity,
      right: identity,
      compare: (a, b) => compareDynamic(a as DynamicValue, b as DynamicValue),
      equals: dynamicEquals,
    };
  }
  if (lt === 'string' || rt === 'string' || lt === 'dynamic' || rt === 'dynamic') {
    const other = lt === 'string' || lt === 'dynamic' ? rt : lt;
    if (CONVERTIBLE_FROM_STRING.has(other)) {
      const target = other as 'datetime' | 'timespan' | 'guid' | 'bool';
      return {
        left: convertTo(lt, target),
        right: convertTo(rt, target),
        compare: target === 'guid' ? orderStrings : target === 'bool' ? boolOrder : orderBigints,
        equals: strictEquals,
      };
    }
    // string with string, string with dynamic: compare as text.
    return {
      left: lt === 'string' ? identity : (v) => (v === null ? null : toStringValue(v, lt)),
      right: rt === 'string' ? identity : (v) => (v === null ? null : toStringValue(v, rt)),
      compare: orderStrings,
      equals: strictEquals,
    };
  }
  if (lt === rt) {
    switch (lt) {
      case 'datetime':
      case 'timespan':
        return { left: identity, right: identity, compare: orderBigints, equals: strictEquals };
      case 'guid':
        return { left: identity, right: identity, compare: orderStrings, equals: strictEquals };
      case 'bool':
        return { left: identity, right: identity, compare: boolOrder, equals: strictEquals };
      default:
        return null;
    }
  }
  return null;
}

function boolOrder(a: ScalarValue, b: ScalarValue): number {
  return (a ? 1 : 0) - (b ? 1 : 0);
}

/** A comparison on adapted, possibly null operands, with Kusto's null rules. */
export function comparisonFunction(
  op: Exclude<ComparisonOp, '=~' | '!~'>,
  domain: ComparisonDomain,
): (x: ScalarValue, y: ScalarValue) => boolean | null {
  const { left, right, compare, equals } = domain;
  switch (op) {
    case '==':
      return (x, y) => {
        const a = left(x);
        const b = right(y);
        if (a === null || b === null) return a === null && b === null ? null : false;
        return equals(a, b);
      };
    case '!=':
      return (x, y) => {
        const a = left(x);
        const b = right(y);
        if (a === null || b === null) return a === null && b === null ? null : true;
        return !equals(a, b);
      };
    default: {
      const test = orderTest(op);
      return (x, y) => {
        const a = left(x);
        const b = right(y);
        if (a === null || b === null) return null;
        // NaN is unordered: every ordering test is false.
        if (Number.isNaN(a) || Number.isNaN(b)) return false;
        return test(compare(a, b));
      };
    }
  }
}

function orderTest(op: '<' | '<=' | '>' | '>='): (c: number) => boolean {
  switch (op) {
    case '<':
      return (c) => c < 0;
    case '<=':
      return (c) => c <= 0;
    case '>':
      return (c) => c > 0;
    case '>=':
      return (c) => c >= 0;
  }
}

function withConstant(adapter: Adapter<ScalarValue>, arg: ArgInfo): Adapter<ScalarValue> {
  if (!isConstant(arg)) return adapter;
  const value = adapter(arg.constant ?? null);
  return () => value;
}

/** Binds a comparison operator to its operand types. */
export function bindComparison(op: ComparisonOp, left: ArgInfo, right: ArgInfo): BindResult {
  if (op === '=~' || op === '!~') {
    const l = asString(left.type);
    const r = asString(right.type);
    const negate = op === '!~';
    return bound('bool', (args) => equalsIgnoreCase(l(args[0]!), r(args[1]!)) !== negate);
  }
  const found = comparisonDomain(left.type, right.type);
  if (found === null) {
    return failure(
      `Cannot compare values of types ${left.type} and ${right.type}. Try adding explicit casts.`,
    );
  }
  // A constant operand is converted once here, not per row (`EventID == "4625"`).
  const domain: ComparisonDomain = {
    ...found,
    left: withConstant(found.left, left),
    right: withConstant(found.right, right),
  };
  const f = comparisonFunction(op, domain);
  return bound('bool', (args) => f(args[0]!, args[1]!));
}
