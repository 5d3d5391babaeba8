// Plan shapes of the graph operators (make-graph, graph-match, graph-shortest-paths,
// graph-mark-components, graph-to-table): query → expected fragment of an operator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertMatches, compile, lastOperator, operatorsOf } from './support.js';

const E =
  'let E = datatable(s:string, d:string, w:long)["a", "b", 1];\nlet N = datatable(id:string, age:long)["a", 1];\n';
const G = `${E}E | make-graph s --> d with_node_id=name`;

interface Case {
  readonly name: string;
  readonly query: string;
  /** Which operator of the result pipeline to compare (default: the last). */
  readonly at?: number;
  readonly expected: unknown;
}

const cases: readonly Case[] = [
  {
    name: 'make-graph with node tables',
    query: `${E}E | make-graph s --> d with N on id, N on id | graph-to-table nodes`,
    at: 0,
    expected: {
      kind: 'make-graph',
      sourceColumn: 's',
      targetColumn: 'd',
      nodeTables: [
        { table: { kind: 'table', name: 'N' }, idColumn: 'id' },
        { table: { kind: 'table', name: 'N' }, idColumn: 'id' },
      ],
      nodeIdProperty: null,
      partition: null,
    },
  },
  {
    name: 'make-graph with_node_id',
    query: `${G} | graph-to-table nodes`,
    at: 0,
    expected: { kind: 'make-graph', nodeTables: [], nodeIdProperty: 'name', partition: null },
  },
  {
    name: 'make-graph partitioned-by runs a graph operator per partition',
    query: `${E}E | make-graph s --> d with N on id partitioned-by s (graph-to-table nodes)`,
    at: 0,
    expected: {
      kind: 'make-graph',
      partition: {
        column: 's',
        operators: [{ kind: 'graph-to-table' }],
      },
    },
  },
  {
    name: 'graph-match: nodes, edges of each direction, ranges, where, project names',
    query: `${G} | graph-match cycles=none (a)-[e]->(b)<-[f*1..3]-(), (a)--(c) where a.name == "a" project a.name, x = map(f, w)`,
    expected: {
      kind: 'graph-match',
      cycles: 'none',
      patterns: [
        {
          nodes: [{ name: 'a' }, { name: 'b' }, { name: null }],
          edges: [
            { name: 'e', direction: 'right', range: null },
            {
              name: 'f',
              direction: 'left',
              range: { min: { kind: 'literal', value: 1n }, max: { kind: 'literal', value: 3n } },
            },
          ],
        },
        { nodes: [{ name: 'a' }, { name: 'c' }], edges: [{ name: null, direction: 'any', range: null }] },
      ],
      where: {
        kind: 'binary',
        op: '==',
        left: { kind: 'member', target: { kind: 'name', name: 'a' }, name: 'name' },
      },
      project: [
        { name: 'a_name', expr: { kind: 'member', name: 'name' } },
        { name: 'x', expr: { kind: 'call', name: 'map' } },
      ],
    },
  },
  {
    name: 'graph-match defaults to cycles=unique_edges',
    query: `${G} | graph-match (a)-->(b) project a.name`,
    expected: { kind: 'graph-match', cycles: 'unique_edges', where: null },
  },
  {
    name: 'an unnamed graph function call is named after the function',
    query: `${G} | graph-match (a)-->(b) project node_degree_out(a), node_id(b)`,
    expected: { kind: 'graph-match', project: [{ name: 'node_degree_out' }, { name: 'node_id' }] },
  },
  {
    name: 'graph-shortest-paths output=all',
    query: `${G} | graph-shortest-paths output=all (a)-[e*1..2]->(b) project b.name`,
    expected: { kind: 'graph-shortest-paths', output: 'all', project: [{ name: 'b_name' }] },
  },
  {
    name: 'graph-mark-components defaults',
    query: `${G} | graph-mark-components | graph-to-table nodes`,
    at: 1,
    expected: { kind: 'graph-mark-components', componentKind: 'weak', componentIdProperty: 'ComponentId' },
  },
  {
    name: 'graph-mark-components kind and id name',
    query: `${G} | graph-mark-components kind=strong with_component_id=c | graph-to-table nodes`,
    at: 1,
    expected: { kind: 'graph-mark-components', componentKind: 'strong', componentIdProperty: 'c' },
  },
  {
    name: 'graph-to-table edges with id columns',
    query: `${G} | graph-to-table edges as X with_source_id=S with_target_id=T`,
    expected: {
      kind: 'graph-to-table',
      outputs: [
        { entity: 'edges', asName: 'X', nodeIdColumn: null, sourceIdColumn: 'S', targetIdColumn: 'T' },
      ],
    },
  },
  {
    name: 'graph-to-table nodes and edges',
    query: `${G} | graph-to-table nodes as A with_node_id=I, edges as B`,
    expected: {
      kind: 'graph-to-table',
      outputs: [
        { entity: 'nodes', asName: 'A', nodeIdColumn: 'I' },
        { entity: 'edges', asName: 'B', nodeIdColumn: null },
      ],
    },
  },
];

describe('graph operator plans', () => {
  for (const c of cases) {
    test(c.name, () => {
      const op = c.at === undefined ? lastOperator(c.query) : operatorsOf(c.query)[c.at];
      assertMatches(op, c.expected);
    });
  }
  test('a property named with with_node_id inside map(inner_nodes(...)) is not an unknown name', () => {
    const q = `${G} | graph-match (a)-[e*1..3]->(b) project x = map(inner_nodes(e), name)`;
    assert.deepEqual(
      compile(q).diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
  });
  test('other unknown names inside map(inner_nodes(...)) are still reported', () => {
    const q = `${G} | graph-match (a)-[e*1..3]->(b) project x = map(inner_nodes(e), nope)`;
    assert.ok(compile(q).diagnostics.some((d) => d.severity === 'error' && d.message.includes("'nope'")));
  });
});
