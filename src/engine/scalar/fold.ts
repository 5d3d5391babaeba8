/**
 * Case folding for Kusto's case-insensitive string operators, one UTF-16 unit at a time, with no
 * allocation per comparison: a lazily built 64K table maps each unit to its lower-case unit (a
 * unit whose lower case is longer than one unit maps to itself).
 */
let table: Uint16Array | null = null;

function buildTable(): Uint16Array {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c < 128) {
      t[c] = c >= 65 && c <= 90 ? c + 32 : c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c;
      continue;
    }
    const lower = String.fromCharCode(c).toLowerCase();
    t[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return t;
}

/** The folding table: `foldTable()[unit]` is the unit's lower case. */
export function foldTable(): Uint16Array {
  return (table ??= buildTable());
}

/** The string folded unit by unit (same length as the input, so indexes correspond). */
export function foldString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  const t = foldTable();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(t[s.charCodeAt(i)]!);
  return out;
}

/** Case-insensitive equality of two strings (Kusto's `=~`). */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b) return true;
  const t = foldTable();
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && t[x] !== t[y]) return false;
  }
  return true;
}

/**
 * First index >= `from` where `needle` (already folded) occurs in `hay` ignoring case; -1 if none.
 * Long inputs fold once and use the engine's indexOf, so a hostile pair stays fast.
 */
export function indexOfIgnoreCase(hay: string, foldedNeedle: string, from: number): number {
  const n = hay.length;
  const m = foldedNeedle.length;
  if (m === 0) return from <= n ? from : -1;
  if (m > n - from) return -1;
  if ((n - from) * m > 4096) return foldString(hay).indexOf(foldedNeedle, from);
  const t = foldTable();
  const first = foldedNeedle.charCodeAt(0);
  const last = n - m;
  outer: for (let i = from; i <= last; i++) {
    if (t[hay.charCodeAt(i)] !== first) continue;
    for (let j = 1; j < m; j++) {
      if (t[hay.charCodeAt(i + j)] !== foldedNeedle.charCodeAt(j)) continue outer;
    }
    return i;
  }
  return -1;
}

/** Whether `hay` holds the folded needle at `offset`, ignoring case. */
export function regionMatchesIgnoreCase(hay: string, offset: number, foldedNeedle: string): boolean {
  const m = foldedNeedle.length;
  if (offset < 0 || offset + m > hay.length) return false;
  const t = foldTable();
  for (let j = 0; j < m; j++) {
    if (t[hay.charCodeAt(offset + j)] !== foldedNeedle.charCodeAt(j)) return false;
  }
  return true;
}

/** A compiled case-insensitive search for one needle: `find(hay, from)` is the first index or -1. */
export type Finder = (hay: string, from: number) => number;

/**
 * Compiles a case-insensitive search. Candidates are found with the engine's fast single-unit
 * indexOf on the needle's first unit in lower and upper case, then verified with the fold table,
 * so the common case allocates nothing and skips most of the text in native code.
 */
export function compileIgnoreCaseFinder(needle: string): Finder {
  const folded = foldString(needle);
  const m = folded.length;
  if (m === 0) return (hay, from) => (from <= hay.length ? from : -1);
  const lower = folded[0]!;
  const upper = lower.toUpperCase();
  const variants = new Set([lower, upper.length === 1 ? upper : lower, needle[0]!]);
  // Units that fold to the first unit but are neither form (e.g. the Kelvin sign) need the slow path.
  const t = foldTable();
  let exotic = false;
  for (let c = 128; c < 65536 && !exotic; c++) {
    if (t[c] === folded.charCodeAt(0) && !variants.has(String.fromCharCode(c))) exotic = true;
  }
  if (exotic) return (hay, from) => indexOfIgnoreCase(hay, folded, from);
  const firsts = [...variants];
  if (firsts.length === 1) {
    const only = firsts[0]!;
    return (hay, from) => {
      for (
        let at = hay.indexOf(only, from);
        at >= 0 && at + m <= hay.length;
        at = hay.indexOf(only, at + 1)
      ) {
        if (regionMatchesIgnoreCase(hay, at, folded)) return at;
      }
      return -1;
    };
  }
  const [a, b, c] = firsts as [string, string, string | undefined];
  return (hay, from) => {
    let pa = hay.indexOf(a, from);
    let pb = hay.indexOf(b, from);
    let pc = c === undefined ? -1 : hay.indexOf(c, from);
    for (;;) {
      let at = -1;
      if (pa >= 0) at = pa;
      if (pb >= 0 && (at < 0 || pb < at)) at = pb;
      if (pc >= 0 && (at < 0 || pc < at)) at = pc;
      if (at < 0 || at + m > hay.length) return -1;
      if (regionMatchesIgnoreCase(hay, at, folded)) return at;
      if (at === pa) pa = hay.indexOf(a, at + 1);
      if (at === pb) pb = hay.indexOf(b, at + 1);
      if (at === pc) pc = hay.indexOf(c!, at + 1);
    }
  };
}
