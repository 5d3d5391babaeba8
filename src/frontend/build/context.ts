/**
 * What every plan builder needs: spans in the original text, the tree's nodes by id (column
 * sources), and the place to report what it cannot map.
 */
import type { Span } from '../../plan/plan.js';
import type { OffsetMap } from '../offsets.js';
import { walkNodes, type SyntaxElement, type SyntaxNode } from '../syntax.js';

export interface Unsupported {
  readonly what: string;
  readonly span: Span;
}

export class BuildContext {
  private readonly byId = new Map<number, SyntaxNode>();
  private readonly parents = new Map<number, SyntaxNode>();
  /** Constructs mapped to an `unsupported` node, in the order met. */
  readonly unsupported: Unsupported[] = [];

  constructor(
    root: SyntaxNode,
    /** The text Kusto analysed (placeholders filled). */
    private readonly analysedText: string,
    /** From the analysed (filled) text to the original query text. */
    private readonly toOriginal: OffsetMap,
  ) {
    walkNodes(root, (n) => {
      this.byId.set(n.id, n);
      for (const c of n.children) if (!c.isToken) this.parents.set(c.id, n);
    });
  }

  span(e: SyntaxElement): Span {
    return this.spanOf(e.start, e.end);
  }

  spanOf(start: number, end: number): Span {
    return { start: this.toOriginal.map(start, 'start'), end: this.toOriginal.map(end, 'end') };
  }

  /** The analysed text of an element (what Kusto saw, placeholders filled). */
  text(e: SyntaxElement): string {
    return this.analysedText.slice(e.start, e.end);
  }

  node(id: number): SyntaxNode | undefined {
    return this.byId.get(id);
  }

  /** The node directly containing `node` (a query operator's PipeExpression), if any. */
  parent(node: SyntaxNode): SyntaxNode | undefined {
    return this.parents.get(node.id);
  }

  noteUnsupported(what: string, e: SyntaxElement): Span {
    const span = this.span(e);
    this.unsupported.push({ what, span });
    return span;
  }
}
