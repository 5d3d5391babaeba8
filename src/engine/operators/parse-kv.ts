/**
 * `parse-kv expr as (k:type, ...) with (...)` (parse-kv-operator.md): with pair_delimiter and
 * kv_delimiter, with a regex of two groups (key, value), or with neither (any non-alphanumeric
 * character delimits). The first appearance of a key wins; keys and values are trimmed; quoted
 * values (quote=) lose their quotes, and `escape=` characters escape the next one inside quotes;
 * `greedy=true` lets a value run until the next key.
 */
import type { ParseKvOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { compileRegex } from '../scalar/regex.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { converter } from '../values/convert.js';
import { inputEnv, type OpEnv } from './common.js';

type Extractor = (text: string) => Map<string, string>;

function unquote(v: string, quotes: readonly string[], escapes: readonly string[]): string {
  for (const q of quotes) {
    const open = q[0]!;
    const close = q[1] ?? open;
    if (v.length >= 2 && v.startsWith(open) && v.endsWith(close)) {
      let inner = v.slice(1, -1);
      for (const e of escapes) inner = inner.replace(new RegExp(`\\${e}(.)`, 'g'), '$1');
      return inner;
    }
  }
  return v;
}

/** Splits on `delim` outside quotes. */
function splitOutsideQuotes(
  text: string,
  delim: string,
  quotes: readonly string[],
  escapes: readonly string[],
): string[] {
  const out: string[] = [];
  let cur = '';
  let closing: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (closing !== null) {
      cur += ch;
      if (escapes.includes(ch) && i + 1 < text.length) cur += text[++i]!;
      else if (ch === closing) closing = null;
      continue;
    }
    const q = quotes.find((qq) => qq[0] === ch);
    if (q !== undefined) {
      closing = q[1] ?? q[0]!;
      cur += ch;
      continue;
    }
    if (text.startsWith(delim, i)) {
      out.push(cur);
      cur = '';
      i += delim.length - 1;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function extractorFor(op: ParseKvOp): Extractor {
  const opt = op.options;
  const list = (v: string | boolean | undefined): string[] =>
    typeof v === 'string' && v.length > 0 ? [v] : [];
  const quotes = list(opt['quote']);
  const escapes = list(opt['escape']);
  if (typeof opt['regex'] === 'string') {
    const re = compileRegex(opt['regex']);
    return (text) => {
      const out = new Map<string, string>();
      const m = re.matcher(text);
      while (m.find()) {
        const k = (m.group(1) ?? '').trim();
        if (!out.has(k)) out.set(k, (m.group(2) ?? '').trim());
      }
      return out;
    };
  }
  const pairDelim = opt['pair_delimiter'];
  const kvDelim = opt['kv_delimiter'];
  const greedy = opt['greedy'] === true;
  if (typeof pairDelim === 'string' && typeof kvDelim === 'string') {
    return (text) => {
      const out = new Map<string, string>();
      const pairs: { key: string; value: string }[] = [];
      for (const piece of splitOutsideQuotes(text, pairDelim, quotes, escapes)) {
        const at = indexOutsideQuotes(piece, kvDelim, quotes, escapes);
        if (at < 0) {
          // Greedy mode: a piece without a key belongs to the value before it (greedy=true
          // scans "until the next key appearance").
          const last = pairs.at(-1);
          if (greedy && last !== undefined) last.value += pairDelim + piece;
          continue;
        }
        pairs.push({ key: piece.slice(0, at), value: piece.slice(at + kvDelim.length) });
      }
      for (const { key, value } of pairs) {
        const k = unquote(key.trim(), quotes, escapes);
        if (!out.has(k)) out.set(k, unquote(value.trim(), quotes, escapes));
      }
      return out;
    };
  }
  if (pairDelim !== undefined || kvDelim !== undefined)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      'parse-kv: pair_delimiter and kv_delimiter go together',
      op.span,
    );
  // No delimiters: alphanumeric runs (or quoted values) alternate key, value.
  return (text) => {
    const out = new Map<string, string>();
    const tokens = undelimitedTokens(text, quotes, escapes);
    for (let i = 0; i + 1 < tokens.length; i += 2)
      if (!out.has(tokens[i]!)) out.set(tokens[i]!, tokens[i + 1]!);
    return out;
  };
}

/** Where `delim` first occurs outside quotes, or -1. */
function indexOutsideQuotes(
  text: string,
  delim: string,
  quotes: readonly string[],
  escapes: readonly string[],
): number {
  let closing: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (closing !== null) {
      if (escapes.includes(ch)) i++;
      else if (ch === closing) closing = null;
      continue;
    }
    const q = quotes.find((qq) => qq[0] === ch);
    if (q !== undefined) closing = q[1] ?? q[0]!;
    else if (text.startsWith(delim, i)) return i;
  }
  return -1;
}

const WORD_CHAR = /[\p{L}\p{N}_.-]/u;

/**
 * The tokens of a text without delimiters: runs of letters, digits, `_`, `.` and `-`, and quoted
 * values (quotes removed, escapes applied); every other character separates them.
 */
function undelimitedTokens(text: string, quotes: readonly string[], escapes: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const q = quotes.find((qq) => qq[0] === ch);
    if (q !== undefined) {
      const closing = q[1] ?? q[0]!;
      let value = '';
      i++;
      while (i < text.length && text[i] !== closing) {
        if (escapes.includes(text[i]!) && i + 1 < text.length) i++;
        value += text[i]!;
        i++;
      }
      i++;
      out.push(value);
    } else if (WORD_CHAR.test(ch)) {
      let j = i;
      while (j < text.length && WORD_CHAR.test(text[j]!)) j++;
      out.push(text.slice(i, j));
      i = j;
    } else i++;
  }
  return out;
}

export function runParseKv(op: ParseKvOp, input: Relation, env: OpEnv): Relation {
  const source = compileScalar(op.source, inputEnv(input, env));
  const toText = converter(source.type, 'string');
  const extract = extractorFor(op);
  const schema: ColumnSchema[] = [...input.columns];
  const targets = op.columns.map((c) => {
    const at = columnIndex(schema, c.name);
    if (at >= 0) {
      schema[at] = c;
      return at;
    }
    schema.push(c);
    return schema.length - 1;
  });
  const converters = op.columns.map((c) => converter('string', c.type));
  const batches: Batch[] = input.batches.map((b) => {
    const src = source.evaluate(b);
    const builders = op.columns.map((c) => createVectorBuilder(c.type, b.length));
    for (let i = 0; i < b.length; i++) {
      const kv = extract(toText(src.get(i)) as string);
      op.columns.forEach((c, k) => {
        const raw = kv.get(c.name);
        const v: ScalarValue = raw === undefined ? (c.type === 'string' ? '' : null) : converters[k]!(raw);
        builders[k]!.push(v);
      });
    }
    const cols: Vector[] = [...b.columns];
    targets.forEach((t, k) => {
      cols[t] = builders[k]!.finish();
    });
    return { length: b.length, columns: cols };
  });
  return relationOf(schema, batches, input.serialized);
}
