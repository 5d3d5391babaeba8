/**
 * A streaming CSV record reader (RFC 4180: `,` separates, `"` quotes, `""` escapes a quote,
 * quoted fields may span lines; CRLF, LF and a lone CR end a record).
 *
 * Real exports break the rules (an unescaped quote inside a field, text after a closing quote, a
 * quote never closed), and a reader that gives up there loses a whole file. So repairs are local
 * and reported: stray quotes are kept as text (a warning), and a quote never closed, or a record
 * longer than the limit, costs only the physical line where it began: the reader reports that line
 * and starts again on the next one. A quoted field that spans lines and is followed by text after
 * its closing quote is taken as such a quote never closed (its "closing" quote opened a field of
 * a later record).
 */

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based line where the record starts. */
  readonly line: number;
}

export interface CsvProblem {
  readonly line: number;
  readonly message: string;
  /** 'error' when input was dropped, 'warning' when it was kept with a repair. */
  readonly severity: 'error' | 'warning';
}

export interface CsvLimits {
  /** The longest record (in characters) kept; a longer one is skipped and reported. */
  readonly maxRecordChars: number;
}

export const defaultCsvLimits: CsvLimits = { maxRecordChars: 16 * 1024 * 1024 };

type ParseOutcome =
  | { readonly kind: 'record'; readonly fields: string[]; readonly next: number; readonly newlines: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'unterminated' };

export class CsvRecordReader {
  /** Text received but not yet consumed; starts at a record boundary. */
  private pending = '';
  /** Line number of `pending[0]`. */
  private line = 1;
  /** After a record too long for the limit: drop input up to the next line break. */
  private skippingLine = false;

  constructor(
    private readonly report: (problem: CsvProblem) => void,
    private readonly limits: CsvLimits = defaultCsvLimits,
  ) {}

  /** Feeds more text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    this.pending += text;
    return this.drain(false);
  }

  /** Ends the input; returns the last records. */
  finish(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    let pos = 0;
    for (;;) {
      if (this.skippingLine) {
        const nl = this.pending.indexOf('\n', pos);
        if (nl < 0) {
          pos = this.pending.length;
          if (final) this.skippingLine = false;
          break;
        }
        pos = nl + 1;
        this.line += 1;
        this.skippingLine = false;
      }
      if (pos >= this.pending.length) break;
      const repairs: string[] = [];
      const outcome = parseRecord(this.pending, pos, final, repairs);
      if (outcome.kind === 'record') {
        if (outcome.next - pos > this.limits.maxRecordChars) {
          this.report({
            line: this.line,
            message: `record longer than ${this.limits.maxRecordChars} characters: skipped`,
            severity: 'error',
          });
          this.line += outcome.newlines;
          pos = outcome.next;
          continue;
        }
        for (const message of repairs) this.report({ line: this.line, message, severity: 'warning' });
        out.push({ fields: outcome.fields, line: this.line });
        this.line += outcome.newlines;
        pos = outcome.next;
        continue;
      }
      if (outcome.kind === 'unterminated') {
        this.report({
          line: this.line,
          message: 'quoted field never closed: this line is skipped and reading resumes on the next',
          severity: 'error',
        });
        this.skippingLine = true;
        continue;
      }
      // Incomplete: wait for more text, unless the record already exceeds the limit.
      if (this.pending.length - pos > this.limits.maxRecordChars) {
        this.report({
          line: this.line,
          message: `record longer than ${this.limits.maxRecordChars} characters (a quote never closed?): this line is skipped`,
          severity: 'error',
        });
        this.skippingLine = true;
        continue;
      }
      break;
    }
    this.pending = this.pending.slice(pos);
    return out;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Index of the first `,`, CR or LF at or after `from`, or -1. */
function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) return i;
  }
  return -1;
}

/**
 * Consumes the line ending at `i` (CR LF, LF or CR). Returns the index after it, or -1 when a CR
 * ends the available text and a LF may follow in the next chunk.
 */
function afterLineEnd(text: string, i: number, final: boolean): number {
  if (text.charCodeAt(i) === 13) {
    if (i + 1 >= text.length) return final ? i + 1 : -1;
    return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return i + 1;
}

function parseRecord(text: string, start: number, final: boolean, repairs: string[]): ParseOutcome {
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  for (;;) {
    if (i >= text.length) {
      if (!final) return { kind: 'incomplete' };
      fields.push('');
      return { kind: 'record', fields, next: i, newlines };
    }
    let value: string;
    if (text.charCodeAt(i) === 34) {
      // Quoted field: runs to the next quote not doubled.
      let buffer = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return final ? { kind: 'unterminated' } : { kind: 'incomplete' };
        buffer += text.slice(j, q);
        newlines += countNewlines(text, j, q);
        if (q + 1 >= text.length && !final) return { kind: 'incomplete' };
        if (text.charCodeAt(q + 1) === 34) {
          buffer += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      const d = nextDelimiter(text, i);
      if (d !== i && i < text.length) {
        // Text after the closing quote. Within one line: keep it, with the quote, as written.
        // Across lines, the "closing" quote most likely belongs to a later record and the
        // opening one was never closed: report that instead of swallowing the lines between.
        if (buffer.includes('\n')) return { kind: 'unterminated' };
        const end = d < 0 ? text.length : d;
        if (d < 0 && !final) return { kind: 'incomplete' };
        repairs.push('text after a closing quote: kept as written');
        buffer += '"' + text.slice(i, end);
        i = end;
      }
      value = buffer;
    } else {
      const d = nextDelimiter(text, i);
      if (d < 0 && !final) return { kind: 'incomplete' };
      const end = d < 0 ? text.length : d;
      value = text.slice(i, end);
      if (value.includes('"')) repairs.push('quote inside an unquoted field: kept as text');
      i = end;
    }
    fields.push(value);
    if (i >= text.length) {
      if (!final) return { kind: 'incomplete' };
      return { kind: 'record', fields, next: i, newlines };
    }
    if (text.charCodeAt(i) === 44) {
      i += 1;
      continue;
    }
    const next = afterLineEnd(text, i, final);
    if (next < 0) return { kind: 'incomplete' };
    return { kind: 'record', fields, next, newlines: newlines + 1 };
  }
}
