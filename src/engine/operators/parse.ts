/**
 * `parse [kind=simple|relaxed|regex [flags=...]] expr with ...` (parse-operator.md). Every kind is
 * translated to one RE2 pattern anchored at the start of the text, as the docs describe for regex
 * mode: `*` is `.*?`, a string column `(.*?)` (or `(.*)` when it ends the pattern), a long/int column
 * `(\-\d+|\d+)`, a real column a number; other types capture `(.*?)` and are converted. In simple
 * and regex mode a row that does not match (or whose value does not convert) gets nulls in every
 * column; in relaxed mode only the column that fails to convert is null.
 */
import type { ParseOp, ParsePart } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { ScalarRuntimeError } from '../scalar/api.js';
import { compileRegex, regexQuote, type CompiledRegex } from '../scalar/regex.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { converter } from '../values/convert.js';
import { inputEnv, type OpEnv } from './common.js';

function capturePattern(type: ScalarType, last: boolean, strict: boolean): string {
  if (strict) {
    if (type === 'int' || type === 'long') return '(\\-\\d+|\\d+)';
    if (type === 'real' || type === 'decimal') return '(\\-?\\d+(?:\\.\\d*)?(?:[eE][\\-+]?\\d+)?)';
  }
  return last ? '(.*)' : '(.*?)';
}

export function parsePattern(op: Pick<ParseOp, 'parseKind' | 'parts'>): string {
  const strict = op.parseKind !== 'relaxed';
  return op.parts
    .map((p, i) => {
      const last = i === op.parts.length - 1;
      switch (p.kind) {
        case 'text':
          return op.parseKind === 'regex' ? p.text : regexQuote(p.text);
        case 'wildcard':
          return last ? '.*' : '.*?';
        case 'column':
          return capturePattern(p.type, last, strict);
      }
    })
    .join('');
}

export function runParse(op: ParseOp, input: Relation, env: OpEnv): Relation {
  const source = compileScalar(op.source, inputEnv(input, env));
  const toText = converter(source.type, 'string');
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
  const cache = new Map<string, ScalarValue[]>();
  const parseText = (text: string): ScalarValue[] => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const nulls: ScalarValue[] = captures.map((c) => (c.type === 'string' ? '' : null));
    let out = nulls;
    const m = re.matcher(text);
    if (m.lookingAt()) {
      out = captures.map((c, k) => {
        const g = m.group(k + 1) ?? '';
        return c.type === 'string' ? g : converters[k]!(g);
      });
      if (op.parseKind !== 'relaxed' && out.some((v, k) => v === null && captures[k]!.type !== 'string'))
        out = nulls;
    }
    if (cache.size < 100_000) cache.set(text, out);
    return out;
  };
  const batches: Batch[] = input.batches.map((b) => {
    const src = source.evaluate(b);
    const builders = captures.map((c) => createVectorBuilder(c.type, b.length));
    for (let i = 0; i < b.length; i++) {
      const values = parseText(toText(src.get(i)) as string);
      for (let k = 0; k < values.length; k++) builders[k]!.push(values[k]!);
    }
    const cols: Vector[] = [...b.columns];
    targets.forEach((t, k) => {
      cols[t] = builders[k]!.finish();
    });
    return { length: b.length, columns: cols };
  });
  return relationOf(schema, batches, input.serialized);
}
