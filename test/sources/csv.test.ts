import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvRecordReader, type CsvProblem } from '../../src/sources/exports/csv.js';

interface Case {
  readonly name: string;
  readonly input: string;
  readonly records: string[][];
  readonly lines?: number[];
  readonly problems?: { line: number; severity: 'error' | 'warning' }[];
  readonly maxRecordChars?: number;
}

const cases: Case[] = [
  {
    name: 'plain',
    input: 'a,b\n1,2\n',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
    lines: [1, 2],
  },
  {
    name: 'CRLF and no final newline',
    input: 'a,b\r\n1,2',
    records: [
      ['a', 'b'],
      ['1', '2'],
    ],
  },
  { name: 'lone CR ends a record', input: 'a\r1\r', records: [['a'], ['1']] },
  {
    name: 'empty fields',
    input: ',\n,x,\n',
    records: [
      ['', ''],
      ['', 'x', ''],
    ],
  },
  { name: 'quoted comma and doubled quote', input: '"a,b","say ""hi"""\n', records: [['a,b', 'say "hi"']] },
  {
    name: 'quoted field spanning lines keeps line numbers right',
    input: 'h\n"one\ntwo"\nnext\n',
    records: [['h'], ['one\ntwo'], ['next']],
    lines: [1, 2, 4],
  },
  { name: 'quoted empty field', input: '"",x\n', records: [['', 'x']] },
  {
    name: 'quote inside an unquoted field is kept',
    input: 'a,5" disk\n',
    records: [['a', '5" disk']],
    problems: [{ line: 1, severity: 'warning' }],
  },
  {
    name: 'text after a closing quote is kept',
    input: '"ab"cd,e\n',
    records: [['ab"cd', 'e']],
    problems: [{ line: 1, severity: 'warning' }],
  },
  {
    name: 'unterminated quote costs one line',
    input: 'h1,h2\n1,"broken\n2,ok\n3,fine\n',
    records: [
      ['h1', 'h2'],
      ['2', 'ok'],
      ['3', 'fine'],
    ],
    lines: [1, 3, 4],
    problems: [{ line: 2, severity: 'error' }],
  },
  {
    name: 'a quote closed only by a later record is taken as never closed',
    input: 'a,"open\nb,c\nd,"e""f"\n',
    records: [
      ['b', 'c'],
      ['d', 'e"f'],
    ],
    lines: [2, 3],
    problems: [{ line: 1, severity: 'error' }],
  },
  {
    name: 'record over the limit is skipped',
    input: 'a\n' + 'x'.repeat(50) + '\nb\n',
    records: [['a'], ['b']],
    lines: [1, 3],
    problems: [{ line: 2, severity: 'error' }],
    maxRecordChars: 20,
  },
];

function readAll(input: string, chunkSize: number, maxRecordChars?: number) {
  const problems: CsvProblem[] = [];
  const reader = new CsvRecordReader((p) => problems.push(p), { maxRecordChars: maxRecordChars ?? 1 << 20 });
  const records = [];
  for (let i = 0; i < input.length; i += chunkSize)
    records.push(...reader.push(input.slice(i, i + chunkSize)));
  records.push(...reader.finish());
  return { records, problems };
}

for (const c of cases) {
  // Every chunking must give the same records: a chunk boundary may fall anywhere.
  for (const chunkSize of [1, 2, 3, 7, 1 << 20]) {
    test(`csv: ${c.name} (chunks of ${chunkSize})`, () => {
      const { records, problems } = readAll(c.input, chunkSize, c.maxRecordChars);
      assert.deepEqual(
        records.map((r) => r.fields),
        c.records,
      );
      if (c.lines)
        assert.deepEqual(
          records.map((r) => r.line),
          c.lines,
        );
      assert.deepEqual(
        problems.map((p) => ({ line: p.line, severity: p.severity })),
        c.problems ?? [],
      );
    });
  }
}
