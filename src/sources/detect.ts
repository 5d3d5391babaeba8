/**
 * What kind of log file a path holds, from its content first: an `.evtx` renamed `.log` is still
 * EVTX, and `.json` says nothing about JSON lines versus an array.
 *
 * - `ElfFile\0`: a Windows event log (EVTX file header).
 * - `PK\x03\x04` (or the empty archive's `PK\x05\x06`): a ZIP archive (OTRF datasets).
 * - text starting with `[`: a JSON array of rows.
 * - text starting with `{`: JSON lines when the first line is a whole JSON value and more lines
 *   follow; otherwise one JSON document (the Log Analytics API shape, or a single row).
 * - other text whose first line has a comma, or a `.csv` name: CSV with a header.
 *
 * Folders are walked recursively, in name order, so a run is reproducible.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { JsonValueScanner } from './exports/json-scan.js';
import { encodingFromBom } from './exports/text.js';
import { TextDecoder } from 'node:util';

export type InputFormat = 'evtx' | 'zip' | 'json-array' | 'json-lines' | 'json-document' | 'csv' | 'unknown';

/** How much of a file is read to decide (a JSON line longer than this reads as a document). */
export const DETECT_HEAD_BYTES = 1024 * 1024;

const EVTX_MAGIC = Buffer.from('ElfFile\0', 'latin1');

function startsWith(head: Uint8Array, magic: Uint8Array): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

function isZipMagic(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    ((head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06))
  );
}

/** True when `text` (from its first `{`) holds a whole JSON value before its first line break. */
function firstLineIsWholeValue(text: string): boolean {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  let broken = false;
  const scanner = new JsonValueScanner('document', () => (broken = true), {
    maxDepth: 1000,
    maxValueChars: Number.MAX_SAFE_INTEGER,
  });
  const values = [...scanner.push(firstLine), ...scanner.finish()];
  return !broken && values.length === 1;
}

/**
 * The format of a file from its first bytes (`head`) and, for text that is neither JSON nor
 * clearly CSV, its name. `complete` says the head is the whole file.
 */
export function detectFromHead(head: Uint8Array, name: string, complete: boolean): InputFormat {
  if (startsWith(head, EVTX_MAGIC)) return 'evtx';
  if (isZipMagic(head)) return 'zip';
  const decoder = new TextDecoder(encodingFromBom(head));
  let text = decoder.decode(head, { stream: !complete });
  if (text.includes('\u0000')) return 'unknown';
  text = text.replace(/^\uFEFF/, '').trimStart();
  // `[` opens a JSON array only if a JSON value (or `]`) follows: a Markdown `[link]` does not.
  if (text.startsWith('['))
    return /^\[\s*(?:[{["\]\d-]|true|false|null)/.test(text) ? 'json-array' : 'unknown';
  if (text.startsWith('{')) {
    if (!firstLineIsWholeValue(text)) return 'json-document';
    const rest = text.slice(text.indexOf('\n') + 1);
    const hasMoreLines = text.includes('\n') && rest.trim().length > 0;
    return hasMoreLines ? 'json-lines' : 'json-document';
  }
  const extension = extname(name).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (DOCUMENT_EXTENSIONS.has(extension) || /[\u0001-\u0008\u000e-\u001f]/.test(text)) return 'unknown';
  return looksLikeCsv(text) ? 'csv' : 'unknown';
}

/** Text files that are documents, never logs, whatever their first line holds. */
const DOCUMENT_EXTENSIONS = new Set([
  '.md',
  '.xml',
  '.html',
  '.htm',
  '.asciidoc',
  '.adoc',
  '.rst',
  '.tsv',
  '.yaml',
  '.yml',
]);

/** A header line and a first row with the same number (two or more) of comma-separated fields. */
function looksLikeCsv(text: string): boolean {
  const [header, first] = text.split(/\r?\n/, 2);
  if (header === undefined || first === undefined) return false;
  const fields = (line: string) => line.replace(/"(?:[^"]|"")*"/g, '""').split(',').length;
  const n = fields(header);
  return n >= 2 && n === fields(first) && header.split(',').every((h) => h.trim().length <= 128);
}

export async function detectFormat(path: string): Promise<InputFormat> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const length = Math.min(size, DETECT_HEAD_BYTES);
    const head = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(head, done, length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return detectFromHead(head.subarray(0, done), path, done >= size);
  } finally {
    await handle.close();
  }
}

export interface DetectedInput {
  readonly path: string;
  readonly format: InputFormat;
  readonly size: number;
}

/**
 * Every file under the given paths (files as given, folders recursively in name order), with
 * its format. Unreadable paths are reported through `onError` and skipped.
 */
export async function* walkInputs(
  paths: readonly string[],
  onError: (path: string, message: string) => void,
): AsyncGenerator<DetectedInput> {
  for (const path of paths) yield* walk(path, onError, new Set());
}

async function* walk(
  path: string,
  onError: (path: string, message: string) => void,
  visited: Set<string>,
): AsyncGenerator<DetectedInput> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    onError(path, (e as Error).message);
    return;
  }
  if (info.isDirectory()) {
    // A folder reached twice through links is walked once.
    const key = `${info.dev}:${info.ino}`;
    if (visited.has(key)) return;
    visited.add(key);
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (e) {
      onError(path, (e as Error).message);
      return;
    }
    for (const name of names) yield* walk(join(path, name), onError, visited);
    return;
  }
  if (!info.isFile()) return;
  try {
    yield { path, format: await detectFormat(path), size: info.size };
  } catch (e) {
    onError(path, (e as Error).message);
  }
}
