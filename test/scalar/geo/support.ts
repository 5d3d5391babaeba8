// Table-driven checks for the geo_* functions: each case is the arguments and the cell the
// reference page prints, compared as the conformance runner compares (numbers to the printed
// digits, GeoJSON structurally, '' for null).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cellMatches } from '../../../src/conformance/cells.js';
import { stringifyDynamic } from '../../../src/engine/values/dynamic.js';
import type { DynamicValue } from '../../../src/types/scalar.js';
import { type Arg, callTyped, label } from '../support.js';

export type GeoCase = readonly [args: Arg[], documented: string];

export function geoTable(name: string, cases: readonly GeoCase[]): void {
  describe(name, () => {
    for (const [args, documented] of cases) {
      test(`${name}(${args.map(label).join(', ')}) → ${documented.slice(0, 60) || 'null'}`, () => {
        const { value, type } = callTyped(name, ...args);
        const shown =
          typeof value === 'object' && value !== null
            ? stringifyDynamic(value as DynamicValue)
            : String(value);
        assert.ok(cellMatches(documented, value, type), `got ${shown} (${type}), documented ${documented}`);
      });
    }
  });
}
