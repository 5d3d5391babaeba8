/**
 * Grouped aggregation: an aggregate consumes batches of rows, each row tagged with its group
 * number, and finally yields one value per group (several for arg_max, take_any, percentiles).
 */
import type { ScalarType } from '../../types/scalar.js';
import type { Vector } from '../table/index.js';

export interface AggregateState {
  /** Adds rows 0..n-1; `groups[i]` is row i's group; `args` are the argument vectors. */
  add(groups: Uint32Array, n: number, args: readonly Vector[]): void;
  /** One vector per output, `groupCount` values each; a group that saw no row gets the empty value. */
  finish(groupCount: number): Vector[];
}

export interface AggregateKind {
  /** Output types for the given argument types. */
  readonly outputs: readonly ScalarType[];
  create(): AggregateState;
}
