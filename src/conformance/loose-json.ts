/**
 * Reads the JSON the documentation prints in its output tables, which is looser than JSON:
 * `[yes, no, yes]` (bare words), `{'a': 1}` (single quotes), trailing commas, `NaN`. Bare words
 * other than true/false/null/NaN/Infinity are strings. Returns undefined for text that is not even
 * loose JSON (prose), so the caller can compare it as text.
 *
 * Objects are plain key/value maps here (Object.create(null)); numbers stay as their text so the
 * comparison can judge them at the precision the docs printed.
 */

export type LooseJson =
  | null
  | boolean
  | string
  | { readonly kind: 'number'; readonly text: string }
  | LooseJson[]
  | { readonly kind: 'object'; readonly entries: Map<string, LooseJson> };

const MAX_DEPTH = 200;

class LooseReader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  peek(): string | undefined {
    this.skipSpace();
    return this.text[this.pos];
  }

  value(depth: number): LooseJson {
    if (depth > MAX_DEPTH) throw new Error('too deep');
    const c = this.peek();
    if (c === undefined) throw new Error('end of text');
    if (c === '[') return this.array(depth);
    if (c === '{') return this.object(depth);
    if (c === '"' || c === "'") return this.string();
    return this.word();
  }

  array(depth: number): LooseJson[] {
    this.pos++;
    const items: LooseJson[] = [];
    for (;;) {
      const c = this.peek();
      if (c === ']') {
        this.pos++;
        return items;
      }
      items.push(this.value(depth + 1));
      const next = this.peek();
      if (next === ',') this.pos++;
      else if (next !== ']') throw new Error(`expected , or ] at ${this.pos}`);
    }
  }

  object(depth: number): LooseJson {
    this.pos++;
    const entries = new Map<string, LooseJson>();
    for (;;) {
      const c = this.peek();
      if (c === '}') {
        this.pos++;
        return { kind: 'object', entries };
      }
      const key = c === '"' || c === "'" ? this.string() : this.bareWord();
      if (this.peek() !== ':') throw new Error(`expected : at ${this.pos}`);
      this.pos++;
      entries.set(key, this.value(depth + 1));
      const next = this.peek();
      if (next === ',') this.pos++;
      else if (next !== '}') throw new Error(`expected , or } at ${this.pos}`);
    }
  }

  string(): string {
    const quote = this.text[this.pos]!;
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!;
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\\' && this.pos + 1 < this.text.length) {
        const e = this.text[this.pos + 1]!;
        this.pos += 2;
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
          out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
          this.pos += 4;
        } else {
          out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
        }
        continue;
      }
      out += c;
      this.pos++;
    }
    throw new Error('string not closed');
  }

  /** A run of characters up to a delimiter: a number, a keyword or a bare string. */
  bareWord(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.text.length && !/[,:[\]{}]/.test(this.text[this.pos]!)) this.pos++;
    const word = this.text.slice(start, this.pos).trim();
    if (word === '') throw new Error(`expected a value at ${start}`);
    return word;
  }

  word(): LooseJson {
    const word = this.bareWord();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word) || /^[+-]?(NaN|Infinity)$/.test(word)) {
      return { kind: 'number', text: word };
    }
    return word;
  }
}

/** The loose JSON value of `text`, or undefined when it is not a whole array or object. */
export function parseLooseJson(text: string): LooseJson | undefined {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('[') || trimmed.startsWith('{'))) return undefined;
  try {
    const reader = new LooseReader(trimmed);
    const value = reader.value(0);
    reader.skipSpace();
    return reader.pos === trimmed.length ? value : undefined;
  } catch {
    return undefined;
  }
}
