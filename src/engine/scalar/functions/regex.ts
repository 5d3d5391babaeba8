/**
 * Regex functions: extract, extract_all, replace_regex (and its older name replace),
 * regex_quote, indexof_regex, trim, trim_start, trim_end. Patterns are RE2 (regex.md) compiled by
 * ../regex.ts; a constant pattern compiles at bind time and a malformed one fails the bind.
 */
import type { DynamicValue, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { converter } from '../../values/convert.js';
import type { ArgInfo, BindResult } from '../api.js';
import { asDynamic, asIndex, asString, bound, constantString, failure } from '../bound.js';
import {
  type CompiledRegex,
  compileRegex,
  compileRewrite,
  regexQuote,
  regexReplaceAll,
  tryCompileRegex,
} from '../regex.js';
import { indexOfOccurrence } from './strings.js';
import { type FunctionTable, def } from './registry.js';

/** The pattern argument: compiled once when constant, else per distinct value (cached). */
function patternArg(arg: ArgInfo, index: number): ((v: ScalarValue) => CompiledRegex) | BindResult {
  const constant = constantString(arg);
  if (constant !== undefined) {
    const re = tryCompileRegex(constant);
    if (typeof re === 'string') return failure(re, index);
    return () => re;
  }
  const text = asString(arg.type);
  return (v) => compileRegex(text(v));
}

function isFailure(x: unknown): x is BindResult {
  return typeof x === 'object' && x !== null && 'error' in x;
}

/** The type named by a `typeof(long)` argument, passed as a constant string such as 'long'. */
function typeArg(arg: ArgInfo | undefined): ScalarType | null | undefined {
  if (arg === undefined) return undefined;
  const name = constantString(arg);
  const known: Record<string, ScalarType> = {
    string: 'string',
    int: 'int',
    long: 'long',
    real: 'real',
    double: 'real',
    decimal: 'decimal',
    bool: 'bool',
    boolean: 'bool',
    datetime: 'datetime',
    date: 'datetime',
    timespan: 'timespan',
    time: 'timespan',
    guid: 'guid',
    dynamic: 'dynamic',
  };
  if (name === undefined) return null;
  return known[name.replace(/^typeof\(|\)$/g, '').trim()] ?? null;
}

/** extract(regex, captureGroup, source[, typeLiteral]) (extract-function.md). */
const extract = def(3, 4, (args) => {
  const pattern = patternArg(args[0]!, 0);
  if (isFailure(pattern)) return pattern;
  const group = asIndex(args[1]!.type);
  const source = asString(args[2]!.type);
  const type = typeArg(args[3]);
  if (type === null)
    return failure('extract(): the fourth argument must be a type, such as typeof(long).', 3);
  const resultType = type ?? 'string';
  const convert = converter('string', resultType);
  return bound(resultType, (a) => {
    const re = pattern(a[0]!);
    const g = group(a[1]!);
    if (g === null || g < 0 || g > re.groupCount()) return convert('');
    const m = re.matcher(source(a[2]!));
    if (!m.find()) return resultType === 'string' ? '' : null;
    const text = m.group(g);
    if (text === null) return resultType === 'string' ? '' : null;
    return convert(text);
  });
});

/** extract_all(regex, [captureGroups,] source) (extract-all-function.md). */
const extractAll = def(2, 3, (args) => {
  const pattern = patternArg(args[0]!, 0);
  if (isFailure(pattern)) return pattern;
  const source = asString(args[args.length - 1]!.type);
  const groupsArg = args.length === 3 ? asDynamic(args[1]!.type) : null;
  return bound('dynamic', (a) => {
    const re = pattern(a[0]!);
    const count = re.groupCount();
    let groups: (number | string)[];
    if (groupsArg !== null) {
      const g = groupsArg(a[1]!);
      if (!Array.isArray(g)) return null;
      groups = g.map((x) => (typeof x === 'string' ? x : Number(x)));
    } else {
      groups = count === 0 ? [0] : Array.from({ length: count }, (_, i) => i + 1);
    }
    const text = source(a[a.length - 1]!);
    const m = re.matcher(text);
    const out: DynamicValue[] = [];
    let from = 0;
    while (from <= text.length && m.find(from)) {
      const values = groups.map((g) => {
        try {
          return m.group(g) ?? '';
        } catch {
          return '';
        }
      });
      out.push(values.length === 1 ? values[0]! : values);
      from = m.end() > m.start() ? m.end() : m.end() + 1;
    }
    return out.length === 0 ? null : out;
  });
});

/** replace_regex(source, lookup_regex, rewrite_pattern) (replace-regex-function.md). */
function replaceRegexDef(order: 'source-first' | 'regex-first') {
  return def(3, 3, (args) => {
    // replace() is the older form: replace(regex, rewrite, text).
    const [srcIdx, reIdx, rwIdx] = order === 'source-first' ? [0, 1, 2] : [2, 0, 1];
    const pattern = patternArg(args[reIdx]!, reIdx);
    if (isFailure(pattern)) return pattern;
    const source = asString(args[srcIdx]!.type);
    const rewriteConst = constantString(args[rwIdx]);
    const rewriteText = asString(args[rwIdx]!.type);
    const fixedRewrite = rewriteConst === undefined ? null : compileRewrite(rewriteConst);
    return bound('string', (a) => {
      const rewrite = fixedRewrite ?? compileRewrite(rewriteText(a[rwIdx]!));
      return regexReplaceAll(pattern(a[reIdx]!), source(a[srcIdx]!), rewrite);
    });
  });
}

/** indexof_regex(string, match[, start[, length[, occurrence]]]): matches don't overlap. */
const indexofRegex = def(2, 5, (args) => {
  const s = asString(args[0]!.type);
  const pattern = patternArg(args[1]!, 1);
  if (isFailure(pattern)) return pattern;
  const start = args[2] ? asIndex(args[2].type) : () => 0;
  const length = args[3] ? asIndex(args[3].type) : () => -1;
  const occurrence = args[4] ? asIndex(args[4].type) : () => 1;
  return bound('long', (a) => {
    const st = start(a[2] ?? null);
    const len = length(a[3] ?? null);
    const occ = occurrence(a[4] ?? null);
    // indexof_regex-function.md: null when start is negative (unlike indexof).
    if (st === null || len === null || occ === null || st < 0) return null;
    const re = pattern(a[1]!);
    const r = indexOfOccurrence(s(a[0]!), st, len, occ, (text, from) => {
      const m = re.matcher(text);
      return m.find(from) ? { at: m.start(), end: m.end() } : null;
    });
    return r === null ? null : BigInt(r);
  });
});

/** trim(regex, source), trim_start, trim_end: remove one match anchored at the start/end. */
function trimDef(start: boolean, end: boolean) {
  return def(2, 2, (args) => {
    const constant = constantString(args[0]);
    const build = (p: string) => {
      const quoted = `(?:${p})`;
      return {
        head: start ? compileRegex(`^${quoted}`) : null,
        tail: end ? compileRegex(`${quoted}$`) : null,
      };
    };
    let fixed: ReturnType<typeof build> | null = null;
    if (constant !== undefined) {
      const check = tryCompileRegex(constant);
      if (typeof check === 'string') return failure(check, 0);
      fixed = build(constant);
    }
    const patternText = asString(args[0]!.type);
    const source = asString(args[1]!.type);
    return bound('string', (a) => {
      const { head, tail } = fixed ?? build(patternText(a[0]!));
      let text = source(a[1]!);
      if (head !== null) {
        const m = head.matcher(text);
        if (m.find()) text = text.slice(m.end());
      }
      if (tail !== null) {
        const m = tail.matcher(text);
        // The leftmost match that reaches the end removes the longest suffix.
        if (m.find()) text = text.slice(0, m.start());
      }
      return text;
    });
  });
}

export const regexFunctions: FunctionTable = {
  extract,
  extract_all: extractAll,
  extractall: extractAll,
  replace_regex: replaceRegexDef('source-first'),
  replace: replaceRegexDef('regex-first'),
  regex_quote: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('string', (a) => regexQuote(s(a[0]!)));
  }),
  indexof_regex: indexofRegex,
  trim: trimDef(true, true),
  trim_start: trimDef(true, false),
  trim_end: trimDef(false, true),
};
