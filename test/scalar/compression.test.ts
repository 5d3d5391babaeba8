// zlib and gzip to and from base64: the reference pages' examples, round trips of Unicode text,
// and invalid input (not base64, not compressed, wrong gzip header).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { table } from './function-table.js';
import { call, str } from './support.js';

table('zlib_compress_to_base64_string', [
  [[str('1234567890qwertyuiop')], 'eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==', 'string'],
]);
table('zlib_decompress_from_base64_string', [
  [[str('eJwLSS0uUSguKcrMS1cwNDIGACxqBQ4=')], 'Test string 123'],
  [[str('eAEBFADr/zEyMzQ1Njc4OTBxd2VydHl1aW9wOAkGdw==')], '1234567890qwertyuiop'],
  [[str('x0x0x0')], ''],
  [[str('')], ''],
  [[str('aGVsbG8=')], ''],
]);
table('gzip_compress_to_base64_string', [
  [[str('1234567890qwertyuiop')], 'H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA=='],
]);
table('gzip_decompress_from_base64_string', [
  [[str('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==')], '1234567890qwertyuiop'],
  [[str('x0x0x0')], ''],
  // The FLG byte set (FTEXT) is refused, as the page says.
  [[str('H4sIAQAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f2FAAAAA==')], ''],
  // A corrupted CRC is refused.
  [[str('H4sIAAAAAAAA/wEUAOv/MTIzNDU2Nzg5MHF3ZXJ0eXVpb3A6m7f3FAAAAA==')], ''],
]);

describe('round trips', () => {
  for (const text of ['', 'a', 'Grüße, 世界 🌍', 'x'.repeat(100000)]) {
    test(`zlib and gzip keep ${JSON.stringify(text.slice(0, 12))} (${text.length} chars)`, () => {
      const z = call('zlib_compress_to_base64_string', str(text)) as string;
      assert.equal(call('zlib_decompress_from_base64_string', str(z)), text);
      const g = call('gzip_compress_to_base64_string', str(text)) as string;
      assert.equal(call('gzip_decompress_from_base64_string', str(g)), text);
    });
  }
});
