import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  JsonValueScanner,
  type JsonScanMode,
  type JsonScanProblem,
} from '../../src/sources/exports/json-scan.js';
import { LineSplitter } from '../../src/sources/exports/lines.js';

interface Case {
  readonly name: string;
  readonly mode: JsonScanMode;
  readonly input: string;
  readonly values: string[];
  readonly problems?: { line: number; match: RegExp }[];
  readonly maxDepth?: number;
  readonly maxValueChars?: number;
}

const cases: Case[] = [
  {
    name: 'array of objects',
    mode: 'elements',
    input: '[{"a":1}, {"b":[2,3]}]',
    values: ['{"a":1}', '{"b":[2,3]}'],
  },
  { name: 'empty array', mode: 'elements', input: ' [ ] ', values: [] },
  {
    name: 'brackets and quotes inside strings',
    mode: 'elements',
    input: '[{"a":"]}\\"["}]',
    values: ['{"a":"]}\\"["}'],
  },
  {
    name: 'bare scalars',
    mode: 'elements',
    input: '[1, true ,"x",null]',
    values: ['1', 'true', '"x"', 'null'],
  },
  { name: 'document', mode: 'document', input: '\n{"tables":[]}\n', values: ['{"tables":[]}'] },
  { name: 'document scalar', mode: 'document', input: '42', values: ['42'] },
  {
    name: 'too deep element is skipped, the next is kept',
    mode: 'elements',
    input: '[\n' + '['.repeat(10) + ']'.repeat(10) + ',\n{"ok":1}]',
    values: ['{"ok":1}'],
    problems: [{ line: 2, match: /deeper than 5/ }],
    maxDepth: 5,
  },
  {
    name: 'too long element is skipped, the next is kept',
    mode: 'elements',
    input: '[{"a":"' + 'x'.repeat(100) + '"},\n{"b":2}]',
    values: ['{"b":2}'],
    problems: [{ line: 1, match: /longer than 50/ }],
    maxValueChars: 50,
  },
  {
    name: 'missing comma resynchronises',
    mode: 'elements',
    input: '[{"a":1} {"b":2}]',
    values: ['{"a":1}', '{"b":2}'],
    problems: [{ line: 1, match: /expected ','/ }],
  },
  {
    name: 'unclosed array is reported',
    mode: 'elements',
    input: '[{"a":1},\n{"b":',
    values: ['{"a":1}'],
    problems: [{ line: 2, match: /not closed/ }],
  },
  {
    name: 'not an array',
    mode: 'elements',
    input: '{"a":1}',
    values: [],
    problems: [{ line: 1, match: /expected a JSON array/ }],
  },
];

for (const c of cases) {
  for (const chunkSize of [1, 3, 1 << 20]) {
    test(`json scan: ${c.name} (chunks of ${chunkSize})`, () => {
      const problems: JsonScanProblem[] = [];
      const scanner = new JsonValueScanner(c.mode, (p) => problems.push(p), {
        maxDepth: c.maxDepth ?? 64,
        maxValueChars: c.maxValueChars ?? 1 << 20,
      });
      const values = [];
      for (let i = 0; i < c.input.length; i += chunkSize)
        values.push(...scanner.push(c.input.slice(i, i + chunkSize)));
      values.push(...scanner.finish());
      assert.deepEqual(
        values.map((v) => v.text),
        c.values,
      );
      assert.equal(problems.length, (c.problems ?? []).length, JSON.stringify(problems));
      (c.problems ?? []).forEach((expected, i) => {
        assert.equal(problems[i]!.line, expected.line);
        assert.match(problems[i]!.message, expected.match);
      });
    });
  }
}

test('json scan: a million-deep array costs no stack and is reported once', () => {
  const problems: JsonScanProblem[] = [];
  const scanner = new JsonValueScanner('elements', (p) => problems.push(p));
  const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
  const values = [...scanner.push('[' + deep + ',{"a":1}]'), ...scanner.finish()];
  assert.deepEqual(
    values.map((v) => v.text),
    ['{"a":1}'],
  );
  assert.equal(problems.length, 1);
});

test('lines: split across chunks, CRLF stripped, long line dropped and numbered', () => {
  const tooLong: number[] = [];
  const splitter = new LineSplitter(10, (line) => tooLong.push(line));
  const input = 'one\r\ntwo\n' + 'x'.repeat(25) + '\nthree';
  const lines = [];
  for (let i = 0; i < input.length; i += 4) lines.push(...splitter.push(input.slice(i, i + 4)));
  lines.push(...splitter.finish());
  assert.deepEqual(lines, [
    { text: 'one', line: 1 },
    { text: 'two', line: 2 },
    { text: 'three', line: 4 },
  ]);
  assert.deepEqual(tooLong, [3]);
});
