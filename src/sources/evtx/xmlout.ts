// The XML renderer proper: writes UTF-8 bytes into one growing buffer, straight from the chunk's
// UTF-16 and binary values, so that rendering an event allocates nothing but the buffer (and,
// for the event API, the final string). Static pieces of templates are pre-encoded once.
//
// Windows' rules ([MS-EVEN6] 2.2.12.1-3): an element whose DependencyId names a NULL value is
// not emitted; an attribute whose data renders empty is not emitted; an element holding array
// data is emitted once per array item; a BinXml value renders its own document in place.

import { Attr, ChunkCtx, El, encodeUtf8, isNull, K_EL, K_SUB, parseDoc, Part, XNodeDef } from './binxml.js';
import { i32, u16, u32, u64 } from './bytes.js';
import { BinXmlError } from './errors.js';
import { formatFiletimeParts } from './time.js';
import {
  arrayItems,
  formatScalar,
  Values,
  VT_ANSI,
  VT_BINXML,
  VT_GUID,
  VT_HEX32,
  VT_HEX64,
  VT_INT16,
  VT_INT32,
  VT_INT8,
  VT_SIZET,
  VT_STRING,
  VT_UINT16,
  VT_UINT32,
  VT_UINT64,
  VT_UINT8,
  VT_FILETIME,
  VT_SID,
} from './values.js';

const enc = new TextEncoder();
const AMP = enc.encode('&amp;');
const LT = enc.encode('&lt;');
const GT = enc.encode('&gt;');
const APOS = enc.encode('&apos;');
const QUOT = enc.encode('&quot;');
const HEX = enc.encode('0123456789abcdef');

/** ASCII characters that need work in text (1: escape, 2: NUL ends the value). */
const TEXT_SPECIAL = new Uint8Array(128);
/** The same in attribute values (quotes too). */
const ATTR_SPECIAL = new Uint8Array(128);
for (const t of [TEXT_SPECIAL, ATTR_SPECIAL]) {
  t[0] = 2;
  t[0x26] = 1;
  t[0x3c] = 1;
  t[0x3e] = 1;
}
ATTR_SPECIAL[0x27] = 1;
ATTR_SPECIAL[0x22] = 1;

function escapeInto(buf: Buffer, n: number, c: number): number {
  return put(buf, n, c === 0x26 ? AMP : c === 0x3c ? LT : c === 0x3e ? GT : c === 0x27 ? APOS : QUOT);
}

export class XmlOut {
  buf: Buffer;
  n = 0;
  /** Bytes this record may still add before `limit` throws (set per record by the reader). */
  limit = Infinity;

  constructor(size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Makes room for `k` more bytes. Output is bounded by the caller (one batch of chunks). */
  room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    if (this.n + k > this.limit) throw new BinXmlError('record renders to too much XML', 'EVTX022');
    let size = this.buf.length * 2;
    while (size < this.n + k) size *= 2;
    const nb = Buffer.allocUnsafe(size);
    this.buf.copy(nb, 0, 0, this.n);
    this.buf = nb;
  }

  bytes(b: Uint8Array): void {
    const len = b.length;
    this.room(len);
    if (len < 16) {
      const buf = this.buf;
      let n = this.n;
      for (let i = 0; i < len; i++) buf[n++] = b[i]!;
      this.n = n;
    } else {
      this.buf.set(b, this.n);
      this.n += len;
    }
  }

  byte(c: number): void {
    this.room(1);
    this.buf[this.n++] = c;
  }

  /** A JS string as UTF-8, unescaped. */
  raw(s: string): void {
    this.room(s.length * 3);
    this.n += this.buf.write(s, this.n, 'utf8');
  }

