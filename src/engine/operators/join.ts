/**
 * `join` (every kind; `innerunique` when no kind is written) and `lookup`.
 *
 * The right side is hashed on its keys (./join-index.ts); the left side probes it batch by batch
 * (an inner join hashes the smaller side). Output columns are
 * the left's, then the right's, a right name already taken getting Kusto's numeric suffix
 * (`Computer` → `Computer1`); semi and anti joins keep one side only. Keys compare by value within
 * their type (int and long keys compare as numbers); null keys match nothing.
 */
import type { JoinCondition, JoinKind, JoinOp, LookupOp, Span } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError, unresolved } from '../errors.js';
import { uniqueName } from '../exec/naming.js';
import { columnIndex, relationOf, rowCount, singleBatch, type Relation } from '../exec/relation.js';
import { gatherBatch, NULL_ROW, rechunk, type Batch } from '../table/index.js';
import { JoinIndex } from './join-index.js';
import { KeyIds } from './join-keys.js';
import type { OpEnv } from './common.js';

interface KeyColumns {
  readonly left: number[];
  readonly right: number[];
}

function resolveKeys(on: readonly JoinCondition[], left: Relation, right: Relation): KeyColumns {
  const out: KeyColumns = { left: [], right: [] };
  for (const c of on) {
    const [l, r] = c.kind === 'same' ? [c.name, c.name] : [c.left, c.right];
    const li = columnIndex(left.columns, l);
    if (li < 0) throw unresolved(l, c.span);
    const ri = columnIndex(right.columns, r);
    if (ri < 0) throw unresolved(r, c.span);
    const lt = left.columns[li]!.type;
    const rt = right.columns[ri]!.type;
    if (lt !== rt && !(numeric(lt) && numeric(rt)))
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `join: the key '${l}' (${lt}) and '${r}' (${rt}) must have the same type`,
        c.span,
      );
    out.left.push(li);
    out.right.push(ri);
  }
  if (out.left.length === 0)
    throw new KqlRuntimeError(errorCodes.badArguments, 'join: no key columns (use on ...)', null);
  return out;
}

function numeric(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
}

/** Keeps the first row of each key (innerunique's left side), and every row with a null key. */
function firstPerKey(batch: Batch, keyCols: readonly number[], types: readonly ScalarType[]): Batch {
  const keys = new KeyIds(types);
  const ids = keys.build(
    keyCols.map((k) => batch.columns[k]!),
    batch.length,
  );
  const seen = new Uint8Array(keys.count);
  const keep = new Uint32Array(batch.length);
  let kept = 0;
  for (let i = 0; i < batch.length; i++) {
    const id = ids[i]!;
    if (id >= 0) {
      if (seen[id] === 1) continue;
      seen[id] = 1;
    }
    keep[kept++] = i;
  }
  return gatherBatch(batch, keep.subarray(0, kept));
}

/** Left columns then right columns, right names made unique (`dropRight` omits lookup's keys). */
function joinedSchema(
  left: Relation,
  right: Relation,
  dropRight: ReadonlySet<number>,
): { schema: ColumnSchema[]; rightKept: number[] } {
  const schema: ColumnSchema[] = [...left.columns];
  const taken = new Set(schema.map((c) => c.name));
  const rightKept: number[] = [];
  right.columns.forEach((c, i) => {
    if (dropRight.has(i)) return;
    const name = uniqueName(c.name, taken);
    taken.add(name);
    schema.push({ name, type: c.type });
    rightKept.push(i);
  });
  return { schema, rightKept };
}

