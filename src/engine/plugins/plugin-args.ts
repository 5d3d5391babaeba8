/**
 * Reading an `evaluate` plugin's arguments: positional or named (`return_unmatched = true`),
 * constants, columns of the input (or of another table), and tabular arguments. Every failure is a
 * KqlRuntimeError at the argument's position, naming the plugin and the parameter.
 */
import type { EvaluateOp, Expr } from '../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';
import type { Relation } from '../exec/relation.js';
import { compileScalar, isTabularExpr } from '../expr/compile.js';
import type { CompiledExpr } from '../expr/compiled.js';
import { exprEnvFor, type OpEnv } from '../operators/common.js';

export class PluginArgs {
  constructor(
    readonly op: EvaluateOp,
    readonly env: OpEnv,
  ) {}

  fail(message: string, at: Expr | null = null): never {
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `${this.op.plugin}(): ${message}`,
      (at ?? this.op).span,
    );
  }

  get count(): number {
    return this.op.args.length;
  }

  /** The argument at `index`, or the named argument `name`; undefined when absent. */
  arg(index: number, name?: string): Expr | undefined {
    const named = name === undefined ? undefined : namedArg(this.op, name);
    return named ?? this.op.args[index];
  }

  required(index: number, what: string): Expr {
    const e = this.arg(index, what);
    if (e === undefined) return this.fail(`missing ${what}`);
    return e;
  }

  /** A constant scalar argument (literals, `let` values, folded expressions). */
  constant(
    index: number,
    what: string,
    input: Relation | null = null,
  ): { value: ScalarValue; type: ScalarType } | undefined {
    const e = this.arg(index, what);
    if (e === undefined) return undefined;
    const c = this.compile(e, input?.columns ?? [], input?.serialized ?? false);
    if (!c.isConstant) this.fail(`${what} must be a constant`, e);
    return { value: c.constantValue, type: c.type };
  }

  constantNumber(index: number, what: string, fallback?: number): number {
    const c = this.constant(index, what);
    if (c === undefined || c.value === null) {
      if (fallback !== undefined) return fallback;
      return this.fail(`${what} must be a number`);
    }
    const v = c.value;
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint' && (c.type === 'long' || c.type === 'int')) return Number(v);
    return this.fail(`${what} must be a number, got ${c.type}`, this.arg(index, what));
  }

  constantBool(index: number, what: string, fallback: boolean): boolean {
    const c = this.constant(index, what);
    if (c === undefined || c.value === null) return fallback;
    if (c.type !== 'bool') this.fail(`${what} must be a bool, got ${c.type}`, this.arg(index, what));
    return c.value === true;
  }

  /** A constant datetime or timespan, as 100-ns ticks. */
  constantTicks(index: number, what: string, type: 'datetime' | 'timespan'): bigint | undefined {
    const c = this.constant(index, what);
    if (c === undefined || c.value === null) return undefined;
    if (c.type !== type) this.fail(`${what} must be a ${type}, got ${c.type}`, this.arg(index, what));
    return c.value as bigint;
  }

  /** Compiles a scalar argument against a relation's columns. */
  scalar(index: number, what: string, over: Relation): CompiledExpr {
    return this.compile(this.required(index, what), over.columns, over.serialized);
  }

  compile(e: Expr, columns: readonly ColumnSchema[], serialized: boolean): CompiledExpr {
    return compileScalar(e, exprEnvFor(columns, serialized, this.env));
  }

  /** A tabular argument (a table name, a `let` table, a subquery), evaluated. */
  table(index: number, what: string): Relation {
    const e = this.required(index, what);
    if (!isTabularExpr(e, this.env.scope)) this.fail(`${what} must be a table`, e);
    return this.env.ctx.evalTabular(e, this.env.scope);
  }

  /** The name of a column argument (`T | evaluate f(Col)`). */
  columnName(index: number, what: string): string {
    const e = this.required(index, what);
    if (e.kind !== 'name') this.fail(`${what} must be a column name`, e);
    return e.name;
  }
}

function namedArg(op: EvaluateOp, name: string): Expr | undefined {
  for (const [k, v] of Object.entries(op.namedArgs)) if (k.toLowerCase() === name.toLowerCase()) return v;
  return undefined;
}
