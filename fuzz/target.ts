/**
 * A fuzz target: makes a hostile input from a seeded generator and feeds it to one part of
 * kqlhunt. A case fails when the part throws where it must report, or takes longer than the
 * target's time bound (a hang). Inputs are reproducible from (target, seed, case number).
 */
import type { Prng } from '../src/util/prng.js';

export interface FuzzTarget {
  readonly name: string;
  /** Longest a single case may take before it counts as a hang, in ms. */
  readonly maxCaseMs: number;
  /** Runs one case; throws (an AssertionError or anything) when a property fails. */
  runCase(rng: Prng, caseNumber: number): Promise<void> | void;
}

export interface FuzzFailure {
  readonly target: string;
  readonly seed: number;
  readonly caseNumber: number;
  readonly kind: 'crash' | 'hang';
  readonly message: string;
}
