// BinXml ([MS-EVEN6] 2.2.12) inside one chunk: names, template definitions and the token
// stream, compiled into small node trees. A template is compiled once per chunk (keyed by its
// offset) and then reused by every record that instantiates it; across chunks, identical
// definitions share one compiled template (keyed by GUID, size and a CRC of the bytes).
//
// Every read is bounds-checked against the region being parsed; a malformed token raises a
// BinXmlError that the record reader turns into an error value. Nesting is capped.

import { crc32 } from 'node:zlib';
import { u16, u32, utf16 } from './bytes.js';
import { BinXmlError } from './errors.js';
import { NO_VALUES, readValues, Values, VT_ARRAY } from './values.js';

export const CHUNK_SIZE = 65536;
/** Maximum element nesting inside one fragment. */
export const MAX_ELEMENT_DEPTH = 64;
/** Maximum BinXml-in-substitution nesting. */
export const MAX_VALUE_DEPTH = 8;

export const K_TEXT = 0;
export const K_SUB = 1;
export const K_CHARREF = 2;
export const K_ENTITY = 3;
export const K_CDATA = 4;
export const K_PI = 5;
export const K_EL = 6;

const utf8 = new TextEncoder();

/** UTF-8 of a string: a plain loop for ASCII (most names), the encoder otherwise. */
export function encodeUtf8(s: string): Uint8Array {
  const n = s.length;
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return utf8.encode(s);
    b[i] = c;
  }
  return b;
}

/** A leaf of content or attribute data. One class for every kind keeps call sites monomorphic. */
export class Part {
  /** UTF-8 of `xml`, made on first use. */
  xmlB: Uint8Array | null = null;
  constructor(
    readonly kind: number,
    /** Text (raw), CDATA text, entity name or PI target. */
    readonly text: string,
    /** Pre-escaped XML of static parts (text, char and entity references, CDATA, PI). */
    readonly xml: string,
    /** Substitution index. */
    readonly index: number,
    /** Substitution value type declared by the template. */
    readonly vtype: number,
    readonly optional: boolean,
  ) {}
}

export class Attr {
  /** ` Name='` */
  readonly prefix: string;
  prefixB: Uint8Array | null = null;
  constructor(
    readonly name: string,
    readonly parts: Part[],
  ) {
    this.prefix = ' ' + name + "='";
  }
}

export type XNodeDef = El | Part;

export class El {
  readonly kind = K_EL;
  /** `<Name` */
  readonly open: string;
  /** `</Name>` */
  readonly close: string;
  /** Substitution indexes directly in this element's attributes and content (array repeat). */
  readonly subs: number[];
  /** True when the element holds no substitution and no dependency: its XML never changes. */
  readonly isStatic: boolean;
  private staticText: string | null = null;
  openB: Uint8Array | null = null;
  closeB: Uint8Array | null = null;
  staticB: Uint8Array | null = null;
  constructor(
    readonly name: string,
    /** DependencyId: the element is dropped when that value is NULL; 0xffff for none. */
    readonly dep: number,
    readonly attrs: Attr[],
    /** null: an empty element (`<Name/>`). */
    readonly children: XNodeDef[] | null,
  ) {
    this.open = '<' + name;
    this.close = '</' + name + '>';
    const subs: number[] = [];
    for (const a of attrs) for (const p of a.parts) if (p.kind === K_SUB) subs.push(p.index);
    let isStatic = dep === 0xffff && subs.length === 0;
    if (children) {
      for (const c of children) {
        if (c.kind === K_SUB) {
          subs.push((c as Part).index);
          isStatic = false;
        } else if (c.kind === K_EL && !(c as El).isStatic) isStatic = false;
      }
    }
    this.subs = subs;
    this.isStatic = isStatic;
  }

  /** The whole element's XML when it is static, else null. */
  get staticXml(): string | null {
    if (!this.isStatic) return null;
    if (this.staticText === null) this.staticText = renderStatic(this);
    return this.staticText;
  }
}

function renderStatic(el: El): string {
  let s = el.open;
  for (const a of el.attrs) {
    let v = '';
    for (const p of a.parts) v += p.xml;
    if (v !== '') s += a.prefix + v + "'";
  }
  if (el.children === null) return s + '/>';
  s += '>';
  for (const c of el.children) s += c.kind === K_EL ? (c as El).staticXml! : (c as Part).xml;
  return s + el.close;
}

