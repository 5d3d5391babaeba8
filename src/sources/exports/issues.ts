/**
 * Problems met while reading an input file. Loaders never stop at the first bad record: they
 * report it with the file and a position and go on, so one broken line costs one row, not a file.
 */

/** Where in a file: 1-based line (and column) for text formats, a byte offset for binary ones. */
export interface SourcePosition {
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  /** A member inside a container file (the JSON file inside a zip). */
  readonly entry?: string;
}

export interface SourceIssue {
  readonly file: string;
  readonly position: SourcePosition;
  readonly message: string;
  /** 'error': data was lost (a record skipped, a file refused); 'warning': read, with a repair. */
  readonly severity: 'error' | 'warning';
}

export type IssueSink = (issue: SourceIssue) => void;

export function formatPosition(p: SourcePosition): string {
  const parts: string[] = [];
  if (p.entry !== undefined) parts.push(p.entry);
  if (p.line !== undefined)
    parts.push(p.column !== undefined ? `line ${p.line}:${p.column}` : `line ${p.line}`);
  if (p.offset !== undefined) parts.push(`offset ${p.offset}`);
  return parts.join(', ');
}

export function formatIssue(issue: SourceIssue): string {
  const where = formatPosition(issue.position);
  return `${issue.file}${where ? ` (${where})` : ''}: ${issue.severity}: ${issue.message}`;
}

/** A whole file (or container entry) that cannot be read; thrown, carrying where it failed. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly position: SourcePosition,
    readonly detail: string,
  ) {
    super(formatIssue({ file, position, message: detail, severity: 'error' }));
    this.name = 'SourceError';
  }
}
