/**
 * List operators: `in`, `!in`, `in~`, `!in~`, `has_any`, `has_all` (in-operator.md,
 * has-any-operator.md, has-all-operator.md), and `between` / `!between`.
 *
 * Items are scalars; a dynamic array item is flattened into its elements (the engine passes a
 * tabular item as a dynamic array constant). `in` is "a logical OR of equality comparisons" and
 * `!in` "a logical AND of inequality comparisons" (null-values.md), so a null left operand is not
 * in any list of values. When every item is a constant, the list becomes a hash set at bind time.
 */
import type { ListOp } from '../../plan/plan.js';
import type { DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { dynamicToString } from '../values/convert.js';
import type { ArgInfo, BindResult } from './api.js';
import { type Adapter, asString, bound, failure, isConstant, isNumeric } from './bound.js';
import { comparisonDomain, comparisonFunction } from './comparison.js';
import { equalsIgnoreCase, foldString } from './fold.js';
import { type TextMatcher, compileTermMatcher, isTermChar } from './terms.js';

/** An item's values, flattening a dynamic array one level. */
function pushItemValues(
  value: ScalarValue,
  type: ScalarType,
  out: { value: ScalarValue; type: ScalarType }[],
): void {
  if (type === 'dynamic' && Array.isArray(value)) {
    for (const element of value as DynamicValue[]) out.push({ value: element, type: 'dynamic' });
  } else {
    out.push({ value, type });
  }
}

function constantItems(items: readonly ArgInfo[]): { value: ScalarValue; type: ScalarType }[] {
  const out: { value: ScalarValue; type: ScalarType }[] = [];
  for (const item of items) pushItemValues(item.constant ?? null, item.type, out);
  return out;
}

/** A value as text for in~ / has_any: a dynamic value's text, a typed value's tostring(). */
function textOf(value: ScalarValue, type: ScalarType): string {
  return type === 'dynamic' ? dynamicToString(value as DynamicValue) : asString(type)(value);
}

export function bindListComparison(op: ListOp, left: ArgInfo, items: readonly ArgInfo[]): BindResult {
  switch (op) {
    case 'in':
    case '!in':
      return bindIn(left, items, op === '!in');
    case 'in~':
    case '!in~':
      return bindInIgnoreCase(left, items, op === '!in~');
    case 'has_any':
    case 'has_all':
      return bindHasList(left, items, op === 'has_all');
  }
}

// ---------------------------------------------------------------------------------------------
// in / !in

/** The key `in` hashes a value under, in the left operand's domain; undefined when not comparable. */
function keyAdapter(
  leftType: ScalarType,
): ((value: ScalarValue, type: ScalarType) => ScalarValue | undefined) | null {
  // A string is in the list when some item's text equals it.
  if (leftType === 'string') return (value, type) => (value === null ? undefined : textOf(value, type));
  if (
    isNumeric(leftType) ||
    leftType === 'datetime' ||
    leftType === 'timespan' ||
    leftType === 'guid' ||
    leftType === 'bool'
  ) {
    return (value, type) => {
      const domain = comparisonDomain(leftType, type);
      if (domain === null) return undefined;
      return normalizeKey(domain.right(value));
    };
  }
  return null;
}

/** Numbers hash by value across int/long/real: an integral value is a JS number when it fits. */
function normalizeKey(v: ScalarValue): ScalarValue {
  if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
  return v;
}

function bindIn(left: ArgInfo, items: readonly ArgInfo[], negated: boolean): BindResult {
  const keyOf = keyAdapter(left.type);
  if (keyOf !== null && items.every(isConstant)) {
    const set = new Set<ScalarValue>();
    for (const { value, type } of constantItems(items)) {
      const key = keyOf(value, type);
      if (key !== undefined && key !== null) set.add(key);
    }
    const leftDomain = comparisonDomain(left.type, left.type)!;
    const leftKey = leftDomain.left;
    return bound('bool', (args) => {
      const key = normalizeKey(leftKey(args[0]!));
      if (key === null) return negated;
      return set.has(key) !== negated;
    });
  }
  // General path: per-row items, compared with `==` of each pair of types.
  const equalsCache = new Map<ScalarType, ((x: ScalarValue, y: ScalarValue) => boolean | null) | null>();
  const equalsFor = (type: ScalarType) => {
    let f = equalsCache.get(type);
    if (f === undefined) {
      const domain = comparisonDomain(left.type, type);
      f = domain === null ? null : comparisonFunction('==', domain);
      equalsCache.set(type, f);
    }
    return f;
  };
  for (const item of items) {
    if (item.type !== 'dynamic' && equalsFor(item.type) === null) {
      return failure(`Cannot compare values of types ${left.type} and ${item.type} in 'in'.`);
    }
  }
  const itemTypes = items.map((i) => i.type);
  return bound('bool', (args) => {
    const x = args[0]!;
    if (x === null) return negated;
    const values: { value: ScalarValue; type: ScalarType }[] = [];
    for (let i = 0; i < itemTypes.length; i++) pushItemValues(args[i + 1]!, itemTypes[i]!, values);
    for (const { value, type } of values) {
      if (equalsFor(type)?.(x, value) === true) return !negated;
    }
    return negated;
  });
}

function bindInIgnoreCase(left: ArgInfo, items: readonly ArgInfo[], negated: boolean): BindResult {
  const text = asString(left.type);
  if (items.every(isConstant)) {
    const set = new Set<string>();
    for (const { value, type } of constantItems(items)) {
      if (value !== null) set.add(foldString(textOf(value, type)));
    }
    return bound('bool', (args) => set.has(foldString(text(args[0]!))) !== negated);
  }
  const itemTypes = items.map((i) => i.type);
  return bound('bool', (args) => {
    const x = text(args[0]!);
    const values: { value: ScalarValue; type: ScalarType }[] = [];
    for (let i = 0; i < itemTypes.length; i++) pushItemValues(args[i + 1]!, itemTypes[i]!, values);
    for (const { value, type } of values) {
      if (value !== null && equalsIgnoreCase(x, textOf(value, type))) return !negated;
    }
    return negated;
  });
}

// ---------------------------------------------------------------------------------------------
// has_any / has_all

/**
 * A compiled set of `has` needles. Needles made only of letters and digits are whole-term tests,
 * answered from one pass over the text's terms with a hash set (Sentinel rules list hundreds of
 * them); other needles (phrases, punctuation) run their own term matcher.
 */
export class NeedleSet {
  private readonly terms = new Map<string, number>();
  private readonly phrases: { index: number; matcher: TextMatcher }[] = [];
  readonly size: number;

  constructor(needles: readonly string[]) {
    const seen = new Map<string, number>();
    for (const needle of needles) {
      const folded = foldString(needle);
      if (seen.has(folded)) continue;
      const index = seen.size;
      seen.set(folded, index);
      if (folded.length > 0 && isAllTermChars(folded)) this.terms.set(folded, index);
      else this.phrases.push({ index, matcher: compileTermMatcher(needle, 'term', false) });
    }
    this.size = seen.size;
  }

  /** Whether any needle matches. */
  any(text: string): boolean {
    for (const p of this.phrases) if (p.matcher(text)) return true;
    if (this.terms.size === 0) return false;
    let found = false;
    forEachTerm(text, (term) => {
      if (this.terms.has(term)) found = true;
      return found;
    });
    return found;
  }

  /** Whether every needle matches. */
  all(text: string): boolean {
    for (const p of this.phrases) if (!p.matcher(text)) return false;
    if (this.terms.size === 0) return true;
    const hit = new Set<number>();
    forEachTerm(text, (term) => {
      const index = this.terms.get(term);
      if (index !== undefined) hit.add(index);
      return hit.size === this.terms.size;
    });
    return hit.size === this.terms.size;
  }
}

function isAllTermChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isTermChar(s.charCodeAt(i))) return false;
  return true;
}

