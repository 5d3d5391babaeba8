/**
 * `evaluate dcount_intersect(hll_1, hll_2 [, hll_3, ...])` (dcount-intersect-plugin.md): for each
 * row, the distinct counts of S1, S1 ∩ S2, ..., S1 ∩ ... ∩ Sn where Si is the set an hll() value
 * describes, as columns s0 .. s(n-1) appended to the input. kqlhunt's hll values hold the
 * distinct hashes themselves (scalar/functions/sketches.ts), so the intersections are exact.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { DynamicValue } from '../../types/scalar.js';
import { uniqueName } from '../exec/naming.js';
import { relationOf, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { readHll } from '../scalar/functions/sketches.js';
import { createVectorBuilder, type Batch } from '../table/index.js';
import { PluginArgs } from './plugin-args.js';

export function runDcountIntersect(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  if (op.args.length < 2 || op.args.length > 16)
    args.fail(`expected 2 to 16 hll arguments, got ${op.args.length}`);
  const hlls = op.args.map((_, k) => {
    const e = args.scalar(k, `hll_${k + 1}`, input);
    if (e.type !== 'dynamic')
      args.fail(`argument ${k + 1} must be an hll() value, got ${e.type}`, op.args[k]);
    return e;
  });
  const taken = new Set(input.columns.map((c) => c.name));
  const names = hlls.map((_, k) => {
    const name = uniqueName(`s${k}`, taken);
    taken.add(name);
    return name;
  });
  const batches = input.batches.map((b): Batch => {
    const vectors = hlls.map((h) => h.evaluate(b));
    const builders = hlls.map(() => createVectorBuilder('long', b.length));
    for (let i = 0; i < b.length; i++) {
      let common: Set<string> | null = null;
      vectors.forEach((v, k) => {
        const h = readHll(v.get(i) as DynamicValue);
        if (h === null) {
          common = null;
          builders[k]!.push(null);
          return;
        }
        if (k === 0) common = new Set(h.hashes);
        else if (common !== null) {
          const next = new Set(h.hashes);
          common = new Set([...(common as Set<string>)].filter((x) => next.has(x)));
        }
        builders[k]!.push(common === null ? null : BigInt((common as Set<string>).size));
      });
    }
    return { length: b.length, columns: [...b.columns, ...builders.map((x) => x.finish())] };
  });
  return relationOf(
    [...input.columns, ...names.map((name) => ({ name, type: 'long' as const }))],
    batches,
    input.serialized,
  );
}
