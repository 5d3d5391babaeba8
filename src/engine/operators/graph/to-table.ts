/**
 * `graph-to-table nodes [with_node_id=C]` / `edges [with_source_id=C] [with_target_id=C]`
 * (graph-to-table-operator.md): a row per node (its properties) or per edge (its properties, in
 * the order make-graph read them). The id columns hold node hashes, `long`: the reference's
 * examples show hash() of the node id (hash("Alice") is -3122868243544336885 in both), so
 * that is what they hold. The id columns come first, in the order written.
 */
import type { GraphToTableOp, GraphToTableOutput } from '../../../plan/plan.js';
import type { ColumnSchema } from '../../../types/scalar.js';
import { unsupported } from '../../errors.js';
import { relationOf, type Relation } from '../../exec/relation.js';
import { hashValue } from '../../scalar/functions/hashes.js';
import { createVectorBuilder, rechunk, type Vector } from '../../table/index.js';
import type { OpEnv } from '../common.js';
import type { GraphValue } from './graph-value.js';

export function runGraphToTable(op: GraphToTableOp, g: GraphValue, env: OpEnv): Relation {
  if (op.outputs.length !== 1)
    throw unsupported('graph-to-table with both nodes and edges (named results of one statement)', op.span);
  const output = op.outputs[0]!;
  const rel = output.entity === 'nodes' ? nodesTable(output, g) : edgesTable(output, g);
  if (output.asName !== null) env.scope.define(output.asName, { kind: 'tabular', get: () => rel });
  return rel;
}

function hashes(g: GraphValue, nodes: ArrayLike<number>): Vector {
  const out = createVectorBuilder('long', nodes.length);
  for (let i = 0; i < nodes.length; i++) out.push(hashValue(g.nodeIds[nodes[i]!] ?? null, g.nodeIdType));
  return out.finish();
}

function nodesTable(output: GraphToTableOutput, g: GraphValue): Relation {
  const columns: ColumnSchema[] = [];
  const vectors: Vector[] = [];
  if (output.nodeIdColumn !== null) {
    const all = Array.from({ length: g.nodeIds.length }, (_, i) => i);
    columns.push({ name: output.nodeIdColumn, type: 'long' });
    vectors.push(hashes(g, all));
  }
  columns.push(...g.nodes.columns);
  vectors.push(...g.nodes.batch.columns);
  return relationOf(columns, rechunk({ length: g.nodeIds.length, columns: vectors }), false);
}

function edgesTable(output: GraphToTableOutput, g: GraphValue): Relation {
  const columns: ColumnSchema[] = [];
  const vectors: Vector[] = [];
  if (output.sourceIdColumn !== null) {
    columns.push({ name: output.sourceIdColumn, type: 'long' });
    vectors.push(hashes(g, g.edgeSource));
  }
  if (output.targetIdColumn !== null) {
    columns.push({ name: output.targetIdColumn, type: 'long' });
    vectors.push(hashes(g, g.edgeTarget));
  }
  columns.push(...g.edges.columns);
  vectors.push(...g.edges.batch.columns);
  return relationOf(columns, rechunk({ length: g.edgeSource.length, columns: vectors }), false);
}
