/**
 * `evaluate rows_near(Condition, NumRows [, RowsAfter])` (rows-near-plugin.md): the rows within
 * NumRows before, or RowsAfter (default NumRows) after, a row where Condition is true, in input
 * order, each once.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import { relationOf, singleBatch, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { gatherBatch, rechunk } from '../table/index.js';
import { PluginArgs } from './plugin-args.js';

export function runRowsNear(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  const condition = args.scalar(0, 'Condition', input);
  if (condition.type !== 'bool') args.fail(`Condition must be a bool, got ${condition.type}`, op.args[0]);
  const before = Math.trunc(args.constantNumber(1, 'NumRows'));
  const after = Math.trunc(args.constantNumber(2, 'RowsAfter', before));
  if (before < 0 || after < 0) args.fail('the numbers of rows must not be negative');
  const all = singleBatch(input);
  const hits = condition.evaluate(all);
  const keep = new Uint8Array(all.length);
  for (let i = 0; i < all.length; i++) {
    if (hits.get(i) !== true) continue;
    for (let j = Math.max(0, i - before); j <= Math.min(all.length - 1, i + after); j++) keep[j] = 1;
  }
  const rows: number[] = [];
  keep.forEach((k, i) => {
    if (k === 1) rows.push(i);
  });
  return relationOf(input.columns, rechunk(gatherBatch(all, rows)), input.serialized);
}
