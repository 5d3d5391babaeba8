/**
 * Maps offsets in a derived text (placeholders filled, a query cut out of a YAML file) back to
 * offsets in the text it came from.
 *
 * The map is a list of runs where the two texts agree character for character. Between runs lies
 * text that was replaced; an offset there maps to the start of the replaced source text when it
 * starts a span, and to its end when it ends one, so a span covering a filled placeholder covers
 * the placeholder in the original.
 */
export interface OffsetRun {
  /** Start of the run in the derived text. */
  readonly from: number;
  /** Start of the run in the source text. */
  readonly to: number;
  readonly length: number;
}

export type OffsetBias = 'start' | 'end';

export class OffsetMap {
  private readonly runs: readonly OffsetRun[];

  /**
   * `runs` must be sorted and non-overlapping in both texts. `region` is the part of the source
   * the derived text comes from: offsets before the first run or after the last map to its ends.
   */
  constructor(
    runs: readonly OffsetRun[],
    private readonly region: { readonly start: number; readonly end: number },
  ) {
    this.runs = runs.filter((r) => r.length > 0);
    for (let i = 1; i < this.runs.length; i++) {
      const a = this.runs[i - 1]!;
      const b = this.runs[i]!;
      if (b.from < a.from + a.length || b.to < a.to + a.length) {
        throw new Error(`offset runs overlap or are out of order at run ${i}`);
      }
    }
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap([{ from: 0, to: 0, length }], { start: 0, end: length });
  }

  /** True when the derived text is the source text unchanged. */
  get isIdentity(): boolean {
    return (
      this.runs.length === 0 || (this.runs.length === 1 && this.runs[0]!.from === 0 && this.runs[0]!.to === 0)
    );
  }

  map(offset: number, bias: OffsetBias = 'start'): number {
    const runs = this.runs;
    // The last run starting at or before the offset (for an end, strictly before it).
    let lo = 0;
    let hi = runs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid]!;
      const starts = bias === 'start' ? r.from <= offset : r.from < offset;
      if (starts) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) {
      // Before the first run: replaced text at the very start.
      const first = runs[0];
      if (first === undefined) return bias === 'start' ? this.region.start : this.region.end;
      return bias === 'start' ? this.region.start : first.to;
    }
    const r = runs[found]!;
    const inside = bias === 'start' ? offset < r.from + r.length : offset <= r.from + r.length;
    if (inside) return r.to + (offset - r.from);
    // In replaced text after run `found`.
    if (bias === 'start') return r.to + r.length;
    const next = runs[found + 1];
    return next === undefined ? this.region.end : next.to;
  }
}
