/**
 * `mv-expand`: one output row per element of an array or property bag, several columns in
 * parallel (the longest decides; shorter ones are padded with null). A null value gives one row;
 * an empty array or bag gives none. Bags expand to single-entry bags (`bagexpansion=bag`, the
 * default) or `[key, value]` pairs (`bagexpansion=array`). `to typeof(T)` casts without parsing:
 * an element that is not already a T becomes null (datetimes and timespans, held in dynamic
 * values as strings, are read from those strings).
 */
import type { MvExpandItem, MvExpandOp, Span } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import type { CompiledExpr } from '../expr/compiled.js';
import {
  createVectorBuilder,
  LongVector,
  ObjectVector,
  type Batch,
  type DeferredObjects,
  type Vector,
} from '../table/index.js';
import { toDatetime, toTimespan } from '../values/convert.js';
import { isBag, newBag } from '../values/dynamic.js';
import { constantCount, inputEnv, type OpEnv } from './common.js';

export interface ExpandPlan {
  readonly schema: readonly ColumnSchema[];
  readonly exprs: readonly CompiledExpr[];
  /** Output position of each item. */
  readonly targets: readonly number[];
  readonly itemTypes: readonly ScalarType[];
  /** Output position of the item-index column, or -1. */
  readonly indexTarget: number;
  readonly limit: number;
  readonly bagExpansion: 'bag' | 'array';
}

export function planExpand(
  items: readonly MvExpandItem[],
  bagExpansion: 'bag' | 'array',
  itemIndex: string | null,
  limitValue: number,
  input: Relation,
  env: OpEnv,
): ExpandPlan {
  const ienv = inputEnv(input, env);
  const schema: ColumnSchema[] = [...input.columns];
  const exprs: CompiledExpr[] = [];
  const targets: number[] = [];
  const itemTypes: ScalarType[] = [];
  for (const item of items) {
    const e = compileScalar(item.expr, ienv);
    if (e.type !== 'dynamic')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'mv-expand: the expression must have the type dynamic',
        item.span,
      );
    const type = item.toType ?? 'dynamic';
    exprs.push(e);
    itemTypes.push(type);
    const existing = columnIndex(schema, item.name);
    if (existing >= 0) {
      schema[existing] = { name: item.name, type };
      targets.push(existing);
    } else {
      targets.push(schema.length);
      schema.push({ name: item.name, type });
    }
  }
  let indexTarget = -1;
  if (itemIndex !== null) {
    indexTarget = schema.length;
    schema.push({ name: itemIndex, type: 'long' });
  }
  return { schema, exprs, targets, itemTypes, indexTarget, limit: limitValue, bagExpansion };
}

export function runMvExpand(op: MvExpandOp, input: Relation, env: OpEnv): Relation {
  const limit = op.limit === null ? env.ctx.limits.maxExpandPerRow : limitOf(op, input, env);
  const plan = planExpand(op.items, op.bagExpansion, op.itemIndex, limit, input, env);
  let produced = 0;
  const batches = input.batches.map((b) => {
    const out = expandBatch(b, plan, op.span, env.ctx.optimizations.fastPaths);
    produced += out.length;
    if (produced > env.ctx.limits.maxRows)
      throw new KqlRuntimeError(
        errorCodes.limitExceeded,
        `mv-expand produced more than ${env.ctx.limits.maxRows} rows`,
        op.span,
      );
    return out;
  });
  // mv-expand's output is not serialized (serialize-operator.md).
  return relationOf(plan.schema, batches, false);
}

function limitOf(op: MvExpandOp, input: Relation, env: OpEnv): number {
  const e = compileScalar(op.limit!, inputEnv(input, env));
  if (!e.isConstant)
    throw new KqlRuntimeError(errorCodes.badArguments, 'mv-expand: limit must be a constant', op.limit!.span);
  return constantCount(e.constantValue, 'mv-expand limit', op.limit!.span);
}

/** The elements a value expands to. */
export function elementsOf(value: ScalarValue, bagExpansion: 'bag' | 'array'): readonly DynamicValue[] {
  if (value === null || value === undefined) return [null];
  if (Array.isArray(value)) return value;
  if (isBag(value)) {
    const out: DynamicValue[] = [];
    for (const key of Object.keys(value)) {
      if (bagExpansion === 'array') out.push([key, value[key]!]);
      else {
        const single = newBag();
        single[key] = value[key]!;
        out.push(single);
      }
    }
    return out;
  }
  return [value as DynamicValue];
}

/** `to typeof(T)`: keeps elements that already are T, null otherwise (no parsing). */
export function castElement(v: DynamicValue, type: ScalarType): ScalarValue {
  switch (type) {
    case 'dynamic':
      return v;
    case 'string':
      return typeof v === 'string' ? v : '';
    case 'bool':
      return typeof v === 'boolean' ? v : null;
    case 'long':
      if (typeof v === 'bigint') return v;
      return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
    case 'int':
      if (typeof v === 'bigint') return v >= -2147483648n && v <= 2147483647n ? Number(v) : null;
      return typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? v : null;
    case 'real':
    case 'decimal':
      if (typeof v === 'bigint') return Number(v);
      return typeof v === 'number' ? v : null;
    case 'guid':
      return typeof v === 'string' &&
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
        ? v.toLowerCase()
        : null;
    case 'datetime':
      // kqlhunt's dynamic values hold a datetime (from `range()`, `make_list()` of datetimes...)
      // as its ISO string, so the string is what an element that "is" a datetime looks like.
      return toDatetime(v, 'dynamic');
    case 'timespan':
      return toTimespan(v, 'dynamic');
  }
}

