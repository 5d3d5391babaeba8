// The file's framing checked byte by byte against the format (libyal's EVTX document): the file
// header and its CRC, each chunk header and its two CRCs, record framing, and the sharing of
// names and template definitions within a chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { encodeEvtx, filetimeFromIso, type EvtxEventSpec } from '../../src/sources/evtx-writer/index.js';
import { fixtureEvents } from './fixture.js';

const events = fixtureEvents();
const file = encodeEvtx(events);
const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
const u16 = (o: number): number => view.getUint16(o, true);
const u32 = (o: number): number => view.getUint32(o, true);
const u64 = (o: number): bigint => view.getBigUint64(o, true);
const ascii = (o: number, n: number): string => String.fromCharCode(...file.subarray(o, o + n));
const chunkCount = (file.length - 4096) / 65536;

interface RecordFrame {
  offset: number;
  size: number;
  id: bigint;
  written: bigint;
}

function recordsOf(chunk: number): RecordFrame[] {
  const base = 4096 + chunk * 65536;
  const free = u32(base + 48);
  const out: RecordFrame[] = [];
  for (let o = 512; o < free;) {
    const size = u32(base + o + 4);
    out.push({ offset: o, size, id: u64(base + o + 8), written: u64(base + o + 16) });
    o += size;
  }
  return out;
}

test('file header: signature, chunk range, next record id, version 3.2, CRC', () => {
  assert.ok(
    Number.isInteger(chunkCount) && chunkCount >= 5,
    `file size ${file.length} is 4096 + whole chunks`,
  );
  assert.equal(ascii(0, 8), 'ElfFile\0');
  assert.equal(u64(8), 0n);
  assert.equal(u64(16), BigInt(chunkCount - 1));
  assert.equal(u64(24), BigInt(events.length + 1));
  assert.equal(u32(32), 128);
  assert.deepEqual([u16(38), u16(36)], [3, 2]);
  assert.equal(u16(40), 4096);
  assert.equal(u16(42), chunkCount);
  assert.equal(u32(120), 0, 'flags: clean, not full');
  assert.equal(u32(124), crc32(file.subarray(0, 120)));
  assert.ok(file.subarray(128, 4096).every((b) => b === 0));
});

test('chunk headers: record ranges, offsets, both CRCs', () => {
  let nextId = 1n;
  for (let c = 0; c < chunkCount; c++) {
    const base = 4096 + c * 65536;
    const records = recordsOf(c);
    assert.equal(ascii(base, 8), 'ElfChnk\0', `chunk ${c}`);
    assert.equal(u64(base + 8), nextId, `chunk ${c} first record number`);
    assert.equal(u64(base + 24), nextId, `chunk ${c} first record id`);
    const last = records[records.length - 1]!;
    assert.equal(u64(base + 16), last.id);
    assert.equal(u64(base + 32), last.id);
    assert.equal(u32(base + 40), 128);
    assert.equal(u32(base + 44), last.offset, 'last record offset');
    assert.equal(u32(base + 48), last.offset + last.size, 'free space offset');
    assert.equal(
      u32(base + 52),
      crc32(file.subarray(base + 512, base + last.offset + last.size)),
      'records CRC',
    );
    const header = Buffer.concat([file.subarray(base, base + 120), file.subarray(base + 128, base + 512)]);
    assert.equal(u32(base + 124), crc32(header), 'header CRC');
    assert.ok(
      file.subarray(base + last.offset + last.size, base + 65536).every((b) => b === 0),
      'free space is zero',
    );
    nextId = last.id + 1n;
  }
  assert.equal(nextId, BigInt(events.length + 1));
});

test('records: signature, 8-byte aligned size, size copy, consecutive ids, written time', () => {
  let id = 1n;
  for (let c = 0; c < chunkCount; c++) {
    const base = 4096 + c * 65536;
    for (const r of recordsOf(c)) {
      const at = base + r.offset;
      assert.equal(u32(at), 0x00002a2a, `record ${id} signature`);
      assert.equal(r.size % 8, 0, `record ${id} size ${r.size}`);
      assert.equal(u32(at + r.size - 4), r.size, `record ${id} size copy`);
      assert.equal(r.id, id);
      assert.equal(r.written, filetimeFromIso(events[Number(id) - 1]!.time), `record ${id} written time`);
      // BinXml: fragment header, then a template instance.
      assert.deepEqual([...file.subarray(at + 24, at + 29)], [0x0f, 1, 1, 0, 0x0c]);
      id++;
    }
  }
});

