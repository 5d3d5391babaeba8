/**
 * A named text (a query, a rule file) that turns offsets into line and column and prints caret
 * excerpts. A text cut out of another one (a query inside a YAML rule) keeps its parent and an
 * offset map, so positions are reported in the outer file, where the user can find them.
 */
import { OffsetMap, type OffsetBias } from './offsets.js';

export interface SourceLocation {
  /** The outermost file's name. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  /** Offset in the outermost text. */
  readonly offset: number;
}

export interface SourceParent {
  readonly source: SourceText;
  /** From this text's offsets to the parent's. */
  readonly map: OffsetMap;
}

export class SourceText {
  private lineStartsCache: number[] | null = null;

  constructor(
    readonly name: string,
    readonly text: string,
    readonly parent: SourceParent | null = null,
  ) {}

  /** A text embedded in this one at `offset` without change (e.g. a plain `.kql` file's body). */
  static embedded(name: string, text: string, parent: SourceText, map: OffsetMap): SourceText {
    return new SourceText(name, text, { source: parent, map });
  }

  private lineStarts(): number[] {
    if (this.lineStartsCache === null) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
      this.lineStartsCache = starts;
    }
    return this.lineStartsCache;
  }

  /** 1-based line and column of an offset in THIS text. */
  lineColumn(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo]! + 1 };
  }

  /** The outermost text and the offset there. */
  outermost(offset: number, bias: OffsetBias = 'start'): { source: SourceText; offset: number } {
    if (this.parent === null) return { source: this, offset };
    return this.parent.source.outermost(this.parent.map.map(offset, bias), bias);
  }

  /** Where an offset of this text is in the outermost file. */
  location(offset: number, bias: OffsetBias = 'start'): SourceLocation {
    const outer = this.outermost(offset, bias);
    const { line, column } = outer.source.lineColumn(outer.offset);
    return { file: outer.source.name, line, column, offset: outer.offset };
  }

  /**
   * The outermost file's line holding `start`, with carets under [start, end) (at least one),
   * prefixed by the line number: `  12 | SecurityEvent | where Nope == 1` / `     |   ^^^^`.
   */
  excerpt(start: number, end: number = start): string {
    const from = this.outermost(start, 'start');
    const to = this.outermost(Math.max(start, end), 'end');
    const src = from.source;
    const { line, column } = src.lineColumn(from.offset);
    const lineStart = from.offset - (column - 1);
    let lineEnd = src.text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = src.text.length;
    const lineText = src.text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const caretEnd = Math.min(Math.max(to.offset, from.offset + 1), lineStart + lineText.length + 1);
    const gutter = String(line);
    // Tabs stay tabs under the carets so that they line up in a terminal.
    const lead = lineText.slice(0, column - 1).replace(/[^\t]/g, ' ');
    const carets = '^'.repeat(Math.max(1, caretEnd - from.offset));
    return `${gutter} | ${lineText}\n${' '.repeat(gutter.length)} | ${lead}${carets}`;
  }
}
