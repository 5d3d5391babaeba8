// Window functions that rank a serialized row set: row_rank_min and row_rank_dense
// (row-rank-min-function.md, row-rank-dense-function.md), with restarts, nulls, strings and
// empty input.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const flights = `datatable (Airport:string, Airline:string, Departures:long)
  ["SEA", "LH", 3, "SEA", "LY", 100, "SEA", "UA", 3, "SEA", "BA", 2, "SEA", "EL", 3, "AMS", "EL", 1, "AMS", "BA", 1]`;

const valid: ValidCase[] = [
  {
    name: 'row_rank_min: a run of equal terms takes the row number of its first row',
    query: `${flights} | where Airport == "SEA" | sort by Departures asc, Airline asc | extend Rank = row_rank_min(Departures) | project Airline, Rank`,
    columns: ['Airline:string', 'Rank:long'],
    rows: [
      ['BA', '1'],
      ['EL', '2'],
      ['LH', '2'],
      ['UA', '2'],
      ['LY', '5'],
    ],
  },
  {
    name: 'row_rank_dense: a run of equal terms takes the next rank',
    query: `${flights} | where Airport == "SEA" | sort by Departures asc, Airline asc | extend Rank = row_rank_dense(Departures) | project Airline, Rank`,
    columns: ['Airline:string', 'Rank:long'],
    rows: [
      ['BA', '1'],
      ['EL', '2'],
      ['LH', '2'],
      ['UA', '2'],
      ['LY', '3'],
    ],
  },
  {
    name: 'restart counts from 1 again in each partition (both functions)',
    query: `${flights} | sort by Airport desc, Departures asc, Airline asc
      | extend Dense = row_rank_dense(Departures, prev(Airport) != Airport), Min = row_rank_min(Departures, prev(Airport) != Airport)
      | project Airport, Airline, Dense, Min`,
    columns: ['Airport:string', 'Airline:string', 'Dense:long', 'Min:long'],
    rows: [
      ['SEA', 'BA', '1', '1'],
      ['SEA', 'EL', '2', '2'],
      ['SEA', 'LH', '2', '2'],
      ['SEA', 'UA', '2', '2'],
      ['SEA', 'LY', '3', '5'],
      ['AMS', 'BA', '1', '1'],
      ['AMS', 'EL', '1', '1'],
    ],
  },
  {
    name: 'string terms, and nulls rank together',
    query: `datatable(s:string, v:long)["a", long(null), "a", long(null), "b", 1, "b", 1, "c", long(null)]
      | serialize | extend ms = row_rank_min(s), ds = row_rank_dense(s), mv = row_rank_min(v), dv = row_rank_dense(v)
      | project ms, ds, mv, dv`,
    columns: ['ms:long', 'ds:long', 'mv:long', 'dv:long'],
    rows: [
      ['1', '1', '1', '1'],
      ['1', '1', '1', '1'],
      ['3', '2', '3', '2'],
      ['3', '2', '3', '2'],
      ['5', '3', '5', '3'],
    ],
  },
  {
    name: 'an empty input gives no rows',
    query: 'datatable(v:long)[] | serialize | extend r = row_rank_min(v), d = row_rank_dense(v)',
    columns: ['v:long', 'r:long', 'd:long'],
    rows: [],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'row_rank_dense over a set that is not serialized',
    query: 'datatable(v:long)[1] | summarize by v | extend r = row_rank_dense(v)',
    code: errorCodes.notSerialized,
    at: 'row_rank_dense(v)',
  },
];

describe('row_rank_min, row_rank_dense', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
