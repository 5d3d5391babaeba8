/**
 * A small ZIP reader (PKWARE APPNOTE 6.3): the central directory, stored and deflated entries,
 * ZIP64 sizes and offsets. Entries stream through Node's zlib, bounded so that a zip bomb stops
 * early with a clear error: an absolute cap per entry and per archive, a cap on the declared
 * expansion ratio, and a check as it inflates that an entry never passes the size its header
 * declares, so a lying header cannot slip past the first two.
 * The CRC-32 of each entry is verified at its end.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import { SourceError } from '../exports/issues.js';

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries read from one archive may inflate to, together. */
  readonly maxArchiveBytes: number;
  /** Highest uncompressed/compressed ratio accepted once an entry is past `ratioGraceBytes`. */
  readonly maxRatio: number;
  /** Output below this size is never judged by ratio (tiny, repetitive files compress well). */
  readonly ratioGraceBytes: number;
  /** Most entries in the central directory. */
  readonly maxEntries: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntryBytes: 2 * 1024 * 1024 * 1024,
  maxArchiveBytes: 8 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
  maxEntries: 65536,
};

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const READ_CHUNK = 64 * 1024;

export class ZipArchive {
  private inflatedTotal = 0;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly entries: readonly ZipEntry[],
    private readonly limits: ZipLimits,
  ) {}

  static async open(path: string, limits: ZipLimits = defaultZipLimits): Promise<ZipArchive> {
    const handle = await open(path, 'r');
    try {
      const size = (await handle.stat()).size;
      const entries = await readCentralDirectory(path, handle, size, limits);
      return new ZipArchive(path, handle, entries, limits);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /** The entry's uncompressed bytes, in chunks; throws SourceError when a limit is hit. */
  async *read(entry: ZipEntry): AsyncGenerator<Buffer> {
    const fail = (detail: string): never => {
      throw new SourceError(this.path, { entry: entry.name }, detail);
    };
    if (entry.flags & FLAG_ENCRYPTED) fail('entry is encrypted');
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATED) {
      fail(`compression method ${entry.method} is not supported (only stored and deflate)`);
    }
    if (entry.uncompressedSize > this.limits.maxEntryBytes) {
      fail(`entry declares ${entry.uncompressedSize} bytes, over the limit of ${this.limits.maxEntryBytes}`);
    }
    if (
      entry.uncompressedSize > this.limits.ratioGraceBytes &&
      entry.uncompressedSize / Math.max(entry.compressedSize, 1) > this.limits.maxRatio
    ) {
      fail(
        `entry declares a ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))}:1 expansion ` +
          `(over ${this.limits.maxRatio}:1): refused as a likely zip bomb`,
      );
    }
    const local = Buffer.alloc(30);
    await readFully(this.handle, local, entry.localHeaderOffset, this.path);
    if (local.readUInt32LE(0) !== SIG_LOCAL) fail(`no local header at offset ${entry.localHeaderOffset}`);
    const dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    const compressed = Readable.from(readRange(this.handle, dataStart, entry.compressedSize));
    const inflater = entry.method === METHOD_STORED ? null : createInflateRaw();
    const source: AsyncIterable<Buffer> = inflater ? compressed.pipe(inflater) : compressed;

    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of source) {
        const buffer = chunk as Buffer;
        produced += buffer.length;
        this.inflatedTotal += buffer.length;
        if (produced > entry.uncompressedSize) {
          fail(`entry inflates past its declared size of ${entry.uncompressedSize} bytes (zip bomb?)`);
        }
        if (this.inflatedTotal > this.limits.maxArchiveBytes) {
          fail(`archive inflates past the limit of ${this.limits.maxArchiveBytes} bytes in total`);
        }
        crc = crc32(buffer, crc);
        yield buffer;
      }
    } catch (e) {
      if (e instanceof SourceError) throw e;
      throw new SourceError(
        this.path,
        { entry: entry.name },
        `corrupt compressed data: ${(e as Error).message}`,
      );
    } finally {
      // Also when the reader stops early: no stream is left reading the file.
      compressed.destroy();
      inflater?.destroy();
    }
    if (produced !== entry.uncompressedSize) {
      fail(`entry inflated to ${produced} bytes, its header declares ${entry.uncompressedSize}`);
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) fail('CRC-32 mismatch: the entry is corrupt');
  }
}

