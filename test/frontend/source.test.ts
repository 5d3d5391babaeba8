// Offsets: line/column, caret excerpts, offset maps and placeholder filling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fillPlaceholders, huntWindowPlaceholders, OffsetMap, SourceText } from '../../src/frontend/index.js';

describe('SourceText', () => {
  const text = 'ab\ncd\r\nef\rgh';
  const cases: readonly [number, number, number][] = [
    [0, 1, 1],
    [2, 1, 3],
    [3, 2, 1],
    [7, 3, 1],
    [10, 4, 1],
    [12, 4, 3],
  ];
  for (const [offset, line, column] of cases) {
    test(`offset ${offset} is ${line}:${column}`, () => {
      assert.deepEqual(new SourceText('t', text).lineColumn(offset), { line, column });
    });
  }
  test('caret excerpt', () => {
    assert.equal(
      new SourceText('t', 'let x = 1;\nT | where y').excerpt(21, 22),
      '2 | T | where y\n  |           ^',
    );
  });
});

describe('OffsetMap', () => {
  // derived "aXXb" from source "a{{P}}b": runs a→a and b→b, XX replaced {{P}}
  const map = new OffsetMap(
    [
      { from: 0, to: 0, length: 1 },
      { from: 3, to: 6, length: 1 },
    ],
    { start: 0, end: 7 },
  );
  const cases: readonly [number, 'start' | 'end', number][] = [
    [0, 'start', 0],
    [1, 'start', 1],
    [2, 'start', 1],
    [1, 'end', 1],
    [2, 'end', 6],
    [3, 'start', 6],
    [4, 'end', 7],
  ];
  for (const [offset, bias, expected] of cases) {
    test(`${offset} (${bias}) → ${expected}`, () => assert.equal(map.map(offset, bias), expected));
  }
  test('refuses overlapping runs', () => {
    assert.throws(
      () =>
        new OffsetMap(
          [
            { from: 0, to: 0, length: 3 },
            { from: 2, to: 5, length: 1 },
          ],
          { start: 0, end: 9 },
        ),
    );
  });
});

describe('fillPlaceholders', () => {
  test('fills known names and keeps a map', () => {
    const f = fillPlaceholders('x {{A}} y {{ B }} z', { A: '1', B: '22' });
    assert.equal(f.text, 'x 1 y 22 z');
    assert.deepEqual(f.unfilled, []);
    assert.equal(f.map.map(f.text.indexOf('y')), 'x {{A}} y'.indexOf('y'));
    assert.equal(f.map.map(f.text.indexOf('z')), 'x {{A}} y {{ B }} z'.indexOf('z'));
  });
  test('reports names without a value', () => {
    const f = fillPlaceholders("'{{Missing}}'", {});
    assert.equal(f.text, "'{{Missing}}'");
    assert.deepEqual(f.unfilled, [{ name: 'Missing', span: { start: 1, end: 12 } }]);
  });
  test('hunt window values', () => {
    const p = huntWindowPlaceholders({
      start: new Date(Date.UTC(2024, 0, 1)),
      end: new Date(Date.UTC(2024, 0, 2)),
    });
    assert.deepEqual(p, { StartTimeISO: '2024-01-01T00:00:00.000Z', EndTimeISO: '2024-01-02T00:00:00.000Z' });
  });
});
