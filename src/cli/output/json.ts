/**
 * JSON text for kqlhunt's values: bigints (longs beyond 2^53) are written as exact number
 * literals, which JSON allows and JSON.stringify refuses; null-prototype bags are plain objects.
 */
export function stringifyJson(value: unknown, indent = ''): string {
  return write(value, indent, '');
}

function write(value: unknown, indent: string, current: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return JSON.stringify(String(value));
  }
  const inner = current + indent;
  const sep = indent ? ',\n' + inner : ',';
  const open = indent ? '\n' + inner : '';
  const close = indent ? '\n' + current : '';
  const colon = indent ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + open + value.map((v) => write(v, indent, inner)).join(sep) + close + ']';
  }
  const entries = Object.keys(value as object).map(
    (k) => JSON.stringify(k) + colon + write((value as Record<string, unknown>)[k], indent, inner),
  );
  if (entries.length === 0) return '{}';
  return '{' + open + entries.join(sep) + close + '}';
}
