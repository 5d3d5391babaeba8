/**
 * `evaluate pivot(pivotColumn [, aggregation] [, column1, ...]) [: schema]` (pivot-plugin.md).
 *
 * Rows are grouped by the listed columns (default: every column except the pivot column and the
 * columns the aggregation reads); each distinct value of the pivot column becomes a column whose
 * cells aggregate that group's rows with that value (default `count()`). Rows with the same group
 * keys merge into one output row, as in Kusto. Groups and pivot columns are in first-appearance
 * order (docs/SEMANTICS.md); the aggregate of a cell with no rows is the aggregate's value over
 * nothing, except that count() and sum() give 0, as the docs' examples show.
 */
import type { Call, EvaluateOp, Expr, NamedExpr } from '../../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { bindAggregate } from '../aggregate/bind.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { uniqueName } from '../exec/naming.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { constantVector, createVectorBuilder, rechunk, type Vector } from '../table/index.js';
import { toStringValue } from '../values/convert.js';
import { inputEnv, visitScalar, type OpEnv } from '../operators/common.js';

const countCall = (span: Call['span']): Call => ({
  kind: 'call',
  name: 'count',
  args: [],
  namedArgs: {},
  target: 'aggregate',
  type: 'long',
  span,
});

export function runPivot(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const ienv = inputEnv(input, env);
  const [pivotArg, ...rest] = op.args;
  if (pivotArg === undefined)
    throw new KqlRuntimeError(errorCodes.badArguments, 'pivot(): expected a pivot column', op.span);
  const pivotExpr = compileScalar(pivotArg, ienv);
  const aggArg = rest[0]?.kind === 'call' && rest[0].target === 'aggregate' ? (rest[0] as Call) : null;
  const byArgs: Expr[] = aggArg !== null ? rest.slice(1) : rest;
  const agg = bindAggregate(aggArg ?? countCall(op.span), ienv);
  if (agg.kind.outputs.length !== 1)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `pivot(): the aggregation ${agg.name}() must give one value`,
      aggArg?.span ?? op.span,
    );

  let by: NamedExpr[];
  if (byArgs.length > 0) {
    by = byArgs.map((e) => {
      if (e.kind !== 'name')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          'pivot(): the grouping arguments must be column names',
          e.span,
        );
      return { name: e.name, expr: e, span: e.span };
    });
  } else {
    const used = new Set<string>();
    if (pivotArg.kind === 'name') used.add(pivotArg.name);
    if (aggArg !== null) visitScalar(aggArg, (e) => e.kind === 'name' && used.add(e.name));
    by = input.columns
      .filter((c) => !used.has(c.name))
      .map((c) => ({
        name: c.name,
        expr: { kind: 'name', name: c.name, resolvedAs: 'column', type: c.type, span: op.span },
        span: op.span,
      }));
  }
  const keyExprs = by.map((b) => compileScalar(b.expr, ienv));

  const groups = new Grouper(keyExprs.map((e) => e.type));
  const pivots = new Grouper([pivotExpr.type]);
  const perBatch: { gids: Uint32Array; pids: Uint32Array; args: Vector[] }[] = [];
  for (const b of input.batches) {
    perBatch.push({
      gids: groups.assign(
        keyExprs.map((e) => e.evaluate(b)),
        b.length,
      ),
      pids: pivots.assign([pivotExpr.evaluate(b)], b.length),
      args: agg.args.map((e) => e.evaluate(b)),
    });
  }
  const G = groups.groupCount;
  const P = pivots.groupCount;
  const state = agg.kind.create();
  const filled = new Uint8Array(G * P);
  for (const { gids, pids, args } of perBatch) {
    const cells = new Uint32Array(gids.length);
    for (let i = 0; i < gids.length; i++) {
      cells[i] = gids[i]! * P + pids[i]!;
      filled[cells[i]!] = 1;
    }
    state.add(cells, cells.length, args);
  }
  const cellValues = state.finish(G * P)[0]!;
  const outType = agg.kind.outputs[0]!;
  const zeroWhenEmpty: ScalarValue =
    agg.name === 'count' || agg.name === 'sum' ? zeroOf(outType) : undefined!;

  const schema: ColumnSchema[] = by.map((b, k) => ({ name: b.name, type: keyExprs[k]!.type }));
  const columns: Vector[] = groups.keyVectors();
  const taken = new Set(schema.map((c) => c.name));
  const pivotValues = pivots.keyVectors()[0] ?? constantVector(pivotExpr.type, null, 0);
  for (let p = 0; p < P; p++) {
    const name = uniqueName(toStringValue(pivotValues.get(p), pivotExpr.type), taken);
    taken.add(name);
    schema.push({ name, type: outType });
    const out = createVectorBuilder(outType, G);
    for (let g = 0; g < G; g++) {
      const cell = g * P + p;
      out.push(filled[cell] === 0 && zeroWhenEmpty !== undefined ? zeroWhenEmpty : cellValues.get(cell));
    }
    columns.push(out.finish());
  }
  return relationOf(schema, rechunk({ length: G, columns }), false);
}

function zeroOf(type: ColumnSchema['type']): ScalarValue {
  switch (type) {
    case 'long':
    case 'timespan':
      return 0n;
    case 'int':
    case 'real':
    case 'decimal':
      return 0;
    default:
      return null;
  }
}
