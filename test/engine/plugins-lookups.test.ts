// ipv4_lookup, ipv6_lookup, geo_polygon_lookup, geo_line_lookup and dcount_intersect.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorCodes, executeQuery, KqlRuntimeError } from '../../src/engine/index.js';
import type { EvaluateOp, NameRef } from '../../src/plan/plan.js';
import {
  checkInvalid,
  checkValid,
  compileKql,
  withLastOperator,
  type InvalidCase,
  type ValidCase,
} from './support/run.js';

const NETS = `let Nets = datatable(network:string, name:string)["10.0.0.0/8", "ten", "10.1.0.0/16", "ten-one", "192.168.1.7", "host", "not an ip", "bad"];`;
const NETS6 = `let Nets = datatable(network:string, name:string)["2001:db8::/32", "doc", "2001:db8:1::/48", "doc-1", "10.0.0.0/8", "v4"];`;
const SQUARE = `dynamic({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})`;
const FAR_SQUARE = `dynamic({"type":"Polygon","coordinates":[[[10,10],[11,10],[11,11],[10,11],[10,10]]]})`;
const SHAPES = `let Shapes = datatable(shape_name:string, shape:dynamic)["near", ${SQUARE}, "far", ${FAR_SQUARE}];`;
const LINES = `let Roads = datatable(road:string, line:dynamic)["equator", dynamic({"type":"LineString","coordinates":[[0,0],[2,0]]}), "meridian", dynamic({"type":"LineString","coordinates":[[5,-1],[5,1]]})];`;

const valid: ValidCase[] = [
  {
    name: 'ipv4_lookup: every containing network, in lookup order; unmatched rows dropped',
    query: `${NETS} datatable(ip:string, n:long)["10.1.2.3", 1, "10.200.0.1", 2, "192.168.1.7", 3, "8.8.8.8", 4, "", 5] | evaluate ipv4_lookup(Nets, ip, network)`,
    columns: ['ip:string', 'n:long', 'network:string', 'name:string'],
    rows: [
      ['10.1.2.3', '1', '10.0.0.0/8', 'ten'],
      ['10.1.2.3', '1', '10.1.0.0/16', 'ten-one'],
      ['10.200.0.1', '2', '10.0.0.0/8', 'ten'],
      ['192.168.1.7', '3', '192.168.1.7', 'host'],
    ],
  },
  {
    name: 'ipv4_lookup: return_unmatched keeps the rest with empty lookup columns',
    query: `${NETS} datatable(ip:string)["8.8.8.8", "10.9.9.9"] | evaluate ipv4_lookup(Nets, ip, network, return_unmatched = true)`,
    columns: ['ip:string', 'network:string', 'name:string'],
    rows: [
      ['8.8.8.8', '', ''],
      ['10.9.9.9', '10.0.0.0/8', 'ten'],
    ],
  },
  {
    name: 'ipv4_lookup: a masked source matches only networks at least as wide',
    query: `${NETS} datatable(ip:string)["10.1.0.0/12"] | evaluate ipv4_lookup(Nets, ip, network)`,
    columns: ['ip:string', 'network:string', 'name:string'],
    rows: [['10.1.0.0/12', '10.0.0.0/8', 'ten']],
  },
  {
    name: 'ipv4_lookup: extra keys must be equal too, and appear once',
    query: `let L = datatable(net:string, site:string, label:string)["10.0.0.0/8", "a", "A", "10.0.0.0/8", "b", "B"]; datatable(ip:string, site:string)["10.1.1.1", "b", "10.1.1.2", "c"] | evaluate ipv4_lookup(L, ip, net, site, true)`,
    columns: ['ip:string', 'site:string', 'net:string', 'label:string'],
    rows: [
      ['10.1.1.1', 'b', '10.0.0.0/8', 'B'],
      ['10.1.1.2', 'c', '', ''],
    ],
  },
  {
    name: 'ipv4_lookup: a name in both tables gets a suffix',
    query: `let L = datatable(net:string, n:long)["1.2.3.0/24", 7]; datatable(ip:string, n:long)["1.2.3.4", 1] | evaluate ipv4_lookup(L, ip, net)`,
    columns: ['ip:string', 'n:long', 'net:string', 'n1:long'],
    rows: [['1.2.3.4', '1', '1.2.3.0/24', '7']],
  },
  {
    name: 'ipv6_lookup: lookup columns first (as documented); IPv4 networks match IPv4 sources',
    query: `${NETS6} datatable(ip:string)["2001:db8:1:2::1", "10.1.2.3", "fe80::1"] | evaluate ipv6_lookup(Nets, ip, network, true)`,
    columns: ['network:string', 'name:string', 'ip:string'],
    rows: [
      ['2001:db8::/32', 'doc', '2001:db8:1:2::1'],
      ['2001:db8:1::/48', 'doc-1', '2001:db8:1:2::1'],
      ['10.0.0.0/8', 'v4', '10.1.2.3'],
      ['', '', 'fe80::1'],
    ],
  },
  {
    name: 'ipv4_lookup over an empty lookup table',
    query: `let L = datatable(net:string)[]; datatable(ip:string)["1.1.1.1"] | evaluate ipv4_lookup(L, ip, net)`,
    columns: ['ip:string', 'net:string'],
    rows: [],
  },
  {
    name: 'geo_polygon_lookup: contained points match; the key column is left out by default',
    query: `${SHAPES} datatable(p:string, lng:real, lat:real)["in", 0.5, 0.5, "out", 5.0, 5.0, "far", 10.5, 10.5, "invalid", 500.0, 0.0] | evaluate geo_polygon_lookup(Shapes, shape, lng, lat)`,
    columns: ['p:string', 'lng:real', 'lat:real', 'shape_name:string'],
    rows: [
      ['in', 0.5, 0.5, 'near'],
      ['far', 10.5, 10.5, 'far'],
    ],
  },
  {
    name: 'geo_polygon_lookup: a radius around the polygon, unmatched rows, the key column',
    query: `${SHAPES} datatable(p:string, lng:real, lat:real)["edge", 1.001, 0.5, "out", 5.0, 5.0] | evaluate geo_polygon_lookup(Shapes, shape, lng, lat, radius = 1000, return_unmatched = true, return_lookup_key = true)`,
    columns: ['p:string', 'lng:real', 'lat:real', 'shape_name:string', 'shape:dynamic'],
    rows: [
      ['edge', 1.001, 0.5, 'near', '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}'],
      ['out', 5, 5, '', null],
    ],
  },
  {
    name: 'geo_line_lookup: points within the radius of a line',
    query: `${LINES} datatable(p:string, lng:real, lat:real)["on", 1.0, 0.0001, "off", 1.0, 0.5, "cross", 5.0, 0.0] | evaluate geo_line_lookup(Roads, line, lng, lat, 100)`,
    columns: ['p:string', 'lng:real', 'lat:real', 'road:string'],
    rows: [
      ['on', 1, 0.0001, 'equator'],
      ['cross', 5, 0, 'meridian'],
    ],
  },
  {
    name: 'dcount_intersect: S1, S1∩S2, S1∩S2∩S3 appended to the input',
    query: `range x from 1 to 30 step 1 | summarize a = hll(iif(x % 2 == 0, x, 0)), b = hll(iif(x % 3 == 0, x, 0)), c = hll(iif(x % 5 == 0, x, 0)) | evaluate dcount_intersect(a, b, c) | project s0, s1, s2`,
    columns: ['s0:long', 's1:long', 's2:long'],
    rows: [['16', '6', '2']],
  },
  {
    name: 'dcount_intersect with a null hll gives nulls from there on',
    query: `print a = dynamic(null), b = dynamic(null) | evaluate dcount_intersect(a, b) | project s0, s1`,
    columns: ['s0:long', 's1:long'],
    rows: [[null, null]],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'geo_polygon_lookup with a negative radius',
    query: `${SHAPES} datatable(lng:real, lat:real)[1.0, 0.0] | evaluate geo_polygon_lookup(Shapes, shape, lng, lat, real(-5))`,
    code: errorCodes.badArguments,
    message: 'radius must be a non-negative number',
  },
];

