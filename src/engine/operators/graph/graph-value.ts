/**
 * A graph: the value that flows from `make-graph` through the graph operators
 * (make-graph-operator.md). Nodes and edges each keep their properties as one columnar batch,
 * a row per node or edge; node `i` is row `i` of `nodes`, edge `j` row `j` of `edges`, and each
 * edge knows its source and target node by index. Adjacency lists (CSR: offsets into one array
 * of edge indices, in edge order) make traversal cheap in both directions.
 */
import type { ColumnSchema, ScalarType, ScalarValue } from '../../../types/scalar.js';
import type { Batch } from '../../table/index.js';
import { toStringValue } from '../../values/convert.js';

/** Properties of every node or every edge: a schema and one batch with a row per element. */
export interface PropertyTable {
  readonly columns: readonly ColumnSchema[];
  readonly batch: Batch;
}

/** Edges per node: node `n`'s edges are `edges[offsets[n] .. offsets[n + 1])`. */
export interface Adjacency {
  readonly offsets: Uint32Array;
  readonly edges: Uint32Array;
}

export interface GraphValue {
  readonly kind: 'graph';
  readonly nodes: PropertyTable;
  /** Each node's id as make-graph found it (the edge table's source/target values). */
  readonly nodeIds: readonly ScalarValue[];
  readonly nodeIdType: ScalarType;
  readonly edges: PropertyTable;
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  readonly outgoing: Adjacency;
  readonly incoming: Adjacency;
}

export function isGraphValue(value: unknown): value is GraphValue {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'graph';
}

export function nodeCount(g: GraphValue): number {
  return g.nodeIds.length;
}

export function edgeCount(g: GraphValue): number {
  return g.edgeSource.length;
}

/** Builds CSR adjacency from each edge's endpoint (`ends[e]`), keeping edge order per node. */
export function adjacencyOf(nodes: number, ends: Uint32Array): Adjacency {
  const offsets = new Uint32Array(nodes + 1);
  for (let e = 0; e < ends.length; e++) offsets[ends[e]! + 1]!++;
  for (let n = 0; n < nodes; n++) offsets[n + 1]! += offsets[n]!;
  const cursor = offsets.slice(0, nodes);
  const edges = new Uint32Array(ends.length);
  for (let e = 0; e < ends.length; e++) edges[cursor[ends[e]!]!++] = e;
  return { offsets, edges };
}

export function degree(adjacency: Adjacency, node: number): number {
  return adjacency.offsets[node + 1]! - adjacency.offsets[node]!;
}

/** node_id(): the id as a string (node-id.md: "the node ID string representation"). */
export function nodeIdText(g: GraphValue, node: number): string {
  return toStringValue(g.nodeIds[node] ?? null, g.nodeIdType);
}

/** A graph with the same structure and new node properties (graph-mark-components). */
export function withNodeProperties(g: GraphValue, nodes: PropertyTable): GraphValue {
  return { ...g, nodes };
}
