/**
 * The contract between the tabular engine (operators, src/engine/*) and the scalar library
 * (src/engine/scalar/*): how a function, operator or literal is bound once, at plan time, against
 * the argument types, and then evaluated per value.
 *
 * Binding happens when the engine knows its input schema (at run time, since schemas after
 * `bag_unpack` or `pivot` depend on data). The engine then calls `evaluate` per row, or once per
 * distinct value of a dictionary-encoded string column when the other arguments are constant.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';

/** What the binder knows of an argument: its type, and its value if it is a constant. */
export interface ArgInfo {
  readonly type: ScalarType;
  /** Present (possibly `null`) when the argument is a constant: literals, folded expressions. */
  readonly constant?: ScalarValue;
}

/** Per-query state a function may read. */
export interface EvalContext {
  /** `now()` for this query: fixed once per query, as in Kusto. 100-ns ticks. */
  readonly now: bigint;
}

/** A bound function: its result type and how to compute it. */
export interface BoundScalar {
  readonly resultType: ScalarType;
  /** `args` are in the representation of `ArgInfo.type` (see src/types/scalar.ts). */
  evaluate(args: readonly ScalarValue[], ctx: EvalContext): ScalarValue;
  /** True when the result depends only on the arguments (not `rand()`, `now()` is per query). */
  readonly deterministic: boolean;
}

/**
 * A failure to bind: unknown function, wrong argument count or types. `message` follows Kusto's
 * wording where there is one; the engine adds the query position.
 */
export interface BindFailure {
  readonly error: string;
  /** Index of the offending argument, if one is to blame. */
  readonly argIndex?: number;
}

export type BindResult = BoundScalar | BindFailure;

export function isBindFailure(r: BindResult): r is BindFailure {
  return (r as BindFailure).error !== undefined;
}

/** A raised run-time error inside a scalar function that Kusto reports as a query error. */
export class ScalarRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScalarRuntimeError';
  }
}