/**
 * Plans the binder would reject, made by replacing a valid evaluate's arguments: the engine must
 * still refuse them with a clear error rather than guess.
 */
interface BadPlanCase {
  readonly name: string;
  readonly query: string;
  readonly args: (op: EvaluateOp) => EvaluateOp['args'];
  readonly message: string;
}

const badPlans: BadPlanCase[] = [
  {
    name: 'ipv4_lookup with a column where the lookup table goes',
    query: `${NETS} datatable(ip:string)["1.1.1.1"] | evaluate ipv4_lookup(Nets, ip, network)`,
    args: (op) => [op.args[1]!, op.args[1]!, op.args[2]!],
    message: 'LookupTable must be a table',
  },
  {
    name: 'ipv4_lookup with an extra key the lookup table lacks',
    query: `${NETS} datatable(ip:string, site:string)["1.1.1.1", "a"] | evaluate ipv4_lookup(Nets, ip, network)`,
    args: (op) => [...op.args, { ...(op.args[1] as NameRef), name: 'site' }],
    message: "extra key 'site'",
  },
  {
    name: 'ipv6_lookup with an extra key',
    query: `${NETS6} datatable(ip:string)["::1"] | evaluate ipv6_lookup(Nets, ip, network)`,
    args: (op) => [...op.args, op.args[2]!],
    message: 'at most 4 arguments',
  },
  {
    name: 'geo_line_lookup without a radius',
    query: `${LINES} datatable(lng:real, lat:real)[1.0, 0.0] | evaluate geo_line_lookup(Roads, line, lng, lat, 10)`,
    args: (op) => op.args.slice(0, 4),
    message: 'missing Radius',
  },
  {
    name: 'dcount_intersect of a column that is not dynamic',
    query: `print a = dynamic(null), b = dynamic(null), n = 1 | evaluate dcount_intersect(a, b)`,
    args: (op) => [
      op.args[0]!,
      { kind: 'name', name: 'n', resolvedAs: 'column', type: 'int', span: op.args[1]!.span },
    ],
    message: 'hll() value',
  },
];

async function checkBadPlan(c: BadPlanCase): Promise<void> {
  const plan = withLastOperator(compileKql(c.query), (op) => {
    assert.equal(op.kind, 'evaluate');
    return { ...op, args: c.args(op as EvaluateOp) };
  });
  await assert.rejects(executeQuery(plan, { tables: new Map() }), (e: unknown) => {
    assert.ok(e instanceof KqlRuntimeError, String(e));
    assert.equal(e.code, errorCodes.badArguments);
    assert.ok(e.message.includes(c.message), e.message);
    return true;
  });
}

describe('lookup plugins and dcount_intersect', () => {
  for (const c of valid) test(c.name, () => checkValid(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
  for (const c of badPlans) test(`error: ${c.name}`, () => checkBadPlan(c));
});