/** Calls `visit` with each folded term of the text until it returns true. */
function forEachTerm(text: string, visit: (foldedTerm: string) => boolean): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inTerm = i < text.length && isTermChar(text.charCodeAt(i));
    if (inTerm) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (visit(text.slice(start, i).toLowerCase())) return;
      start = -1;
    }
  }
}

function bindHasList(left: ArgInfo, items: readonly ArgInfo[], all: boolean): BindResult {
  const text = asString(left.type);
  const needlesOf = (values: { value: ScalarValue; type: ScalarType }[]) =>
    values.filter((v) => v.value !== null).map((v) => textOf(v.value, v.type));
  if (items.every(isConstant)) {
    const set = new NeedleSet(needlesOf(constantItems(items)));
    if (set.size === 0) return bound('bool', () => all);
    return bound('bool', all ? (args) => set.all(text(args[0]!)) : (args) => set.any(text(args[0]!)));
  }
  const itemTypes = items.map((i) => i.type);
  return bound('bool', (args) => {
    const values: { value: ScalarValue; type: ScalarType }[] = [];
    for (let i = 0; i < itemTypes.length; i++) pushItemValues(args[i + 1]!, itemTypes[i]!, values);
    const set = new NeedleSet(needlesOf(values));
    if (set.size === 0) return all;
    const t = text(args[0]!);
    return all ? set.all(t) : set.any(t);
  });
}

// ---------------------------------------------------------------------------------------------
// between

/**
 * `x between (low .. high)`: low <= x <= high. For a datetime x, `high` may be a timespan
 * meaning low + high (between-operator.md). Null operands give null.
 */
export function bindBetween(left: ArgInfo, low: ArgInfo, high: ArgInfo, negated = false): BindResult {
  const lowDomain = comparisonDomain(left.type, low.type);
  if (lowDomain === null)
    return failure(`Cannot compare values of types ${left.type} and ${low.type} in 'between'.`, 1);
  const geLow = comparisonFunction('>=', lowDomain);
  let leHigh: (x: ScalarValue, low: ScalarValue, high: ScalarValue) => boolean | null;
  if (left.type === 'datetime' && high.type === 'timespan') {
    const toLow = lowDomain.right as Adapter<ScalarValue>;
    leHigh = (x, lo, hi) => {
      const start = toLow(lo);
      if (x === null || start === null || hi === null) return null;
      return (x as bigint) <= (start as bigint) + (hi as bigint);
    };
  } else {
    const highDomain = comparisonDomain(left.type, high.type);
    if (highDomain === null) {
      return failure(`Cannot compare values of types ${left.type} and ${high.type} in 'between'.`, 2);
    }
    const le = comparisonFunction('<=', highDomain);
    leHigh = (x, _lo, hi) => le(x, hi);
  }
  return bound('bool', (args) => {
    const x = args[0]!;
    const a = geLow(x, args[1]!);
    const b = leHigh(x, args[1]!, args[2]!);
    if (a === null || b === null) return null;
    return a && b ? !negated : negated;
  });
}
