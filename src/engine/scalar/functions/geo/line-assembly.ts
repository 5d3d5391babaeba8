/**
 * Directed edges joined into polylines, walking as S2's builder walks them: edges in the
 * builder's order (loop-assembly.ts); a walk starts at a vertex with more edges leaving than
 * arriving, and goes on along the first unused edge leaving each vertex it reaches, as far as it
 * can. Edges left over form closed walks, which end where they began.
 */
import { sortEdges } from './loop-assembly.js';
import type { OverlayEdge } from './polygon-overlay.js';

/** The polylines the edges form, each as its vertex ids in order. */
export function assembleLines(rank: readonly number[], unsorted: readonly OverlayEdge[]): number[][] {
  const edges = sortEdges(rank, unsorted);
  const outgoing = new Map<number, number[]>();
  const excess = new Map<number, number>();
  edges.forEach((e, i) => {
    const list = outgoing.get(e.src);
    if (list === undefined) outgoing.set(e.src, [i]);
    else list.push(i);
    excess.set(e.src, (excess.get(e.src) ?? 0) + 1);
    excess.set(e.dst, (excess.get(e.dst) ?? 0) - 1);
  });
  const used = new Array<boolean>(edges.length).fill(false);
  const walk = (first: number): number[] => {
    const chain = [edges[first]!.src];
    for (let e: number | undefined = first; e !== undefined;) {
      used[e] = true;
      const v: number = edges[e]!.dst;
      chain.push(v);
      e = outgoing.get(v)?.find((c) => !used[c]);
    }
    return chain;
  };
  const lines: number[][] = [];
  edges.forEach((e, i) => {
    if (used[i] || excess.get(e.src)! <= 0) return;
    excess.set(e.src, excess.get(e.src)! - 1);
    lines.push(walk(i));
  });
  edges.forEach((_, i) => {
    if (!used[i]) lines.push(walk(i));
  });
  return lines;
}
