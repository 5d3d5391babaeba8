/**
 * Kusto's regular expressions: RE2 syntax (regex.md), run by re2js, a port of RE2 whose matching
 * time is linear in the input whatever the pattern, so a hostile pattern like `(a+)+$` cannot
 * stall a query.
 *
 * Compiled patterns are cached by (pattern, flags): functions with a constant pattern compile at
 * bind time; a pattern that varies by row compiles once per distinct pattern.
 */
import { RE2JS } from 're2js';
import { ScalarRuntimeError } from './api.js';

export type CompiledRegex = RE2JS;

/** Flag letters of `parse kind=regex flags=...` and regex.md's "Grouping and flags". */
const FLAG_LETTERS = new Set(['i', 'm', 's', 'U']);

const CACHE_LIMIT = 2000;
const cache = new Map<string, CompiledRegex>();

/** Thrown (as a ScalarRuntimeError, so the engine reports it as a query error) for a bad pattern. */
export class RegexSyntaxError extends ScalarRuntimeError {
  constructor(pattern: string, detail: string) {
    super(`Invalid regular expression '${pattern}': ${detail}`);
    this.name = 'RegexSyntaxError';
  }
}

/**
 * Compiles an RE2 pattern with optional flag letters (`i` case-insensitive, `m` multi-line, `s`
 * dot matches newline, `U` ungreedy). Throws RegexSyntaxError for a malformed pattern or flag.
 */
export function compileRegex(pattern: string, flags = ''): CompiledRegex {
  const key = flags + '\u0000' + pattern;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  for (const f of flags) {
    if (!FLAG_LETTERS.has(f))
      throw new RegexSyntaxError(pattern, `unknown flag '${f}' (expected i, m, s or U)`);
  }
  let compiled: CompiledRegex;
  try {
    // Flags become RE2's inline group so they apply to the whole pattern.
    compiled = RE2JS.compile(flags ? `(?${flags})${pattern}` : pattern);
  } catch (e) {
    throw new RegexSyntaxError(pattern, e instanceof Error ? e.message : String(e));
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Compiles, or returns the error's message (for bind-time checks of constant patterns). */
export function tryCompileRegex(pattern: string, flags = ''): CompiledRegex | string {
  try {
    return compileRegex(pattern, flags);
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    throw e;
  }
}

/** Whether the pattern matches anywhere in the text (`matches regex`). */
export function regexTest(re: CompiledRegex, text: string): boolean {
  return re.test(text);
}

/** regex_quote(): escapes every character RE2 gives a meaning to. */
export function regexQuote(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/**
 * Expands a Kusto rewrite pattern for one match: `\0` is the whole match, `\1`..`\9` the groups
 * (replace-regex-function.md); `\\` is a backslash. An unmatched group gives ''.
 */
export function compileRewrite(rewrite: string): (group: (n: number) => string | null) => string {
  const pieces: (string | number)[] = [];
  let literal = '';
  for (let i = 0; i < rewrite.length; i++) {
    const c = rewrite[i]!;
    if (c === '\\' && i + 1 < rewrite.length) {
      const d = rewrite[i + 1]!;
      if (d >= '0' && d <= '9') {
        if (literal) pieces.push(literal);
        literal = '';
        pieces.push(Number(d));
        i++;
        continue;
      }
      if (d === '\\') {
        literal += '\\';
        i++;
        continue;
      }
    }
    literal += c;
  }
  if (literal) pieces.push(literal);
  return (group) => {
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : (group(p) ?? '');
    return out;
  };
}

/** replace_regex(): every non-overlapping match replaced by the expanded rewrite. */
export function regexReplaceAll(
  re: CompiledRegex,
  text: string,
  rewrite: (group: (n: number) => string | null) => string,
): string {
  const m = re.matcher(text);
  let out = '';
  let last = 0;
  let from = 0;
  const groups = re.groupCount();
  const group = (n: number) => (n <= groups ? m.group(n) : null);
  while (from <= text.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    out += text.slice(last, start) + rewrite(group);
    last = end;
    // An empty match advances one position so the loop ends.
    from = end === start ? end + 1 : end;
  }
  return last === 0 && out === '' ? text : out + text.slice(last);
}

/** Number of non-overlapping matches (countof(kind=regex)). */
export function regexCount(re: CompiledRegex, text: string): number {
  const m = re.matcher(text);
  let count = 0;
  let from = 0;
  while (from <= text.length && m.find(from)) {
    count++;
    from = m.end() === m.start() ? m.end() + 1 : m.end();
  }
  return count;
}
