/**
 * String functions (the reference's string family): strcat, strcat_delim, strlen, substring,
 * tolower, toupper, split, indexof, replace_string, replace_strings, strcat_array, reverse,
 * strrep, string_size, countof (normal; regex in regex.ts), translate, isascii, isutf8, strcmp,
 * unicode_codepoints_from_string, make_string, has_any_index. Non-string arguments are converted
 * with tostring()'s rules (indexof-function.md: "the function forcibly casts their value").
 */
import type { DynamicValue, ScalarValue } from '../../../types/scalar.js';
import { dynamicToString } from '../../values/convert.js';
import { type Adapter, asDynamic, asIndex, asString, bound, constantString } from '../bound.js';
import { compileRegex } from '../regex.js';
import { compileTermMatcher } from '../terms.js';
import { type FunctionTable, def } from './registry.js';

function stringFn(resultType: 'string' | 'long' | 'int' | 'bool', f: (s: string) => ScalarValue) {
  return def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound(resultType, (a) => f(s(a[0]!)));
  });
}

/** Unicode code points in a string (strlen-function.md counts 'Çedilla' as 8: code points). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** substring(source, start[, length]): a negative start counts from the end; out of range clips. */
export function substringOf(s: string, start: number, length: number | undefined): string {
  let from = start < 0 ? Math.max(0, s.length + start) : start;
  if (from > s.length) from = s.length;
  if (length === undefined) return s.slice(from);
  if (length < 0) return '';
  return s.slice(from, from + length);
}

/** indexof(string, match[, start[, length[, occurrence]]]) (indexof-function.md). */
export function indexOfOccurrence(
  s: string,
  start: number,
  length: number,
  occurrence: number,
  find: (text: string, from: number) => { at: number; end: number } | null,
): number | null {
  if (occurrence < 0 || length < -1) return null;
  let from = start < 0 ? s.length + start : start;
  if (from < 0) from = 0;
  if (from > s.length) return -1;
  // The docs' examples examine positions start..start+length inclusive: indexof("abcdefg",
  // "cde", 1, 2) is -1 but indexof("abcdefgabcdefg", "cde", 1, 10, 2) is 9.
  const limit = length === -1 ? s.length : Math.min(s.length, from + length + 1);
  const region = s.slice(0, limit);
  let found = -1;
  for (let k = 0; k < Math.max(occurrence, 1); k++) {
    const hit = find(region, from);
    if (hit === null) return -1;
    found = hit.at;
    from = hit.end > hit.at ? hit.end : hit.at + 1;
  }
  return found;
}

const indexof = def(2, 5, (args) => {
  const s = asString(args[0]!.type);
  const m = asString(args[1]!.type);
  const start = args[2] ? asIndex(args[2].type) : () => 0;
  const length = args[3] ? asIndex(args[3].type) : () => -1;
  const occurrence = args[4] ? asIndex(args[4].type) : () => 1;
  return bound('long', (a) => {
    const st = start(a[2] ?? null);
    const len = length(a[3] ?? null);
    const occ = occurrence(a[4] ?? null);
    if (st === null || len === null || occ === null) return null;
    const match = m(a[1]!);
    // Occurrences may overlap: the next search starts one past the previous hit.
    const r = indexOfOccurrence(s(a[0]!), st, len, occ, (text, from) => {
      const at = text.indexOf(match, from);
      return at < 0 || at + match.length > text.length ? null : { at, end: at + 1 };
    });
    return r === null ? null : BigInt(r);
  });
});

/** split(source, delimiter[, requestedIndex]) (split-function.md). */
const split = def(2, 3, (args) => {
  const s = asString(args[0]!.type);
  const d = asString(args[1]!.type);
  const index = args[2] ? asIndex(args[2].type) : null;
  return bound('dynamic', (a) => {
    const text = s(a[0]!);
    const delim = d(a[1]!);
    const parts = delim === '' ? [text] : text.split(delim);
    if (index === null) return parts;
    const i = index(a[2]!);
    if (i === null) return null;
    const at = i < 0 ? parts.length + i : i;
    return at >= 0 && at < parts.length ? [parts[at]!] : [];
  });
});