  /** A JS string as UTF-8, escaped for text or attribute. */
  str(s: string, attr: boolean): void {
    const len = s.length;
    this.room(len * 6);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 0x26) n = put(buf, n, AMP);
        else if (c === 0x3c) n = put(buf, n, LT);
        else if (c === 0x3e) n = put(buf, n, GT);
        else if (attr && c === 0x27) n = put(buf, n, APOS);
        else if (attr && c === 0x22) n = put(buf, n, QUOT);
        else buf[n++] = c;
      } else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
          if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[n++] = 0xf0 | (c >> 18);
            buf[n++] = 0x80 | ((c >> 12) & 63);
            buf[n++] = 0x80 | ((c >> 6) & 63);
            buf[n++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** UTF-16LE text of `chars` code units at `o` (cut at NUL), as escaped UTF-8. */
  utf16(b: Buffer, o: number, chars: number, attr: boolean): void {
    this.room(chars * 6);
    const buf = this.buf;
    const special = attr ? ATTR_SPECIAL : TEXT_SPECIAL;
    let n = this.n;
    const end = o + 2 * chars;
    for (let p = o; p < end; p += 2) {
      let c = b[p]! | (b[p + 1]! << 8);
      if (c < 0x80) {
        const sp = special[c]!;
        if (sp === 0) buf[n++] = c;
        else if (sp === 2) break;
        else n = escapeInto(buf, n, c);
      } else if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = p + 3 < end ? b[p + 2]! | (b[p + 3]! << 8) : 0;
          if (c < 0xdc00 && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            p += 2;
            buf[n++] = 0xf0 | (c >> 18);
            buf[n++] = 0x80 | ((c >> 12) & 63);
            buf[n++] = 0x80 | ((c >> 6) & 63);
            buf[n++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        buf[n++] = 0xe0 | (c >> 12);
        buf[n++] = 0x80 | ((c >> 6) & 63);
        buf[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** Single-byte (Latin-1) text cut at NUL, as escaped UTF-8. */
  latin1(b: Buffer, o: number, len: number, attr: boolean): void {
    this.room(len * 6);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = b[o + i]!;
      if (c === 0) break;
      if (c < 0x80) {
        if (c === 0x26) n = put(buf, n, AMP);
        else if (c === 0x3c) n = put(buf, n, LT);
        else if (c === 0x3e) n = put(buf, n, GT);
        else if (attr && c === 0x27) n = put(buf, n, APOS);
        else if (attr && c === 0x22) n = put(buf, n, QUOT);
        else buf[n++] = c;
      } else {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
      }
    }
    this.n = n;
  }

  /** Decimal digits of a safe integer. */
  dec(x: number): void {
    this.room(24);
    const buf = this.buf;
    if (x < 0) {
      buf[this.n++] = 0x2d;
      x = -x;
    }
    if (x < 10) {
      buf[this.n++] = 0x30 + x;
      return;
    }
    if (x <= 0x7fffffff) {
      let digits = 1;
      for (let t = (x / 10) | 0; t !== 0; t = (t / 10) | 0) digits++;
      let n = this.n + digits;
      this.n = n;
      while (x !== 0) {
        const q = (x / 10) | 0;
        buf[--n] = 0x30 + (x - q * 10);
        x = q;
      }
      return;
    }
    let digits = 0;
    for (let t = x; t >= 1; t = Math.floor(t / 10)) digits++;
    let n = this.n + digits;
    this.n = n;
    while (x >= 1) {
      const q = Math.floor(x / 10);
      buf[--n] = 0x30 + (x - q * 10);
      x = q;
    }
  }

  /** Lower-case hex of a u32, no leading zeros. */
  hex32(x: number, pad: number): void {
    this.room(8);
    let digits = 1;
    for (let t = x >>> 4; t !== 0; t >>>= 4) digits++;
    if (digits < pad) digits = pad;
    const buf = this.buf;
    let n = this.n + digits;
    this.n = n;
    for (let k = 0; k < digits; k++) {
      buf[--n] = HEX[x & 15]!;
      x >>>= 4;
    }
  }

  hexByte(v: number): void {
    const buf = this.buf;
    buf[this.n++] = HEX[v >> 4]!;
    buf[this.n++] = HEX[v & 15]!;
  }

  private ftSec = -1;
  private ftPrefix: Uint8Array = new Uint8Array(0);

  /** A FILETIME as Windows renders it (`2025-06-08T07:15:09.2216228Z`). */
  filetime(lo: number, hi: number): void {
    if (hi >= 1_800_000_000) {
      this.str(formatFiletimeParts(lo, hi), false);
      return;
    }
    const r = hi * 4967296 + lo;
    const q = Math.floor(r / 10_000_000);
    const sec = hi * 429 + q;
    let frac = r - q * 10_000_000;
    if (sec !== this.ftSec) {
      const s = formatFiletimeParts(lo, hi);
      this.ftPrefix = encodeUtf8(s.slice(0, s.length - 9));
      this.ftSec = sec;
    }
    this.bytes(this.ftPrefix);
    this.room(9);
    const buf = this.buf;
    const n = this.n;
    buf[n] = 0x2e;
    for (let k = 7; k >= 1; k--) {
      const d = frac % 10;
      buf[n + k] = 0x30 + d;
      frac = (frac - d) / 10;
    }
    buf[n + 8] = 0x5a;
    this.n = n + 9;
  }

  /** Takes the bytes written since `from` as a string. */
  text(from: number): string {
    return this.buf.toString('utf8', from, this.n);
  }
}

function put(buf: Buffer, n: number, e: Uint8Array): number {
  for (let i = 0; i < e.length; i++) buf[n++] = e[i]!;
  return n;
}

/** Writes one scalar value the way Windows renders it. */
function writeScalar(out: XmlOut, b: Buffer, type: number, o: number, size: number, attr: boolean): void {
  switch (type) {
    case VT_STRING:
      out.utf16(b, o, size >> 1, attr);
      return;
    case VT_ANSI:
      out.latin1(b, o, size, attr);
      return;
    case VT_UINT8:
      if (size >= 1) out.dec(b[o]!);
      return;
    case VT_INT8:
      if (size >= 1) out.dec((b[o]! << 24) >> 24);
      return;
    case VT_UINT16:
      if (size >= 2) out.dec(u16(b, o));
      return;
    case VT_INT16:
      if (size >= 2) out.dec((u16(b, o) << 16) >> 16);
      return;
    case VT_UINT32:
      if (size >= 4) out.dec(u32(b, o));
      return;
    case VT_INT32:
      if (size >= 4) out.dec(i32(b, o));
      return;
    case VT_UINT64: {
      if (size < 8) return;
      const hi = u32(b, o + 4);
      if (hi < 0x200000) out.dec(hi * 4294967296 + u32(b, o));
      else out.str(u64(b, o).toString(), false);
      return;
    }
    case VT_HEX32:
      if (size >= 4) {
        out.room(10);
        out.byte(0x30);
        out.byte(0x78);
        out.hex32(u32(b, o), 1);
      }
      return;
    case VT_HEX64:
    case VT_SIZET: {
      if (size < 4 || (type === VT_HEX64 && size < 8)) return;
      out.room(18);
      out.byte(0x30);
      out.byte(0x78);
      const hi = size >= 8 ? u32(b, o + 4) : 0;
      if (hi !== 0) {
        out.hex32(hi, 1);
        out.hex32(u32(b, o), 8);
      } else out.hex32(u32(b, o), 1);
      return;
    }
    case VT_GUID: {
      if (size < 16) return;
      out.room(38);
      out.byte(0x7b);
      out.hexByte(b[o + 3]!);
      out.hexByte(b[o + 2]!);
      out.hexByte(b[o + 1]!);
      out.hexByte(b[o]!);
      out.byte(0x2d);
      out.hexByte(b[o + 5]!);
      out.hexByte(b[o + 4]!);
      out.byte(0x2d);
      out.hexByte(b[o + 7]!);
      out.hexByte(b[o + 6]!);
      out.byte(0x2d);
      out.hexByte(b[o + 8]!);
      out.hexByte(b[o + 9]!);
      out.byte(0x2d);
      for (let k = 10; k < 16; k++) out.hexByte(b[o + k]!);
      out.byte(0x7d);
      return;
    }
    case VT_FILETIME:
      if (size >= 8) out.filetime(u32(b, o), u32(b, o + 4));
      return;
    case VT_SID: {
      if (size < 8) return;
      const count = b[o + 1]!;
      let auth = 0;
      for (let k = 2; k < 8; k++) auth = auth * 256 + b[o + k]!;
      if (auth >= 0x100000000) {
        out.str(formatScalar(b, type, o, size), attr);
        return;
      }
      out.room(16);
      out.byte(0x53);
      out.byte(0x2d);
      out.dec(b[o]!);
      out.byte(0x2d);
      out.dec(auth);
      for (let k = 0; k < count && 8 + 4 * k + 4 <= size; k++) {
        out.byte(0x2d);
        out.dec(u32(b, o + 8 + 4 * k));
      }
      return;
    }
    default:
      out.str(formatScalar(b, type, o, size), attr);
  }
}

/** Array item selection while rendering an element repeated for array data. */
class ItemSel {
  constructor(
    readonly index: number,
    readonly off: number,
    readonly size: number,
  ) {}
}

/** Writes substitution `i` (not BinXml) with the array item selection applied. */
function writeSub(out: XmlOut, v: Values, i: number, sel: ItemSel | null, attr: boolean): void {
  if (i >= v.n) return;
  const type = v.type[i]!;
  if (sel !== null && sel.index === i) {
    writeScalar(out, v.buf, type & 0x7f, sel.off, sel.size, attr);
    return;
  }
  if (type & 0x80) {
    const items = arrayItems(v, i);
    for (let k = 0; k < items.length; k += 2) {
      if (k) {
        out.byte(0x2c);
        out.byte(0x20);
      }
      writeScalar(out, v.buf, type & 0x7f, items[k]!, items[k + 1]!, attr);
    }
    return;
  }
  writeScalar(out, v.buf, type, v.off[i]!, v.size[i]!, attr);
}

export function writeNodes(out: XmlOut, ctx: ChunkCtx, nodes: XNodeDef[], v: Values, depth: number): void {
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (n.kind === K_EL) writeEl(out, ctx, n as El, v, depth, null);
    else writePart(out, ctx, n as Part, v, depth, null);
  }
}

function writePart(out: XmlOut, ctx: ChunkCtx, p: Part, v: Values, depth: number, sel: ItemSel | null): void {
  if (p.kind !== K_SUB) {
    out.bytes(p.xmlB ?? (p.xmlB = encodeUtf8(p.xml)));
    return;
  }
  const i = p.index;
  if (i >= v.n) return;
  if (v.type[i] === VT_BINXML) {
    const off = v.off[i]!;
    const d = depth + 1;
    parseDoc(ctx, off, off + v.size[i]!, d, (piece) => writeNodes(out, ctx, piece.nodes, piece.values, d));
    return;
  }
  writeSub(out, v, i, sel, false);
}

function writeAttr(out: XmlOut, a: Attr, v: Values, sel: ItemSel | null): void {
  const mark = out.n;
  out.bytes(a.prefixB ?? (a.prefixB = encodeUtf8(a.prefix)));
  const start = out.n;
  const parts = a.parts;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.kind === K_SUB) writeSub(out, v, p.index, sel, true);
    else out.bytes(p.xmlB ?? (p.xmlB = encodeUtf8(p.xml)));
  }
  if (out.n === start)
    out.n = mark; // empty data: no attribute
  else out.byte(0x27);
}

function writeEl(out: XmlOut, ctx: ChunkCtx, el: El, v: Values, depth: number, outer: ItemSel | null): void {
  if (el.isStatic) {
    out.bytes(el.staticB ?? (el.staticB = encodeUtf8(el.staticXml!)));
    return;
  }
  if (el.dep !== 0xffff && isNull(v, el.dep)) return;
  const subs = el.subs;
  for (let k = 0; k < subs.length; k++) {
    const s = subs[k]!;
    if (s < v.n && (v.type[s]! & 0x80) !== 0 && (outer === null || outer.index !== s)) {
      const items = arrayItems(v, s);
      if (items.length === 0) writeOnce(out, ctx, el, v, depth, new ItemSel(s, 0, 0));
      for (let j = 0; j < items.length; j += 2)
        writeOnce(out, ctx, el, v, depth, new ItemSel(s, items[j]!, items[j + 1]!));
      return;
    }
  }
  writeOnce(out, ctx, el, v, depth, outer);
}

const CLOSE_EMPTY = enc.encode('/>');

function writeOnce(out: XmlOut, ctx: ChunkCtx, el: El, v: Values, depth: number, sel: ItemSel | null): void {
  out.bytes(el.openB ?? (el.openB = encodeUtf8(el.open)));
  const attrs = el.attrs;
  for (let k = 0; k < attrs.length; k++) writeAttr(out, attrs[k]!, v, sel);
  const ch = el.children;
  if (ch === null) {
    out.bytes(CLOSE_EMPTY);
    return;
  }
  out.byte(0x3e);
  for (let k = 0; k < ch.length; k++) {
    const c = ch[k]!;
    if (c.kind === K_EL) writeEl(out, ctx, c as El, v, depth, sel);
    else writePart(out, ctx, c as Part, v, depth, sel);
  }
  out.bytes(el.closeB ?? (el.closeB = encodeUtf8(el.close)));
}