export function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  if (!/[&<>'"]/.test(s)) return s;
  return s.replace(/[&<>'"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === "'" ? '&apos;' : '&quot;',
  );
}

/** A compiled template definition. */
export class Template {
  constructor(
    readonly guid: string,
    readonly nodes: XNodeDef[],
    /** Lazily computed map of System fields (see system.ts). */
    public sys: unknown = undefined,
  ) {}
}

/** Shared across chunks: identical definitions compile once. Bounded. */
const GLOBAL_TEMPLATE_LIMIT = 4096;
/** And by the bytes of the definitions they came from (hostile templates can be 64 KiB each). */
const GLOBAL_TEMPLATE_BYTES = 32 << 20;
let cachedBytes = 0;

/** Most rendered output (XML bytes or DOM characters) one record may produce. */
export const MAX_RECORD_OUTPUT = 8 << 20;
/** Most rendered output all the records of one chunk may produce (real chunks: ~200 KiB). */
export const MAX_CHUNK_OUTPUT = 16 << 20;

/** Per-chunk parse state: the buffer, and caches of names and templates keyed by offset. */
export class ChunkCtx {
  buf: Buffer;
  readonly names = new Map<number, string>();
  readonly templates = new Map<number, Template>();
  /** Output budget left for the current record (see MAX_RECORD_OUTPUT). */
  budget = MAX_RECORD_OUTPUT;
  /** Values per BinXml nesting depth, reused from record to record. */
  private readonly valuePool: Values[] = [];

  constructor(buf: Buffer) {
    this.buf = buf;
  }

  reset(buf: Buffer): void {
    this.buf = buf;
    this.names.clear();
    this.templates.clear();
  }

  values(depth: number): Values {
    let v = this.valuePool[depth];
    if (!v) {
      v = new Values();
      this.valuePool[depth] = v;
    }
    return v;
  }
}

/** A read position inside a bounded region of the chunk. */
export class Cursor {
  constructor(
    public pos: number,
    public end: number,
  ) {}
}

function need(c: Cursor, n: number): void {
  if (c.pos + n > c.end) throw new BinXmlError(`BinXml truncated at chunk offset ${c.pos}`);
}

/** Reads a name structure at `off`: 4 bytes (next), 2 (hash), 2 (count), UTF-16, NUL. */
function readNameAt(ctx: ChunkCtx, off: number): [string, number] {
  const b = ctx.buf;
  if (off < 0 || off + 8 > CHUNK_SIZE || off + 8 > b.length)
    throw new BinXmlError(`name offset ${off} out of chunk`);
  const n = u16(b, off + 6);
  const end = off + 8 + 2 * n + 2;
  if (end > b.length) throw new BinXmlError(`name at ${off} runs past the chunk`);
  return [utf16(b, off + 8, n), end];
}

/** A name reference: inline (defined here, skipped over) or a back-reference. */
function readNameRef(ctx: ChunkCtx, c: Cursor): string {
  need(c, 4);
  const off = u32(ctx.buf, c.pos);
  c.pos += 4;
  const cached = ctx.names.get(off);
  if (off === c.pos) {
    need(c, 8);
    const n = u16(ctx.buf, off + 6);
    const end = off + 8 + 2 * n + 2;
    if (end > c.end) throw new BinXmlError(`inline name at ${off} runs past its region`);
    c.pos = end;
    if (cached !== undefined) return cached;
  } else if (cached !== undefined) return cached;
  const [name] = readNameAt(ctx, off);
  ctx.names.set(off, name);
  return name;
}

function readLenString(ctx: ChunkCtx, c: Cursor): string {
  need(c, 2);
  const n = u16(ctx.buf, c.pos);
  c.pos += 2;
  need(c, 2 * n);
  const s = utf16(ctx.buf, c.pos, n);
  c.pos += 2 * n;
  return s;
}

const TEXT = (s: string): Part => new Part(K_TEXT, s, escapeText(s), 0, 0, false);

/** Reads one content or attribute-data token if it is one; returns null at anything else. */
function readDataToken(ctx: ChunkCtx, c: Cursor, inAttr: boolean): Part | null {
  const b = ctx.buf;
  const t = b[c.pos]! & 0xbf;
  switch (t) {
    case 0x05: {
      need(c, 2);
      c.pos += 2; // token, value type (always a string)
      const s = readLenString(ctx, c);
      return new Part(K_TEXT, s, inAttr ? escapeAttrStatic(s) : escapeText(s), 0, 0, false);
    }
    case 0x0d:
    case 0x0e: {
      need(c, 4);
      const p = new Part(K_SUB, '', '', u16(b, c.pos + 1), b[c.pos + 3]!, t === 0x0e);
      c.pos += 4;
      return p;
    }
    case 0x08: {
      need(c, 3);
      const code = u16(b, c.pos + 1);
      c.pos += 3;
      return new Part(K_CHARREF, String.fromCharCode(code), '&#' + code + ';', code, 0, false);
    }
    case 0x09: {
      c.pos += 1;
      const name = readNameRef(ctx, c);
      return new Part(K_ENTITY, entityText(name), '&' + name + ';', 0, 0, false);
    }
    case 0x07: {
      c.pos += 1;
      const s = readLenString(ctx, c);
      return new Part(K_CDATA, s, '<![CDATA[' + s + ']]>', 0, 0, false);
    }
    default:
      return null;
  }
}

function escapeAttrStatic(s: string): string {
  return escapeAttr(s);
}

function entityText(name: string): string {
  switch (name) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return '&' + name + ';';
  }
}

/** Parses one element starting at its open token. `withDep`: a template body has DependencyIds. */
function parseElement(ctx: ChunkCtx, c: Cursor, withDep: boolean, depth: number): El {
  if (depth > MAX_ELEMENT_DEPTH) throw new BinXmlError('element nesting too deep', 'EVTX022');
  const b = ctx.buf;
  const hasAttrs = (b[c.pos]! & 0x40) !== 0;
  c.pos += 1;
  let dep = 0xffff;
  if (withDep) {
    need(c, 2);
    dep = u16(b, c.pos);
    c.pos += 2;
  }
  need(c, 4);
  c.pos += 4; // element data size: not trusted, the tokens say where it ends
  const name = readNameRef(ctx, c);
  const attrs: Attr[] = [];
  if (hasAttrs) {
    need(c, 4);
    c.pos += 4; // attribute list size
    for (;;) {
      need(c, 1);
      if ((b[c.pos]! & 0xbf) !== 0x06) break;
      c.pos += 1;
      const aname = readNameRef(ctx, c);
      const parts: Part[] = [];
      for (;;) {
        need(c, 1);
        const p = readDataToken(ctx, c, true);
        if (!p) break;
        parts.push(p);
      }
      attrs.push(new Attr(aname, parts));
    }
  }
  need(c, 1);
  const close = b[c.pos]!;
  if (close === 0x03) {
    c.pos += 1;
    return new El(name, dep, attrs, null);
  }
  if (close !== 0x02)
    throw new BinXmlError(`expected end of start tag <${name}> at ${c.pos}, got 0x${close.toString(16)}`);
  c.pos += 1;
  const children: XNodeDef[] = [];
  for (;;) {
    need(c, 1);
    const t = b[c.pos]! & 0xbf;
    if (t === 0x04) {
      c.pos += 1;
      break;
    }
    if (t === 0x01) {
      children.push(parseElement(ctx, c, withDep, depth + 1));
      continue;
    }
    if (t === 0x0a) {
      children.push(readPI(ctx, c));
      continue;
    }
    if (t === 0x0f) {
      need(c, 4);
      c.pos += 4;
      continue;
    }
    const p = readDataToken(ctx, c, false);
    if (!p) throw new BinXmlError(`unexpected token 0x${b[c.pos]!.toString(16)} in <${name}> at ${c.pos}`);
    children.push(p);
  }
  return new El(name, dep, attrs, mergeText(children));
}

function readPI(ctx: ChunkCtx, c: Cursor): Part {
  c.pos += 1;
  const target = readNameRef(ctx, c);
  let data = '';
  if (c.pos < c.end && ctx.buf[c.pos] === 0x0b) {
    c.pos += 1;
    data = readLenString(ctx, c);
  }
  return new Part(K_PI, target, '<?' + target + (data ? ' ' + data : '') + '?>', 0, 0, false);
}

/** Adjacent text parts become one. */
function mergeText(nodes: XNodeDef[]): XNodeDef[] {
  if (nodes.length < 2) return nodes;
  const out: XNodeDef[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.kind === K_TEXT && last && last.kind === K_TEXT) {
      out[out.length - 1] = TEXT((last as Part).text + (n as Part).text);
    } else out.push(n);
  }
  return out;
}

