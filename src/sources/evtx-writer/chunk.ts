// A 64 KiB chunk: a 512-byte header, then records until the next one would not fit. The header
// carries the record range, the offsets of the last record and of the free space, a CRC32 of the
// records, the name and template tables, and a CRC32 of itself.
import { crc32 } from 'node:zlib';
import { ChunkTables } from './chunk-tables.js';
import { encodeRecord } from './record.js';
import type { EvtxEventSpec } from './spec.js';

export const chunkSize = 0x10000;
export const chunkHeaderSize = 512;
const chunkSignature = 'ElfChnk\0';
/** Every chunk Windows has closed carries 1 here (offset 120, outside the header CRC). */
const chunkFlags = 1;

export class ChunkBuilder {
  private readonly buf = new Uint8Array(chunkSize);
  private readonly tables = new ChunkTables();
  private freeOffset = chunkHeaderSize;
  private lastRecordOffset = 0;
  private firstRecordId = 0n;
  private lastRecordId = 0n;
  private records = 0;

  get recordCount(): number {
    return this.records;
  }

  /**
   * Appends the event as record `recordId` if it fits; otherwise leaves the chunk as it was and
   * returns false. Throws (a ValueError) when the event itself cannot be encoded.
   */
  tryAdd(spec: EvtxEventSpec, recordId: bigint): boolean {
    let bytes: Uint8Array;
    try {
      bytes = encodeRecord(spec, recordId, this.freeOffset, this.tables);
    } catch (e) {
      this.tables.rollback();
      throw e;
    }
    if (this.freeOffset + bytes.length > chunkSize) {
      this.tables.rollback();
      return false;
    }
    this.tables.commit();
    this.buf.set(bytes, this.freeOffset);
    if (this.records === 0) this.firstRecordId = recordId;
    this.lastRecordId = recordId;
    this.lastRecordOffset = this.freeOffset;
    this.freeOffset += bytes.length;
    this.records++;
    return true;
  }

  /** The finished chunk, header and CRCs filled in. */
  finish(): Uint8Array {
    const view = new DataView(this.buf.buffer);
    for (let i = 0; i < 8; i++) this.buf[i] = chunkSignature.charCodeAt(i);
    // Record numbers and identifiers coincide in a log that was never cleared mid-file.
    view.setBigUint64(8, this.firstRecordId, true);
    view.setBigUint64(16, this.lastRecordId, true);
    view.setBigUint64(24, this.firstRecordId, true);
    view.setBigUint64(32, this.lastRecordId, true);
    view.setUint32(40, 128, true); // header size
    view.setUint32(44, this.lastRecordOffset, true);
    view.setUint32(48, this.freeOffset, true);
    view.setUint32(52, crc32(this.buf.subarray(chunkHeaderSize, this.freeOffset)), true);
    view.setUint32(120, chunkFlags, true);
    this.tables.nameBuckets.forEach((offset, i) => view.setUint32(128 + 4 * i, offset, true));
    this.tables.templateBuckets.forEach((offset, i) => view.setUint32(384 + 4 * i, offset, true));
    const headerCrc = crc32(this.buf.subarray(128, chunkHeaderSize), crc32(this.buf.subarray(0, 120)));
    view.setUint32(124, headerCrc, true);
    return this.buf;
  }
}
