/**
 * `parse` and `parse-where` [kind=simple|relaxed|regex [flags=...]] (parse-operator.md,
 * parse-where-operator.md). Every kind is translated to one RE2 pattern anchored at the start of
 * the text, as the docs describe for regex mode:
 *
 * - `*` is `.*?`;
 * - a string column is `(.*?)` in simple and relaxed mode (`(.*)` when it ends the pattern);
 * - in regex mode every column that is not a number is greedy `(.*)`: the docs' examples show it
 *   taking all it can (`flags=U` turns that around, as RE2's ungreedy flag does);
 * - a long/int column is `(\-\d+|\d+)` and a real column a number; in relaxed mode either may
 *   also take any text lazily, so a value that does not convert becomes null without failing the
 *   row; other types capture lazily and are converted.
 *
 * Our captures are named groups, so the groups a regex-mode pattern writes itself (`(previous)?`)
 * do not shift them. In simple and regex mode a row that does not match (or whose value does not
 * convert) gets nulls in every column, and `parse-where` drops it; in relaxed mode only the
 * column that fails to convert is null.
 */
import type { ParseOp, ParsePart, ParseWhereOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { ScalarRuntimeError } from '../scalar/api.js';
import { compileRegex, regexQuote, type CompiledRegex } from '../scalar/regex.js';
import { createVectorBuilder, gatherBatch, type Batch, type Vector } from '../table/index.js';
import { converter } from '../values/convert.js';
import { inputEnv, type OpEnv } from './common.js';

type ParseLike = ParseOp | ParseWhereOp;
type Mode = ParseOp['parseKind'];

const INTEGER = '\\-\\d+|\\d+';
const REAL = '\\-?\\d+(?:\\.\\d*)?(?:[eE][\\-+]?\\d+)?';

/** The name of the group holding the k-th capture. */
export function captureGroup(k: number): string {
  return `kqlhunt_capture_${k}`;
}

function capturePattern(type: ScalarType, last: boolean, mode: Mode): string {
  const typed =
    type === 'int' || type === 'long' ? INTEGER : type === 'real' || type === 'decimal' ? REAL : null;
  if (typed !== null) return mode === 'relaxed' ? `${typed}|.*?` : typed;
  if (mode === 'regex') return '.*';
  return last ? '.*' : '.*?';
}

export function parsePattern(op: Pick<ParseOp, 'parseKind' | 'parts'>): string {
  let capture = 0;
  return op.parts
    .map((p, i) => {
      const last = i === op.parts.length - 1;
      switch (p.kind) {
        case 'text':
          return op.parseKind === 'regex' ? `(?:${p.text})` : regexQuote(p.text);
        case 'wildcard':
          return last ? '.*' : '.*?';
        case 'column':
          return `(?P<${captureGroup(capture++)}>${capturePattern(p.type, last, op.parseKind)})`;
      }
    })
    .join('');
}

interface Parsed {
  readonly values: ScalarValue[];
  /** The text matched and every capture converted (what parse-where keeps). */
  readonly ok: boolean;
}

/** Compiles the pattern once and parses texts, caching by text (logs repeat themselves). */
function textParser(op: ParseLike): {
  captures: Extract<ParsePart, { kind: 'column' }>[];
  parse(text: string): Parsed;
} {
  let re: CompiledRegex;
  try {
    re = compileRegex('^(?:' + parsePattern(op) + ')', op.parseKind === 'regex' ? op.flags : '');
  } catch (e) {
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      e instanceof ScalarRuntimeError ? e.message : String(e),
      op.span,
    );
  }
  const captures = op.parts.filter((p): p is Extract<ParsePart, { kind: 'column' }> => p.kind === 'column');
  const converters = captures.map((c) => converter('string', c.type));
  const nulls: Parsed = { values: captures.map((c) => (c.type === 'string' ? '' : null)), ok: false };
  const cache = new Map<string, Parsed>();
  const parse = (text: string): Parsed => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    let out = nulls;
    const m = re.matcher(text);
    if (m.lookingAt()) {
      const values = captures.map((c, k) => {
        const g = m.group(captureGroup(k)) ?? '';
        return c.type === 'string' ? g : converters[k]!(g);
      });
      const converted = values.every((v, k) => v !== null || captures[k]!.type === 'string');
      if (converted || op.parseKind === 'relaxed') out = { values, ok: converted };
    }
    if (cache.size < 100_000) cache.set(text, out);
    return out;
  };
  return { captures, parse };
}

export function runParse(op: ParseLike, input: Relation, env: OpEnv): Relation {
  const source = compileScalar(op.source, inputEnv(input, env));
  const toText = converter(source.type, 'string');
  const { captures, parse } = textParser(op);
  const keepMatchedOnly = op.kind === 'parse-where';
  const schema: ColumnSchema[] = [...input.columns];
  const targets = captures.map((c) => {
    const at = columnIndex(schema, c.name);
    if (at >= 0) {
      schema[at] = { name: c.name, type: c.type };
      return at;
    }
    schema.push({ name: c.name, type: c.type });
    return schema.length - 1;
  });
  const batches: Batch[] = input.batches.map((b) => {
    const src = source.evaluate(b);
    const builders = captures.map((c) => createVectorBuilder(c.type, b.length));
    const kept: number[] = [];
    for (let i = 0; i < b.length; i++) {
      const parsed = parse(toText(src.get(i)) as string);
      if (keepMatchedOnly && !parsed.ok) continue;
      kept.push(i);
      for (let k = 0; k < parsed.values.length; k++) builders[k]!.push(parsed.values[k]!);
    }
    const base = keepMatchedOnly ? gatherBatch(b, kept) : b;
    const cols: Vector[] = [...base.columns];
    targets.forEach((t, k) => {
      cols[t] = builders[k]!.finish();
    });
    return { length: base.length, columns: cols };
  });
  return relationOf(schema, batches, input.serialized);
}
