/**
 * Graph segments of a pipeline: `make-graph` turns the table before it into a graph, the graph
 * operators after it read and (graph-mark-components) rewrite that graph, and graph-match,
 * graph-shortest-paths or graph-to-table turn it back into a table for the rest of the pipeline
 * (graph-operators.md). The graph never leaves the segment, so the executor only ever sees
 * tables.
 *
 * `make-graph ... partitioned-by Column (graph operators)` builds one graph per value of the
 * column (from the edges and node rows holding that value) and runs the graph operators over
 * each; the results are unioned (make-graph-operator.md, "Partitioned graph").
 */
import type { GraphOperator, MakeGraphOp, Operator } from '../../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import { Grouper } from '../../exec/grouping.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../../exec/relation.js';
import { gatherBatch, type Batch } from '../../table/index.js';
import type { OpEnv } from '../common.js';
import { unionRelations } from '../union.js';
import { runGraphMarkComponents } from './components.js';
import { isGraphValue, type GraphValue } from './graph-value.js';
import { buildGraph, nodeRowsOf, runMakeGraph, type NodeRows } from './make-graph.js';
import { runGraphMatch } from './match.js';
import { runGraphShortestPaths } from './shortest-paths.js';
import { runGraphToTable } from './to-table.js';

const GRAPH_KINDS: ReadonlySet<string> = new Set([
  'make-graph',
  'graph-match',
  'graph-shortest-paths',
  'graph-mark-components',
  'graph-to-table',
]);

export function isGraphOperator(op: Operator): op is GraphOperator {
  return GRAPH_KINDS.has(op.kind);
}

/** The run of graph operators starting at `ops[start]`. */
export function graphSegmentAt(ops: readonly Operator[], start: number): GraphOperator[] {
  const out: GraphOperator[] = [];
  for (let i = start; i < ops.length; i++) {
    const op = ops[i]!;
    if (!isGraphOperator(op)) break;
    out.push(op);
    // A graph operator that yields a table ends the segment; a later make-graph starts another.
    if (op.kind === 'graph-match' || op.kind === 'graph-shortest-paths' || op.kind === 'graph-to-table')
      break;
  }
  return out;
}

/** Runs a segment of graph operators over a table and returns the table it ends with. */
export function runGraphOperators(ops: readonly GraphOperator[], input: Relation, env: OpEnv): Relation {
  let value: Relation | GraphValue = input;
  for (const op of ops) value = runGraphOperator(op, value, env);
  if (isGraphValue(value)) {
    const last = ops[ops.length - 1];
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `'${last?.kind ?? 'make-graph'}' gives a graph: end it with graph-match, graph-shortest-paths or graph-to-table`,
      last?.span ?? null,
    );
  }
  return value;
}

function runGraphOperator(
  op: GraphOperator,
  value: Relation | GraphValue,
  env: OpEnv,
): Relation | GraphValue {
  if (op.kind === 'make-graph') {
    if (isGraphValue(value))
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'make-graph needs a table of edges, not a graph',
        op.span,
      );
    return op.partition === null
      ? runMakeGraph(op, value, env)
      : runPartitioned(op, op.partition, value, env);
  }
  if (!isGraphValue(value))
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `${op.kind} needs a graph: build one with make-graph before it`,
      op.span,
    );
  return graphStep(op, value, env);
}

function graphStep(
  op: Exclude<GraphOperator, MakeGraphOp>,
  g: GraphValue,
  env: OpEnv,
): Relation | GraphValue {
  switch (op.kind) {
    case 'graph-match':
      return runGraphMatch(op, g, env);
    case 'graph-shortest-paths':
      return runGraphShortestPaths(op, g, env);
    case 'graph-mark-components':
      return runGraphMarkComponents(op, g);
    case 'graph-to-table':
      return runGraphToTable(op, g, env);
  }
}

/** Runs graph operators over a graph (the body of partitioned-by). */
function runOnGraph(
  ops: readonly Operator[],
  g: GraphValue,
  env: OpEnv,
  span: MakeGraphOp['span'],
): Relation {
  let value: Relation | GraphValue = g;
  for (const op of ops) {
    if (!isGraphOperator(op) || op.kind === 'make-graph')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `partitioned-by runs graph operators only, not '${op.kind}'`,
        op.span,
      );
    if (!isGraphValue(value))
      throw new KqlRuntimeError(errorCodes.badArguments, `${op.kind} needs a graph`, op.span);
    value = graphStep(op, value, env);
  }
  if (isGraphValue(value))
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      'partitioned-by: end the graph operators with graph-match, graph-shortest-paths or graph-to-table',
      span,
    );
  return value;
}

function runPartitioned(
  op: MakeGraphOp,
  partition: NonNullable<MakeGraphOp['partition']>,
  input: Relation,
  env: OpEnv,
): Relation {
  const edgeKey = columnIndex(input.columns, partition.column);
  if (edgeKey < 0)
    throw new KqlRuntimeError(
      errorCodes.unresolvedName,
      `partitioned-by: the edges have no column '${partition.column}'`,
      op.span,
    );
  const keyType = input.columns[edgeKey]!.type;
  const edges = singleBatch(input);
  const nodeTables = op.nodeTables.map((t) => nodeRowsOf(env.ctx.evalTabular(t.table, env.scope), t));
  const nodeKeys = nodeTables.map((t) => {
    const at = columnIndex(t.columns, partition.column);
    if (at < 0 || t.columns[at]!.type !== keyType)
      throw new KqlRuntimeError(
        errorCodes.unresolvedName,
        `partitioned-by: every node table needs the ${keyType} column '${partition.column}'`,
        t.span,
      );
    return at;
  });
  // One group per key value, in first-appearance order: the edges' values, then the node tables'.
  const grouper = new Grouper([keyType]);
  const edgeGroups = grouper.assign([edges.columns[edgeKey]!], edges.length);
  const nodeGroups = nodeTables.map((t, i) =>
    grouper.assign([t.batch.columns[nodeKeys[i]!]!], t.batch.length),
  );
  const bucket = (groups: Uint32Array): number[][] => {
    const rows: number[][] = Array.from({ length: grouper.groupCount }, () => []);
    groups.forEach((group, r) => rows[group]!.push(r));
    return rows;
  };
  const results: { name: string; relation: Relation }[] = [];
  const edgeRows = bucket(edgeGroups);
  const nodeRows = nodeGroups.map(bucket);
  for (let group = 0; group < grouper.groupCount; group++) {
    const part: Batch = gatherBatch(edges, edgeRows[group]!);
    const nodes: NodeRows[] = nodeTables.map((t, i) => ({
      ...t,
      batch: gatherBatch(t.batch, nodeRows[i]![group]!),
    }));
    const g = buildGraph(op, input.columns, part, nodes);
    results.push({ name: '', relation: runOnGraph(partition.operators, g, env, op.span) });
  }
  if (results.length === 0) {
    // No rows, no partition: the operators over an empty graph give the (empty) result's schema.
    const empty = buildGraph(
      op,
      input.columns,
      gatherBatch(edges, []),
      nodeTables.map((t) => ({ ...t, batch: gatherBatch(t.batch, []) })),
    );
    return relationOf(runOnGraph(partition.operators, empty, env, op.span).columns, [], false);
  }
  return unionRelations(results, { unionKind: 'outer', withSource: null, isFuzzy: false });
}