/** The template definition offset of a record's outer template instance. */
function outerDefinitionOffset(chunk: number, r: RecordFrame): number {
  return u32(4096 + chunk * 65536 + r.offset + 24 + 4 + 6);
}

test('a template definition is stored once per chunk and referenced afterwards', () => {
  const same: EvtxEventSpec[] = events
    .slice(0, 1)
    .flatMap((e) => [e, { ...e, time: '2025-03-10T09:00:00Z' }]);
  const two = encodeEvtx([same[0]!, same[1]!]);
  const dv = new DataView(two.buffer, two.byteOffset);
  const first = 4096 + 512;
  const firstSize = dv.getUint32(first + 4, true);
  const second = first + firstSize;
  const firstDef = dv.getUint32(first + 34, true);
  assert.equal(firstDef, 512 + 34 + 4, 'first record: definition inline, right after its offset');
  assert.equal(dv.getUint32(second + 34, true), firstDef, 'second record: refers back to it');
  assert.ok(dv.getUint32(second + 4, true) < firstSize / 2, 'second record is much smaller');
  for (let c = 0; c < chunkCount; c++) {
    const records = recordsOf(c);
    assert.equal(outerDefinitionOffset(c, records[0]!), records[0]!.offset + 38, `chunk ${c} starts afresh`);
  }
});

/** A stored name as it appears inline: character count, UTF-16 characters, NUL. */
function storedName(s: string): Buffer {
  const count = Buffer.alloc(2);
  count.writeUInt16LE(s.length);
  return Buffer.concat([count, Buffer.from(s + '\0', 'utf16le')]);
}

function count(haystack: Uint8Array, needle: Buffer): number {
  let n = 0;
  for (
    let i = Buffer.from(haystack).indexOf(needle);
    i >= 0;
    i = Buffer.from(haystack).indexOf(needle, i + 1)
  )
    n++;
  return n;
}

test('names are stored once per chunk and listed in the string table by hash', () => {
  for (let c = 0; c < chunkCount; c++) {
    const base = 4096 + c * 65536;
    const chunk = file.subarray(base, base + 65536);
    for (const name of ['Event', 'System', 'EventData', 'Data', 'SubjectUserSid']) {
      assert.ok(count(chunk, storedName(name)) <= 1, `chunk ${c}: name ${name} stored more than once`);
    }
    // Every table entry is a name whose stored hash picks that bucket, chained to older ones.
    let listed = 0;
    for (let b = 0; b < 64; b++) {
      for (let at = u32(base + 128 + 4 * b); at !== 0; at = u32(base + at)) {
        assert.equal(u16(base + at + 4) % 64, b, `chunk ${c} bucket ${b}`);
        listed++;
      }
    }
    assert.ok(listed >= 25, `chunk ${c}: ${listed} names listed`);
  }
});

test('template table entries point at definitions, as python-evtx expects', () => {
  for (let c = 0; c < chunkCount; c++) {
    const base = 4096 + c * 65536;
    let listed = 0;
    for (let b = 0; b < 32; b++) {
      for (let at = u32(base + 384 + 4 * b); at !== 0; at = u32(base + at)) {
        assert.equal(file[base + at - 10], 0x0c, 'template instance token ten bytes before');
        assert.equal(u32(base + at - 4), at, 'instance points at this definition');
        assert.equal(u32(base + at - 8), u32(base + at + 4), 'template id is the GUID’s first four bytes');
        listed++;
      }
    }
    assert.ok(listed >= 2, `chunk ${c}: ${listed} templates listed`);
  }
});

test('the same events give the same bytes', () => {
  assert.deepEqual(encodeEvtx(fixtureEvents()), file);
});
