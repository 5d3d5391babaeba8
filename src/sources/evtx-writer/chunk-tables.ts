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

/**
 * The tables of one chunk. Additions made while a record is encoded are journaled, so a record
 * that turns out not to fit can be taken back (`rollback`) without copying the tables.
 */
export class ChunkTables {
  private readonly names = new Map<string, number>();
  private readonly nameHeads = new Array<number>(nameBucketCount).fill(0);
  private readonly templates = new Map<string, number>();
  private readonly templateHeads = new Array<number>(templateBucketCount).fill(0);
  /** How to undo each addition since the last `commit`, newest last. */
  private journal: (() => void)[] = [];

  /** Chunk-relative offset of the stored name, if this chunk already has it. */
  nameOffset(name: string): number | undefined {
    return this.names.get(name);
  }

  /** Records a name stored at `offset`; returns the offset of the bucket's previous head. */
  addName(name: string, offset: number): number {
    const bucket = nameHash(name) % nameBucketCount;
    const previous = this.nameHeads[bucket]!;
    this.nameHeads[bucket] = offset;
    this.names.set(name, offset);
    this.journal.push(() => {
      this.nameHeads[bucket] = previous;
      this.names.delete(name);
    });
    return previous;
  }

  /** Chunk-relative offset of the template definition with this key, if already stored. */
  templateOffset(key: string): number | undefined {
    return this.templates.get(key);
  }

  /** The offset a new definition in this bucket must point back to. */
  templateBucketHead(templateId: number): number {
    return this.templateHeads[templateBucket(templateId)]!;
  }

  addTemplate(key: string, templateId: number, offset: number): void {
    const bucket = templateBucket(templateId);
    const previous = this.templateHeads[bucket]!;
    this.templateHeads[bucket] = offset;
    this.templates.set(key, offset);
    this.journal.push(() => {
      this.templateHeads[bucket] = previous;
      this.templates.delete(key);
    });
  }

  get nameBuckets(): readonly number[] {
    return this.nameHeads;
  }

  get templateBuckets(): readonly number[] {
    return this.templateHeads;
  }

  /** Keeps everything added so far. */
  commit(): void {
    this.journal = [];
  }

  /** Undoes everything added since the last `commit`. */
  rollback(): void {
    for (let undo = this.journal.pop(); undo; undo = this.journal.pop()) undo();
  }
}
