// A growable little-endian byte buffer that knows where in its chunk it will land: BinXml stores
// chunk-relative offsets (of names and template definitions), so the writer must know the final
// position of every byte while it writes it.

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private length = 0;

  /** @param base the chunk-relative offset of the first byte this writer produces */
  constructor(
    readonly base = 0,
    initialCapacity = 1024,
  ) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  /** The chunk-relative offset of the next byte to be written. */
  position(): number {
    return this.base + this.length;
  }

  get size(): number {
    return this.length;
  }

  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }

  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }

  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  u64(v: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.length, v, true);
    this.length += 8;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** UTF-16 little-endian code units, no terminator. */
  utf16(s: string): void {
    this.ensure(s.length * 2);
    for (let i = 0; i < s.length; i++) this.view.setUint16(this.length + i * 2, s.charCodeAt(i), true);
    this.length += s.length * 2;
  }

  zeros(n: number): void {
    this.ensure(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }

  /** Writes a 32-bit placeholder and returns its index, for a size known only later. */
  reserveU32(): number {
    const at = this.length;
    this.u32(0);
    return at;
  }

  /** Fills a placeholder from `reserveU32` with the number of bytes written since `from`. */
  patchSizeSince(placeholder: number, fromPosition: number): void {
    this.view.setUint32(placeholder, this.position() - fromPosition, true);
  }

  patchU32(index: number, v: number): void {
    this.view.setUint32(index, v, true);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
