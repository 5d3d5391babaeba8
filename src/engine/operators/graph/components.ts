/**
 * `graph-mark-components [kind=weak|strong] [with_component_id=Name]`
 * (graph-mark-components-operator.md): every node gets a `long` property (`ComponentId` by
 * default) numbering its connected component from 0. Weak components ignore edge direction;
 * strong ones are sets of nodes that reach each other along edges. The reference leaves the
 * numbering arbitrary; kqlhunt numbers components in the order of their first node.
 */
import type { GraphMarkComponentsOp } from '../../../plan/plan.js';
import type { ColumnSchema } from '../../../types/scalar.js';
import { createVectorBuilder } from '../../table/index.js';
import { nodeCount, withNodeProperties, type GraphValue } from './graph-value.js';

export function runGraphMarkComponents(op: GraphMarkComponentsOp, g: GraphValue): GraphValue {
  const component = op.componentKind === 'strong' ? strongComponents(g) : weakComponents(g);
  const ids = createVectorBuilder('long', component.length);
  for (const c of component) ids.push(BigInt(c));
  const property: ColumnSchema = { name: op.componentIdProperty, type: 'long' };
  const at = g.nodes.columns.findIndex((c) => c.name === op.componentIdProperty);
  const columns = [...g.nodes.columns];
  const vectors = [...g.nodes.batch.columns];
  if (at >= 0) {
    columns[at] = property;
    vectors[at] = ids.finish();
  } else {
    columns.push(property);
    vectors.push(ids.finish());
  }
  return withNodeProperties(g, { columns, batch: { length: g.nodes.batch.length, columns: vectors } });
}

/** Numbers components by their first node: the component of node 0 is 0, the next new one 1... */
function renumber(root: Int32Array): Int32Array {
  const ids = new Map<number, number>();
  const out = new Int32Array(root.length);
  for (let i = 0; i < root.length; i++) {
    let id = ids.get(root[i]!);
    if (id === undefined) ids.set(root[i]!, (id = ids.size));
    out[i] = id;
  }
  return out;
}

function weakComponents(g: GraphValue): Int32Array {
  const parent = new Int32Array(nodeCount(g));
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let e = 0; e < g.edgeSource.length; e++) {
    const a = find(g.edgeSource[e]!);
    const b = find(g.edgeTarget[e]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const root = new Int32Array(parent.length);
  for (let i = 0; i < parent.length; i++) root[i] = find(i);
  return renumber(root);
}

/** Tarjan's strongly connected components, iteratively (no recursion depth limit). */
function strongComponents(g: GraphValue): Int32Array {
  const n = nodeCount(g);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const root = new Int32Array(n);
  const stack: number[] = [];
  let counter = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    // Each frame: a node and the position of the next outgoing edge to try.
    const frames: { node: number; next: number }[] = [{ node: s, next: g.outgoing.offsets[s]! }];
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const v = frame.node;
      if (frame.next < g.outgoing.offsets[v + 1]!) {
        const w = g.edgeTarget[g.outgoing.edges[frame.next++]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push({ node: w, next: g.outgoing.offsets[w]! });
        } else if (onStack[w] === 1) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node]!, low[v]!);
      if (low[v] === index[v]) {
        // v is the root of a component: its members are on the stack above it.
        let min = v;
        const members: number[] = [];
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          members.push(w);
          min = Math.min(min, w);
          if (w === v) break;
        }
        for (const w of members) root[w] = min;
      }
    }
  }
  return renumber(root);
}
