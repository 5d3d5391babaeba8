/**
 * Kusto's `guid`, held as its lower-case canonical text `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
 *
 * toguid-function.md: "takes the first 32 characters of the input, ignoring properly located
 * hyphens, validates that the characters are between 0-9 or a-f ... The rest of the string is
 * ignored." Its own example accepts `0123456789ab-cdef-0123-456789abcdef`, so any hyphen between
 * hex digits is skipped. Braces around the guid (`{...}`, as `guid()` literals allow) are accepted.
 */

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** The canonical guid in `text`, or null. */
export function parseGuid(input: string): string | null {
  let text = input.trim();
  if (text.startsWith('{') || text.startsWith('(')) text = text.slice(1);
  let hex = '';
  for (let i = 0; i < text.length && hex.length < 32; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 /* - */ && hex.length > 0) continue;
    if (!isHex(c)) return null;
    hex += text[i];
  }
  if (hex.length !== 32) return null;
  hex = hex.toLowerCase();
  return (
    hex.slice(0, 8) +
    '-' +
    hex.slice(8, 12) +
    '-' +
    hex.slice(12, 16) +
    '-' +
    hex.slice(16, 20) +
    '-' +
    hex.slice(20)
  );
}

/** A random version-4 guid (new_guid()). */
export function newGuid(): string {
  return crypto.randomUUID();
}
