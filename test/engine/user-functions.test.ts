// Calls of scalar user functions: named arguments, defaults (user-defined-functions.md), and
// assert() inside a function body (assert-function.md).
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const f = 'let f = (a:long, b:string = "b.default", c:long = 0) { strcat(a, "-", b, "-", c) };';
const checkLength = `let checkLength = (len:long, s:string) { assert(len > 0, "Length must be greater than zero") and strlen(s) > len };
  datatable(input:string)["123", "4567"]`;

const valid: ValidCase[] = [
  {
    name: 'arguments by name in any order; the skipped one takes its default',
    query: `${f} print x = f(c=7, a=12)`,
    columns: ['x:string'],
    rows: [['12-b.default-7']],
  },
  {
    name: 'a positional argument, then one by name',
    query: `${f} print x = f(12, c=7)`,
    columns: ['x:string'],
    rows: [['12-b.default-7']],
  },
  {
    name: 'every parameter by position; only the required one',
    query: `${f} print x = f(1, "two", 3), y = f(5)`,
    columns: ['x:string', 'y:string'],
    rows: [['1-two-3', '5-b.default-0']],
  },
  {
    name: 'a named argument in its own position, then a positional one (assert-function.md)',
    query: `${checkLength} | where checkLength(len=3, input)`,
    columns: ['input:string'],
    rows: [['4567']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'assert with a false constant condition fails the query',
    query: `${checkLength} | where checkLength(len=long(-1), input)`,
    code: errorCodes.badArguments,
    message: "assert() has failed with message: 'Length must be greater than zero'",
  },
  {
    name: 'assert fails even where no row reaches it',
    query: 'let b = false; print x = "Hello" | where b | where assert(b, "Assertion failed")',
    code: errorCodes.badArguments,
    message: "assert() has failed with message: 'Assertion failed'",
    at: 'assert(b, "Assertion failed")',
  },
  {
    name: 'assert over a column is not a constant',
    query: 'datatable(v:bool)[true] | where assert(v, "m")',
    code: errorCodes.badArguments,
    message: 'must be a constant',
  },
];

describe('user function calls', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
