/**
 * Kusto's term rules for the `has` family (datatypes-string-operators.md, "What is a term?", and
 * issue 4):
 *
 * - A term is a maximal run of ASCII letters and digits; every other character separates terms.
 * - `has`: the needle occurs in the text as a phrase, and where the needle's first character is
 *   alphanumeric the text must not continue a term before it, and where its last character is
 *   alphanumeric the text must not continue a term after it. A needle made only of alphanumerics
 *   is thus a whole term; `Microsoft\Crypto\Keys\` needs a term boundary only before `Microsoft`.
 * - `hasprefix`: only the start boundary is required (the needle starts a term).
 * - `hassuffix`: only the end boundary is required (the needle ends a term).
 * - Case-insensitive unless `_cs`. An empty needle matches every text.
 */
import { compileIgnoreCaseFinder, foldString, regionMatchesIgnoreCase } from './fold.js';

/** ASCII letter or digit: the characters terms are made of. */
export function isTermChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The terms of a text, in order (for tests and documentation; the matchers never build this). */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inTerm = i < text.length && isTermChar(text.charCodeAt(i));
    if (inTerm && start < 0) start = i;
    else if (!inTerm && start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
  }
  return out;
}

export type TermMode = 'term' | 'prefix' | 'suffix';

/** A compiled `has`-family test of one needle against many texts. */
export type TextMatcher = (text: string) => boolean;

/** Compiles `text has needle` (or hasprefix / hassuffix) for a fixed needle. */
export function compileTermMatcher(needle: string, mode: TermMode, caseSensitive: boolean): TextMatcher {
  const m = needle.length;
  if (m === 0) return () => true;
  const needStart = mode !== 'suffix' && isTermChar(needle.charCodeAt(0));
  const needEnd = mode !== 'prefix' && isTermChar(needle.charCodeAt(m - 1));
  const find = caseSensitive
    ? (text: string, from: number) => text.indexOf(needle, from)
    : compileIgnoreCaseFinder(needle);
  return (text: string) => {
    let from = 0;
    for (;;) {
      const at = find(text, from);
      if (at < 0) return false;
      const end = at + m;
      if (
        (!needStart || at === 0 || !isTermChar(text.charCodeAt(at - 1))) &&
        (!needEnd || end === text.length || !isTermChar(text.charCodeAt(end)))
      ) {
        return true;
      }
      from = at + 1;
    }
  };
}

/** One-off `has` test (compiles per call: use compileTermMatcher on hot paths). */
export function hasTerm(
  text: string,
  needle: string,
  mode: TermMode = 'term',
  caseSensitive = false,
): boolean {
  return compileTermMatcher(needle, mode, caseSensitive)(text);
}

/** `contains`: a plain substring test. */
export function compileContains(needle: string, caseSensitive: boolean): TextMatcher {
  if (needle.length === 0) return () => true;
  if (caseSensitive) return (text) => text.includes(needle);
  const find = compileIgnoreCaseFinder(needle);
  return (text) => find(text, 0) >= 0;
}

export function compileStartsWith(needle: string, caseSensitive: boolean): TextMatcher {
  if (caseSensitive) return (text) => text.startsWith(needle);
  const folded = foldString(needle);
  return (text) => regionMatchesIgnoreCase(text, 0, folded);
}

export function compileEndsWith(needle: string, caseSensitive: boolean): TextMatcher {
  if (caseSensitive) return (text) => text.endsWith(needle);
  const folded = foldString(needle);
  const m = folded.length;
  return (text) => regionMatchesIgnoreCase(text, text.length - m, folded);
}
