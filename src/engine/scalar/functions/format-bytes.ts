/**
 * format_bytes(size [, precision [, units]]): a size in bytes as text with a unit, "564 Bytes",
 * "10.1 KB", "19.08 MB". Units are powers of 1024. Without a unit the largest one the size
 * reaches is chosen; the number is rounded half away from zero to `precision` decimals (default 0)
 * and printed without trailing zeros.
 */
import { asIndex, asReal, asString, bound } from '../bound.js';
import { roundHalfAway } from './math.js';
import { type FunctionTable, def } from './registry.js';

const UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

export function formatBytes(size: number, precision: number, unit: string): string | null {
  let index: number;
  if (unit.trim() === '') {
    index = 0;
    while (index < UNITS.length - 1 && Math.abs(size) >= 1024 ** (index + 1)) index++;
  } else {
    index = UNITS.findIndex((u) => u.toLowerCase() === unit.trim().toLowerCase());
    if (index < 0) return null;
  }
  const value = roundHalfAway(size / 1024 ** index, Math.max(0, precision));
  return `${value} ${UNITS[index]}`;
}

export const formatBytesFunctions: FunctionTable = {
  format_bytes: def(1, 3, (args) => {
    const size = asReal(args[0]!.type);
    const precision = args[1] ? asIndex(args[1].type) : () => 0;
    const units = args[2] ? asString(args[2].type) : () => '';
    return bound('string', (a) => {
      const s = size(a[0]!);
      if (s === null || !Number.isFinite(s)) return '';
      return formatBytes(s, precision(a[1] ?? 0) ?? 0, units(a[2] ?? '')) ?? '';
    });
  }),
};
