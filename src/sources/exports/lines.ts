/**
 * Splits streamed text into lines (LF or CRLF), bounded: a line longer than the limit is dropped
 * as it streams (never held whole) and reported with its number; the next line is read normally.
 */

export interface NumberedLine {
  readonly text: string;
  /** 1-based. */
  readonly line: number;
}

export class LineSplitter {
  private pending = '';
  private line = 1;
  /** The current line passed the limit: drop it up to its end. */
  private dropping = false;

  constructor(
    private readonly maxLineChars: number,
    private readonly reportTooLong: (line: number, maxLineChars: number) => void,
  ) {}

  push(text: string): NumberedLine[] {
    const out: NumberedLine[] = [];
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      if (this.dropping) {
        this.dropping = false;
      } else if (this.pending.length + (nl - from) > this.maxLineChars) {
        this.reportTooLong(this.line, this.maxLineChars);
      } else {
        out.push({ text: stripCr(this.pending + text.slice(from, nl)), line: this.line });
      }
      this.pending = '';
      this.line++;
      from = nl + 1;
    }
    if (!this.dropping) {
      this.pending += text.slice(from);
      if (this.pending.length > this.maxLineChars) {
        this.reportTooLong(this.line, this.maxLineChars);
        this.pending = '';
        this.dropping = true;
      }
    }
    return out;
  }

  finish(): NumberedLine[] {
    const out: NumberedLine[] = [];
    if (!this.dropping && this.pending.length > 0) out.push({ text: stripCr(this.pending), line: this.line });
    this.pending = '';
    this.dropping = false;
    return out;
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