/** Compiles (or finds) the template definition at chunk offset `off`. */
export function getTemplate(ctx: ChunkCtx, off: number): Template {
  compileStats.lookups++;
  const hit = ctx.templates.get(off);
  if (hit) return hit;
  const b = ctx.buf;
  if (off < 0 || off + 24 > b.length) throw new BinXmlError(`template offset ${off} out of chunk`);
  const size = u32(b, off + 20);
  const start = off + 24;
  const end = start + size;
  if (end > b.length) throw new BinXmlError(`template at ${off} runs past the chunk (size ${size})`);
  // Fast path: the same bytes (and the same names where they point) as a definition seen before.
  const raw = b.subarray(off + 4, end);
  const crc = crc32(raw);
  const e = rawTemplates.get(crc);
  let tpl: Template | undefined;
  if (e !== undefined && e.raw.length === raw.length && e.raw.equals(raw) && sameNames(b, e.refs))
    tpl = e.tpl;
  else {
    // Slower path: the same shape and names, laid out at other offsets.
    const refs: number[] = [];
    const shape = shapeKey(ctx, start, end, refs);
    tpl = shape === null ? undefined : shapeTemplates.get(shape);
    if (!tpl) {
      tpl = compileTemplate(ctx, off, start, end);
    }
    if (shape !== null) {
      cachedBytes += end - start;
      if (cachedBytes > GLOBAL_TEMPLATE_BYTES) {
        shapeTemplates.clear();
        rawTemplates.clear();
        cachedBytes = end - start;
      }
      if (shapeTemplates.size >= GLOBAL_TEMPLATE_LIMIT) shapeTemplates.clear();
      shapeTemplates.set(shape, tpl);
      if (rawTemplates.size >= GLOBAL_TEMPLATE_LIMIT) rawTemplates.clear();
      const saved: [number, Buffer][] = [];
      for (const r of new Set(refs))
        saved.push([r, Buffer.from(b.subarray(r + 6, r + 8 + 2 * u16(b, r + 6)))]);
      rawTemplates.set(crc, { tpl, raw: Buffer.from(raw), refs: saved });
    }
  }
  ctx.templates.set(off, tpl);
  return tpl;
}

