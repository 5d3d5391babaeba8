/**
 * The query limits a user can set (issue 7): `--timeout <seconds>`, `--max-result-rows <n>`,
 * `--max-memory <MiB>`. Defaults are the engine's (Kusto-like: 4 minutes, 500,000 rows).
 */
import type { EngineLimits } from '../engine/index.js';

export const limitOptions = {
  timeout: { type: 'string' },
  'max-result-rows': { type: 'string' },
  'max-memory': { type: 'string' },
} as const;

export type LimitFlags = { timeout?: string; 'max-result-rows'?: string; 'max-memory'?: string };

/** The limits the flags ask for, or an error message naming the bad flag. */
export function parseLimits(flags: LimitFlags): Partial<EngineLimits> | string {
  const out: { -readonly [K in keyof EngineLimits]?: number } = {};
  const positive = (name: string, text: string | undefined, scale: number, set: (n: number) => void) => {
    if (text === undefined) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) return `--${name} must be a positive number, got '${text}'`;
    set(n * scale);
    return null;
  };
  return (
    positive('timeout', flags.timeout, 1000, (n) => (out.timeoutMs = n)) ??
    positive('max-result-rows', flags['max-result-rows'], 1, (n) => (out.maxResultRows = Math.floor(n))) ??
    positive('max-memory', flags['max-memory'], 1024 * 1024, (n) => (out.maxMemoryBytes = n)) ??
    out
  );
}
