/**
 * kqlhunt's scalar library: binds built-in functions, operators, list comparisons, `between`,
 * member/index access and literals to BoundScalar implementations (contract: ./api.ts).
 */
import type { BinaryOp, ListOp } from '../../plan/plan.js';
import type { ArgInfo, BindResult } from './api.js';
import { bindArithmetic, bindNegate } from './arithmetic.js';
import { checkArity, failure } from './bound.js';
import { bindComparison } from './comparison.js';
import { conditionalFunctions } from './functions/conditional.js';
import { conversionFunctions } from './functions/conversion.js';
import { datetimeFunctions } from './functions/datetime.js';
import { dynamicFunctions } from './functions/dynamic.js';
import { encodingFunctions } from './functions/encoding.js';
import { ipv4Functions } from './functions/ipv4.js';
import { mathFunctions } from './functions/math.js';
import { parserFunctions } from './functions/parsers.js';
import { regexFunctions } from './functions/regex.js';
import { seriesFunctions } from './functions/series.js';
import { seriesAnalysisFunctions } from './functions/series-analysis.js';
import { aroundFunctions } from './functions/around.js';
import { bitFunctions } from './functions/bits.js';
import { compressionFunctions } from './functions/compression.js';
import { formatBytesFunctions } from './functions/format-bytes.js';
import { geoFunctions } from './functions/geo/index.js';
import { hashFunctions } from './functions/hashes.js';
import { ipv4RangeFunctions } from './functions/ipv4-ranges.js';
import { ipv6Functions } from './functions/ipv6.js';
import { jsonTextFunctions } from './functions/json-text.js';
import { principalFunctions } from './functions/principal.js';
import { specialMathFunctions } from './functions/special-math.js';
import { textParserFunctions } from './functions/text-parsers.js';
import { timezoneFunctions } from './functions/timezones.js';
import { unicodeFunctions } from './functions/unicode.js';
import { unitFunctions } from './functions/units.js';
import type { FunctionDef } from './functions/registry.js';
import { stringFunctions } from './functions/strings.js';
import { sketchFunctions } from './functions/sketches.js';
import { bindLogical } from './logic.js';
import { bindBetween as bindBetweenImpl, bindListComparison as bindListImpl } from './lists.js';
import { bindStringOperator } from './string-operators.js';

export { bindMember, bindIndex, getMember, getElement } from './access.js';
export { parseLiteral } from './literals.js';
export { compileRegex, tryCompileRegex, regexQuote, RegexSyntaxError, type CompiledRegex } from './regex.js';
export { parseXml, MAX_XML_BYTES, MAX_XML_DEPTH } from './xml.js';
export { compileTermMatcher, compileContains, isTermChar, termsOf, hasTerm } from './terms.js';
export { NeedleSet } from './lists.js';
export { comparisonDomain } from './comparison.js';

const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  Object.entries({
    ...conditionalFunctions,
    ...conversionFunctions,
    ...stringFunctions,
    ...regexFunctions,
    ...datetimeFunctions,
    ...mathFunctions,
    ...dynamicFunctions,
    ...encodingFunctions,
    ...parserFunctions,
    ...ipv4Functions,
    ...seriesFunctions,
    ...seriesAnalysisFunctions,
    ...aroundFunctions,
    ...bitFunctions,
    ...compressionFunctions,
    ...formatBytesFunctions,
    ...hashFunctions,
    ...ipv4RangeFunctions,
    ...ipv6Functions,
    ...jsonTextFunctions,
    ...principalFunctions,
    ...specialMathFunctions,
    ...textParserFunctions,
    ...timezoneFunctions,
    ...unicodeFunctions,
    ...unitFunctions,
    ...geoFunctions,
    ...sketchFunctions,
  }),
);

/** Names of every built-in scalar function this library binds (lower case). */
export function scalarFunctionNames(): string[] {
  return [...FUNCTIONS.keys()].sort();
}

export function isScalarFunction(name: string): boolean {
  return FUNCTIONS.has(name.toLowerCase());
}

/** Binds a built-in scalar function by its lower-case name. */
export function bindFunction(name: string, args: readonly ArgInfo[]): BindResult {
  const key = name.toLowerCase();
  const fn = FUNCTIONS.get(key);
  if (fn === undefined) return failure(`Unknown function: '${name}'.`);
  const arity = checkArity(key, args, fn.minArgs, fn.maxArgs);
  if (arity !== null) return arity;
  return fn.bind(args, key);
}

const ARITHMETIC = new Set<BinaryOp>(['+', '-', '*', '/', '%']);
const COMPARISON = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=', '=~', '!~']);

/** Binds a binary operator; the engine evaluates it with `[left, right]`. */
export function bindBinary(op: BinaryOp, left: ArgInfo, right: ArgInfo): BindResult {
  if (ARITHMETIC.has(op)) return bindArithmetic(op as '+' | '-' | '*' | '/' | '%', left, right);
  if (COMPARISON.has(op))
    return bindComparison(op as '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~', left, right);
  if (op === 'and' || op === 'or') return bindLogical(op, left, right);
  return bindStringOperator(op, left, right);
}

/** Binds unary `-` / `+`; evaluated with `[operand]`. */
export function bindUnary(op: '-' | '+', operand: ArgInfo): BindResult {
  return bindNegate(op, operand);
}

/** Binds `left op (items...)`; evaluated with `[left, ...items]`. */
export function bindListComparison(op: ListOp, left: ArgInfo, items: readonly ArgInfo[]): BindResult {
  return bindListImpl(op, left, items);
}

/** Binds `left between (low .. high)` (negated: `!between`); evaluated with `[left, low, high]`. */
export function bindBetween(left: ArgInfo, low: ArgInfo, high: ArgInfo, negated = false): BindResult {
  return bindBetweenImpl(left, low, high, negated);
}
