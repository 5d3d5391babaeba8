/**
 * Run-time query errors. `code` is stable (tests and docs name it); `message` keeps Kusto's wording
 * where Kusto has one; `span` points into the original query text when the error has a place.
 */
import type { Span } from '../plan/plan.js';

export const errorCodes = {
  /** A name that resolves to nothing in the run-time schema or scope (Kusto: "Failed to resolve ..."). */
  unresolvedName: 'KR001',
  /** A table the query names that is not loaded. */
  unknownTable: 'KR002',
  /** An operator, function, plugin or syntax kqlhunt does not implement. */
  unsupported: 'KR003',
  /** A function or operator applied to arguments it does not accept. */
  badArguments: 'KR004',
  /** A scalar function raised an error while running. */
  scalarFailure: 'KR005',
  /** Two output columns would get the same name (e.g. bag_unpack's default conflict mode). */
  columnConflict: 'KR006',
  /** A window function over rows that are not serialized. */
  notSerialized: 'KR007',
  /** A configured limit (rows, memory, expansion) was exceeded. */
  limitExceeded: 'KR008',
  /** A plan the engine cannot execute: an internal inconsistency, reported, never guessed around. */
  invalidPlan: 'KR009',
  /** The query text (a declared output schema, a literal) contradicts the data. */
  schemaMismatch: 'KR010',
  /** The query was cancelled (Ctrl-C, or the caller's signal). */
  cancelled: 'KR011',
} as const;

export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

export class KqlRuntimeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly span: Span | null,
  ) {
    super(message);
    this.name = 'KqlRuntimeError';
  }
}

export function unresolved(name: string, span: Span | null, kind = 'scalar expression'): KqlRuntimeError {
  return new KqlRuntimeError(errorCodes.unresolvedName, `Failed to resolve ${kind} named '${name}'`, span);
}

export function unsupported(what: string, span: Span | null): KqlRuntimeError {
  return new KqlRuntimeError(errorCodes.unsupported, `${what} is not supported by kqlhunt`, span);
}
