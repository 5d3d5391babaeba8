// pack_all, bag_pack_columns and estimate_data_size: functions that read the input row itself.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const T = `datatable(Source:string, Target:string, Count:long)["555-1234", "555-1212", 46, "555-1313", "", long(null)]`;

const valid: ValidCase[] = [
  {
    name: 'pack_all and pack_all(true) in one extend see the input row only',
    query: `${T} | extend Packed = pack_all(), Ignored = pack_all(true)`,
    columns: ['Source:string', 'Target:string', 'Count:long', 'Packed:dynamic', 'Ignored:dynamic'],
    rows: [
      [
        '555-1234',
        '555-1212',
        '46',
        '{"Source":"555-1234","Target":"555-1212","Count":46}',
        '{"Source":"555-1234","Target":"555-1212","Count":46}',
      ],
      ['555-1313', '', null, '{"Source":"555-1313","Target":"","Count":null}', '{"Source":"555-1313"}'],
    ],
  },
  {
    name: 'pack_all after project packs the remaining columns, typed values as JSON',
    query: `print d = datetime(2020-01-02), t = 1h, b = true, g = guid(00000000-0000-0000-0000-000000000001) | project p = pack_all()`,
    columns: ['p:dynamic'],
    rows: [
      [
        '{"d":"2020-01-02T00:00:00.0000000Z","t":"01:00:00","b":true,"g":"00000000-0000-0000-0000-000000000001"}',
      ],
    ],
  },
  {
    name: 'pack_all in where and summarize keys',
    query: `${T} | where isnotnull(pack_all(true).Target) | project Source`,
    columns: ['Source:string'],
    rows: [['555-1234']],
  },
  {
    name: 'bag_pack_columns packs the listed columns under their names (bag-pack-columns-function.md)',
    query: `datatable(Id:string, Value:string, Other:long)["A", "val_a", 1, "B", "val_b", 2] | extend Packed = bag_pack_columns(Id, Value)`,
    columns: ['Id:string', 'Value:string', 'Other:long', 'Packed:dynamic'],
    rows: [
      ['A', 'val_a', '1', '{"Id":"A","Value":"val_a"}'],
      ['B', 'val_b', '2', '{"Id":"B","Value":"val_b"}'],
    ],
  },
  {
    name: 'estimate_data_size(*) sizes every column: a long 8 bytes, a string its length (estimate-data-size-function.md)',
    query: `range x from 1 to 10 step 1 | extend Text = '1234567890' | summarize Total = sum(estimate_data_size(*))`,
    columns: ['Total:long'],
    rows: [['180']],
  },
  {
    name: 'estimate_data_size of listed columns: int 4, datetime 8, null 0, UTF-8 bytes',
    query: `print i = int(1), d = datetime(2020-01-01), n = long(null), s = 'é', s2 = 'éx' | project a = estimate_data_size(i, d), b = estimate_data_size(n), c = estimate_data_size(s, s2)`,
    columns: ['a:long', 'b:long', 'c:long'],
    rows: [['12', '0', '5']],
  },
  {
    name: 'estimate_data_size of a dynamic value exceeds its JSON text',
    query: `print s = '{"a":"bcd"}', d = dynamic({"a":"bcd"}) | project bigger = estimate_data_size(d) > estimate_data_size(s)`,
    columns: ['bigger:bool'],
    rows: [[true]],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'pack_all with a flag that is not a bool',
    query: `${T} | extend p = pack_all(1)`,
    code: errorCodes.badArguments,
    message: 'ignore_null_empty must be a constant bool',
    at: 'pack_all(1)',
  },
];

describe('pack_all, bag_pack_columns, estimate_data_size', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
