/** What running one example gave: plain data, so it crosses from the worker thread intact. */

export type FailureCause =
  | { readonly kind: 'compile'; readonly code: string; readonly message: string }
  | { readonly kind: 'runtime'; readonly code: string | null; readonly message: string }
  | { readonly kind: 'mismatch'; readonly reason: 'columns' | 'row-count' | 'rows'; readonly detail: string }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'crash'; readonly message: string };

export interface ExampleOutcome {
  readonly id: string;
  readonly passed: boolean;
  /** Passed, but the docs show only part of the output (a `...` row). */
  readonly truncated: boolean;
  readonly cause: FailureCause | null;
  /** Whether the plan fixes the row order (order.ts); null when the query did not compile. */
  readonly ordered: boolean | null;
  /** Functions whose results vary between runs (rand, now, new_guid...) that the query calls. */
  readonly nondeterministic: readonly string[];
  /** The computed table, printed (for mismatch reports). */
  readonly got: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] } | null;
  readonly ms: number;
}
