// The 4096-byte file header: signature, first and last chunk numbers, the next record identifier,
// format version 3.2, the chunk count, flags (0: clean, not full) and a CRC32 of its first 120 bytes.
import { crc32 } from 'node:zlib';

export const fileHeaderSize = 4096;
const fileSignature = 'ElfFile\0';
const headerSize = 128;
/** 3.2, as written by Windows 10 2004 and later (3.1 before). */
const majorVersion = 3;
const minorVersion = 2;
export const maxChunks = 0xffff;

export function encodeFileHeader(chunkCount: number, nextRecordId: bigint): Uint8Array {
  if (chunkCount > maxChunks) throw new RangeError(`${chunkCount} chunks exceed the format's ${maxChunks}`);
  const buf = new Uint8Array(fileHeaderSize);
  const view = new DataView(buf.buffer);
  for (let i = 0; i < 8; i++) buf[i] = fileSignature.charCodeAt(i);
  view.setBigUint64(8, 0n, true); // first chunk number
  view.setBigUint64(16, BigInt(Math.max(chunkCount - 1, 0)), true); // last chunk number
  view.setBigUint64(24, nextRecordId, true);
  view.setUint32(32, headerSize, true);
  view.setUint16(36, minorVersion, true);
  view.setUint16(38, majorVersion, true);
  view.setUint16(40, fileHeaderSize, true);
  view.setUint16(42, chunkCount, true);
  view.setUint32(120, 0, true); // flags: clean
  view.setUint32(124, crc32(buf.subarray(0, 120)), true);
  return buf;
}