/** strcat(a1, ..., an): each argument as its tostring() text. */
const strcat = def(1, 64, (args) => {
  const parts = args.map((arg) => asString(arg.type));
  return bound('string', (a) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) out += parts[i]!(a[i]!);
    return out;
  });
});

const strcatDelim = def(3, 65, (args) => {
  const parts = args.map((arg) => asString(arg.type));
  return bound('string', (a) => {
    const delim = parts[0]!(a[0]!);
    let out = '';
    for (let i = 1; i < parts.length; i++) out += (i > 1 ? delim : '') + parts[i]!(a[i]!);
    return out;
  });
});

/** strcat_array(array, delimiter): elements as their text; a non-array gives ''. */
const strcatArray = def(2, 2, (args) => {
  const arr = asDynamic(args[0]!.type);
  const d = asString(args[1]!.type);
  return bound('string', (a) => {
    const v = arr(a[0]!);
    if (!Array.isArray(v)) return '';
    return v.map((e) => dynamicToString(e)).join(d(a[1]!));
  });
});

function replaceAllLiteral(text: string, lookup: string, rewrite: string): string {
  return lookup === '' ? text : text.split(lookup).join(rewrite);
}

const replaceString = def(3, 3, (args) => {
  const [t, l, r] = args.map((x) => asString(x.type)) as [Adapter<string>, Adapter<string>, Adapter<string>];
  return bound('string', (a) => replaceAllLiteral(t(a[0]!), l(a[1]!), r(a[2]!)));
});

/**
 * replace_strings(text, lookups, rewrites): all lookups at once, the earliest (then longest)
 * match winning at each position, so one replacement's output is never rescanned.
 */
const replaceStrings = def(3, 3, (args) => {
  const t = asString(args[0]!.type);
  const l = asDynamic(args[1]!.type);
  const r = asDynamic(args[2]!.type);
  return bound('string', (a) => {
    const text = t(a[0]!);
    const lookups = l(a[1]!);
    const rewrites = r(a[2]!);
    if (!Array.isArray(lookups) || !Array.isArray(rewrites)) return text;
    const pairs = lookups
      .map((k, i) => [dynamicToString(k), dynamicToString(rewrites[i] ?? null)] as const)
      .filter(([k]) => k !== '');
    let out = '';
    let i = 0;
    while (i < text.length) {
      let best: readonly [string, string] | null = null;
      for (const p of pairs) {
        if (text.startsWith(p[0], i) && (best === null || p[0].length > best[0].length)) best = p;
      }
      if (best === null) {
        out += text[i];
        i++;
      } else {
        out += best[1];
        i += best[0].length;
      }
    }
    return out;
  });
});

/** countof(source, search[, kind]): plain matches may overlap, regex matches don't (countof-function.md). */
const countof = def(2, 3, (args) => {
  const s = asString(args[0]!.type);
  const q = asString(args[1]!.type);
  const kindConst = args[2] ? constantString(args[2]) : 'normal';
  const kindOf = args[2] ? asString(args[2].type) : () => 'normal';
  return bound('long', (a) => {
    const text = s(a[0]!);
    const search = q(a[1]!);
    const kind = kindConst ?? kindOf(a[2]!);
    if (search === '') return 0n;
    if (kind === 'regex') {
      const re = compileRegex(search);
      const m = re.matcher(text);
      let count = 0n;
      let from = 0;
      while (from <= text.length && m.find(from)) {
        count++;
        from = m.end() > m.start() ? m.end() : m.end() + 1;
      }
      return count;
    }
    let count = 0n;
    for (let at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) count++;
    return count;
  });
});

