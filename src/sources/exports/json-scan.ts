/**
 * Finds the values in a JSON text as it streams in, without building them: the elements of a
 * top-level array one at a time, or the whole top-level value. It tracks only nesting depth and
 * string state, so a hostile file (an element of a gigabyte, nesting a million deep) costs the
 * scanner constant memory: such a value is skipped and reported with its line and column, and
 * the scan resumes at the next element.
 *
 * Turning an element's text into a value is the caller's job (it has a real parser); this module
 * only guarantees that what it hands over is bounded in size and depth.
 */

export interface JsonScanLimits {
  /** The longest element (characters) handed over; longer ones are skipped and reported. */
  readonly maxValueChars: number;
  /** The deepest nesting of arrays and objects inside one element. */
  readonly maxDepth: number;
}

export const defaultJsonScanLimits: JsonScanLimits = { maxValueChars: 64 * 1024 * 1024, maxDepth: 64 };

export interface ScannedValue {
  readonly text: string;
  /** 1-based line and column where the value starts. */
  readonly line: number;
  readonly column: number;
}

export interface JsonScanProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * 'elements': the text is one array; each of its elements is a value. 'document': the whole
 * text is one value.
 */
export type JsonScanMode = 'elements' | 'document';

const enum State {
  /** Before the top-level `[` (elements mode) or the value (document mode). */
  Start,
  /** Inside the top-level array, expecting an element or `]`. */
  ExpectElement,
  /** Inside a value. */
  InValue,
  /** After an element, expecting `,` or `]`. */
  AfterElement,
  /** After the end of the top-level value: only whitespace may follow. */
  Done,
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonValueScanner {
  private state = State.Start;
  /** Text of the current value kept so far (when not skipping). */
  private captured = '';
  private skipping = false;
  private tooDeep = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A scalar (number, true, null...) at the top of a value ends at a delimiter. */
  private inBareScalar = false;
  private line = 1;
  private column = 1;
  private valueLine = 1;
  private valueColumn = 1;
  private trailingReported = false;

  constructor(
    private readonly mode: JsonScanMode,
    private readonly report: (problem: JsonScanProblem) => void,
    private readonly limits: JsonScanLimits = defaultJsonScanLimits,
  ) {}

  push(text: string): ScannedValue[] {
    const out: ScannedValue[] = [];
    // Where the current value's text starts in this chunk (0 when it began in an earlier one).
    let captureFrom = this.state === State.InValue ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case State.Start:
          if (isWhitespace(c)) break;
          if (this.mode === 'elements') {
            if (c !== 91 /* [ */) {
              this.report({ line: this.line, column: this.column, message: 'expected a JSON array' });
              this.state = State.Done;
              this.trailingReported = true;
              break;
            }
            this.state = State.ExpectElement;
            break;
          }
          this.beginValue(c);
          captureFrom = i;
          break;
        case State.ExpectElement:
          if (isWhitespace(c)) break;
          if (c === 93 /* ] */) {
            this.state = State.Done;
            break;
          }
          if (c === 44 /* , */) {
            this.report({ line: this.line, column: this.column, message: 'empty array element' });
            break;
          }
          this.beginValue(c);
          captureFrom = i;
          break;
        case State.InValue: {
          const ended = this.stepInValue(c);
          if (ended === 'before') {
            // A bare scalar ended at this delimiter, which belongs to the enclosing array.
            this.finishValue(text, captureFrom, i, out);
            captureFrom = -1;
            i--;
            continue;
          }
          if (ended === 'after') {
            this.finishValue(text, captureFrom, i + 1, out);
            captureFrom = -1;
          } else if (
            !this.skipping &&
            this.captured.length + (i - Math.max(captureFrom, 0)) > this.limits.maxValueChars
          ) {
            this.report({
              line: this.valueLine,
              column: this.valueColumn,
              message: `value longer than ${this.limits.maxValueChars} characters: skipped`,
            });
            this.skipping = true;
            this.captured = '';
          }
          break;
        }
        case State.AfterElement:
          if (isWhitespace(c)) break;
          if (c === 44) {
            this.state = State.ExpectElement;
            break;
          }
          if (c === 93) {
            this.state = State.Done;
            break;
          }
          this.report({
            line: this.line,
            column: this.column,
            message: "expected ',' or ']' after an element",
          });
          // Resynchronise: treat what follows as the next element.
          this.state = State.ExpectElement;
          i--;
          continue;
        case State.Done:
          if (!isWhitespace(c) && !this.trailingReported) {
            this.report({
              line: this.line,
              column: this.column,
              message: 'text after the end of the JSON value: ignored',
            });
            this.trailingReported = true;
          }
          break;
      }
      if (c === 10) {
        this.line++;
        this.column = 1;
      } else {
        this.column++;
      }
    }
    if (this.state === State.InValue && captureFrom >= 0 && !this.skipping) {
      this.captured += text.slice(captureFrom);
    }
    return out;
  }

  /** Ends the input; reports a value or array left open. */
  finish(): ScannedValue[] {
    const out: ScannedValue[] = [];
    if (this.state === State.InValue && this.inBareScalar) {
      this.finishValue('', -1, 0, out);
    }
    if (this.state === State.InValue) {
      this.report({
        line: this.valueLine,
        column: this.valueColumn,
        message: 'value not closed before the end of the file',
      });
    } else if (this.state === State.ExpectElement || this.state === State.AfterElement) {
      this.report({
        line: this.line,
        column: this.column,
        message: "array not closed (missing ']') at the end of the file",
      });
    } else if (this.state === State.Start && this.mode === 'document') {
      this.report({ line: this.line, column: this.column, message: 'empty file: no JSON value' });
    }
    this.state = State.Done;
    return out;
  }

  private beginValue(c: number): void {
    this.valueLine = this.line;
    this.valueColumn = this.column;
    this.captured = '';
    this.skipping = false;
    this.tooDeep = false;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.inBareScalar = false;
    this.state = State.InValue;
    if (c === 123 || c === 91) {
      this.depth = 1;
    } else if (c === 34) {
      this.inString = true;
    } else {
      this.inBareScalar = true;
    }
  }

  /**
   * Advances over one character inside a value. Returns 'after' when the value ends with this
   * character, 'before' when it ended just before it (a bare scalar meeting a delimiter).
   */
  private stepInValue(c: number): 'after' | 'before' | null {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === 92) this.escaped = true;
      else if (c === 34) {
        this.inString = false;
        if (this.depth === 0) return 'after';
      }
      return null;
    }
    if (this.inBareScalar) {
      if (isWhitespace(c) || c === 44 || c === 93 || c === 125) return 'before';
      return null;
    }
    if (c === 34) this.inString = true;
    else if (c === 123 || c === 91) {
      this.depth++;
      if (this.depth > this.limits.maxDepth && !this.tooDeep) {
        this.tooDeep = true;
        this.skipping = true;
        this.captured = '';
        this.report({
          line: this.valueLine,
          column: this.valueColumn,
          message: `value nested deeper than ${this.limits.maxDepth} levels (at line ${this.line}:${this.column}): skipped`,
        });
      }
    } else if (c === 125 || c === 93) {
      this.depth--;
      if (this.depth === 0) return 'after';
    }
    return null;
  }

  private finishValue(text: string, from: number, to: number, out: ScannedValue[]): void {
    const skipped = this.skipping || this.tooDeep;
    if (!skipped) {
      const body = this.captured + (from >= 0 ? text.slice(from, to) : '');
      if (body.length > this.limits.maxValueChars) {
        this.report({
          line: this.valueLine,
          column: this.valueColumn,
          message: `value longer than ${this.limits.maxValueChars} characters: skipped`,
        });
      } else {
        out.push({ text: body, line: this.valueLine, column: this.valueColumn });
      }
    }
    this.captured = '';
    this.skipping = false;
    this.tooDeep = false;
    this.inBareScalar = false;
    this.state = this.mode === 'elements' ? State.AfterElement : State.Done;
  }
}
