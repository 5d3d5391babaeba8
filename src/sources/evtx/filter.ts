// Pushdown: which records a consumer wants. Tested right after a record's System values are
// read, before anything is rendered. Plain data, so it travels to worker threads as it is.

export interface EvtxFilter {
  /** Keep only these EventIDs. */
  eventIds?: readonly number[];
  /** Keep only these channels (case-insensitive). */
  channels?: readonly string[];
  /** Keep only these providers (Provider Name, case-insensitive). */
  providers?: readonly string[];
  /** TimeCreated >= from (ticks since 0001-01-01). */
  from?: bigint;
  /** TimeCreated < to (ticks since 0001-01-01). */
  to?: bigint;
}

export class CompiledFilter {
  readonly ids: Set<number> | null;
  readonly channels: Set<string> | null;
  readonly providers: Set<string> | null;
  readonly from: bigint | null;
  readonly to: bigint | null;
  readonly needsTime: boolean;

  constructor(f: EvtxFilter) {
    this.ids = f.eventIds ? new Set(f.eventIds) : null;
    this.channels = f.channels ? new Set(f.channels.map((c) => c.toLowerCase())) : null;
    this.providers = f.providers ? new Set(f.providers.map((c) => c.toLowerCase())) : null;
    this.from = f.from ?? null;
    this.to = f.to ?? null;
    this.needsTime = this.from !== null || this.to !== null;
  }

  eventId(id: number | null): boolean {
    return this.ids === null || (id !== null && this.ids.has(id));
  }

  channel(c: string): boolean {
    return this.channels === null || this.channels.has(c.toLowerCase());
  }

  provider(p: string): boolean {
    return this.providers === null || this.providers.has(p.toLowerCase());
  }

  time(t: bigint | null): boolean {
    if (!this.needsTime) return true;
    if (t === null) return false;
    return (this.from === null || t >= this.from) && (this.to === null || t < this.to);
  }
}

export function compileFilter(f: EvtxFilter | undefined): CompiledFilter | null {
  if (!f) return null;
  if (!f.eventIds && !f.channels && !f.providers && f.from === undefined && f.to === undefined) return null;
  return new CompiledFilter(f);
}
