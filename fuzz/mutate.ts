/** Byte-level mutations of real files: the damage evidence files really show. */
import type { Prng } from '../src/util/prng.js';

const CHUNK = 65536;
const HEADER = 4096;

export type Mutation = 'bitflip' | 'truncate' | 'shuffle-chunks' | 'zero-chunk' | 'extreme-size' | 'splice';

export const mutations: readonly Mutation[] = [
  'bitflip',
  'truncate',
  'shuffle-chunks',
  'zero-chunk',
  'extreme-size',
  'splice',
];

export function mutate(input: Uint8Array, rng: Prng, kind: Mutation = rng.pick(mutations)): Uint8Array {
  const out = Uint8Array.from(input);
  const chunks = Math.max(0, Math.floor((out.length - HEADER) / CHUNK));
  switch (kind) {
    case 'bitflip': {
      const flips = rng.int(1, 64);
      for (let i = 0; i < flips; i++) {
        const at = rng.int(0, out.length - 1);
        out[at]! ^= 1 << rng.int(0, 7);
      }
      return out;
    }
    case 'truncate':
      return out.subarray(0, rng.int(0, out.length));
    case 'shuffle-chunks': {
      for (let i = chunks - 1; i > 0; i--) {
        const j = rng.int(0, i);
        const a = out.slice(HEADER + i * CHUNK, HEADER + (i + 1) * CHUNK);
        out.copyWithin(HEADER + i * CHUNK, HEADER + j * CHUNK, HEADER + (j + 1) * CHUNK);
        out.set(a, HEADER + j * CHUNK);
      }
      return out;
    }
    case 'zero-chunk': {
      if (chunks === 0) return out.fill(0, rng.int(0, out.length));
      const c = rng.int(0, chunks - 1);
      return out.fill(0, HEADER + c * CHUNK, HEADER + (c + 1) * CHUNK);
    }
    case 'extreme-size': {
      // 32-bit little-endian fields set to extremes at aligned offsets: sizes, offsets, counts.
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      const writes = rng.int(1, 16);
      for (let i = 0; i < writes; i++) {
        const at = rng.int(0, Math.max(0, out.length - 4) >> 2) << 2;
        view.setUint32(at, rng.pick([0, 1, 0xffffffff, 0x7fffffff, 0x10000, 0xfff8, at & 0xffff]), true);
      }
      return out;
    }
    case 'splice': {
      // A record-sized piece copied elsewhere: templates and strings that point at themselves.
      const len = rng.int(8, 512);
      const from = rng.int(0, Math.max(0, out.length - len));
      const to = rng.int(0, Math.max(0, out.length - len));
      out.copyWithin(to, from, from + len);
      return out;
    }
  }
}
