/**
 * Compression to and from base64 text: zlib_compress_to_base64_string,
 * zlib_decompress_from_base64_string, gzip_compress_to_base64_string,
 * gzip_decompress_from_base64_string. Strings are UTF-8; a failure gives '' as the pages say.
 *
 * Kusto's compressed output, as the reference pages print it (`eAEBFADr/...` for zlib,
 * `H4sIAAAAAAAA/wEUAOv/...` for gzip), holds the input in stored (uncompressed) deflate blocks:
 * level 0. Compressing at level 0 reproduces those strings byte for byte. The gzip header is the
 * minimal one Kusto writes: no flags, no time, XFL 0, OS 255 (unknown); decompression accepts only
 * such a header (gzip-base64-decompress.md: "The FLG byte is expected to be zero").
 */
import { crc32, deflateRawSync, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict base64 (padding required when the length needs it); null when the text is not base64. */
function decodeBase64(text: string): Buffer | null {
  const t = text.trim();
  if (t.length % 4 !== 0 || !BASE64.test(t)) return null;
  return Buffer.from(t, 'base64');
}

/** Bytes as UTF-8 text; null when they are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function zlibCompress(text: string): string {
  return deflateSync(Buffer.from(text, 'utf8'), { level: 0 }).toString('base64');
}

export function zlibDecompress(text: string): string {
  const bytes = decodeBase64(text);
  if (bytes === null || bytes.length === 0) return '';
  try {
    return decodeUtf8(inflateSync(bytes)) ?? '';
  } catch {
    return '';
  }
}

export function gzipCompress(text: string): string {
  const input = Buffer.from(text, 'utf8');
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(input), 0);
  trailer.writeUInt32LE(input.length >>> 0, 4);
  return Buffer.concat([GZIP_HEADER, deflateRawSync(input, { level: 0 }), trailer]).toString('base64');
}

export function gzipDecompress(text: string): string {
  const bytes = decodeBase64(text);
  // ID1, ID2, CM=8 (deflate), FLG=0; then MTIME(4), XFL, OS; at least an empty block and a trailer.
  if (bytes === null || bytes.length < 18) return '';
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 0x08 || bytes[3] !== 0) return '';
  try {
    const body = bytes.subarray(10, bytes.length - 8);
    const output = inflateRawSync(body);
    const expectedCrc = bytes.readUInt32LE(bytes.length - 8);
    const expectedSize = bytes.readUInt32LE(bytes.length - 4);
    if (crc32(output) !== expectedCrc || output.length >>> 0 !== expectedSize) return '';
    return decodeUtf8(output) ?? '';
  } catch {
    return '';
  }
}

function stringFn(f: (s: string) => string) {
  return def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('string', (a) => f(s(a[0]!)));
  });
}

export const compressionFunctions: FunctionTable = {
  zlib_compress_to_base64_string: stringFn(zlibCompress),
  zlib_decompress_from_base64_string: stringFn(zlibDecompress),
  gzip_compress_to_base64_string: stringFn(gzipCompress),
  gzip_decompress_from_base64_string: stringFn(gzipDecompress),
};
