/**
 * How one typed value is shown: as a JSON value (machine formats) or as text (table, CSV).
 * Datetimes are ISO-8601 UTC everywhere; only the table view may shift them to a time zone.
 */
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import { UNIX_EPOCH_TICKS } from '../../types/scalar.js';
import { formatDatetimeForJson } from '../../engine/values/datetime.js';
import { formatTimespan } from '../../engine/values/timespan.js';
import { stringifyJson } from './json.js';

/** The value as JSON sees it: datetimes and timespans become strings, the rest stays. */
export function jsonCell(value: ScalarValue, type: ScalarType): unknown {
  if (value === null) return null;
  switch (type) {
    case 'datetime':
      return formatDatetimeForJson(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    default:
      return value;
  }
}

/** The value as text; `timeZone` (an IANA name) applies to datetimes in the table view only. */
export function textCell(value: ScalarValue, type: ScalarType, timeZone?: string): string {
  if (value === null) return '';
  switch (type) {
    case 'datetime':
      return timeZone ? formatInZone(value as bigint, timeZone) : formatDatetimeForJson(value as bigint);
    case 'timespan':
      return formatTimespan(value as bigint);
    case 'dynamic':
      return typeof value === 'string' ? value : stringifyJson(value);
    case 'string':
      return value as string;
    default:
      return typeof value === 'object' ? stringifyJson(value) : String(value);
  }
}

function formatInZone(ticks: bigint, timeZone: string): string {
  const ms = Number((ticks - UNIX_EPOCH_TICKS) / 10_000n);
  const fraction = (ticks % 10_000_000n).toString().padStart(7, '0');
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${fraction} ${get('timeZoneName')}`;
}