/** translate(searchList, replacementList, source) (translate-function.md). */
const translate = def(3, 3, (args) => {
  const [sl, rl, src] = args.map((x) => asString(x.type)) as [
    Adapter<string>,
    Adapter<string>,
    Adapter<string>,
  ];
  return bound('string', (a) => {
    const search = Array.from(sl(a[0]!));
    const replace = Array.from(rl(a[1]!));
    const map = new Map<string, string>();
    search.forEach((ch, i) => {
      // An empty replacement list deletes; a shorter one repeats its last character.
      if (!map.has(ch)) map.set(ch, replace.length === 0 ? '' : (replace[i] ?? replace[replace.length - 1]!));
    });
    let out = '';
    for (const ch of src(a[2]!)) out += map.get(ch) ?? ch;
    return out;
  });
});

/** strrep(value, multiplier[, delimiter]) (strrep-function.md): multiplier is capped at 1024. */
const strrep = def(2, 3, (args) => {
  const v = asString(args[0]!.type);
  const n = asIndex(args[1]!.type);
  const d = args[2] ? asString(args[2].type) : () => '';
  return bound('string', (a) => {
    const count = n(a[1]!);
    if (count === null || count <= 0) return '';
    return Array(Math.min(count, 1024))
      .fill(v(a[0]!))
      .join(d(a[2] ?? ''));
  });
});

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** has_any_index(source, values): index of the first value `source has`, or -1. */
const hasAnyIndex = def(2, 2, (args) => {
  const s = asString(args[0]!.type);
  const vals = asDynamic(args[1]!.type);
  return bound('long', (a) => {
    const list = vals(a[1]!);
    if (!Array.isArray(list)) return -1n;
    const text = s(a[0]!);
    for (let i = 0; i < list.length; i++) {
      const needle = dynamicToString(list[i]!);
      if (needle !== '' && compileTermMatcher(needle, 'term', false)(text)) return BigInt(i);
    }
    return -1n;
  });
});

/** make_string(codepoints...): each argument a code point or an array of them. */
const makeString = def(1, 64, (args) => {
  const adapters = args.map((x) => asDynamic(x.type));
  return bound('string', (a) => {
    let out = '';
    const push = (v: DynamicValue) => {
      if (Array.isArray(v)) v.forEach(push);
      else if (typeof v === 'number' || typeof v === 'bigint') {
        const cp = Number(v);
        if (cp >= 0 && cp <= 0x10ffff) out += String.fromCodePoint(cp);
      }
    };
    for (let i = 0; i < adapters.length; i++) push(adapters[i]!(a[i]!));
    return out;
  });
});

export const stringFunctions: FunctionTable = {
  strcat,
  strcat_delim: strcatDelim,
  strcat_array: strcatArray,
  strlen: stringFn('long', (s) => BigInt(codePointLength(s))),
  string_size: stringFn('long', (s) => BigInt(Buffer.byteLength(s, 'utf8'))),
  tolower: stringFn('string', (s) => s.toLowerCase()),
  toupper: stringFn('string', (s) => s.toUpperCase()),
  reverse: stringFn('string', (s) => Array.from(s).reverse().join('')),
  isascii: stringFn('bool', isAscii),
  isutf8: stringFn(
    'bool',
    (s) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s),
  ),
  unicode_codepoints_from_string: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => Array.from(s(a[0]!), (ch) => ch.codePointAt(0)!));
  }),
  make_string: makeString,
  substring: def(2, 3, (args) => {
    const s = asString(args[0]!.type);
    const start = asIndex(args[1]!.type);
    const length = args[2] ? asIndex(args[2].type) : null;
    return bound('string', (a) => {
      const st = start(a[1]!);
      if (st === null) return '';
      const len = length === null ? undefined : length(a[2]!);
      if (len === null) return '';
      return substringOf(s(a[0]!), st, len);
    });
  }),
  split,
  indexof,
  replace_string: replaceString,
  replace_strings: replaceStrings,
  countof,
  translate,
  strrep,
  strcmp: def(2, 2, (args) => {
    const l = asString(args[0]!.type);
    const r = asString(args[1]!.type);
    return bound('int', (a) => {
      const x = l(a[0]!);
      const y = r(a[1]!);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }),
  has_any_index: hasAnyIndex,
};
