/**
 * Where each character of a YAML scalar's value sits in the file.
 *
 * A rule's query is usually a literal block scalar (`query: |`): its value is the following lines
 * with their indentation removed. The map is built line by line for block scalars; for other
 * styles (and as a check that the line map is right) characters are aligned one by one, the
 * value's characters being found in order in the file text. The result is verified: every run of
 * the map must hold the same characters in the value and in the file.
 */
import { OffsetMap, type OffsetRun } from '../frontend/offsets.js';

export type ScalarStyle = 'BLOCK_LITERAL' | 'BLOCK_FOLDED' | 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** Runs for a block scalar whose header line starts at `start` and whose content ends at `end`. */
function blockRuns(file: string, value: string, start: number, end: number): OffsetRun[] | null {
  const headerEnd = file.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return [];
  const lines: { start: number; text: string }[] = [];
  let pos = headerEnd + 1;
  while (pos < end) {
    let nl = file.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    lines.push({ start: pos, text: file.slice(pos, nl).replace(/\r$/, '') });
    pos = nl + 1;
  }
  const firstContent = lines.find((l) => l.text.trim() !== '');
  if (firstContent === undefined) return [];
  const indent = firstContent.text.length - firstContent.text.trimStart().length;
  const runs: OffsetRun[] = [];
  let cursor = 0;
  for (const line of lines) {
    const content = line.text.length > indent ? line.text.slice(indent) : '';
    if (content.length > 0) {
      const at = value.indexOf(content, cursor);
      // Folded scalars join lines with spaces; either way the content must come next.
      if (at < 0 || value.slice(cursor, at).trim() !== '') return null;
      runs.push({ from: at, to: line.start + indent, length: content.length });
      cursor = at + content.length;
    }
  }
  return runs;
}

/** Finds the value's characters in order in file[start, end). */
function alignedRuns(file: string, value: string, start: number, end: number): OffsetRun[] {
  const runs: OffsetRun[] = [];
  let j = start;
  let run: { from: number; to: number; length: number } | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let k = j;
    while (k < end && file[k] !== c) k++;
    if (k >= end) {
      // Not in the file as such (an escape sequence): leave it in a gap.
      run = null;
      continue;
    }
    if (run !== null && run.from + run.length === i && run.to + run.length === k) run.length++;
    else {
      run = { from: i, to: k, length: 1 };
      runs.push(run);
    }
    j = k + 1;
  }
  return runs;
}

function verified(file: string, value: string, runs: readonly OffsetRun[]): boolean {
  return runs.every((r) => value.slice(r.from, r.from + r.length) === file.slice(r.to, r.to + r.length));
}

/**
 * The map from offsets in `value` to offsets in `file`, for a scalar of `style` whose node spans
 * file[start, end).
 */
export function scalarOffsetMap(file: string, value: string, style: ScalarStyle, start: number, end: number): OffsetMap {
  if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const headerEnd = file.indexOf('\n', start);
    const region = { start: headerEnd < 0 ? end : Math.min(headerEnd + 1, end), end };
    const runs = blockRuns(file, value, start, end);
    if (runs !== null && verified(file, value, runs)) return new OffsetMap(runs, region);
  }
  return new OffsetMap(alignedRuns(file, value, start, end), { start, end });
}
