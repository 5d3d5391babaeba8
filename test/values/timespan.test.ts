// Timespan literals and printing (scalar-data-types/timespan.md, totimespan-function.md).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTimespan, parseTimespan } from '../../src/engine/values/timespan.js';

const S = 10_000_000n;
describe('parseTimespan', () => {
  const cases: [string, bigint | null][] = [
    ['2d', 2n * 86400n * S],
    ['1.5h', 5400n * S],
    ['30m', 1800n * S],
    ['10s', 10n * S],
    ['100ms', 1_000_000n],
    ['10microsecond', 100n],
    ['1tick', 1n],
    ['15 seconds', 15n * S],
    ['2', 2n * 86400n * S],
    ['0.12:34:56.7', (12n * 3600n + 34n * 60n + 56n) * S + 7_000_000n],
    ['1.02:03:04.5', (86400n + 2n * 3600n + 3n * 60n + 4n) * S + 5_000_000n],
    ['00:10:00', 600n * S],
    ['0.00:03:00', 180n * S],
    ['-01:00:00', -3600n * S],
    ['25min', 1500n * S],
    ['1sec', S],
    ['365d', 365n * 86400n * S],
    ['1w', null],
    ['1:60:00', null],
    ['abc', null],
    ['', null],
  ];
  for (const [text, expected] of cases)
    test(JSON.stringify(text), () => assert.equal(parseTimespan(text), expected));
});

describe('formatTimespan', () => {
  const cases: [string, string][] = [
    ['0.00:03:00', '00:03:00'],
    ['4d', '4.00:00:00'],
    ['5h', '05:00:00'],
    ['20s', '00:00:20'],
    ['365d', '365.00:00:00'],
    ['1.02:03:04.5', '1.02:03:04.5000000'],
    ['-1h', '-01:00:00'],
    ['1tick', '00:00:00.0000001'],
    ['0s', '00:00:00'],
  ];
  for (const [text, expected] of cases)
    test(`${text} -> ${expected}`, () => assert.equal(formatTimespan(parseTimespan(text)!), expected));
});
