// parse (every kind), parse-where and parse-kv: KQL text over datatable input → expected rows.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const LOG = `datatable(s:string)["id=7, who=Ann, at=2024-01-02", "id=x, who=Bob, at=2024-01-03", "nothing here", ""]`;

const valid: ValidCase[] = [
  {
    name: 'parse simple: a row whose long does not convert gets nulls everywhere',
    query: `${LOG} | parse s with "id=" id:long ", who=" who ", " *`,
    columns: ['s:string', 'id:long', 'who:string'],
    rows: [
      ['id=7, who=Ann, at=2024-01-02', '7', 'Ann'],
      ['id=x, who=Bob, at=2024-01-03', null, ''],
      ['nothing here', null, ''],
      ['', null, ''],
    ],
  },
  {
    name: 'parse relaxed: only the capture that does not convert is null',
    query: `${LOG} | parse kind=relaxed s with "id=" id:long ", who=" who ", " * | project id, who`,
    columns: ['id:long', 'who:string'],
    rows: [
      ['7', 'Ann'],
      [null, 'Bob'],
      [null, ''],
      [null, ''],
    ],
  },
  {
    name: 'parse relaxed: a long capture followed by * takes the digits',
    query: `print s="n=15, rest" | parse kind=relaxed s with "n=" n:long * "rest" | project n`,
    columns: ['n:long'],
    rows: [['15']],
  },
  {
    name: "parse regex: the pattern's own groups do not shift the captures",
    query: `print s="key=(a) value=42" | parse kind=regex s with "(k)ey=\\\\((.)\\\\) value=" v:long | project v`,
    columns: ['v:long'],
    rows: [['42']],
  },
  {
    name: 'parse regex: a string capture is greedy',
    query: `print s="a=1, b=2, c" | parse kind=regex s with "a=" x "," * | project x`,
    columns: ['x:string'],
    rows: [['1, b=2']],
  },
  {
    name: 'parse regex flags=U: ungreedy captures, i: case-insensitive text',
    query: `print s="a=1, b=2, c" | parse kind=regex flags=Ui s with "A=" x "," * | project x`,
    columns: ['x:string'],
    rows: [['1']],
  },
  {
    name: 'parse regex flags=s: a capture spans lines',
    query: `print s="a=x\\ny;" | parse kind=regex flags=s s with "a=" x ";" | project x`,
    columns: ['x:string'],
    rows: [['x\ny']],
  },
  {
    name: 'parse-where keeps only the rows that matched and converted',
    query: `${LOG} | parse-where s with "id=" id:long ", who=" who ", " * | project id, who`,
    columns: ['id:long', 'who:string'],
    rows: [['7', 'Ann']],
  },
  {
    name: 'parse-where kind=regex',
    query: `${LOG} | parse-where kind=regex s with * "who=" who:string ", at=" at:datetime | project who, at`,
    columns: ['who:string', 'at:datetime'],
    rows: [
      ['Ann', '2024-01-02T00:00:00.0000000Z'],
      ['Bob', '2024-01-03T00:00:00.0000000Z'],
    ],
  },
  {
    name: 'parse-where over an empty input',
    query: `datatable(s:string)[] | parse-where s with "a=" a:long`,
    columns: ['s:string', 'a:long'],
    rows: [],
  },
  {
    name: 'parse-kv greedy: a value runs until the next key',
    query: `print str='name=John Doe phone=555 5555 city=New York' | parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project-away str`,
    columns: ['name:string', 'phone:string', 'city:string'],
    rows: [['John Doe', '555 5555', 'New York']],
  },
  {
    name: 'parse-kv not greedy: a value ends at the pair delimiter',
    query: `print str='name=John Doe phone=555 5555' | parse-kv str as (name:string, phone:string) with (pair_delimiter=' ', kv_delimiter='=') | project-away str`,
    columns: ['name:string', 'phone:string'],
    rows: [['John', '555']],
  },
  {
    name: 'parse-kv without delimiters: quoted values with escapes are one token',
    query: `print str="T:1, Text: 'it\\\\'s up', M:x" | parse-kv str as (Text:string, T:long, M:string) with (quote="'", escape='\\\\') | project-away str`,
    columns: ['Text:string', 'T:long', 'M:string'],
    rows: [["it's up", '1', 'x']],
  },
  {
    name: 'parse-kv: a missing key gives null (empty for strings)',
    query: `print str='a=1' | parse-kv str as (a:long, b:long, c:string) with (pair_delimiter=',', kv_delimiter='=') | project-away str`,
    columns: ['a:long', 'b:long', 'c:string'],
    rows: [['1', null, '']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'parse regex with a malformed pattern',
    query: `print s="a" | parse kind=regex s with "(" x`,
    code: errorCodes.badArguments,
    message: 'Invalid regular expression',
  },
  {
    name: 'parse-where regex with an unknown flag',
    query: `print s="a" | parse-where kind=regex flags=q s with "a" x`,
    code: errorCodes.badArguments,
    message: "unknown flag 'q'",
  },
];

describe('parse, parse-where, parse-kv', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
