import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipArchive, defaultZipLimits, type ZipLimits } from '../../src/sources/otrf/zip.js';
import { SourceError } from '../../src/sources/exports/issues.js';
import { buildZip, type ZipInput } from './zip-writer.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'kqlhunt-zip-'));
let counter = 0;

function writeZip(entries: readonly ZipInput[]): string {
  const path = join(dir, `t${counter++}.zip`);
  writeFileSync(path, buildZip(entries));
  return path;
}

async function readEntry(path: string, index = 0, limits: ZipLimits = defaultZipLimits): Promise<Buffer> {
  const zip = await ZipArchive.open(path, limits);
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of zip.read(zip.entries[index]!)) chunks.push(chunk);
    return Buffer.concat(chunks);
  } finally {
    await zip.close();
  }
}

const text = Buffer.from('{"EventID":4624}\n'.repeat(1000));

const readable: { name: string; entries: ZipInput[] }[] = [
  { name: 'deflated', entries: [{ name: 'a.json', data: text }] },
  { name: 'stored', entries: [{ name: 'a.json', data: text, method: 0 }] },
  { name: 'empty entry', entries: [{ name: 'a.json', data: Buffer.alloc(0) }] },
];

for (const c of readable) {
  test(`zip: reads a ${c.name} entry`, async () => {
    const path = writeZip(c.entries);
    assert.deepEqual(await readEntry(path), c.entries[0]!.data);
  });
}

const small: ZipLimits = { ...defaultZipLimits, ratioGraceBytes: 1024, maxRatio: 50 };

const refused: { name: string; entries: ZipInput[]; limits?: ZipLimits; error: RegExp }[] = [
  {
    name: 'a bomb by ratio (declared honestly)',
    entries: [{ name: 'bomb.json', data: Buffer.alloc(4 * 1024 * 1024) }],
    limits: small,
    error: /expansion.*zip bomb/,
  },
  {
    name: 'a bomb that lies about its size',
    entries: [{ name: 'bomb.json', data: Buffer.alloc(4 * 1024 * 1024), declaredUncompressed: 100 }],
    error: /past its declared size/,
  },
  {
    name: 'an entry over the absolute limit',
    entries: [{ name: 'big.json', data: Buffer.alloc(10_000, 1) }],
    limits: { ...defaultZipLimits, maxEntryBytes: 5000 },
    error: /over the limit/,
  },
  {
    name: 'a corrupt CRC',
    entries: [{ name: 'a.json', data: text, corruptCrc: true }],
    error: /CRC-32 mismatch/,
  },
];

for (const c of refused) {
  test(`zip: refuses ${c.name}, naming the archive and entry`, async () => {
    const path = writeZip(c.entries);
    await assert.rejects(readEntry(path, 0, c.limits), (e: unknown) => {
      assert.ok(e instanceof SourceError);
      assert.match(e.message, c.error);
      assert.ok(e.message.includes(path) && e.message.includes(c.entries[0]!.name), e.message);
      return true;
    });
  });
}

test('zip: a bomb with a lying header stops early, not after inflating everything', async () => {
  const path = writeZip([
    { name: 'bomb.json', data: Buffer.alloc(64 * 1024 * 1024), declaredUncompressed: 1000 },
  ]);
  const zip = await ZipArchive.open(path);
  let seen = 0;
  await assert.rejects(async () => {
    for await (const chunk of zip.read(zip.entries[0]!)) seen += chunk.length;
  }, /past its declared size/);
  await zip.close();
  assert.ok(seen <= 1000, `passed on ${seen} bytes before refusing`);
});

test('zip: not a zip', async () => {
  const path = join(dir, 'not.zip');
  writeFileSync(path, 'hello');
  await assert.rejects(ZipArchive.open(path), /no end-of-central-directory/);
});

test('zip: lists and reads the OTRF archives', { skip: skipWithoutShared }, async () => {
  const zip = await ZipArchive.open(sharedPath('otrf', 'rdp_interactive_taskmanager_lsass_dump.zip'));
  try {
    assert.equal(zip.entries.length, 1);
    const entry = zip.entries[0]!;
    assert.equal(entry.name, 'rdp_interactive_taskmanager_lsass_dump_2020-09-22043748.json');
    let bytes = 0;
    for await (const chunk of zip.read(entry)) bytes += chunk.length;
    assert.equal(bytes, 8180701);
  } finally {
    await zip.close();
  }
});
