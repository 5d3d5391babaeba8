/**
 * `make-graph Source --> Target [with Nodes1 on Id1[, Nodes2 on Id2] | with_node_id=Name]`
 * (make-graph-operator.md): every input row becomes an edge with the row's columns as its
 * properties; every node-table row a node with that row's columns as properties.
 *
 * - Nodes come in the order met: the node tables' rows first, then the ids that only edges
 *   name, in edge order (source before target), which is the order graph-to-table shows.
 * - A node id in both node tables (or twice in one) is one node whose properties are merged;
 *   where two rows disagree the first value is kept ("one of the values is arbitrarily chosen").
 * - A node only edges name has empty properties but for the id columns of the node tables,
 *   which hold its id (graph-to-table-operator.md's nodes example shows `Mallory|||`).
 * - Ids match by value: numbers of any numeric type match each other, strings match exactly.
 */
import type { MakeGraphOp, Span } from '../../../plan/plan.js';
import type { ColumnSchema, ScalarType, ScalarValue } from '../../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import { columnIndex, singleBatch, type Relation } from '../../exec/relation.js';
import { createVectorBuilder, type Batch } from '../../table/index.js';
import { convert } from '../../values/convert.js';
import { stringifyDynamic } from '../../values/dynamic.js';
import type { DynamicValue } from '../../../types/scalar.js';
import type { OpEnv } from '../common.js';
import { adjacencyOf, type GraphValue, type PropertyTable } from './graph-value.js';

/** A node table as make-graph reads it: its rows and the position of its id column. */
export interface NodeRows {
  readonly columns: readonly ColumnSchema[];
  readonly batch: Batch;
  readonly idColumn: number;
  readonly span: Span;
}

export function runMakeGraph(op: MakeGraphOp, input: Relation, env: OpEnv): GraphValue {
  const nodeTables = op.nodeTables.map((t) => nodeRowsOf(env.ctx.evalTabular(t.table, env.scope), t));
  return buildGraph(op, input.columns, singleBatch(input), nodeTables);
}

export function nodeRowsOf(rel: Relation, t: MakeGraphOp['nodeTables'][number]): NodeRows {
  const idColumn = columnIndex(rel.columns, t.idColumn);
  if (idColumn < 0)
    throw new KqlRuntimeError(
      errorCodes.unresolvedName,
      `make-graph: the node table has no column '${t.idColumn}'`,
      t.span,
    );
  return { columns: rel.columns, batch: singleBatch(rel), idColumn, span: t.span };
}

function numericType(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
}

/** The key two equal node ids share. */
function idKey(value: ScalarValue, type: ScalarType): string {
  if (value === null) return 'null';
  if (type === 'string') return 's' + (value as string);
  if (numericType(type)) return 'n' + String(value);
  if (type === 'dynamic') return 'j' + stringifyDynamic(value as DynamicValue);
  return type[0]! + String(value);
}

export function buildGraph(
  op: MakeGraphOp,
  edgeColumns: readonly ColumnSchema[],
  edges: Batch,
  nodeTables: readonly NodeRows[],
): GraphValue {
  const sourceAt = edgeColumn(edgeColumns, op.sourceColumn, op.span);
  const targetAt = edgeColumn(edgeColumns, op.targetColumn, op.span);
  const idType = edgeColumns[sourceAt]!.type;
  const targetType = edgeColumns[targetAt]!.type;
  if (idType !== targetType && !(numericType(idType) && numericType(targetType)))
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `make-graph: the source column is ${idType} and the target column ${targetType}; node ids must have one type`,
      op.span,
    );

  const schema = nodeSchema(op, idType, nodeTables);
  const nodeIds: ScalarValue[] = [];
  const byKey = new Map<string, number>();
  /** Property values per node, by property position; undefined where no row gave one. */
  const values: (ScalarValue | undefined)[][] = [];
  const nodeOf = (id: ScalarValue, type: ScalarType): number => {
    const key = idKey(id, type);
    let n = byKey.get(key);
    if (n === undefined) {
      n = nodeIds.length;
      byKey.set(key, n);
      nodeIds.push(numericType(type) && type !== idType ? convert(id, type, idType) : id);
      values.push([]);
    }
    return n;
  };

  for (const t of nodeTables) {
    const idType2 = t.columns[t.idColumn]!.type;
    const slots = t.columns.map((c) => columnIndex(schema, c.name));
    for (let r = 0; r < t.batch.length; r++) {
      const n = nodeOf(t.batch.columns[t.idColumn]!.get(r), idType2);
      const row = values[n]!;
      slots.forEach((slot, c) => {
        if (row[slot] === undefined) row[slot] = t.batch.columns[c]!.get(r);
      });
    }
  }

  const edgeSource = new Uint32Array(edges.length);
  const edgeTarget = new Uint32Array(edges.length);
  const sources = edges.columns[sourceAt]!;
  const targets = edges.columns[targetAt]!;
  for (let e = 0; e < edges.length; e++) {
    edgeSource[e] = nodeOf(sources.get(e), idType);
    edgeTarget[e] = nodeOf(targets.get(e), targetType);
  }

  // The id properties: with_node_id's, and each node table's id column for nodes it lacks.
  const idSlots =
    op.nodeIdProperty !== null
      ? [columnIndex(schema, op.nodeIdProperty)]
      : nodeTables.map((t) => columnIndex(schema, t.columns[t.idColumn]!.name));
  nodeIds.forEach((id, n) => {
    const row = values[n]!;
    for (const slot of idSlots)
      if (row[slot] === undefined) row[slot] = convert(id, idType, schema[slot]!.type);
  });

  const nodes: PropertyTable = { columns: schema, batch: batchOf(schema, values) };
  return {
    kind: 'graph',
    nodes,
    nodeIds,
    nodeIdType: idType,
    edges: { columns: edgeColumns, batch: edges },
    edgeSource,
    edgeTarget,
    outgoing: adjacencyOf(nodeIds.length, edgeSource),
    incoming: adjacencyOf(nodeIds.length, edgeTarget),
  };
}

function edgeColumn(columns: readonly ColumnSchema[], name: string, span: Span): number {
  const i = columnIndex(columns, name);
  if (i < 0)
    throw new KqlRuntimeError(
      errorCodes.unresolvedName,
      `make-graph: the edges have no column '${name}'`,
      span,
    );
  return i;
}

/** The node properties: with_node_id's one, or the node tables' columns (first table first). */
function nodeSchema(op: MakeGraphOp, idType: ScalarType, nodeTables: readonly NodeRows[]): ColumnSchema[] {
  if (op.nodeIdProperty !== null) return [{ name: op.nodeIdProperty, type: idType }];
  const schema: ColumnSchema[] = [];
  for (const t of nodeTables) {
    for (const c of t.columns) {
      const existing = schema.find((s) => s.name === c.name);
      if (existing === undefined) schema.push(c);
      else if (existing.type !== c.type)
        throw new KqlRuntimeError(
          errorCodes.schemaMismatch,
          `make-graph: node property '${c.name}' is ${existing.type} in one node table and ${c.type} in another`,
          t.span,
        );
    }
  }
  return schema;
}

function batchOf(schema: readonly ColumnSchema[], values: readonly (ScalarValue | undefined)[][]): Batch {
  const columns = schema.map((c, slot) => {
    const b = createVectorBuilder(c.type, values.length);
    for (const row of values) b.push(row[slot] ?? null);
    return b.finish();
  });
  return { length: values.length, columns };
}
