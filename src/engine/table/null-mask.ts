/**
 * A growable bitmap of null positions: bit i set means row i is null. Columns without any null
 * carry no mask at all, so the common case costs nothing.
 */
export class NullMask {
  bits: Uint8Array;

  constructor(capacityRows: number) {
    this.bits = new Uint8Array(Math.max(1, (capacityRows + 7) >>> 3));
  }

  static isNull(mask: NullMask | null, i: number): boolean {
    return mask !== null && (mask.bits[i >>> 3]! & (1 << (i & 7))) !== 0;
  }

  get(i: number): boolean {
    return (this.bits[i >>> 3]! & (1 << (i & 7))) !== 0;
  }

  set(i: number): void {
    const byte = i >>> 3;
    if (byte >= this.bits.length) this.grow(byte + 1);
    this.bits[byte]! |= 1 << (i & 7);
  }

  private grow(minBytes: number): void {
    const next = new Uint8Array(Math.max(minBytes, this.bits.length * 2));
    next.set(this.bits);
    this.bits = next;
  }
}
