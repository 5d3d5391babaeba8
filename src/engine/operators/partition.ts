/**
 * `partition by Key (subquery)` / `{ query }` (partition-operator.md): the input's rows are split
 * by the key's value (in first-appearance order) and the subquery runs once per key, over that
 * key's rows (bound to the implicit source '') and with the key's value bound to the column's name
 * (the `{ ... toscalar(Key) }` form). The result is the union (outer) of the subquery results.
 */
import type { PartitionOp } from '../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { Grouper } from '../exec/grouping.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import { compileScalar } from '../expr/compile.js';
import { gatherBatch } from '../table/index.js';
import { inputEnv, type OpEnv } from './common.js';
import { unionRelations } from './union.js';

export function runPartition(op: PartitionOp, input: Relation, env: OpEnv): Relation {
  const key = compileScalar(op.by, inputEnv(input, env));
  if (key.type === 'dynamic')
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      'partition: the key column cannot be dynamic',
      op.by.span,
    );
  const all = singleBatch(input);
  const keys = key.evaluate(all);
  const grouper = new Grouper([key.type]);
  const groupOf = grouper.assign([keys], all.length);
  const rowsOf: number[][] = Array.from({ length: grouper.groupCount }, () => []);
  for (let i = 0; i < all.length; i++) rowsOf[groupOf[i]!]!.push(i);
  const results = rowsOf.map((rows) => {
    const part = gatherBatch(all, rows);
    const scope = env.scope.child();
    scope.define('', { kind: 'tabular', get: () => relationOf(input.columns, [part], input.serialized) });
    scope.define(op.column, { kind: 'scalar', type: key.type, value: keys.get(rows[0]!) });
    return { name: '', relation: env.ctx.evalTabular(op.subquery, scope) };
  });
  if (results.length === 0) {
    // No rows, no partition: the subquery over an empty input gives the (empty) result's schema.
    const scope = env.scope.child();
    scope.define('', { kind: 'tabular', get: () => relationOf(input.columns, [], input.serialized) });
    scope.define(op.column, { kind: 'scalar', type: key.type, value: null });
    return relationOf(env.ctx.evalTabular(op.subquery, scope).columns, [], false);
  }
  return unionRelations(results, { unionKind: 'outer', withSource: null, isFuzzy: false });
}
