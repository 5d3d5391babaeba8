// What a caller gives the writer for one event: the System fields and an ordered body, either
// EventData (`<Data Name='...'>` elements, as the Security-Auditing provider writes) or UserData
// (one named element with child elements, as the Eventlog provider writes for 1102).
import type { EvtxValue } from './values.js';

/** A field of the body; a plain string is a string value. */
export interface EvtxField {
  readonly name: string;
  readonly value: EvtxValue | string;
}

export interface EvtxUserData {
  /** The element inside `<UserData>`, e.g. `LogFileCleared`. */
  readonly element: string;
  /** Its `xmlns`, e.g. `http://manifests.microsoft.com/win/2004/08/windows/eventlog`. */
  readonly xmlns: string;
  readonly fields: readonly EvtxField[];
}

export interface EvtxEventSpec {
  readonly provider: { readonly name: string; readonly guid?: string };
  readonly eventId: number;
  /** EventID's Qualifiers attribute; absent for manifest-based providers. */
  readonly qualifiers?: number;
  readonly version?: number;
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  readonly keywords?: bigint;
  /** TimeCreated, ISO-8601 UTC with up to 7 fractional digits; also the record's written time. */
  readonly time: string;
  readonly activityId?: string;
  readonly relatedActivityId?: string;
  readonly processId?: number;
  readonly threadId?: number;
  readonly channel: string;
  readonly computer: string;
  /** Security UserID (a SID); absent for most Security-channel events. */
  readonly userId?: string;
  /** The body; give exactly one of these (an empty list makes `<EventData></EventData>`). */
  readonly eventData?: readonly EvtxField[];
  readonly userData?: EvtxUserData;
}

/** Where a write failed: the event (0-based) and what was wrong with it. */
export class EvtxWriteError extends Error {
  constructor(
    readonly eventIndex: number,
    readonly detail: string,
  ) {
    super(`event ${eventIndex}: ${detail}`);
    this.name = 'EvtxWriteError';
  }
}
