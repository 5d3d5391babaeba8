// The 4096-byte file header: "ElfFile\0", first/last chunk numbers, next record identifier,
// header size (128), minor/major version, header block size (4096), chunk count, flags @120
// (0x1 dirty, 0x2 full, 0x4 no CRC), CRC32 of the first 120 bytes @124.
//
// The header is advisory: the reader walks every chunk to the end of the file whatever it says.

import { crc32 } from 'node:zlib';
import { u16, u32 } from './bytes.js';
import { EvtxError, evtxError } from './errors.js';

export const FLAG_DIRTY = 0x1;
export const FLAG_FULL = 0x2;
export const FLAG_NO_CRC = 0x4;

export interface FileHeader {
  ok: boolean;
  chunkCount: number;
  flags: number;
  majorVersion: number;
  minorVersion: number;
}

export function readFileHeader(file: string, b: Buffer, len: number, errors: EvtxError[]): FileHeader {
  const h: FileHeader = { ok: false, chunkCount: 0, flags: 0, majorVersion: 0, minorVersion: 0 };
  if (len < 128) {
    errors.push(
      evtxError(file, -1, 0, 'EVTX002', 'integrity', `file too short for an EVTX header (${len} bytes)`),
    );
    return h;
  }
  if (b.toString('latin1', 0, 8) !== 'ElfFile\0') {
    errors.push(
      evtxError(
        file,
        -1,
        0,
        'EVTX002',
        'integrity',
        'bad file signature (expected "ElfFile\\0"): reading chunks anyway',
      ),
    );
    return h;
  }
  h.minorVersion = u16(b, 36);
  h.majorVersion = u16(b, 38);
  h.chunkCount = u16(b, 42);
  h.flags = u32(b, 120);
  const want = u32(b, 124);
  const got = crc32(b.subarray(0, 120));
  h.ok = want === got;
  if (!h.ok) {
    errors.push(
      evtxError(
        file,
        -1,
        124,
        'EVTX002',
        'integrity',
        `file header CRC mismatch (stored 0x${want.toString(16)}, computed 0x${got.toString(16)})`,
      ),
    );
  }
  return h;
}
