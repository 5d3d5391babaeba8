/**
 * IPv4 functions: parse_ipv4, parse_ipv4_mask, format_ipv4, ipv4_is_private, ipv4_is_in_range,
 * ipv4_is_in_any_range, ipv4_is_match, ipv4_compare, has_ipv4, has_ipv4_prefix, has_any_ipv4,
 * has_any_ipv4_prefix. Addresses are 32-bit numbers; a CIDR suffix (`/24`) masks them.
 */
import { asIndex, asString, bound } from '../bound.js';
import { type FunctionTable, def } from './registry.js';
import { argumentTexts, rangeFunctions } from './address-ranges.js';

/** A dotted-quad address as a number; null when invalid. */
export function parseIpv4Address(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/** `a.b.c.d[/bits]` as the masked address and the prefix length. */
export function parseIpv4Cidr(text: string): { address: number; bits: number } | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  const address = parseIpv4Address(slash < 0 ? t : t.slice(0, slash));
  if (address === null) return null;
  let bits = 32;
  if (slash >= 0) {
    const b = t.slice(slash + 1);
    if (!/^\d{1,2}$/.test(b) || Number(b) > 32) return null;
    bits = Number(b);
  }
  return { address: mask(address, bits), bits };
}

function mask(address: number, bits: number): number {
  if (bits === 0) return 0;
  return Number(BigInt(address) & (((1n << BigInt(bits)) - 1n) << BigInt(32 - bits)));
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((r) => parseIpv4Cidr(r)!);

function inRange(ip: { address: number; bits: number }, range: { address: number; bits: number }): boolean {
  return mask(ip.address, range.bits) === range.address && ip.bits >= range.bits;
}

const ipv4Ranges = rangeFunctions(parseIpv4Cidr, inRange);

/** The valid IPv4 addresses written in a text, delimited by characters other than letters, digits and dots. */
export function ipv4AddressesIn(text: string): string[] {
  const out: string[] = [];
  const re = /[0-9.]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = text.charCodeAt(m.index - 1);
    const after = text.charCodeAt(m.index + m[0].length);
    if (isAlnum(before) || isAlnum(after)) continue;
    if (parseIpv4Address(m[0]) !== null) out.push(m[0]);
  }
  return out;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A search prefix is a whole address or its leading octets ending with a dot. */
function isValidPrefix(p: string): boolean {
  if (parseIpv4Address(p) !== null) return true;
  return (
    /^(\d{1,3}\.){1,3}$/.test(p) &&
    p
      .split('.')
      .slice(0, -1)
      .every((o) => Number(o) <= 255)
  );
}

function hasIpv4Def(prefix: boolean, many: boolean) {
  return def(2, many ? 64 : 2, (args) => {
    const source = asString(args[0]!.type);
    const types = args.slice(1).map((a) => a.type);
    return bound('bool', (a) => {
      const wanted = argumentTexts(a.slice(1), types).filter((w) =>
        prefix ? isValidPrefix(w) : parseIpv4Address(w) !== null,
      );
      if (wanted.length === 0) return false;
      const found = ipv4AddressesIn(source(a[0]!));
      return found.some((f) =>
        wanted.some((w) => (prefix ? f.startsWith(w) && (w.endsWith('.') || f === w) : f === w)),
      );
    });
  });
}

export const ipv4Functions: FunctionTable = {
  parse_ipv4: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('long', (a) => {
      const r = parseIpv4Cidr(s(a[0]!));
      return r === null ? null : BigInt(r.address);
    });
  }),
  parse_ipv4_mask: def(2, 2, (args) => {
    const s = asString(args[0]!.type);
    const bits = asIndex(args[1]!.type);
    return bound('long', (a) => {
      const address = parseIpv4Address(s(a[0]!).trim());
      const b = bits(a[1]!);
      if (address === null || b === null || b < 0 || b > 32) return null;
      return BigInt(mask(address, b));
    });
  }),
  format_ipv4: def(1, 2, (args) => {
    const bits = args[1] ? asIndex(args[1].type) : () => 32;
    return bound('string', (a) => {
      const v = a[0];
      let address: number | null;
      if (typeof v === 'string') address = parseIpv4Cidr(v)?.address ?? null;
      else if (typeof v === 'bigint' || typeof v === 'number') address = Number(v);
      else address = null;
      const b = bits(a[1] ?? 32);
      if (address === null || b === null || address < 0 || address > 0xffffffff || b < 0 || b > 32) return '';
      const m = mask(address, b);
      return [m >>> 24, (m >>> 16) & 255, (m >>> 8) & 255, m & 255].join('.');
    });
  }),
  ipv4_is_private: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('bool', (a) => {
      const ip = parseIpv4Cidr(s(a[0]!));
      return ip === null ? null : PRIVATE_RANGES.some((r) => inRange(ip, r));
    });
  }),
  ipv4_is_in_range: ipv4Ranges.inRange,
  ipv4_is_in_any_range: ipv4Ranges.inAnyRange,
  ipv4_is_match: def(2, 3, (args) => {
    const x = asString(args[0]!.type);
    const y = asString(args[1]!.type);
    const bits = args[2] ? asIndex(args[2].type) : null;
    return bound('bool', (a) => {
      const p = parseIpv4Cidr(x(a[0]!));
      const q = parseIpv4Cidr(y(a[1]!));
      if (p === null || q === null) return null;
      const b = Math.min(p.bits, q.bits, bits === null ? 32 : (bits(a[2]!) ?? 32));
      return mask(p.address, b) === mask(q.address, b);
    });
  }),
  ipv4_compare: def(2, 3, (args) => {
    const x = asString(args[0]!.type);
    const y = asString(args[1]!.type);
    const bits = args[2] ? asIndex(args[2].type) : null;
    return bound('int', (a) => {
      const p = parseIpv4Cidr(x(a[0]!));
      const q = parseIpv4Cidr(y(a[1]!));
      if (p === null || q === null) return null;
      const b = Math.min(p.bits, q.bits, bits === null ? 32 : (bits(a[2]!) ?? 32));
      const u = mask(p.address, b);
      const v = mask(q.address, b);
      return u < v ? -1 : u > v ? 1 : 0;
    });
  }),
  has_ipv4: hasIpv4Def(false, false),
  has_ipv4_prefix: hasIpv4Def(true, false),
  has_any_ipv4: hasIpv4Def(false, true),
  has_any_ipv4_prefix: hasIpv4Def(true, true),
};
