// scan (scan-operator.md): steps, state references, match ids, output modes; KQL text → rows.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const EVENTS = `datatable(Ts:timespan, Event:string)[0m, "A", 1m, "Start", 2m, "B", 3m, "D", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"]`;

const valid: ValidCase[] = [
  {
    name: 'cumulative sum: an empty state reads as the declared default',
    query: `range x from 1 to 4 step 1 | scan declare (cx:long=0) with (step s1: true => cx = x + s1.cx;)`,
    columns: ['x:long', 'cx:long'],
    rows: [
      ['1', '1'],
      ['2', '3'],
      ['3', '6'],
      ['4', '10'],
    ],
  },
  {
    name: 'fill forward a string',
    query: `datatable(e:string)["a", "", "b", ""] | scan declare (f:string="") with (step s: true => f = iff(isempty(e), s.f, e);)`,
    columns: ['e:string', 'f:string'],
    rows: [
      ['a', 'a'],
      ['', 'a'],
      ['b', 'b'],
      ['', 'b'],
    ],
  },
  {
    name: 'three steps with match ids: the walkthrough of the docs',
    query: `${EVENTS} | sort by Ts asc | scan with_match_id=m with (step s1: Event == "Start"; step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m; step s3: Event == "Stop" and Ts - s1.Ts <= 5m;)`,
    columns: ['Ts:timespan', 'Event:string', 'm:long'],
    rows: [
      ['00:01:00', 'Start', '0'],
      ['00:02:00', 'B', '0'],
      ['00:03:00', 'D', '0'],
      ['00:04:00', 'Stop', '0'],
      ['00:08:00', 'Start', '1'],
      ['00:11:00', 'E', '1'],
      ['00:12:00', 'Stop', '1'],
    ],
  },
  {
    name: 'output=none advances the state without output; a declared column without default is null',
    query: `datatable(t:long)[0, 1, 40, 41] | scan with_match_id=sid declare (st:long) with (step a: true => st = iff(isnull(a.st), t, a.st); step b output=none: t - a.st > 30;)`,
    columns: ['t:long', 'st:long', 'sid:long'],
    rows: [
      ['0', '0', '0'],
      ['1', '0', '0'],
      ['40', '40', '1'],
      ['41', '40', '1'],
    ],
  },
  {
    name: 'output=last keeps the last row of a run of matches',
    query: `datatable(v:long)[1, 2, 3, 10, 4] | scan with (step low output=last: v < 5; step high: v >= 5;)`,
    columns: ['v:long'],
    rows: [['3'], ['10'], ['4']],
  },
  {
    name: 'over an empty input',
    query: `datatable(v:long)[] | scan declare (c:long=0) with (step s: true => c = s.c + 1;)`,
    columns: ['v:long', 'c:long'],
    rows: [],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a condition that is not a bool',
    query: `range x from 1 to 2 step 1 | scan with (step s: x + 1;)`,
    code: errorCodes.badArguments,
    message: 'must be a bool',
  },
];

describe('scan', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
