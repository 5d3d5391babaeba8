/**
 * Evaluates a bound scalar function (src/engine/scalar/api.ts) over a batch: one `evaluate` call
 * per row, constant arguments filled once. Scalar errors become query errors at the call's span.
 */
import type { Span } from '../../plan/plan.js';
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { ScalarRuntimeError, type BoundScalar, type EvalContext } from '../scalar/api.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import { createVectorBuilder, ValueTypeError, type Batch, type Vector } from '../table/index.js';
import { constantExpr, unionDeps, type CompiledExpr } from './compiled.js';

export function scalarFailure(e: unknown, what: string, span: Span): never {
  if (e instanceof KqlRuntimeError) throw e;
  if (e instanceof ScalarRuntimeError) throw new KqlRuntimeError(errorCodes.scalarFailure, e.message, span);
  if (e instanceof ValueTypeError)
    throw new KqlRuntimeError(
      errorCodes.invalidPlan,
      `${what} returned a value of the wrong type: ${e.message}`,
      span,
    );
  throw e;
}

/** Compiles a call of `bound` over compiled arguments, folding it when every argument is constant. */
export function boundCall(
  bound: BoundScalar,
  args: readonly CompiledExpr[],
  evalCtx: EvalContext,
  what: string,
  span: Span,
): CompiledExpr {
  const deterministic = bound.deterministic && args.every((a) => a.deterministic);
  if (deterministic && args.every((a) => a.isConstant)) {
    let value: ScalarValue;
    try {
      value = bound.evaluate(
        args.map((a) => a.constantValue),
        evalCtx,
      );
    } catch (e) {
      scalarFailure(e, what, span);
    }
    return constantExpr(bound.resultType, normalizeResult(bound.resultType, value));
  }
  return {
    type: bound.resultType,
    isConstant: false,
    constantValue: null,
    deterministic,
    deps: unionDeps(args),
    evaluate(batch: Batch): Vector {
      const n = batch.length;
      const vectors: (Vector | null)[] = args.map((a) => (a.isConstant ? null : a.evaluate(batch)));
      const values: ScalarValue[] = args.map((a) => (a.isConstant ? a.constantValue : null));
      const out = createVectorBuilder(bound.resultType, n);
      try {
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < vectors.length; j++) {
            const v = vectors[j];
            if (v !== null) values[j] = v!.get(i);
          }
          out.push(bound.evaluate(values, evalCtx));
        }
      } catch (e) {
        scalarFailure(e, what, span);
      }
      return out.finish();
    },
  };
}

function normalizeResult(type: ScalarType, value: ScalarValue): ScalarValue {
  if (value === undefined) return type === 'string' ? '' : null;
  if (type === 'string' && value === null) return '';
  return value;
}
