/**
 * IPv6 functions: parse_ipv6, parse_ipv6_mask, ipv6_compare, ipv6_is_match, ipv6_is_in_range,
 * ipv6_is_in_any_range. Addresses are 128-bit numbers (bigint) with a prefix length.
 *
 * IPv4 text is accepted everywhere and compared as its IPv4-mapped IPv6 address (::ffff:a.b.c.d),
 * its `/n` suffix counting IPv4 bits (so `/24` is a 120-bit IPv6 prefix). Per the examples of
 * parse-ipv6-mask-function.md, an IPv6 text ending in dotted IPv4 (`::192.168.255.255`) is read the
 * same way: as IPv4, mapped, with an IPv4-sized suffix.
 */
import type { ScalarValue } from '../../../types/scalar.js';
import type { ArgInfo } from '../api.js';
import { type Adapter, asIndex, asString, bound } from '../bound.js';
import { parseIpv4Address } from './ipv4.js';
import { type FunctionTable, def } from './registry.js';
import { rangeFunctions } from './address-ranges.js';

export interface Ipv6Network {
  /** The address, already masked to `bits`. */
  readonly address: bigint;
  /** Prefix length, 0 to 128. */
  readonly bits: number;
}

const ALL_ONES = (1n << 128n) - 1n;
const IPV4_MAPPED = 0xffffn << 32n;

export function maskIpv6(address: bigint, bits: number): bigint {
  if (bits <= 0) return 0n;
  if (bits >= 128) return address;
  return address & (ALL_ONES ^ ((1n << BigInt(128 - bits)) - 1n));
}

/** The groups of an IPv6 text without its suffix; null when malformed. */
function parseIpv6Groups(text: string): { value: bigint; embeddedIpv4: boolean } | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  let tail: number[] = [];
  let body = text;
  let embeddedIpv4 = false;
  const lastColon = text.lastIndexOf(':');
  if (lastColon < 0) return null;
  if (text.includes('.')) {
    const v4 = parseIpv4Address(text.slice(lastColon + 1));
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    body = text.slice(0, lastColon + 1);
    // `::1.2.3.4` leaves `::`; `a:b:1.2.3.4` leaves `a:b:` whose trailing colon is a separator.
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
    embeddedIpv4 = true;
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === null || rest === null) return null;
  const given = head.length + rest.length + tail.length;
  let groups: number[];
  if (halves.length === 2) {
    if (given > 7) return null;
    groups = [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
  } else {
    if (given !== 8) return null;
    groups = [...head, ...tail];
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return { value, embeddedIpv4 };
}

/** An IPv6 or IPv4 text with an optional `/bits` suffix; null when it is neither. */
export function parseIpv6Network(input: string): Ipv6Network | null {
  const text = input.trim();
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  let suffix: number | null = null;
  if (slash >= 0) {
    const s = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(s)) return null;
    suffix = Number(s);
  }
  const v4 = parseIpv4Address(addressText);
  if (v4 !== null) return ipv4Network(v4, suffix);
  const v6 = parseIpv6Groups(addressText);
  if (v6 === null) return null;
  const high = v6.value >> 32n;
  if (v6.embeddedIpv4 && (high === 0n || high === 0xffffn)) {
    return ipv4Network(Number(v6.value & 0xffffffffn), suffix);
  }
  if (suffix !== null && suffix > 128) return null;
  const bits = suffix ?? 128;
  return { address: maskIpv6(v6.value, bits), bits };
}

function ipv4Network(v4: number, suffix: number | null): Ipv6Network | null {
  if (suffix !== null && suffix > 32) return null;
  const bits = 96 + (suffix ?? 32);
  return { address: maskIpv6(IPV4_MAPPED | BigInt(v4), bits), bits };
}

/** The canonical text: eight groups of four lower-case hex digits. */
export function formatIpv6(address: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--)
    groups.push(((address >> BigInt(i * 16)) & 0xffffn).toString(16).padStart(4, '0'));
  return groups.join(':');
}

/** The explicit prefix argument, or 128; null when given but outside 0..128. */
function prefixReader(arg: ArgInfo | undefined): Adapter<number | null> {
  if (arg === undefined) return () => 128;
  const index = asIndex(arg.type);
  return (v) => {
    const p = index(v);
    return p === null || p < 0 || p > 128 ? null : p;
  };
}

/** Compares two networks over the shortest of their prefixes and the explicit one. */
function compareNetworks(p: Ipv6Network, q: Ipv6Network, prefix: number): number {
  const bits = Math.min(p.bits, q.bits, prefix);
  const u = maskIpv6(p.address, bits);
  const v = maskIpv6(q.address, bits);
  return u < v ? -1 : u > v ? 1 : 0;
}

function inRange(ip: Ipv6Network, range: Ipv6Network): boolean {
  return ip.bits >= range.bits && maskIpv6(ip.address, range.bits) === range.address;
}

const ipv6Ranges = rangeFunctions(parseIpv6Network, inRange);

/** The range texts of the arguments after the first: strings, or dynamic arrays of strings. */
function comparison<T>(result: 'int' | 'bool', f: (order: number) => T) {
  return def(2, 3, (args) => {
    const x = asString(args[0]!.type);
    const y = asString(args[1]!.type);
    const prefix = prefixReader(args[2]);
    return bound(result, (a) => {
      const p = parseIpv6Network(x(a[0]!));
      const q = parseIpv6Network(y(a[1]!));
      const bits = prefix(a[2] ?? null);
      if (p === null || q === null || bits === null) return null;
      return f(compareNetworks(p, q, bits)) as ScalarValue;
    });
  });
}

export const ipv6Functions: FunctionTable = {
  parse_ipv6: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('string', (a) => {
      const n = parseIpv6Network(s(a[0]!));
      return n === null ? '' : formatIpv6(n.address);
    });
  }),
  parse_ipv6_mask: def(2, 2, (args) => {
    const s = asString(args[0]!.type);
    const prefix = prefixReader(args[1]);
    return bound('string', (a) => {
      const n = parseIpv6Network(s(a[0]!));
      const bits = prefix(a[1]!);
      if (n === null || bits === null) return '';
      return formatIpv6(maskIpv6(n.address, Math.min(bits, n.bits)));
    });
  }),
  ipv6_compare: comparison('int', (order) => order),
  ipv6_is_match: comparison('bool', (order) => order === 0),
  ipv6_is_in_range: ipv6Ranges.inRange,
  ipv6_is_in_any_range: ipv6Ranges.inAnyRange,
};
