/**
 * Sentinel placeholders: hunting queries may contain `{{StartTimeISO}}` and `{{EndTimeISO}}`,
 * which the Sentinel portal replaces with the hunt window before running them. kqlhunt does the
 * same before parsing, and keeps an offset map so errors point into the original text.
 */
import { OffsetMap, type OffsetRun } from './offsets.js';
import type { Span } from '../plan/plan.js';

export interface FilledText {
  readonly text: string;
  /** From the filled text back to the original. */
  readonly map: OffsetMap;
  /** Placeholders with no value, left in place, with their spans in the original. */
  readonly unfilled: readonly { readonly name: string; readonly span: Span }[];
  readonly filled: readonly { readonly name: string; readonly span: Span }[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): FilledText {
  const runs: OffsetRun[] = [];
  const unfilled: { name: string; span: Span }[] = [];
  const filled: { name: string; span: Span }[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    const start = m.index;
    const end = start + m[0].length;
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value === undefined) {
      unfilled.push({ name, span: { start, end } });
      continue;
    }
    runs.push({ from: out.length, to: last, length: start - last });
    out += text.slice(last, start) + value;
    last = end;
    filled.push({ name, span: { start, end } });
  }
  runs.push({ from: out.length, to: last, length: text.length - last });
  out += text.slice(last);
  return { text: out, map: new OffsetMap(runs, { start: 0, end: text.length }), unfilled, filled };
}

/** The values Sentinel gives for a hunt over [start, end). */
export function huntWindowPlaceholders(window: {
  readonly start: Date;
  readonly end: Date;
}): Record<string, string> {
  return {
    StartTimeISO: window.start.toISOString(),
    EndTimeISO: window.end.toISOString(),
  };
}
