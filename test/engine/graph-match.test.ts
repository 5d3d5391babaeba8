// graph-match (graph-match-operator.md) and the graph functions of its where/project clauses
// (all, any, map, inner_nodes, node_degree_in/out, node_id, labels).
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkValidUnordered, PAIR, SMALL } from './support/graph-data.js';
import { checkInvalid, type InvalidCase, type ValidCase } from './support/run.js';

const G = `${SMALL}E | make-graph src --> dst with N on id`;
const P = (cycles: string) =>
  `${PAIR}P | make-graph s --> t with_node_id=name | graph-match ${cycles} (x)-[e*1..3]->(y) where x.name == "a" project y.name, tags = map(e, tag)`;

const valid: ValidCase[] = [
  {
    name: 'a single edge, with conditions on the edge',
    query: `${G} | graph-match (p)-[e]->(q) where e.rel == "x" project p.id, q.id, e.w`,
    columns: ['p_id:string', 'q_id:string', 'e_w:long'],
    rows: [
      ['a', 'b', '1'],
      ['c', 'a', '3'],
    ],
  },
  {
    name: 'an edge written right to left: its source is on the right',
    query: `${G} | graph-match (q)<-[e]-(p) where q.id == "a" project from = p.id, to = q.id`,
    columns: ['from:string', 'to:string'],
    rows: [['c', 'a']],
  },
  {
    name: 'an edge of any direction matches both ways',
    query: `${G} | graph-match (p)-[e]-(q) where p.id == "b" project q.id, e.rel`,
    columns: ['q_id:string', 'e_rel:string'],
    rows: [
      ['a', 'x'],
      ['c', 'y'],
    ],
  },
  {
    name: 'anonymous nodes and edges',
    query: `${G} | graph-match (p)-->()-->(q) where p.id == "a" project q.id`,
    columns: ['q_id:string'],
    rows: [['c']],
  },
  {
    name: 'a variable length edge: edges and inner nodes left to right',
    query: `${G} | graph-match (p)-[e*1..3]->(q) where p.id == "a" project q.id, path = map(e, w), inner = map(inner_nodes(e), id)`,
    columns: ['q_id:string', 'path:dynamic', 'inner:dynamic'],
    rows: [
      ['b', '[1]', '[]'],
      ['c', '[1,2]', '["b"]'],
      ['a', '[1,2,3]', '["b","c"]'],
      ['d', '[1,2,4]', '["b","c"]'],
    ],
  },
  {
    name: 'a variable length edge written right to left keeps the pattern order',
    query: `${G} | graph-match (q)<-[e*1..2]-(p) where q.id == "c" project p.id, path = map(e, w)`,
    columns: ['p_id:string', 'path:dynamic'],
    rows: [
      ['b', '[2]'],
      ['a', '[2,1]'],
    ],
  },
  {
    name: 'a zero length path binds both ends to one node',
    query: `${G} | graph-match (p)-[e*0..1]->(q) where p.id == "b" project q.id, n = array_length(map(e, w))`,
    columns: ['q_id:string', 'n:long'],
    rows: [
      ['b', '0'],
      ['c', '1'],
    ],
  },
  {
    name: 'cycles=all allows edges and nodes again',
    query: P('cycles=all'),
    columns: ['y_name:string', 'tags:dynamic'],
    rows: [
      ['b', '["ab"]'],
      ['a', '["ab","ba"]'],
      ['b', '["ab","bb"]'],
      ['b', '["ab","ba","ab"]'],
      ['a', '["ab","bb","ba"]'],
      ['b', '["ab","bb","bb"]'],
    ],
  },
  {
    name: 'cycles=unique_edges (the default) never uses an edge twice',
    query: P(''),
    columns: ['y_name:string', 'tags:dynamic'],
    rows: [
      ['b', '["ab"]'],
      ['a', '["ab","ba"]'],
      ['b', '["ab","bb"]'],
      ['a', '["ab","bb","ba"]'],
    ],
  },
  {
    name: 'cycles=none never visits a node twice',
    query: P('cycles=none'),
    columns: ['y_name:string', 'tags:dynamic'],
    rows: [['b', '["ab"]']],
  },
  {
    name: 'two sequences joined by a shared node',
    query: `${G} | graph-match (p)-[e1]->(c), (c)-[e2]->(q) where e1.rel == "y" and e2.rel == "y" project p.id, c.id, q.id`,
    columns: ['p_id:string', 'c_id:string', 'q_id:string'],
    rows: [['b', 'c', 'd']],
  },
  {
    name: 'a node named twice closes a cycle',
    query: `${G} | graph-match (p)-->(q)-->(r)-->(p) project p.id, q.id, r.id`,
    columns: ['p_id:string', 'q_id:string', 'r_id:string'],
    rows: [
      ['a', 'b', 'c'],
      ['b', 'c', 'a'],
      ['c', 'a', 'b'],
    ],
  },
  {
    name: 'a property of a variable length edge: every edge must meet the where, project gives the array',
    query: `${G} | graph-match (p)-[e*1..3]->(q) where p.id == "a" and e.w < 3 project q.id, ws = e.w`,
    columns: ['q_id:string', 'ws:dynamic'],
    rows: [
      ['b', '[1]'],
      ['c', '[1,2]'],
    ],
  },
  {
    name: 'node_degree_in, node_degree_out, node_id and labels, named after the function',
    query: `${G} | graph-match (p)-[e]->(q) where p.id == "c" project q.id, node_degree_in(q), node_degree_out(p), node_id(q), labels(q)`,
    columns: [
      'q_id:string',
      'node_degree_in:long',
      'node_degree_out:long',
      'node_id:string',
      'labels:dynamic',
    ],
    rows: [
      ['a', '1', '2', 'a', '[]'],
      ['d', '1', '2', 'd', '[]'],
    ],
  },
  {
    name: 'all() of no element is true, any() false',
    query: `${G} | graph-match (p)-[e*0..1]->(q) where p.id == "b" project q.id, al = all(e, w > 100), an = any(e, w > 0)`,
    columns: ['q_id:string', 'al:bool', 'an:bool'],
    rows: [
      ['b', true, false],
      ['c', false, true],
    ],
  },
  {
    name: 'a let value in the where clause; a node only edges name has no properties',
    query: `let minAge = 15; ${G} | graph-match (p)-[e]->(q) where q.age > minAge project p.id, q.id`,
    columns: ['p_id:string', 'q_id:string'],
    rows: [
      ['a', 'b'],
      ['b', 'c'],
    ],
  },
  {
    name: 'the property of a node only edges name is null',
    query: `${G} | graph-match (p)-[e]->(q) where isnull(q.age) project p.id, q.id, q.age`,
    columns: ['p_id:string', 'q_id:string', 'q_age:long'],
    rows: [['c', 'd', null]],
  },
  {
    name: 'all() over inner nodes limits the paths',
    query: `${G} | graph-match (p)-[e*1..3]->(q) where p.id == "a" and all(inner_nodes(e), age < 25) project q.id`,
    columns: ['q_id:string'],
    rows: [['b'], ['c']],
  },
  {
    name: 'any() over inner nodes with node functions inside',
    query: `${G} | graph-match (p)-[e*2..2]->(q) where any(inner_nodes(e), node_degree_out() > 1) project p.id, q.id, degrees = map(inner_nodes(e), node_degree_out())`,
    columns: ['p_id:string', 'q_id:string', 'degrees:dynamic'],
    rows: [
      ['b', 'a', '[2]'],
      ['b', 'd', '[2]'],
    ],
  },
  {
    name: 'a condition over the whole match is checked per match',
    query: `${G} | graph-match (p)-[e*1..2]->(q) where p.id == "a" and array_length(map(e, w)) == 2 project q.id`,
    columns: ['q_id:string'],
    rows: [['c']],
  },
  {
    name: 'no edges: no matches, typed columns',
    query: `${SMALL}E | where w > 100 | make-graph src --> dst with N on id | graph-match (p)-[e]->(q) project p.id, e.w`,
    columns: ['p_id:string', 'e_w:long'],
    rows: [],
  },
  {
    name: 'a pattern of one node matches every node',
    query: `${G} | graph-match (n) project n.id, n.age`,
    columns: ['n_id:string', 'n_age:long'],
    rows: [
      ['a', '10'],
      ['b', '20'],
      ['c', '30'],
      ['d', null],
    ],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'a graph with nothing to turn it into a table',
    query: `${G}`,
    code: errorCodes.badArguments,
    message: 'gives a graph',
  },
  {
    name: 'a graph variable as a value',
    query: `${G} | graph-match (p)-[e]->(q) project p`,
    code: errorCodes.unsupported,
    at: 'p',
  },
  {
    name: 'map() over a node',
    query: `${G} | graph-match (p)-[e]->(q) project m = map(p, age)`,
    code: errorCodes.badArguments,
    message: 'not a variable length edge',
  },
  {
    name: 'node_degree_in() without a node outside all/any/map',
    query: `${G} | graph-match (p)-[e*1..2]->(q) project d = node_degree_in()`,
    code: errorCodes.badArguments,
    message: 'expected a node variable',
  },
  {
    name: 'a variable length edge with min > max',
    query: `${G} | graph-match (p)-[e*3..1]->(q) project p.id`,
    code: errorCodes.badArguments,
    message: 'min <= max',
  },
  {
    name: 'sequences that share no node',
    query: `${G} | graph-match (p)-->(q), (r)-->(s) project p.id`,
    code: errorCodes.badArguments,
    message: 'connected',
  },
];

describe('graph-match', () => {
  for (const c of valid) test(c.name, () => checkValidUnordered(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
