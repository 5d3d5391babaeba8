/**
 * Multi-value calls (series_stats, series_fit_line, series_decompose_anomalies, ...) compiled over
 * a batch: the call is evaluated once per row and its values are spread into one vector per
 * output. `extend (a, b) = f(x)` and `project f(x)` run it through `evaluate`; an output used on
 * its own (a CallOutput outside those operators, e.g. in `print`) is a CompiledExpr of its own.
 *
 * The bound function returns a JS array with one value per output, each in the representation of
 * that output's type (src/engine/scalar/functions/multi-value.ts).
 */
import type { Call, CallOutput, Expr, NamedExpr, Span } from '../../plan/plan.js';
import type { ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import type { EvalContext } from '../scalar/api.js';
import { createVectorBuilder, type Batch, type Vector } from '../table/index.js';
import { scalarFailure } from './bound-call.js';
import { constantExpr, unionDeps, type CompiledExpr } from './compiled.js';
import type { BoundMultiValue, OutputColumn } from './library.js';

export interface CompiledMultiValue {
  readonly outputs: readonly OutputColumn[];
  /** Input column positions read by the arguments. */
  readonly deps: ReadonlySet<number>;
  /** One vector per output, from one evaluation of the call per row. */
  evaluate(batch: Batch): Vector[];
  /** Output `index` as an expression of its own. */
  output(index: number): CompiledExpr;
}

/** Compiles a bound multi-value call over compiled arguments; constant arguments fold it. */
export function compileMultiValue(
  name: string,
  { outputs, bound }: BoundMultiValue,
  args: readonly CompiledExpr[],
  evalCtx: EvalContext,
  span: Span,
): CompiledMultiValue {
  const what = `${name}()`;
  const deterministic = bound.deterministic && args.every((a) => a.deterministic);
  const valuesOf = (argValues: readonly ScalarValue[]): readonly ScalarValue[] => {
    let result: ScalarValue;
    try {
      result = bound.evaluate(argValues, evalCtx);
    } catch (e) {
      scalarFailure(e, what, span);
    }
    if (!Array.isArray(result) || result.length !== outputs.length)
      throw new KqlRuntimeError(
        errorCodes.invalidPlan,
        `${what} returned ${Array.isArray(result) ? result.length : 'no'} values for its ${outputs.length} outputs`,
        span,
      );
    return result;
  };

  if (deterministic && args.every((a) => a.isConstant)) {
    const values = valuesOf(args.map((a) => a.constantValue));
    const constants = outputs.map((o, k) => constantExpr(o.type, normalized(o, values[k])));
    return {
      outputs,
      deps: new Set(),
      evaluate: (batch) => constants.map((c) => c.evaluate(batch)),
      output: (index) => constants[index]!,
    };
  }

  const deps = unionDeps(args);
  const evaluate = (batch: Batch): Vector[] => {
    const n = batch.length;
    const vectors = args.map((a) => (a.isConstant ? null : a.evaluate(batch)));
    const argValues: ScalarValue[] = args.map((a) => (a.isConstant ? a.constantValue : null));
    const builders = outputs.map((o) => createVectorBuilder(o.type, n));
    try {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < vectors.length; j++) {
          const v = vectors[j];
          if (v !== null && v !== undefined) argValues[j] = v.get(i);
        }
        const values = valuesOf(argValues);
        for (let k = 0; k < builders.length; k++) builders[k]!.push(normalized(outputs[k]!, values[k]));
      }
    } catch (e) {
      scalarFailure(e, what, span);
    }
    return builders.map((b) => b.finish());
  };
  return {
    outputs,
    deps,
    evaluate,
    output: (index) => ({
      type: outputs[index]!.type,
      isConstant: false,
      constantValue: null,
      deterministic,
      deps,
      evaluate: (batch) => evaluate(batch)[index]!,
    }),
  };
}

/** A missing value is the output type's null (strings are never null). */
function normalized(output: OutputColumn, value: ScalarValue | undefined): ScalarValue {
  if (value === undefined || value === null) return output.type === 'string' ? '' : null;
  return value;
}

/**
 * Checks a CallOutput against the bound function: the output exists, and has the type the binder
 * gave it (the output schema every later operator was bound against).
 */
export function checkCallOutput(expr: CallOutput, outputs: readonly OutputColumn[]): OutputColumn {
  const output = outputs[expr.index];
  if (output === undefined)
    throw new KqlRuntimeError(
      errorCodes.invalidPlan,
      `${expr.call.name}() has ${outputs.length} outputs; output ${expr.index + 1} was asked for`,
      expr.span,
    );
  if (expr.type !== null && expr.type !== output.type)
    throw new KqlRuntimeError(
      errorCodes.invalidPlan,
      `${expr.call.name}() output '${output.name}' is ${output.type} here but ${expr.type} to the binder`,
      expr.span,
    );
  return output;
}

/** An operator's output columns in groups: one column, or the columns spread from one call. */
export type ColumnGroup =
  | { readonly kind: 'single'; readonly column: NamedExpr }
  | { readonly kind: 'spread'; readonly call: Call; readonly columns: readonly SpreadColumn[] };

export interface SpreadColumn {
  readonly column: NamedExpr;
  readonly output: CallOutput;
}

/**
 * Groups consecutive columns spread from the same call (the front end emits them together), so
 * that the call is evaluated once for all of them.
 */
export function groupSpreadColumns(columns: readonly NamedExpr[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  let spread: { call: Call; columns: SpreadColumn[] } | null = null;
  for (const column of columns) {
    const expr = column.expr;
    if (expr.kind !== 'callOutput') {
      spread = null;
      groups.push({ kind: 'single', column });
    } else if (spread !== null && spread.call === expr.call) {
      spread.columns.push({ column, output: expr });
    } else {
      spread = { call: expr.call, columns: [{ column, output: expr }] };
      groups.push({ kind: 'spread', ...spread });
    }
  }
  return groups;
}

/** The expression a column computes, with a spread output standing for its whole call. */
export function computedExpr(column: NamedExpr): Expr {
  return column.expr.kind === 'callOutput' ? column.expr.call : column.expr;
}
