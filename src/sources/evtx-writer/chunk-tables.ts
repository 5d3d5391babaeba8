// What a chunk has already stored, so later records refer to it instead of repeating it: element
// and attribute names (the chunk header's 64-bucket common-string table) and template definitions
// (its 32-bucket template table). Both tables are hash chains: a bucket holds the newest entry's
// offset, and each entry's first four bytes hold the offset of the one it displaced.

/**
 * [MS-EVEN6] 2.2.12 NameHash: hash = hash * 65599 + code unit over the name's UTF-16 code units;
 * the low 16 bits are stored.
 */
export function nameHash(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 65599) + name.charCodeAt(i)) >>> 0;
  return h & 0xffff;
}

/** Windows puts a name in bucket `hash % 64` (checked against real Security.evtx chunks). */
export const nameBucketCount = 64;
/**
 * 32 buckets. Windows's choice of bucket is not documented and is not any simple function of the
 * template GUID we could find; readers use the table only as an index of definitions (python-evtx
 * loads it, libevtx ignores it), so we bucket by the template identifier's low five bits.
 */
export const templateBucketCount = 32;

export function templateBucket(templateId: number): number {
  return templateId % templateBucketCount;
}

interface TableState {
  names: Map<string, number>;
  nameBuckets: number[];
  templates: Map<string, number>;
  templateBuckets: number[];
}

/** A copy of the tables, taken before a record is written, to undo it if the record does not fit. */
export type TablesSnapshot = Readonly<TableState>;

export class ChunkTables {
  private state: TableState = {
    names: new Map(),
    nameBuckets: new Array<number>(nameBucketCount).fill(0),
    templates: new Map(),
    templateBuckets: new Array<number>(templateBucketCount).fill(0),
  };

  /** Chunk-relative offset of the stored name, if this chunk already has it. */
  nameOffset(name: string): number | undefined {
    return this.state.names.get(name);
  }

  /** Records a name stored at `offset`; returns the offset of the bucket's previous head. */
  addName(name: string, offset: number): number {
    const bucket = nameHash(name) % nameBucketCount;
    const previous = this.state.nameBuckets[bucket]!;
    this.state.nameBuckets[bucket] = offset;
    this.state.names.set(name, offset);
    return previous;
  }

  /** Chunk-relative offset of the template definition with this key, if already stored. */
  templateOffset(key: string): number | undefined {
    return this.state.templates.get(key);
  }

  /** The offset a new definition in this bucket must point back to. */
  templateBucketHead(templateId: number): number {
    return this.state.templateBuckets[templateBucket(templateId)]!;
  }

  addTemplate(key: string, templateId: number, offset: number): void {
    this.state.templateBuckets[templateBucket(templateId)] = offset;
    this.state.templates.set(key, offset);
  }

  get nameBuckets(): readonly number[] {
    return this.state.nameBuckets;
  }

  get templateBuckets(): readonly number[] {
    return this.state.templateBuckets;
  }

  snapshot(): TablesSnapshot {
    return {
      names: new Map(this.state.names),
      nameBuckets: [...this.state.nameBuckets],
      templates: new Map(this.state.templates),
      templateBuckets: [...this.state.templateBuckets],
    };
  }

  restore(s: TablesSnapshot): void {
    this.state = {
      names: new Map(s.names),
      nameBuckets: [...s.nameBuckets],
      templates: new Map(s.templates),
      templateBuckets: [...s.templateBuckets],
    };
  }
}
