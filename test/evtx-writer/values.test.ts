// Value encodings and name hashes, checked against bytes Windows wrote (from
// ../shared/evtx/windows-rendered/Security.evtx, record 1 and its neighbours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameHash } from '../../src/sources/evtx-writer/chunk-tables.js';
import {
  encodeValue,
  filetimeFromIso,
  guidBytes,
  sidBytes,
  ValueError,
  type EvtxValue,
} from '../../src/sources/evtx-writer/values.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('name hashes equal the ones stored in Windows-written chunks', () => {
  const windows: [string, number][] = [
    ['Event', 0x0cba],
    ['xmlns', 0x0fbc],
    ['System', 0x546f],
    ['Provider', 0x7bf1],
    ['Name', 0x954b],
    ['Guid', 0x1529],
    ['EventID', 0x61f5],
    ['Qualifiers', 0xda29],
    ['Version', 0x0918],
    ['Level', 0xce64],
    ['Task', 0x7b45],
    ['Opcode', 0x1eae],
    ['Keywords', 0xcf6a],
    ['TimeCreated', 0x8e3b],
    ['SystemTime', 0x7b3c],
    ['EventRecordID', 0x0346],
    ['Correlation', 0xf2a2],
    ['ActivityID', 0xf10a],
    ['RelatedActivityID', 0xc535],
    ['Execution', 0xb5b8],
    ['ProcessID', 0xd70a],
    ['ThreadID', 0x3985],
    ['Channel', 0x6183],
    ['Computer', 0x6e3b],
    ['Security', 0x2ea0],
    ['UserID', 0x4c66],
    ['EventData', 0x8244],
    ['Data', 0x6f8a],
    ['UserData', 0x4435],
    ['ServiceShutdown', 0x27ab],
  ];
  for (const [name, hash] of windows) assert.equal(nameHash(name), hash, name);
});

test('values encode to the bytes Windows stores', () => {
  const valid: [EvtxValue, number, string][] = [
    [{ type: 'sid', value: 'S-1-5-18' }, 0x13, '010100000000000512000000'],
    [{ type: 'sid', value: 'S-1-16-16384' }, 0x13, '010100000000001000400000'],
    [
      { type: 'sid', value: 'S-1-5-21-4155168598-3527253067-2058671051-1000' },
      0x13,
      // as stored in record 1715
      '010500000000000515000000' + '56d7aaf7' + '4b9c3dd2' + 'cbd3b47a' + 'e8030000',
    ],
    [
      { type: 'guid', value: '{54849625-5478-4994-a5ba-3e3b0328c30d}' },
      0x0f,
      '2596845478549449a5ba3e3b0328c30d',
    ],
    [
      { type: 'guid', value: '54849625-5478-4994-A5BA-3E3B0328C30D' },
      0x0f,
      '2596845478549449a5ba3e3b0328c30d',
    ],
    [{ type: 'filetime', value: '2025-06-03T00:42:16.2250385Z' }, 0x11, '913aa35a20d4db01'],
    [{ type: 'filetime', value: '1601-01-01T00:00:00Z' }, 0x11, '0000000000000000'],
    [{ type: 'string', value: 'Security' }, 0x01, '53006500630075007200690074007900'],
    [{ type: 'string', value: '' }, 0x01, ''],
    [{ type: 'uint8', value: 4 }, 0x04, '04'],
    [{ type: 'uint16', value: 4688 }, 0x06, '5012'],
    [{ type: 'uint32', value: 912 }, 0x08, '90030000'],
    [{ type: 'uint64', value: 1715n }, 0x0a, 'b306000000000000'],
    [{ type: 'hex32', value: 0xc000006d }, 0x14, '6d0000c0'],
    [{ type: 'hex64', value: 0x8020000000000000n }, 0x15, '0000000000002080'],
    [{ type: 'null' }, 0x00, ''],
  ];
  for (const [value, type, bytes] of valid) {
    const e = encodeValue(value);
    assert.equal(
      e.type,
      type,
      JSON.stringify(value, (_, x) => (typeof x === 'bigint' ? String(x) : x)),
    );
    assert.equal(
      hex(e.bytes),
      bytes,
      JSON.stringify(value, (_, x) => (typeof x === 'bigint' ? String(x) : x)),
    );
  }
});

test('bad values are refused with a message that names the problem', () => {
  const invalid: [EvtxValue, RegExp][] = [
    [{ type: 'uint8', value: 256 }, /uint8 value 256 is not an integer in 0\.\.255/],
    [{ type: 'uint16', value: -1 }, /uint16 value -1/],
    [{ type: 'uint32', value: 1.5 }, /uint32 value 1\.5/],
    [{ type: 'hex32', value: 2 ** 32 }, /hex32 value 4294967296/],
    [{ type: 'hex64', value: -1n }, /hex64 value -1/],
    [{ type: 'uint64', value: 2n ** 64n }, /uint64 value 18446744073709551616/],
    [{ type: 'filetime', value: '2025-02-30T00:00:00Z' }, /not a valid date/],
    [{ type: 'filetime', value: '2025-06-02T24:00:00Z' }, /not a valid date/],
    [{ type: 'filetime', value: '2025-06-02 16:47:01Z' }, /not ISO-8601 UTC/],
    [{ type: 'filetime', value: '2025-06-02T16:47:01.12345678Z' }, /not ISO-8601 UTC/],
    [{ type: 'filetime', value: '2025-06-02T16:47:01+02:00' }, /not ISO-8601 UTC/],
    [{ type: 'filetime', value: '1600-12-31T23:59:59Z' }, /before 1601-01-01/],
    [{ type: 'guid', value: '{bad}' }, /GUID "\{bad\}"/],
    [{ type: 'guid', value: '{54849625-5478-4994-a5ba-3e3b0328c30d' }, /GUID/],
    [{ type: 'sid', value: 'S-1' }, /SID "S-1"/],
    [{ type: 'sid', value: 'X-1-5-18' }, /SID "X-1-5-18"/],
    [{ type: 'sid', value: 'S-1-5-99999999999' }, /sub-authority above/],
    [{ type: 'sid', value: 'S-1-281474976710656' }, /authority above/],
    [{ type: 'sid', value: 'S-1-5' + '-1'.repeat(16) }, /more than 15 sub-authorities/],
  ];
  for (const [value, message] of invalid) {
    assert.throws(
      () => encodeValue(value),
      (e: unknown) => e instanceof ValueError && message.test(e.message),
      JSON.stringify(value, (_, x) => (typeof x === 'bigint' ? String(x) : x)),
    );
  }
});

test('FILETIME keeps all seven fractional digits', () => {
  assert.equal(
    filetimeFromIso('2025-06-02T16:47:01.7297032Z') - filetimeFromIso('2025-06-02T16:47:01Z'),
    7297032n,
  );
  assert.equal(filetimeFromIso('2025-06-02T16:47:01.5Z') - filetimeFromIso('2025-06-02T16:47:01Z'), 5000000n);
  assert.equal(guidBytes('{00000000-0000-0000-0000-000000000000}').length, 16);
  assert.equal(sidBytes('S-1-0-0').length, 12);
});