/**
 * Each row's element list for one item: an array of lists, or, when every cell of the item is an
 * array (the common case), the item's vector itself, read row by row without a copy.
 */
type RowLists = readonly (readonly DynamicValue[])[] | ObjectVector;

function listAt(lists: RowLists, r: number): readonly DynamicValue[] {
  return lists instanceof ObjectVector ? (lists.get(r) as readonly DynamicValue[]) : lists[r]!;
}

/**
 * Expands one batch in two passes: the first finds each row's element lists and the output size,
 * the second writes the output columns in bulk (dynamic items straight into their arrays, the
 * item index into a BigInt64Array). The other columns are deferred gathers of the input rows; with
 * `deferDynamic`, so are dynamic items (ExpandedElements), until something reads them.
 */
export function expandBatch(batch: Batch, plan: ExpandPlan, span: Span, deferDynamic = false): Batch {
  void span;
  const n = batch.length;
  const items = plan.exprs.length;
  const values = plan.exprs.map((e) => e.evaluate(batch));
  const lists: RowLists[] = [];
  // counts[r]: the output rows of input row r (its longest list, up to the limit).
  const counts = new Uint32Array(n);
  let total = 0;
  for (let k = 0; k < items; k++) {
    // The expression is dynamic, so its vector is an ObjectVector.
    const cells = values[k] as ObjectVector;
    let own: (readonly DynamicValue[])[] | null = null;
    for (let r = 0; r < n; r++) {
      const cell = cells.get(r);
      let list: readonly DynamicValue[];
      if (Array.isArray(cell)) list = cell;
      else {
        if (own === null) {
          own = new Array(n);
          for (let q = 0; q < r; q++) own[q] = cells.get(q) as readonly DynamicValue[];
        }
        list = elementsOf(cell, plan.bagExpansion);
      }
      if (own !== null) own[r] = list;
      if (list.length > counts[r]!) counts[r] = list.length;
    }
    lists.push(own ?? cells);
  }
  for (let r = 0; r < n; r++) {
    if (counts[r]! > plan.limit) counts[r] = plan.limit;
    total += counts[r]!;
  }
  const source = new Uint32Array(total);
  // offsets[r]: the first output row of input row r, so that output row i is element
  // i - offsets[source[i]] of its row.
  const offsets = new Uint32Array(n);
  for (let r = 0, o = 0; r < n; r++) {
    offsets[r] = o;
    for (let j = counts[r]!; j > 0; j--) source[o++] = r;
  }

  const cols: Vector[] = batch.columns.map((v, c) =>
    plan.targets.includes(c) ? v : v.gather(source, total),
  );
  plan.targets.forEach((t, k) => {
    const type = plan.itemTypes[k]!;
    cols[t] =
      type === 'dynamic' && deferDynamic
        ? new ObjectVector('dynamic', null, total, new ExpandedElements(lists[k]!, source, offsets))
        : expandedItem(lists[k]!, counts, total, type);
  });
  if (plan.indexTarget >= 0) {
    const index = new BigInt64Array(total);
    for (let r = 0, o = 0; r < n; r++) for (let j = 0; j < counts[r]!; j++) index[o++] = BigInt(j);
    cols[plan.indexTarget] = new LongVector('long', index, null, total);
  }
  return { length: total, columns: cols };
}

/** One item's output column: element j of row r, or null past the end of a shorter list. */
function expandedItem(lists: RowLists, counts: Uint32Array, total: number, type: ScalarType): Vector {
  if (type === 'dynamic') {
    const out: ScalarValue[] = new Array(total);
    let o = 0;
    for (let r = 0; r < counts.length; r++) {
      const list = listAt(lists, r);
      const rows = counts[r]!;
      for (let j = 0; j < rows; j++) out[o++] = j < list.length ? (list[j] ?? null) : null;
    }
    return new ObjectVector('dynamic', out, total);
  }
  const b = createVectorBuilder(type, total);
  for (let r = 0; r < counts.length; r++) {
    const list = listAt(lists, r);
    const rows = counts[r]!;
    for (let j = 0; j < rows; j++) b.push(castElement(j < list.length ? (list[j] ?? null) : null, type));
  }
  return b.finish();
}

/** A dynamic item's output column, read through its rows' element lists until read in bulk. */
class ExpandedElements implements DeferredObjects {
  constructor(
    private readonly lists: RowLists,
    private readonly source: Uint32Array,
    private readonly offsets: Uint32Array,
  ) {}
  get(i: number): ScalarValue {
    const r = this.source[i]!;
    const list = listAt(this.lists, r);
    const j = i - this.offsets[r]!;
    return j < list.length ? (list[j] ?? null) : null;
  }
  materialize(n: number): ScalarValue[] {
    const { lists, source, offsets } = this;
    const out: ScalarValue[] = new Array(n);
    for (let i = 0; i < n;) {
      // The output rows of one input row are consecutive: fetch its list once.
      const r = source[i]!;
      const list = listAt(lists, r);
      for (let j = i - offsets[r]!; i < n && source[i] === r; i++, j++)
        out[i] = j < list.length ? (list[j] ?? null) : null;
    }
    return out;
  }
}
