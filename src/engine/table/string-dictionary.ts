/**
 * The distinct strings of a column, each stored once and addressed by a dense code. Chunks of the
 * same column share one dictionary, so a predicate over the column can be evaluated once per
 * distinct value and its result looked up by code.
 */
export class StringDictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  static of(values: readonly string[]): StringDictionary {
    const d = new StringDictionary();
    for (const v of values) d.intern(v);
    return d;
  }

  get size(): number {
    return this.values.length;
  }

  intern(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  codeOf(value: string): number | undefined {
    return this.index.get(value);
  }
}