/** Definitions by the CRC of their bytes, with the names they reference elsewhere. */
const rawTemplates = new Map<number, { tpl: Template; raw: Buffer; refs: [number, Buffer][] }>();

/**
 * A definition from another chunk is reused only if the names it references by offset are the
 * same bytes here (the bytes of the definition hold those offsets).
 */
function sameNames(b: Buffer, refs: [number, Buffer][]): boolean {
  for (const [off, bytes] of refs) {
    if (off + 6 + bytes.length > b.length) return false;
    for (let i = 0; i < bytes.length; i++) if (b[off + 6 + i] !== bytes[i]) return false;
  }
  return true;
}

const shapeTemplates = new Map<string, Template>();

/**
 * A template definition's identity apart from where its names lie: the token stream with every
 * name offset replaced by the name itself. Null when the bytes do not scan (compile reports why).
 */
function shapeKey(ctx: ChunkCtx, start: number, end: number, refs: number[]): string | null {
  const b = ctx.buf;
  let k = '';
  let p = start;
  const nameAt = (q: number): number => {
    if (q + 4 > end) return -1;
    const off = u32(b, q);
    q += 4;
    let name = ctx.names.get(off);
    if (off === q) {
      if (q + 8 > end) return -1;
      const n = u16(b, q + 6);
      const e = q + 8 + 2 * n + 2;
      if (e > end) return -1;
      if (name === undefined) {
        name = utf16(b, q + 8, n);
        ctx.names.set(off, name);
      }
      q = e;
    } else {
      refs.push(off);
      if (name === undefined) {
        if (off + 8 > b.length) return -1;
        const n = u16(b, off + 6);
        if (off + 8 + 2 * n > b.length) return -1;
        name = utf16(b, off + 8, n);
        ctx.names.set(off, name);
      }
    }
    k += String.fromCharCode(name.length) + name;
    return q;
  };
  while (p < end) {
    const full = b[p]!;
    const t = full & 0xbf;
    k += String.fromCharCode(full);
    switch (t) {
      case 0x00:
        return k;
      case 0x0f:
        p += 4;
        break;
      case 0x01:
        if (p + 7 > end) return null;
        k += String.fromCharCode(u16(b, p + 1));
        p = nameAt(p + 7);
        if (p < 0) return null;
        if (full & 0x40) p += 4;
        break;
      case 0x02:
      case 0x03:
      case 0x04:
        p += 1;
        break;
      case 0x06:
      case 0x09:
      case 0x0a:
        p = nameAt(p + 1);
        if (p < 0) return null;
        break;
      case 0x05:
      case 0x07:
      case 0x0b: {
        const q = t === 0x05 ? p + 2 : p + 1;
        if (q + 2 > end) return null;
        const n = u16(b, q);
        if (q + 2 + 2 * n > end) return null;
        k += String.fromCharCode(n) + b.toString('latin1', q + 2, q + 2 + 2 * n);
        p = q + 2 + 2 * n;
        break;
      }
      case 0x0d:
      case 0x0e:
        if (p + 4 > end) return null;
        k += String.fromCharCode(u16(b, p + 1), b[p + 3]!);
        p += 4;
        break;
      case 0x08:
        if (p + 3 > end) return null;
        k += String.fromCharCode(u16(b, p + 1));
        p += 3;
        break;
      default:
        return null;
    }
  }
  return p === end ? k : null;
}

