/**
 * `search` (search-operator.md): the searched tables are unioned like `union kind=outer` with a
 * first column `$table` naming each row's table, and the rows the predicate accepts are kept. A
 * bare term is tested against every string and dynamic column of the row, `Col:"x"` against one
 * column, with the `has` family's term rules; `kind=case_sensitive` makes the terms exact in case.
 */
import type { SearchMatch, SearchOp, SearchPredicate, SearchSource, Span } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { compileContains, compileRegex, compileTermMatcher, regexQuote } from '../scalar/index.js';
import { constantVector, gatherBatch, NullMask, type Batch, type BoolVector } from '../table/index.js';
import { stringifyDynamic } from '../values/dynamic.js';
import { inputEnv, type OpEnv } from './common.js';
import { unionRelations, type UnionInput } from './union.js';

/** The column search adds to name each row's table. */
export const SEARCH_TABLE_COLUMN = '$table';

/** `search [in (...)] predicate` as a source, over its already resolved tables. */
export function runSearchSource(source: SearchSource, inputs: readonly UnionInput[], env: OpEnv): Relation {
  const unioned = unionRelations(inputs, {
    unionKind: 'outer',
    withSource: SEARCH_TABLE_COLUMN,
    isFuzzy: false,
  });
  return filterRelation(unioned, source.predicate, source.caseSensitive, env);
}

/**
 * `T | search predicate`: the input's rows, with `$table` first. The input has no table name of
 * its own here, so `$table` names the table the pipeline started from when the front end knew
 * it (`op.tableName`), and is empty otherwise.
 */
export function runSearchOp(op: SearchOp, input: Relation, env: OpEnv): Relation {
  const columns: ColumnSchema[] = [{ name: SEARCH_TABLE_COLUMN, type: 'string' }, ...input.columns];
  const named = relationOf(
    columns,
    input.batches.map((b) => ({
      length: b.length,
      columns: [constantVector('string', op.tableName ?? '', b.length), ...b.columns],
    })),
    input.serialized,
  );
  return filterRelation(named, op.predicate, op.caseSensitive, env);
}

/** A predicate compiled against one relation: the row mask of a batch (1 = keep). */
type CompiledSearch = (batch: Batch) => Uint8Array;

function filterRelation(
  rel: Relation,
  predicate: SearchPredicate,
  caseSensitive: boolean,
  env: OpEnv,
): Relation {
  const test = compilePredicate(predicate, rel, caseSensitive, env);
  const batches: Batch[] = [];
  for (const b of rel.batches) {
    const mask = test(b);
    const idx = new Uint32Array(b.length);
    let n = 0;
    for (let i = 0; i < b.length; i++) if (mask[i] === 1) idx[n++] = i;
    if (n === b.length) batches.push(b);
    else if (n > 0) batches.push(gatherBatch(b, idx.slice(0, n), n));
  }
  return relationOf(rel.columns, batches, rel.serialized);
}

function compilePredicate(
  p: SearchPredicate,
  rel: Relation,
  caseSensitive: boolean,
  env: OpEnv,
): CompiledSearch {
  switch (p.kind) {
    case 'all':
      return (b) => new Uint8Array(b.length).fill(1);
    case 'term':
      return compileTerm(p.column, p.match, p.needle, rel, caseSensitive, p.span);
    case 'and':
    case 'or': {
      const left = compilePredicate(p.left, rel, caseSensitive, env);
      const right = compilePredicate(p.right, rel, caseSensitive, env);
      const both = p.kind === 'and';
      return (b) => {
        const l = left(b);
        const r = right(b);
        for (let i = 0; i < b.length; i++) l[i] = both ? l[i]! & r[i]! : l[i]! | r[i]!;
        return l;
      };
    }
    case 'not': {
      const operand = compilePredicate(p.operand, rel, caseSensitive, env);
      return (b) => {
        const m = operand(b);
        for (let i = 0; i < b.length; i++) m[i] = m[i]! ^ 1;
        return m;
      };
    }
    case 'expr': {
      const compiled = compileScalar(p.expr, inputEnv(rel, env));
      if (compiled.type !== 'bool')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `A search predicate must be of type bool, got ${compiled.type}`,
          p.span,
        );
      return (b) => {
        const v = compiled.evaluate(b) as BoolVector;
        const out = new Uint8Array(b.length);
        // null counts as false, as in `where`.
        for (let i = 0; i < b.length; i++) out[i] = v.values[i] === 1 && !NullMask.isNull(v.nulls, i) ? 1 : 0;
        return out;
      };
    }
  }
}

function textMatcher(match: SearchMatch, needle: string, caseSensitive: boolean, span: Span) {
  switch (match) {
    case 'has':
      return compileTermMatcher(needle, 'term', caseSensitive);
    case 'hasprefix':
      return compileTermMatcher(needle, 'prefix', caseSensitive);
    case 'hassuffix':
      return compileTermMatcher(needle, 'suffix', caseSensitive);
    case 'contains':
      return compileContains(needle, caseSensitive);
    case 'regex': {
      // `Lab*PC` is `\bLab.*PC\b` (search-operator.md, example 8).
      const pattern = `\\b${needle.split('*').map(regexQuote).join('.*')}\\b`;
      try {
        const re = compileRegex(pattern, caseSensitive ? '' : 'i');
        return (text: string) => re.test(text);
      } catch (e) {
        throw new KqlRuntimeError(errorCodes.badArguments, (e as Error).message, span);
      }
    }
  }
}

/** Columns a bare term searches: the text-like ones, never `$table` itself. */
function searchableColumns(rel: Relation, column: string | null): number[] {
  const out: number[] = [];
  rel.columns.forEach((c, k) => {
    if (column !== null ? c.name !== column : c.name === SEARCH_TABLE_COLUMN) return;
    if (c.type === 'string' || c.type === 'dynamic') out.push(k);
  });
  return out;
}

function compileTerm(
  column: string | null,
  match: SearchMatch,
  needle: string,
  rel: Relation,
  caseSensitive: boolean,
  span: Span,
): CompiledSearch {
  const matches = textMatcher(match, needle, caseSensitive, span);
  const positions = searchableColumns(rel, column);
  const types = positions.map((k) => rel.columns[k]!.type);
  return (b) => {
    const out = new Uint8Array(b.length);
    positions.forEach((k, j) => {
      const vec = b.columns[k]!;
      const dynamic = types[j] === 'dynamic';
      for (let i = 0; i < b.length; i++) {
        if (out[i] === 1) continue;
        const v = vec.get(i);
        if (v === null) continue;
        const text = dynamic ? stringifyDynamic(v as DynamicValue) : (v as string);
        if (matches(text)) out[i] = 1;
      }
    });
    return out;
  };
}