async function readFully(handle: FileHandle, buffer: Buffer, position: number, path: string): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) {
      throw new SourceError(path, { offset: position + done }, 'unexpected end of file');
    }
    done += bytesRead;
  }
}

async function* readRange(handle: FileHandle, start: number, length: number): AsyncGenerator<Buffer> {
  let done = 0;
  while (done < length) {
    const size = Math.min(READ_CHUNK, length - done);
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, start + done);
    if (bytesRead === 0) return;
    done += bytesRead;
    yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
  }
}

/** Reads a little-endian 64-bit size, refusing values JavaScript numbers cannot hold exactly. */
function readSize64(buffer: Buffer, at: number, path: string): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new SourceError(path, {}, 'ZIP64 size out of range');
  return Number(value);
}

async function readCentralDirectory(
  path: string,
  handle: FileHandle,
  size: number,
  limits: ZipLimits,
): Promise<ZipEntry[]> {
  // The end-of-central-directory record is 22 bytes plus a comment of up to 65535.
  const tailLength = Math.min(size, 22 + 65535);
  const tail = Buffer.alloc(tailLength);
  await readFully(handle, tail, size - tailLength, path);
  let eocd = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new SourceError(path, {}, 'not a ZIP archive: no end-of-central-directory record');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt >= 0 && tail.readUInt32LE(locatorAt) === SIG_ZIP64_LOCATOR) {
      const zip64At = readSize64(tail, locatorAt + 8, path);
      const record = Buffer.alloc(56);
      await readFully(handle, record, zip64At, path);
      if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) {
        throw new SourceError(path, { offset: zip64At }, 'ZIP64 end-of-central-directory record missing');
      }
      count = readSize64(record, 32, path);
      cdSize = readSize64(record, 40, path);
      cdOffset = readSize64(record, 48, path);
    }
  }
  if (count > limits.maxEntries) {
    throw new SourceError(path, {}, `archive lists ${count} entries, over the limit of ${limits.maxEntries}`);
  }
  if (cdOffset + cdSize > size) {
    throw new SourceError(path, { offset: cdOffset }, 'central directory lies beyond the end of the file');
  }
  const cd = Buffer.alloc(cdSize);
  await readFully(handle, cd, cdOffset, path);

  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== SIG_CENTRAL) {
      throw new SourceError(path, { offset: cdOffset + at }, `central directory entry ${n + 1} is malformed`);
    }
    const flags = cd.readUInt16LE(at + 8);
    const method = cd.readUInt16LE(at + 10);
    const crc = cd.readUInt32LE(at + 16);
    let compressedSize = cd.readUInt32LE(at + 20);
    let uncompressedSize = cd.readUInt32LE(at + 24);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    let localHeaderOffset = cd.readUInt32LE(at + 42);
    const nameBytes = cd.subarray(at + 46, at + 46 + nameLength);
    const name = nameBytes.toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');

    // ZIP64 extended information: present fields follow in a fixed order, only those maxed out.
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const length = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= e + 4 + length) {
          uncompressedSize = readSize64(extra, p, path);
          p += 8;
        }
        if (compressedSize === 0xffffffff && p + 8 <= e + 4 + length) {
          compressedSize = readSize64(extra, p, path);
          p += 8;
        }
        if (localHeaderOffset === 0xffffffff && p + 8 <= e + 4 + length) {
          localHeaderOffset = readSize64(extra, p, path);
        }
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method,
      flags,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      isDirectory: name.endsWith('/'),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