/** Counters for tests and benchmarks: template lookups and actual compilations. */
export const compileStats = { compiled: 0, lookups: 0 };
function compileTemplate(ctx: ChunkCtx, off: number, start: number, end: number): Template {
  compileStats.compiled++;
  const b = ctx.buf;
  const guid = b.toString('hex', off + 4, off + 20);
  const c = new Cursor(start, end);
  const nodes: XNodeDef[] = [];
  compileBody(ctx, c, off, nodes);
  return new Template(guid, nodes);
}

function compileBody(ctx: ChunkCtx, c: Cursor, off: number, nodes: XNodeDef[]): void {
  const b = ctx.buf;
  const end = c.end;
  while (c.pos < end) {
    const t = b[c.pos]! & 0xbf;
    if (t === 0x00) break;
    if (t === 0x0f) {
      need(c, 4);
      c.pos += 4;
    } else if (t === 0x01) nodes.push(parseElement(ctx, c, true, 0));
    else if (t === 0x0a) nodes.push(readPI(ctx, c));
    else {
      const p = readDataToken(ctx, c, false);
      if (!p) throw new BinXmlError(`unexpected token 0x${b[c.pos]!.toString(16)} in template at ${off}`);
      nodes.push(p);
    }
  }
}

/** One piece of a BinXml document: a template instance with its values, or plain nodes. */
export interface DocPiece {
  tpl: Template | null;
  nodes: XNodeDef[];
  values: Values;
}

/**
 * Parses a BinXml document (a record's event, or a BinXml substitution value) in [pos, end).
 * Template instances read their values into the pool slot of `depth`; plain elements have none.
 * Calls `each` for each piece in order (the values are valid during the call only).
 */
export function parseDoc(
  ctx: ChunkCtx,
  pos: number,
  end: number,
  depth: number,
  each: (p: DocPiece) => void,
): void {
  if (depth > MAX_VALUE_DEPTH) throw new BinXmlError('BinXml values nested too deep', 'EVTX022');
  const b = ctx.buf;
  const c = new Cursor(pos, end);
  while (c.pos < end) {
    const t = b[c.pos]! & 0xbf;
    if (t === 0x00) return;
    if (t === 0x0f) {
      need(c, 4);
      c.pos += 4;
      continue;
    }
    if (t === 0x0c) {
      need(c, 10);
      const defOff = u32(b, c.pos + 6);
      c.pos += 10;
      if (defOff === c.pos) {
        need(c, 24);
        const size = u32(b, defOff + 20);
        if (defOff + 24 + size > end)
          throw new BinXmlError(`inline template at ${defOff} runs past its record`);
        c.pos = defOff + 24 + size;
      } else if (defOff > c.pos) {
        throw new BinXmlError(`template reference ${defOff} points forward from ${c.pos}`);
      }
      const tpl = getTemplate(ctx, defOff);
      const v = ctx.values(depth);
      const next = readValues(b, c.pos, end, v);
      if (next < 0) throw new BinXmlError(`template instance values at ${c.pos} do not fit`);
      c.pos = next;
      each({ tpl, nodes: tpl.nodes, values: v });
      continue;
    }
    if (t === 0x01) {
      // BinXml outside a template definition carries no DependencyId; a few writers put one
      // anyway, so fall back to reading one when the plain form does not parse.
      const at = c.pos;
      let el: El;
      try {
        el = parseElement(ctx, c, false, 0);
      } catch (e) {
        c.pos = at;
        try {
          el = parseElement(ctx, c, true, 0);
        } catch {
          throw e;
        }
      }
      each({ tpl: null, nodes: [el], values: NO_VALUES });
      continue;
    }
    if (t === 0x0a) {
      each({ tpl: null, nodes: [readPI(ctx, c)], values: NO_VALUES });
      continue;
    }
    const p = readDataToken(ctx, c, false);
    if (!p) throw new BinXmlError(`unexpected token 0x${b[c.pos]!.toString(16)} at ${c.pos}`);
    each({ tpl: null, nodes: [p], values: NO_VALUES });
  }
}

/** True when value `i` makes the element depending on it vanish (NULL or missing). */
export function isNull(v: Values, i: number): boolean {
  return i >= v.n || v.type[i] === 0;
}

export function isArray(v: Values, i: number): boolean {
  return i < v.n && (v.type[i]! & VT_ARRAY) !== 0;
}
