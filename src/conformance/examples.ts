/**
 * The examples file: JSON lines of `{id, page, title, query, columns, rows}` where `columns` and
 * `rows` are the documented output table, as strings.
 */
import { readFileSync } from 'node:fs';

export interface Example {
  readonly id: string;
  readonly page: string;
  readonly title: string;
  readonly query: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Parses the examples file; a malformed line is an error naming the file and line. */
export function parseExamples(text: string, file: string): Example[] {
  const examples: Example[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON: ${(e as Error).message}`);
    }
    const v = value as Record<string, unknown>;
    if (
      typeof v !== 'object' ||
      v === null ||
      typeof v['id'] !== 'string' ||
      typeof v['query'] !== 'string' ||
      !isStringArray(v['columns']) ||
      !Array.isArray(v['rows']) ||
      !v['rows'].every(isStringArray)
    ) {
      throw new Error(
        `${file}:${i + 1}: expected {id, page, title, query, columns: string[], rows: string[][]}`,
      );
    }
    examples.push({
      id: v['id'],
      page: typeof v['page'] === 'string' ? v['page'] : '',
      title: typeof v['title'] === 'string' ? v['title'] : '',
      query: v['query'],
      columns: v['columns'],
      rows: v['rows'] as string[][],
    });
  });
  return examples;
}

export function readExamples(file: string): Example[] {
  return parseExamples(readFileSync(file, 'utf8'), file);
}
