// An event record: `2a 2a 00 00`, size, record identifier, written time (FILETIME), the event's
// BinXml, zero padding, and the size again. Windows pads every record to a multiple of 8 bytes.
import { writeFragment } from './binxml.js';
import { ByteWriter } from './byte-writer.js';
import type { ChunkTables } from './chunk-tables.js';
import { eventTemplateInstance } from './event-template.js';
import type { EvtxEventSpec } from './spec.js';
import { filetimeFromIso } from './values.js';

export const recordSignature = 0x00002a2a;
const recordAlignment = 8;

/** Encodes one record to start at `chunkOffset`; names and templates it stores go into `tables`. */
export function encodeRecord(
  spec: EvtxEventSpec,
  recordId: bigint,
  chunkOffset: number,
  tables: ChunkTables,
): Uint8Array {
  // First, so a bad time is reported as the TimeCreated field it also fills.
  const { template, values } = eventTemplateInstance(spec, recordId, tables);
  const w = new ByteWriter(chunkOffset);
  w.u32(recordSignature);
  const sizeAt = w.reserveU32();
  w.u64(recordId);
  w.u64(filetimeFromIso(spec.time));
  writeFragment(w, tables, template, values);
  const unpadded = w.size + 4;
  w.zeros((recordAlignment - (unpadded % recordAlignment)) % recordAlignment);
  const size = w.size + 4;
  w.u32(size);
  w.patchU32(sizeAt, size);
  return w.toBytes();
}
