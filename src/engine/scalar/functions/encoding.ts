/**
 * Encodings and digests: base64_encode_tostring, base64_decode_tostring (base64_decodestring),
 * base64_decode_toarray, base64_encode_fromarray, base64_encode_fromguid, url_encode,
 * url_encode_component, url_decode, hash_md5, hash_sha1, hash_sha256. Text is UTF-8; a value of
 * another type is hashed as its tostring() text (hash-sha1-function.md's datetime example).
 */
import { createHash } from 'node:crypto';
import type { DynamicValue } from '../../../types/scalar.js';
import { asDynamic, asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Base64 to bytes; null when malformed. Kusto decodes strictly: the standard alphabet, padded to a
 * multiple of 4 characters. (base64-encode-fromarray-function.md decodes an unpadded string to an
 * empty array, and Sentinel's own rules cut encoded commands to a multiple of 8 before decoding.)
 */
export function decodeBase64(text: string): Buffer | null {
  const t = text.trim();
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  return Buffer.from(t, 'base64');
}

function stringFn(f: (s: string) => string) {
  return def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('string', (a) => f(s(a[0]!)));
  });
}

function digest(algorithm: 'md5' | 'sha1' | 'sha256') {
  return stringFn((s) => createHash(algorithm).update(s, 'utf8').digest('hex'));
}

/** base64_decode_tostring: invalid base64 or invalid UTF-8 gives '' (base64-decode-tostring-function.md). */
function decodeToString(s: string): string {
  const bytes = decodeBase64(s);
  if (bytes === null) return '';
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return '';
  }
}

/** RFC 3986 percent-encoding with lower-case hex (url-encode-component-function.md example). */
function urlEncodeComponent(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16))
    .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
}

function urlDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

const decodeToStringDef = stringFn(decodeToString);

export const encodingFunctions: FunctionTable = {
  base64_encode_tostring: stringFn((s) => Buffer.from(s, 'utf8').toString('base64')),
  base64_encodestring: stringFn((s) => Buffer.from(s, 'utf8').toString('base64')),
  base64_decode_tostring: decodeToStringDef,
  base64_decodestring: decodeToStringDef,
  base64_decode_toarray: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('dynamic', (a) => {
      const bytes = decodeBase64(s(a[0]!));
      return bytes === null ? null : Array.from(bytes);
    });
  }),
  base64_encode_fromarray: def(1, 1, (args) => {
    const x = asDynamic(args[0]!.type);
    return bound('string', (a) => {
      const v = x(a[0]!);
      if (!Array.isArray(v)) return '';
      const bytes = (v as DynamicValue[]).map((b) => Number(b));
      if (bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) return '';
      return Buffer.from(bytes).toString('base64');
    });
  }),
  base64_encode_fromguid: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('string', (a) => {
      const hex = s(a[0]!).replace(/-/g, '');
      if (!/^[0-9a-f]{32}$/i.test(hex)) return '';
      const b = Buffer.from(hex, 'hex');
      // .NET's Guid.ToByteArray order: the first three groups little-endian.
      const ordered = Buffer.from([b[3]!, b[2]!, b[1]!, b[0]!, b[5]!, b[4]!, b[7]!, b[6]!, ...b.subarray(8)]);
      return ordered.toString('base64');
    });
  }),
  url_encode: stringFn(urlEncodeComponent),
  url_encode_component: stringFn(urlEncodeComponent),
  url_decode: stringFn(urlDecode),
  hash_md5: digest('md5'),
  hash_sha1: digest('sha1'),
  hash_sha256: digest('sha256'),
};