export function joinRelations(
  kind: JoinKind,
  leftIn: Relation,
  right: Relation,
  on: readonly JoinCondition[],
  span: Span,
  dropRightKeys = false,
  env?: OpEnv,
): Relation {
  const keys = resolveKeys(on, leftIn, right);
  const leftTypes = keys.left.map((i) => leftIn.columns[i]!.type);
  const rightTypes = keys.right.map((i) => right.columns[i]!.type);
  const maxRows = env?.ctx.limits.maxRows ?? Infinity;

  if (kind === 'rightanti' || kind === 'rightsemi') {
    const leftAll = singleBatch(leftIn);
    const index = new JoinIndex(leftAll, keys.left, leftTypes);
    const out = right.batches.map((b) => {
      const groups = index.probe(
        keys.right.map((k) => b.columns[k]!),
        rightTypes,
        b.length,
      );
      return gatherBatch(b, JoinIndex.rowsWhere(groups, b.length, kind === 'rightsemi'));
    });
    return relationOf(right.columns, out, false);
  }

  const leftBatches =
    kind === 'innerunique' ? [firstPerKey(singleBatch(leftIn), keys.left, leftTypes)] : leftIn.batches;
  const leftRows = leftBatches.reduce((n, b) => n + b.length, 0);
  if ((kind === 'inner' || kind === 'innerunique') && leftRows < rowCount(right))
    return innerJoinBuildingLeft(leftIn, leftBatches, right, keys, leftTypes, rightTypes, span, maxRows);
  const rightAll = singleBatch(right);
  const index = new JoinIndex(rightAll, keys.right, rightTypes);

  if (kind === 'leftsemi' || kind === 'leftanti') {
    const out = leftBatches.map((b) => {
      const groups = index.probe(
        keys.left.map((k) => b.columns[k]!),
        leftTypes,
        b.length,
      );
      return gatherBatch(b, JoinIndex.rowsWhere(groups, b.length, kind === 'leftsemi'));
    });
    return relationOf(leftIn.columns, out, false);
  }

  const drop = new Set<number>(dropRightKeys ? keys.right : []);
  const { schema, rightKept } = joinedSchema(leftIn, right, drop);
  const keepUnmatchedLeft = kind === 'leftouter' || kind === 'fullouter';
  const keepUnmatchedRight = kind === 'rightouter' || kind === 'fullouter';
  const rightMatched = keepUnmatchedRight ? new Uint8Array(rightAll.length) : null;
  const out: Batch[] = [];
  let produced = 0;
  let groups: Int32Array | undefined;
  for (const b of leftBatches) {
    groups = index.probe(
      keys.left.map((k) => b.columns[k]!),
      leftTypes,
      b.length,
      groups,
    );
    const { probeRows: lidx, buildRows: ridx } = index.pairs(groups, b.length, keepUnmatchedLeft);
    if (rightMatched !== null)
      for (let k = 0; k < ridx.length; k++) if (ridx[k] !== NULL_ROW) rightMatched[ridx[k]!] = 1;
    produced += ridx.length;
    if (produced > maxRows)
      throw new KqlRuntimeError(errorCodes.limitExceeded, `join produced more than ${maxRows} rows`, span);
    out.push({
      length: ridx.length,
      columns: [
        ...(lidx === null ? b.columns : b.columns.map((v) => v.gather(lidx))),
        ...rightKept.map((k) => rightAll.columns[k]!.gather(ridx)),
      ],
    });
  }
  if (rightMatched !== null) {
    const ri: number[] = [];
    for (let r = 0; r < rightAll.length; r++) if (rightMatched[r] === 0) ri.push(r);
    if (ri.length > 0) {
      const ridx = Uint32Array.from(ri);
      const lidx = new Uint32Array(ri.length).fill(NULL_ROW);
      const leftTemplate = leftBatches[0] ?? singleBatch(leftIn);
      out.push({
        length: ri.length,
        columns: [
          ...leftTemplate.columns.map((v) => v.gather(lidx)),
          ...rightKept.map((k) => rightAll.columns[k]!.gather(ridx)),
        ],
      });
    }
  }
  return relationOf(schema, out.flatMap(rechunk), false);
}

/**
 * An inner join whose left side is the smaller: the left is hashed and the right probes it
 * (output rows then follow the right's order; Kusto does not define the order of a join).
 */
function innerJoinBuildingLeft(
  leftIn: Relation,
  leftBatches: readonly Batch[],
  right: Relation,
  keys: KeyColumns,
  leftTypes: readonly ScalarType[],
  rightTypes: readonly ScalarType[],
  span: Span,
  maxRows: number,
): Relation {
  const leftAll =
    leftBatches.length === 1 ? leftBatches[0]! : singleBatch(relationOf(leftIn.columns, leftBatches, false));
  const index = new JoinIndex(leftAll, keys.left, leftTypes);
  const { schema, rightKept } = joinedSchema(leftIn, right, new Set());
  const out: Batch[] = [];
  let produced = 0;
  let groups: Int32Array | undefined;
  for (const b of right.batches) {
    groups = index.probe(
      keys.right.map((k) => b.columns[k]!),
      rightTypes,
      b.length,
      groups,
    );
    const { probeRows: ridx, buildRows: lidx } = index.pairs(groups, b.length, false);
    produced += lidx.length;
    if (produced > maxRows)
      throw new KqlRuntimeError(errorCodes.limitExceeded, `join produced more than ${maxRows} rows`, span);
    out.push({
      length: lidx.length,
      columns: [
        ...leftAll.columns.map((v) => v.gather(lidx)),
        ...rightKept.map((k) => (ridx === null ? b.columns[k]! : b.columns[k]!.gather(ridx))),
      ],
    });
  }
  return relationOf(schema, out, false);
}

export function runJoin(op: JoinOp, input: Relation, env: OpEnv): Relation {
  const right = env.ctx.evalTabular(op.right, env.scope);
  return joinRelations(op.joinKind, input, right, op.on, op.span, false, env);
}

/** lookup: a left-outer (or inner) join whose right key columns are not repeated in the output. */
export function runLookup(op: LookupOp, input: Relation, env: OpEnv): Relation {
  const right = env.ctx.evalTabular(op.right, env.scope);
  return joinRelations(
    op.lookupKind === 'inner' ? 'inner' : 'leftouter',
    input,
    right,
    op.on,
    op.span,
    true,
    env,
  );
}
