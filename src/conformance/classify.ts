/**
 * Groups failures by cause, for the summary the engine team steers by:
 * - missing function / missing operator: kqlhunt says it does not implement something (the front
 *   end's unknown-function diagnostic, the engine's `unsupported` error), keyed by its name;
 * - doc: the documented output cannot be reproduced as printed (the query calls rand(), now()...;
 *   or the docs show a cell cut short with `...`);
 * - semantics: a result that differs, or a run-time error of an implemented construct;
 * - front end: another compile diagnostic;
 * - timeout / crash.
 */
import type { Example } from './examples.js';
import type { ExampleOutcome, FailureCause } from './outcome.js';

export type FailureCategory =
  'missing function' | 'missing operator' | 'semantics' | 'doc error' | 'front end' | 'timeout or crash';

export interface Classified {
  readonly category: FailureCategory;
  /** A short key that groups failures of one cause (`function geo_distance_2points`). */
  readonly key: string;
}

/** The message with positions and numbers blurred, so that one cause reads as one key. */
function blur(message: string): string {
  return message
    .replace(/\b(at|offset|position|line|column)\s+\d+(:\d+)?/gi, '$1 N')
    .replace(/\(\d+(,\s*\d+)*\)/g, '(N)')
    .slice(0, 160);
}

const UNSUPPORTED = /^(.*?) is not supported by kqlhunt/;

function unsupportedKey(message: string): Classified {
  const what = UNSUPPORTED.exec(message)?.[1] ?? message;
  if (/operator|^\|/i.test(what)) return { category: 'missing operator', key: what };
  if (/function|plugin|aggregate|\w\(\)/i.test(what)) return { category: 'missing function', key: what };
  return { category: 'missing operator', key: what };
}

function docTruncatedCell(example: Example): boolean {
  return example.rows.some((row) =>
    row.some((cell) => /\.\.\.|…/.test(cell) && !/^\s*(\.\.\.|…)\s*$/.test(cell)),
  );
}

export function classify(example: Example, outcome: ExampleOutcome): Classified | null {
  const cause: FailureCause | null = outcome.cause;
  if (outcome.passed || cause === null) return null;
  switch (cause.kind) {
    case 'compile': {
      if (cause.code === 'KQH004') {
        const name = /'([^']+)'/.exec(cause.message)?.[1] ?? blur(cause.message);
        return { category: 'missing function', key: `function ${name} (unknown to the front end)` };
      }
      return { category: 'front end', key: `${cause.code}: ${blur(cause.message)}` };
    }
    case 'runtime':
      if (cause.code === 'KR003' || UNSUPPORTED.test(cause.message)) return unsupportedKey(cause.message);
      return { category: 'semantics', key: `runtime ${cause.code ?? 'error'}: ${blur(cause.message)}` };
    case 'mismatch':
      if (outcome.nondeterministic.length > 0) {
        return {
          category: 'doc error',
          key: `non-deterministic output (${outcome.nondeterministic.join(', ')})`,
        };
      }
      if (docTruncatedCell(example))
        return { category: 'doc error', key: 'documented cell cut short with ...' };
      if (cause.reason === 'columns' && cause.detail.endsWith('(values match)')) {
        return { category: 'semantics', key: 'mismatch: column names only (values match)' };
      }
      return { category: 'semantics', key: `mismatch: ${cause.reason}` };
    case 'timeout':
      return { category: 'timeout or crash', key: 'timeout' };
    case 'crash':
      return { category: 'timeout or crash', key: `crash: ${blur(cause.message)}` };
  }
}
