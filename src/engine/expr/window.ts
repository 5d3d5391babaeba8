/**
 * Window functions over a serialized row set: prev, next, row_number, row_cumsum,
 * row_window_session, row_rank_min, row_rank_dense. The operator hands them the whole relation as one batch (rows in order), so
 * each is a single pass over its argument vectors.
 */
import type { Span } from '../../plan/plan.js';
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { sameValue } from '../values/compare.js';
import { unionDeps, type CompiledExpr } from './compiled.js';

export const windowFunctionNames = new Set([
  'prev',
  'next',
  'row_number',
  'row_cumsum',
  'row_window_session',
  'row_rank_min',
  'row_rank_dense',
]);

function windowExpr(
  type: ScalarType,
  args: readonly CompiledExpr[],
  run: (batch: Batch) => Vector,
): CompiledExpr {
  return {
    type,
    isConstant: false,
    constantValue: null,
    deterministic: false,
    deps: unionDeps(args),
    evaluate: run,
  };
}

function constArg(args: readonly CompiledExpr[], i: number, name: string, span: Span): ScalarValue {
  const a = args[i];
  if (a === undefined) return null;
  if (!a.isConstant)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `${name}(): argument ${i + 1} must be a constant`,
      span,
    );
  return a.constantValue;
}

function toInt(v: ScalarValue): number | null {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function arity(name: string, args: readonly CompiledExpr[], min: number, max: number, span: Span): void {
  if (args.length < min || args.length > max)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `${name}(): expected ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`,
      span,
    );
}

export function compileWindowCall(
  name: string,
  args: readonly CompiledExpr[],
  serialized: boolean,
  span: Span,
): CompiledExpr {
  if (!serialized)
    throw new KqlRuntimeError(
      errorCodes.notSerialized,
      `Function '${name}' cannot be invoked in current context. Details: the row set must be serialized`,
      span,
    );
  switch (name) {
    case 'prev':
    case 'next': {
      arity(name, args, 1, 3, span);
      const value = args[0]!;
      const offset = args.length > 1 ? toInt(constArg(args, 1, name, span)) : 1;
      if (offset === null || offset < 0)
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `${name}(): the offset must be a non-negative integer`,
          span,
        );
      const dflt = args[2];
      const step = name === 'prev' ? -offset : offset;
      return windowExpr(value.type, args, (batch) => {
        const v = value.evaluate(batch);
        const d = dflt?.evaluate(batch);
        const out = createVectorBuilder(value.type, batch.length);
        for (let i = 0; i < batch.length; i++) {
          const j = i + step;
          if (j >= 0 && j < batch.length) out.push(v.get(j));
          else out.push(d !== undefined ? d.get(i) : value.type === 'string' ? '' : null);
        }
        return out.finish();
      });
    }
    case 'row_number': {
      arity(name, args, 0, 2, span);
      const start = args.length > 0 ? toInt(constArg(args, 0, name, span)) : 1;
      const restart = args[1];
      return windowExpr('long', args, (batch) => {
        const r = restart?.evaluate(batch);
        const out = createVectorBuilder('long', batch.length);
        let n = start ?? 1;
        for (let i = 0; i < batch.length; i++) {
          if (i > 0 && r !== undefined && r.get(i) === true) n = start ?? 1;
          out.push(BigInt(n++));
        }
        return out.finish();
      });
    }
    case 'row_cumsum': {
      arity(name, args, 1, 2, span);
      const term = args[0]!;
      const restart = args[1];
      if (term.type !== 'int' && term.type !== 'long' && term.type !== 'real' && term.type !== 'decimal')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `row_cumsum(): the term must be int, long or real, got ${term.type}`,
          span,
        );
      return windowExpr(term.type, args, (batch) => {
        const t = term.evaluate(batch);
        const r = restart?.evaluate(batch);
        const out = createVectorBuilder(term.type, batch.length);
        const isLong = term.type === 'long';
        let sum: number | bigint = isLong ? 0n : 0;
        for (let i = 0; i < batch.length; i++) {
          if (r !== undefined && r.get(i) === true) sum = isLong ? 0n : 0;
          const v = t.get(i);
          if (v !== null)
            sum = isLong
              ? BigInt.asIntN(64, (sum as bigint) + (v as bigint))
              : (sum as number) + (v as number);
          out.push(term.type === 'int' ? (sum as number) | 0 : sum);
        }
        return out.finish();
      });
    }
    case 'row_rank_min':
    case 'row_rank_dense': {
      // Ranks runs of equal consecutive terms (the rows are sorted by the term): row_rank_min gives
      // a run the row number of its first row, row_rank_dense the run's own number. Both count
      // from 1 again where `restart` is true.
      arity(name, args, 1, 2, span);
      const term = args[0]!;
      const restart = args[1];
      const dense = name === 'row_rank_dense';
      return windowExpr('long', args, (batch) => {
        const t = term.evaluate(batch);
        const r = restart?.evaluate(batch);
        const out = createVectorBuilder('long', batch.length);
        let rowNumber = 0;
        let rank = 0;
        let previous: ScalarValue = null;
        for (let i = 0; i < batch.length; i++) {
          const v = t.get(i);
          if (i === 0 || (r !== undefined && r.get(i) === true)) {
            rowNumber = rank = 1;
          } else {
            rowNumber++;
            if (!sameValue(v, previous, term.type)) rank = dense ? rank + 1 : rowNumber;
          }
          previous = v;
          out.push(BigInt(rank));
        }
        return out.finish();
      });
    }
    case 'row_window_session': {
      arity(name, args, 3, 4, span);
      const expr = args[0]!;
      const maxFromFirst = constArg(args, 1, name, span);
      const maxBetween = constArg(args, 2, name, span);
      if (typeof maxFromFirst !== 'bigint' || typeof maxBetween !== 'bigint')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          'row_window_session(): the distances must be timespans',
          span,
        );
      const restart = args[3];
      return windowExpr(expr.type, args, (batch) => {
        const v = expr.evaluate(batch);
        const r = restart?.evaluate(batch);
        const out = createVectorBuilder(expr.type, batch.length);
        let sessionStart: bigint | null = null;
        let previous: bigint | null = null;
        for (let i = 0; i < batch.length; i++) {
          const x = v.get(i) as bigint | null;
          if (x === null) {
            // A null ends the session: the next value starts a new one.
            sessionStart = previous = null;
            out.push(null);
            continue;
          }
          const isNew =
            sessionStart === null ||
            (r !== undefined && r.get(i) === true) ||
            x >= sessionStart + maxFromFirst ||
            (previous !== null && x >= previous + maxBetween);
          if (isNew) sessionStart = x;
          previous = x;
          out.push(sessionStart);
        }
        return out.finish();
      });
    }
  }
  throw new KqlRuntimeError(
    errorCodes.unsupported,
    `window function '${name}' is not supported by kqlhunt`,
    span,
  );
}
