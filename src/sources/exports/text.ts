/**
 * Bytes to text for the text formats. UTF-8 unless a byte-order mark says UTF-16 (PowerShell's
 * `Export-Csv` and `Out-File` write UTF-16LE with a BOM on Windows PowerShell 5). The decoder is
 * streaming, so a character split across two chunks is decoded whole; a BOM is not passed on.
 */

import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function encodingFromBom(head: Uint8Array): TextEncodingName {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Decodes streamed bytes to text chunks; the encoding is chosen from the first bytes. */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of bytes) {
    if (chunk.length === 0) continue;
    decoder ??= new TextDecoder(encodingFromBom(chunk));
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  }
}
