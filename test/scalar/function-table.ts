// A table-driven test of one scalar function: each case is its arguments, the expected value
// (dynamic results compared as plain JSON, longs as bigint) and optionally the result type.
// Reals may be compared to a number of significant digits, as the reference pages print them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindFunction } from '../../src/engine/scalar/index.js';
import type { ScalarType, ScalarValue } from '../../src/types/scalar.js';
import { type Arg, bindError, callTyped, label } from './support.js';

export type Case = [args: Arg[], expected: unknown, type?: ScalarType];

/** A real close to the expected one within a relative tolerance (the docs print 15 digits). */
export class Approx {
  constructor(
    readonly value: number,
    readonly relative = 1e-12,
  ) {}
}

export const approx = (value: number, relative?: number): Approx => new Approx(value, relative);

function check(actual: unknown, expected: unknown, path: string): void {
  if (expected instanceof Approx) {
    assert.equal(typeof actual, 'number', `${path}: expected a number, got ${String(actual)}`);
    const a = actual as number;
    if (Number.isNaN(expected.value)) return assert.ok(Number.isNaN(a), `${path}: expected NaN, got ${a}`);
    const tolerance = Math.abs(expected.value) * expected.relative + 1e-300;
    assert.ok(Math.abs(a - expected.value) <= tolerance, `${path}: expected ~${expected.value}, got ${a}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal((actual as unknown[]).length, expected.length, `${path}: length`);
    expected.forEach((e, i) => check((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: expected an object`);
    assert.deepEqual(Object.keys(actual as object), Object.keys(expected), `${path}: keys`);
    for (const [k, e] of Object.entries(expected))
      check((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
    return;
  }
  assert.deepEqual(actual, expected, path);
}

export function table(name: string, cases: Case[]): void {
  describe(name, () => {
    for (const [args, expected, type] of cases) {
      test(`${name}(${args.map(label).join(', ')})`, () => {
        const r = callTyped(name, ...args);
        const v: ScalarValue = r.value;
        check(v, expected, name);
        if (type !== undefined) assert.equal(r.type, type);
      });
    }
  });
}

/** Calls that must fail to bind (arguments given as constants), with a part of the expected message. */
export function bindErrors(name: string, cases: [args: Arg[], message: RegExp][]): void {
  describe(`${name} (bind errors)`, () => {
    for (const [args, message] of cases) {
      test(`${name}(${args.map(label).join(', ')}) fails`, () => {
        const err = bindError(
          bindFunction(
            name,
            args.map((a) => ({ type: a.type, constant: a.value })),
          ),
        );
        assert.match(err, message);
      });
    }
  });
}
