// make-graph (make-graph-operator.md), graph-to-table (graph-to-table-operator.md) and
// graph-mark-components (graph-mark-components-operator.md).
import { describe, test } from 'node:test';
import { errorCodes } from '../../src/engine/index.js';
import { checkValidUnordered, SMALL } from './support/graph-data.js';
import { checkInvalid, checkValid, type InvalidCase, type ValidCase } from './support/run.js';

const TENANTS = `let TE = datatable(s:string, t:string, tenant:string)["a", "b", "T1", "b", "c", "T1", "a", "b", "T2"];
let TN = datatable(id:string, tenant:string, v:long)["a", "T1", 1, "b", "T1", 2, "c", "T1", 3, "a", "T2", 10, "b", "T2", 20];
`;

const ordered: ValidCase[] = [
  {
    name: 'nodes: the node table rows, then the ids only edges name (holding their id)',
    query: `${SMALL}E | make-graph src --> dst with N on id | graph-to-table nodes`,
    columns: ['id:string', 'age:long'],
    rows: [
      ['a', '10'],
      ['b', '20'],
      ['c', '30'],
      ['d', null],
    ],
  },
  {
    name: 'with_node_id: nodes in order of first appearance, with their id as a property',
    query: `${SMALL}E | make-graph src --> dst with_node_id=node | graph-to-table nodes`,
    columns: ['node:string'],
    rows: [['a'], ['b'], ['c'], ['d']],
  },
  {
    name: 'two node tables: one node per id, properties merged, the first value kept',
    query: `${SMALL}E | make-graph src --> dst with N on id, datatable(id:string, age:long, team:string)["a", 99, "green", "e", 5, "red"] on id | graph-to-table nodes`,
    columns: ['id:string', 'age:long', 'team:string'],
    rows: [
      ['a', '10', 'green'],
      ['b', '20', ''],
      ['c', '30', ''],
      ['e', '5', 'red'],
      ['d', null, ''],
    ],
  },
  {
    name: 'numeric ids match across numeric types',
    query: `datatable(s:long, t:long)[1, 2, 2, 3] | make-graph s --> t with datatable(k:long, name:string)[1, "one", 3, "three"] on k | graph-to-table nodes`,
    columns: ['k:long', 'name:string'],
    rows: [
      ['1', 'one'],
      ['3', 'three'],
      ['2', ''],
    ],
  },
  {
    name: 'edges: the input rows, in order',
    query: `${SMALL}E | make-graph src --> dst with N on id | graph-to-table edges`,
    columns: ['src:string', 'dst:string', 'rel:string', 'w:long'],
    rows: [
      ['a', 'b', 'x', '1'],
      ['b', 'c', 'y', '2'],
      ['c', 'a', 'x', '3'],
      ['c', 'd', 'y', '4'],
    ],
  },
  {
    name: 'edge ids are hash() of the node ids',
    query: `${SMALL}E | make-graph src --> dst with N on id | graph-to-table edges with_source_id=S with_target_id=T | summarize same = countif(S == hash(src) and T == hash(dst)), all = count()`,
    columns: ['same:long', 'all:long'],
    rows: [['4', '4']],
  },
  {
    name: 'node ids are the hashes graph-to-table-operator.md shows, in the first column',
    query: `datatable(s:string, t:string)["Alice", "Bob"] | make-graph s --> t with_node_id=name | graph-to-table nodes with_node_id=NodeId`,
    columns: ['NodeId:long', 'name:string'],
    rows: [
      ['-3122868243544336885', 'Alice'],
      ['-7133945255344544237', 'Bob'],
    ],
  },
  {
    name: 'weak components ignore direction, numbered by their first node',
    query: `datatable(s:string, t:string)["a", "b", "c", "b", "x", "y", "z", "z"] | make-graph s --> t with_node_id=n | graph-mark-components | graph-to-table nodes`,
    columns: ['n:string', 'ComponentId:long'],
    rows: [
      ['a', '0'],
      ['b', '0'],
      ['c', '0'],
      ['x', '1'],
      ['y', '1'],
      ['z', '2'],
    ],
  },
  {
    name: 'strong components follow edge direction',
    query: `datatable(s:string, t:string)["a", "b", "b", "a", "b", "c", "c", "d", "d", "c", "e", "e"] | make-graph s --> t with_node_id=n | graph-mark-components kind=strong with_component_id=scc | graph-to-table nodes`,
    columns: ['n:string', 'scc:long'],
    rows: [
      ['a', '0'],
      ['b', '0'],
      ['c', '1'],
      ['d', '1'],
      ['e', '2'],
    ],
  },
];

const unordered: ValidCase[] = [
  {
    name: 'components as node properties in graph-match',
    query: `datatable(s:string, t:string)["a", "b", "x", "y"] | make-graph s --> t with_node_id=n | graph-mark-components with_component_id=c | graph-match (p)-->(q) project p.n, p.c, q.c`,
    columns: ['p_n:string', 'p_c:long', 'q_c:long'],
    rows: [
      ['a', '0', '0'],
      ['x', '1', '1'],
    ],
  },
  {
    name: 'partitioned-by: one graph per value, node properties of that value',
    query: `${TENANTS}TE | make-graph s --> t with TN on id partitioned-by tenant (graph-match (p)-->(q) project p.v, q.v, p.tenant)`,
    columns: ['p_v:long', 'q_v:long', 'p_tenant:string'],
    rows: [
      ['1', '2', 'T1'],
      ['2', '3', 'T1'],
      ['10', '20', 'T2'],
    ],
  },
  {
    name: 'partitioned-by: paths stay inside a partition',
    query: `${TENANTS}TE | make-graph s --> t with TN on id partitioned-by tenant (graph-match (p)-->(q)-->(r) project p.v, r.v)`,
    columns: ['p_v:long', 'r_v:long'],
    rows: [['1', '3']],
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'graph-to-table of nodes and edges at once',
    query: `${SMALL}E | make-graph src --> dst with N on id | graph-to-table nodes as A, edges as B`,
    code: errorCodes.unsupported,
  },
];

describe('make-graph, graph-to-table, graph-mark-components', () => {
  for (const c of ordered) test(c.name, () => checkValid(c));
  for (const c of unordered) test(c.name, () => checkValidUnordered(c));
  for (const c of invalid) test(`error: ${c.name}`, () => checkInvalid(c));
});
