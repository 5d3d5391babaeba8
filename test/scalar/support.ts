// Helpers for the scalar tests: typed arguments, and evaluation through both the constant
// (bind-time compiled) and the per-row path, which must agree.
import assert from 'node:assert/strict';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import type { ArgInfo, BindResult, BoundScalar } from '../../src/engine/scalar/api.js';
import { isBindFailure } from '../../src/engine/scalar/api.js';
import { bindBinary, bindFunction, bindListComparison, parseLiteral } from '../../src/engine/scalar/index.js';
import type { BinaryOp, ListOp } from '../../src/plan/plan.js';

export interface Arg {
  readonly type: ScalarType;
  readonly value: ScalarValue;
}

export const ctx = { now: parseLiteral('datetime', '2024-06-01T12:00:00Z') as bigint };

export const str = (value: string): Arg => ({ type: 'string', value });
export const int = (value: number | null): Arg => ({ type: 'int', value });
export const long = (value: bigint | number | null): Arg => ({
  type: 'long',
  value: value === null ? null : BigInt(value),
});
export const real = (value: number | null): Arg => ({ type: 'real', value });
export const bool = (value: boolean | null): Arg => ({ type: 'bool', value });
export const dt = (text: string | null): Arg => ({
  type: 'datetime',
  value: text === null ? null : parseLiteral('datetime', text),
});
export const ts = (text: string | null): Arg => ({
  type: 'timespan',
  value: text === null ? null : parseLiteral('timespan', text),
});
export const dyn = (text: string): Arg => ({ type: 'dynamic', value: parseLiteral('dynamic', text) });
export const guid = (text: string): Arg => ({ type: 'guid', value: parseLiteral('guid', text) });
export const nul = (type: ScalarType): Arg => ({ type, value: type === 'string' ? '' : null });

function infos(args: readonly Arg[], constant: boolean): ArgInfo[] {
  return args.map((a) => (constant ? { type: a.type, constant: a.value } : { type: a.type }));
}

export function expectBound(r: BindResult): BoundScalar {
  if (isBindFailure(r)) assert.fail(`bind failed: ${r.error}`);
  return r;
}

/** Evaluates with every argument varying, then with every argument constant; both must agree. */
export function evaluateBoth(
  bind: (infos: ArgInfo[]) => BindResult,
  args: readonly Arg[],
): { value: ScalarValue; type: ScalarType } {
  const values = args.map((a) => a.value);
  const varying = expectBound(bind(infos(args, false)));
  const constant = expectBound(bind(infos(args, true)));
  const v1 = varying.evaluate(values, ctx);
  const v2 = constant.evaluate(values, ctx);
  assert.deepEqual(v2, v1, 'the constant and per-row paths disagree');
  assert.equal(constant.resultType, varying.resultType);
  return { value: v1, type: varying.resultType };
}

export function call(name: string, ...args: Arg[]): ScalarValue {
  return evaluateBoth((i) => bindFunction(name, i), args).value;
}

export function callTyped(name: string, ...args: Arg[]): { value: ScalarValue; type: ScalarType } {
  return evaluateBoth((i) => bindFunction(name, i), args);
}

export function binary(op: BinaryOp, left: Arg, right: Arg): ScalarValue {
  return evaluateBoth((i) => bindBinary(op, i[0]!, i[1]!), [left, right]).value;
}

export function binaryTyped(op: BinaryOp, left: Arg, right: Arg): { value: ScalarValue; type: ScalarType } {
  return evaluateBoth((i) => bindBinary(op, i[0]!, i[1]!), [left, right]);
}

export function list(op: ListOp, left: Arg, ...items: Arg[]): ScalarValue {
  return evaluateBoth((i) => bindListComparison(op, i[0]!, i.slice(1)), [left, ...items]).value;
}

/** The error of a bind that must fail. */
export function bindError(r: BindResult): string {
  assert.ok(isBindFailure(r), 'expected the bind to fail');
  return r.error;
}

/** Plain JSON of a dynamic result (bags have a null prototype: compare by content). */
export function json(v: ScalarValue): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)));
}

/** A readable test name for an argument (dynamic bags have no toString). */
export function label(a: Arg): string {
  const v = a.value;
  const text =
    typeof v === 'object' && v !== null
      ? JSON.stringify(json(v))
      : typeof v === 'string'
        ? JSON.stringify(v)
        : String(v);
  return `${a.type}(${text})`;
}
