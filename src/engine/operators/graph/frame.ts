/**
 * Row sets over a graph: which node, edge or path each row binds to each pattern variable. A
 * graph-match result is one (a row per match); so is the set of all nodes when a condition on
 * one node variable is evaluated ahead of the search, and the set of (row, element) pairs that
 * map(), all() and any() evaluate their expression over.
 */
import { NULL_ROW } from '../../table/index.js';

/**
 * The paths a variable length edge binds, row by row: row `r`'s edges are
 * `edges[edgeStart[r] .. edgeStart[r + 1])` and its inner nodes
 * `nodes[nodeStart[r] .. nodeStart[r + 1])`, both in pattern order (left to right).
 */
export interface PathColumn {
  readonly edgeStart: Uint32Array;
  readonly edges: Uint32Array;
  readonly nodeStart: Uint32Array;
  readonly nodes: Uint32Array;
}

export type FrameBinding =
  | { readonly kind: 'node'; readonly idx: Uint32Array }
  | { readonly kind: 'edge'; readonly idx: Uint32Array }
  | { readonly kind: 'path'; readonly paths: PathColumn };

/** Inside map()/all()/any(): the edge or inner node each row stands for. */
export interface FrameElement {
  readonly kind: 'node' | 'edge';
  readonly idx: Uint32Array;
  /** The variable length edge the elements come from, for messages. */
  readonly of: string;
}

export interface RowFrame {
  readonly length: number;
  readonly vars: ReadonlyMap<string, FrameBinding>;
  readonly element: FrameElement | null;
}

export function identityIndex(n: number): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx;
}

function gatherIndex(idx: Uint32Array, rows: Uint32Array): Uint32Array {
  const out = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = r === NULL_ROW ? NULL_ROW : idx[r]!;
  }
  return out;
}

function gatherSegments(start: Uint32Array, values: Uint32Array, rows: Uint32Array) {
  const outStart = new Uint32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    outStart[i + 1] = outStart[i]! + (start[r + 1]! - start[r]!);
  }
  const out = new Uint32Array(outStart[rows.length]!);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out.set(values.subarray(start[r]!, start[r + 1]!), outStart[i]!);
  }
  return { start: outStart, values: out };
}

export function gatherPaths(paths: PathColumn, rows: Uint32Array): PathColumn {
  const e = gatherSegments(paths.edgeStart, paths.edges, rows);
  const n = gatherSegments(paths.nodeStart, paths.nodes, rows);
  return { edgeStart: e.start, edges: e.values, nodeStart: n.start, nodes: n.values };
}

function gatherBinding(b: FrameBinding, rows: Uint32Array): FrameBinding {
  return b.kind === 'path'
    ? { kind: 'path', paths: gatherPaths(b.paths, rows) }
    : { kind: b.kind, idx: gatherIndex(b.idx, rows) };
}

/** The frame's rows `rows`, in that order. */
export function gatherFrame(frame: RowFrame, rows: Uint32Array): RowFrame {
  const vars = new Map<string, FrameBinding>();
  for (const [name, b] of frame.vars) vars.set(name, gatherBinding(b, rows));
  const element =
    frame.element === null ? null : { ...frame.element, idx: gatherIndex(frame.element.idx, rows) };
  return { length: rows.length, vars, element };
}

/**
 * The elements of each row's path (its edges, or its inner nodes) as a frame of their own, a row
 * per element, with the outer variables carried along; `rowOf[j]` is element `j`'s outer row.
 */
export function elementFrame(
  frame: RowFrame,
  paths: PathColumn,
  kind: 'node' | 'edge',
  of: string,
): { frame: RowFrame; start: Uint32Array } {
  const start = kind === 'edge' ? paths.edgeStart : paths.nodeStart;
  const values = kind === 'edge' ? paths.edges : paths.nodes;
  const total = start[frame.length]!;
  const rowOf = new Uint32Array(total);
  for (let r = 0; r < frame.length; r++) rowOf.fill(r, start[r]!, start[r + 1]!);
  const outer = gatherFrame({ ...frame, element: null }, rowOf);
  return {
    frame: { length: total, vars: outer.vars, element: { kind, idx: values.slice(0, total), of } },
    start,
  };
}
