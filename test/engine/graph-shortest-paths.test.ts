// graph-shortest-paths (graph-shortest-paths-operator.md): one shortest path per pair by default,
// every shortest path with output=all; where-clause conditions on the path are met along it.
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkValidUnordered, SMALL } from './support/graph-data.js';
import { checkInvalid, type InvalidCase, type ValidCase } from './support/run.js';

const G = `${SMALL}E | make-graph src --> dst with N on id`;

/** Two shortest paths s→x→t and s→y→t, and a longer one s→z→w→t. */
const DIAMOND = `datatable(f:string, t:string, w:long)["s", "x", 1, "s", "y", 2, "x", "t", 3, "y", "t", 4, "s", "z", 5, "z", "w", 6, "w", "t", 7] | make-graph f --> t with_node_id=name`;

const valid: ValidCase[] = [
  {
    name: 'one shortest path to every reachable node',
    query: `${G} | graph-shortest-paths (s)-[e*1..3]->(t) where s.id == "a" project t.id, path = map(e, w)`,
    columns: ['t_id:string', 'path:dynamic'],
    rows: [
      ['b', '[1]'],
      ['c', '[1,2]'],
      ['a', '[1,2,3]'],
      ['d', '[1,2,4]'],
    ],
  },
  {
    name: 'a minimum length: the shortest path of at least min edges',
    query: `${G} | graph-shortest-paths (s)-[e*2..3]->(t) where s.id == "a" and t.id == "c" project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[1,2]']],
  },
  {
    name: 'output=any keeps the path found first in edge order',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..3]->(b) where a.name == "s" and b.name == "t" project path = map(e, w), inner = map(inner_nodes(e), name)`,
    columns: ['path:dynamic', 'inner:dynamic'],
    rows: [['[1,3]', '["x"]']],
  },
  {
    name: 'output=all keeps every path of the minimal length',
    query: `${DIAMOND} | graph-shortest-paths output=all (a)-[e*1..3]->(b) where a.name == "s" and b.name == "t" project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[1,3]'], ['[2,4]']],
  },
  {
    name: 'all() over inner nodes is met along the path',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..3]->(b) where a.name == "s" and b.name == "t" and all(inner_nodes(e), name != "x") project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[2,4]']],
  },
  {
    name: 'all() over edges is met along the path',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..3]->(b) where a.name == "s" and b.name == "t" and all(e, w >= 5) project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[5,6,7]']],
  },
  {
    name: 'a condition on both ends',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..1]->(b) where a.name == "s" and strcat(a.name, b.name) in ("sx", "sz") project b.name`,
    columns: ['b_name:string'],
    rows: [['x'], ['z']],
  },
  {
    name: 'no path: no row',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..3]->(b) where a.name == "t" project b.name`,
    columns: ['b_name:string'],
    rows: [],
  },
  {
    name: 'edges of any direction',
    query: `${DIAMOND} | graph-shortest-paths (a)-[e*1..2]-(b) where a.name == "t" and b.name == "s" project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[3,1]']],
  },
  {
    name: 'a path back to its source',
    query: `${G} | graph-shortest-paths (a)-[e*1..3]->(a) where a.id == "a" project path = map(e, w)`,
    columns: ['path:dynamic'],
    rows: [['[1,2,3]']],
  },
  {
    name: 'a zero length path when min is 0',
    query: `${G} | graph-shortest-paths (s)-[e*0..2]->(t) where s.id == "a" and t.id == "a" project n = array_length(map(e, w))`,
    columns: ['n:long'],
    rows: [['0']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a condition on the path that is not all()',
    query: `${G} | graph-shortest-paths (s)-[e*1..3]->(t) where any(e, w > 2) project t.id`,
    code: errorCodes.unsupported,
    at: 'any(e, w > 2)',
  },
  {
    name: 'a pattern with more than one edge',
    query: `${G} | graph-shortest-paths (s)-[e*1..3]->(t)-->(u) project t.id`,
    code: errorCodes.unsupported,
  },
];

describe('graph-shortest-paths', () => {
  for (const c of valid) test(c.name, () => checkValidUnordered(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
