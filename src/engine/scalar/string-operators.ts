/**
 * The string predicate operators (datatypes-string-operators.md): the `has` family (term rules in
 * terms.ts), `contains`, `startswith`, `endswith`, their `!` and `_cs` forms, and `matches regex`.
 * Operands of other types are compared as their tostring() text. A constant right operand is
 * compiled once at bind time; a varying one is compiled per distinct value (one-entry cache).
 */
import type { BinaryOp } from '../../plan/plan.js';
import type { ScalarValue } from '../../types/scalar.js';
import type { ArgInfo, BindResult } from './api.js';
import { asString, bound, constantString, failure } from './bound.js';
import { compileRegex, tryCompileRegex } from './regex.js';
import {
  type TextMatcher,
  compileContains,
  compileEndsWith,
  compileStartsWith,
  compileTermMatcher,
} from './terms.js';

type MatcherFactory = (needle: string) => TextMatcher;

interface StringOperator {
  readonly negated: boolean;
  readonly factory: MatcherFactory;
}

function family(base: string, cs: boolean): MatcherFactory | null {
  switch (base) {
    case 'has':
      return (n) => compileTermMatcher(n, 'term', cs);
    case 'hasprefix':
      return (n) => compileTermMatcher(n, 'prefix', cs);
    case 'hassuffix':
      return (n) => compileTermMatcher(n, 'suffix', cs);
    case 'contains':
      return (n) => compileContains(n, cs);
    case 'startswith':
      return (n) => compileStartsWith(n, cs);
    case 'endswith':
      return (n) => compileEndsWith(n, cs);
    default:
      return null;
  }
}

/** `!has_cs` -> negated, case-sensitive `has`. */
export function stringOperator(op: string): StringOperator | null {
  const negated = op.startsWith('!');
  let base = negated ? op.slice(1) : op;
  const cs = base.endsWith('_cs');
  if (cs) base = base.slice(0, -3);
  const factory = family(base, cs);
  return factory === null ? null : { negated, factory };
}

/** Matcher for a needle that may vary by row: recompiled only when the needle changes. */
export function cachedMatcher(factory: MatcherFactory): (needle: string) => TextMatcher {
  let lastNeedle: string | null = null;
  let lastMatcher: TextMatcher | null = null;
  return (needle) => {
    if (needle !== lastNeedle || lastMatcher === null) {
      lastNeedle = needle;
      lastMatcher = factory(needle);
    }
    return lastMatcher;
  };
}

export function bindStringOperator(op: BinaryOp, left: ArgInfo, right: ArgInfo): BindResult {
  if (op === 'matches regex') return bindMatchesRegex(left, right);
  const spec = stringOperator(op);
  if (spec === null) return failure(`Unknown string operator '${op}'.`);
  const text = asString(left.type);
  const { negated, factory } = spec;
  const constant = constantString(right);
  if (constant !== undefined) {
    const matcher = factory(constant);
    return bound('bool', (args) => matcher(text(args[0]!)) !== negated);
  }
  const needleOf = asString(right.type);
  const matcherFor = cachedMatcher(factory);
  return bound('bool', (args) => matcherFor(needleOf(args[1]!))(text(args[0]!)) !== negated);
}

function bindMatchesRegex(left: ArgInfo, right: ArgInfo): BindResult {
  const text = asString(left.type);
  const constant = constantString(right);
  if (constant !== undefined) {
    const re = tryCompileRegex(constant);
    if (typeof re === 'string') return failure(re, 1);
    return bound('bool', (args) => re.test(text(args[0]!)));
  }
  const patternOf = asString(right.type);
  return bound('bool', (args: readonly ScalarValue[]) =>
    compileRegex(patternOf(args[1]!)).test(text(args[0]!)),
  );
}
