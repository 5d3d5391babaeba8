/**
 * `evaluate bag_unpack(col [, prefix] [, columnsConflict=...] [, ignoredProperties=...]) [: schema]`
 * (bag-unpack-plugin.md).
 *
 * Without an output schema the result is data-dependent: the input column is removed and one
 * column is added per top-level slot seen in any row, named prefix + slot, in ordinal
 * (code-unit) order of the names, as the docs' examples show (`Age`, `Height`, `Name`). A slot's
 * type is the type all its non-null values share (string, long, real, bool), else dynamic. Nulls
 * and non-bag values contribute nothing. Conflicts with an existing column follow
 * `columnsConflict`: 'error' (default) fails, 'replace_source' puts the slot's values in the
 * existing column's place, 'keep_source' keeps the existing column and drops the slot.
 */
import type { EvaluateOp, Expr } from '../../plan/plan.js';
import type { ColumnSchema, DynamicValue, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { columnIndex, relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { convert } from '../values/convert.js';
import { isBag } from '../values/dynamic.js';
import { inputEnv, type OpEnv } from '../operators/common.js';

type Conflict = 'error' | 'replace_source' | 'keep_source';

/** The scalar type a dynamic value has on its own, or null for a null value. */
function slotTypeOf(v: DynamicValue): ScalarType | null {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'long';
    case 'number':
      return Number.isInteger(v) ? 'long' : 'real';
    default:
      return v === null ? null : 'dynamic';
  }
}

/** A slot's value in its column's type. */
function slotValue(v: DynamicValue | undefined, type: ScalarType): ScalarValue {
  if (v === undefined || v === null) return type === 'string' ? '' : null;
  switch (type) {
    case 'long':
      return typeof v === 'bigint' ? v : BigInt(v as number);
    case 'dynamic':
      return v;
    default:
      return v as ScalarValue;
  }
}

export function runBagUnpack(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const arg = (name: string, position: number): Expr | undefined => op.namedArgs[name] ?? op.args[position];
  const constString = (e: Expr | undefined, what: string): string | null => {
    if (e === undefined) return null;
    const c = compileScalar(e, ienv);
    if (!c.isConstant || typeof c.constantValue !== 'string')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `bag_unpack(): ${what} must be a constant string`,
        e.span,
      );
    return c.constantValue;
  };
  const source = op.args[0];
  if (source === undefined)
    throw new KqlRuntimeError(errorCodes.badArguments, 'bag_unpack(): expected a column to unpack', op.span);
  const bagExpr = compileScalar(source, ienv);
  if (bagExpr.type !== 'dynamic')
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `bag_unpack(): the column must be of type dynamic, got ${bagExpr.type}`,
      source.span,
    );
  const prefix = constString(arg('OutputColumnPrefix', 1), 'the column prefix') ?? '';
  const conflictText = constString(arg('columnsConflict', 2), 'columnsConflict') ?? 'error';
  if (!['error', 'replace_source', 'keep_source'].includes(conflictText))
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `bag_unpack(): columnsConflict must be 'error', 'replace_source' or 'keep_source', got '${conflictText}'`,
      op.span,
    );
  const conflict = conflictText as Conflict;
  const ignored = new Set<string>();
  const ignoredExpr = arg('ignoredProperties', 3);
  if (ignoredExpr !== undefined) {
    const c = compileScalar(ignoredExpr, ienv);
    if (!c.isConstant || !Array.isArray(c.constantValue))
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'bag_unpack(): ignoredProperties must be a constant dynamic array',
        ignoredExpr.span,
      );
    for (const p of c.constantValue as DynamicValue[]) if (typeof p === 'string') ignored.add(p);
  }

  // The unpacked column leaves the output; other input columns stay in order.
  const sourceIndex = bagExpr.columnIndex ?? -1;
  const kept = input.columns.map((_, i) => i).filter((i) => i !== sourceIndex);
  const bags: Vector[] = input.batches.map((b) => bagExpr.evaluate(b));

  if (op.outputSchema !== null) return withDeclaredSchema(op, input, kept, bags, prefix, ignored);

  // Slots seen in the data, and the type their values share.
  const slotTypes = new Map<string, ScalarType | null>();
  for (const v of bags) {
    for (let i = 0; i < v.length; i++) {
      const bag = v.get(i);
      if (!isBag(bag)) continue;
      for (const key of Object.keys(bag)) {
        if (ignored.has(key)) continue;
        const t = slotTypeOf(bag[key]!);
        const seen = slotTypes.get(key);
        if (seen === undefined) slotTypes.set(key, t);
        else if (t !== null && seen !== t) slotTypes.set(key, seen === null ? t : 'dynamic');
      }
    }
  }
  const slots = [...slotTypes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const schema: ColumnSchema[] = kept.map((i) => input.columns[i]!);
  /** Where each slot's values go: an output position, or -1 when the source column is kept. */
  const placement: number[] = [];
  for (const slot of slots) {
    const name = prefix + slot;
    const type = slotTypes.get(slot) ?? 'dynamic';
    const existing = columnIndex(schema, name);
    if (existing < 0) {
      placement.push(schema.length);
      schema.push({ name, type });
    } else if (conflict === 'replace_source') {
      schema[existing] = { name, type };
      placement.push(existing);
    } else if (conflict === 'keep_source') placement.push(-1);
    else
      throw new KqlRuntimeError(
        errorCodes.columnConflict,
        `bag_unpack(): the output column '${name}' already exists in the input; set columnsConflict to 'replace_source' or 'keep_source'`,
        op.span,
      );
  }

  const batches: Batch[] = input.batches.map((b, bi) => {
    const cols: Vector[] = kept.map((i) => b.columns[i]!);
    const v = bags[bi]!;
    slots.forEach((slot, k) => {
      const at = placement[k]!;
      if (at < 0) return;
      const type = schema[at]!.type;
      const out = createVectorBuilder(type, b.length);
      for (let i = 0; i < b.length; i++) {
        const bag = v.get(i);
        out.push(slotValue(isBag(bag) ? bag[slot] : undefined, type));
      }
      cols[at] = out.finish();
    });
    return { length: b.length, columns: cols };
  });
  return relationOf(schema, batches, false);
}

/** `bag_unpack(d) : (a:string, b:long)` or `: (*, a:string)`: the declared columns, converted. */
function withDeclaredSchema(
  op: EvaluateOp,
  input: Relation,
  kept: readonly number[],
  bags: readonly Vector[],
  prefix: string,
  ignored: ReadonlySet<string>,
): Relation {
  const declared = op.outputSchema!;
  const keptCols = declared.rest
    ? kept.filter((i) => !declared.columns.some((c) => c.name === input.columns[i]!.name))
    : [];
  const schema: ColumnSchema[] = [...keptCols.map((i) => input.columns[i]!), ...declared.columns];
  const batches: Batch[] = input.batches.map((b, bi) => {
    const cols: Vector[] = keptCols.map((i) => b.columns[i]!);
    const v = bags[bi]!;
    for (const c of declared.columns) {
      const slot = c.name.startsWith(prefix) ? c.name.slice(prefix.length) : null;
      const out = createVectorBuilder(c.type, b.length);
      for (let i = 0; i < b.length; i++) {
        const bag = v.get(i);
        const raw = slot !== null && !ignored.has(slot) && isBag(bag) ? bag[slot] : undefined;
        out.push(raw === undefined ? (c.type === 'string' ? '' : null) : convert(raw, 'dynamic', c.type));
      }
      cols.push(out.finish());
    }
    return { length: b.length, columns: cols };
  });
  return relationOf(schema, batches, false);
}
