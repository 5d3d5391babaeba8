/**
 * IPv4 network functions missing from ./ipv4.ts: format_ipv4_mask, ipv4_netmask_suffix and
 * ipv4_range_to_cidr_list. Addresses are 32-bit numbers, parsed by ./ipv4.ts.
 */
import { asIndex, asString, bound } from '../bound.js';
import { parseIpv4Address, parseIpv4Cidr } from './ipv4.js';
import { type FunctionTable, def } from './registry.js';

function dotted(address: number): string {
  return [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255].join('.');
}

/** The top `bits` bits of a 32-bit address. */
function maskIpv4(address: number, bits: number): number {
  if (bits <= 0) return 0;
  if (bits >= 32) return address;
  return (address - (address % 2 ** (32 - bits))) >>> 0;
}

/** `ip` as a network: CIDR text, or a number (big-endian address); null when neither. */
function networkOf(v: unknown): { address: number; bits: number } | null {
  if (typeof v === 'string') return parseIpv4Cidr(v);
  if (typeof v === 'bigint' || typeof v === 'number') {
    const n = Number(v);
    return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? { address: n, bits: 32 } : null;
  }
  return null;
}

/**
 * The fewest CIDR blocks covering start..end exactly: from the start, the largest block aligned
 * there that does not pass the end, repeatedly.
 */
export function rangeToCidrs(start: number, end: number): string[] {
  const out: string[] = [];
  let current = start;
  while (current <= end) {
    let size = 32;
    while (size > 0) {
      const block = 2 ** (33 - size);
      if (current % block !== 0 || current + block - 1 > end) break;
      size--;
    }
    out.push(`${dotted(current)}/${size}`);
    current += 2 ** (32 - size);
  }
  return out;
}

export const ipv4RangeFunctions: FunctionTable = {
  format_ipv4_mask: def(1, 2, (args) => {
    const bits = args[1] ? asIndex(args[1].type) : () => 32;
    return bound('string', (a) => {
      const network = networkOf(a[0]);
      const b = bits(a[1] ?? 32);
      if (network === null || b === null || b < 0 || b > 32) return '';
      const effective = Math.min(b, network.bits);
      return `${dotted(maskIpv4(network.address, effective))}/${effective}`;
    });
  }),
  ipv4_netmask_suffix: def(1, 1, (args) => {
    const s = asString(args[0]!.type);
    return bound('int', (a) => parseIpv4Cidr(s(a[0]!))?.bits ?? null);
  }),
  ipv4_range_to_cidr_list: def(2, 2, (args) => {
    const from = asString(args[0]!.type);
    const to = asString(args[1]!.type);
    return bound('dynamic', (a) => {
      const start = parseIpv4Address(from(a[0]!).trim());
      const end = parseIpv4Address(to(a[1]!).trim());
      if (start === null || end === null || start > end) return null;
      return rangeToCidrs(start, end);
    });
  }),
};
