// Rendering compiled BinXml with a record's values: to XML text exactly as Windows renders it,
// and to a small DOM (XElement) from which EventData, UserData and JSON are read.
//
// Windows' rules ([MS-EVEN6] 2.2.12.1-3): an element whose DependencyId names a NULL value is
// not emitted; an attribute whose data renders empty is not emitted; an element holding array
// data is emitted once per array item; a BinXml value renders its own document in place.

import {
  Attr,
  ChunkCtx,
  El,
  escapeAttr,
  escapeText,
  isArray,
  isNull,
  K_EL,
  K_SUB,
  K_TEXT,
  parseDoc,
  Part,
  XNodeDef,
} from './binxml.js';
import { BinXmlError } from './errors.js';
import { arrayItems, formatScalar, Values, VT_BINXML, valueText } from './values.js';

/** A rendered element: attributes in order, children are elements or (unescaped) text. */
export interface XElement {
  name: string;
  attrs: [string, string][];
  children: (XElement | string)[];
}

/** Array item selection while rendering an element repeated for array data. */
class ItemSel {
  constructor(
    readonly index: number,
    readonly off: number,
    readonly size: number,
  ) {}
}

function itemsOf(el: El, v: Values): { sub: number; items: number[] } | null {
  for (const s of el.subs) if (isArray(v, s)) return { sub: s, items: arrayItems(v, s) };
  return null;
}

/** Raw text of substitution `p` (nested BinXml excluded). */
function subText(v: Values, p: Part, sel: ItemSel | null): string {
  if (sel !== null && sel.index === p.index)
    return formatScalar(v.buf, v.type[p.index]! & 0x7f, sel.off, sel.size);
  return valueText(v, p.index);
}

// ---------------------------------------------------------------------------------------------
// XML

export function renderXml(ctx: ChunkCtx, nodes: XNodeDef[], v: Values, depth: number): string {
  let s = '';
  for (const n of nodes)
    s += n.kind === K_EL ? elXml(ctx, n as El, v, depth, null) : partXml(ctx, n as Part, v, depth, null);
  return s;
}

function partXml(ctx: ChunkCtx, p: Part, v: Values, depth: number, sel: ItemSel | null): string {
  if (p.kind !== K_SUB) return p.xml;
  const i = p.index;
  if (i >= v.n) return '';
  if (v.type[i] === VT_BINXML) return docXml(ctx, v.off[i]!, v.size[i]!, depth + 1);
  return escapeText(subText(v, p, sel));
}

function docXml(ctx: ChunkCtx, off: number, size: number, depth: number): string {
  let s = '';
  parseDoc(ctx, off, off + size, depth, (piece) => {
    s += renderXml(ctx, piece.nodes, piece.values, depth);
  });
  return s;
}

function attrXml(a: Attr, v: Values, sel: ItemSel | null): string {
  const parts = a.parts;
  let val: string;
  if (parts.length === 1) {
    const p = parts[0]!;
    val = p.kind === K_SUB ? escapeAttr(subText(v, p, sel)) : p.xml;
  } else {
    val = '';
    for (const p of parts) val += p.kind === K_SUB ? escapeAttr(subText(v, p, sel)) : p.xml;
  }
  return val === '' ? '' : a.prefix + val + "'";
}

function elXml(ctx: ChunkCtx, el: El, v: Values, depth: number, outer: ItemSel | null): string {
  if (el.staticXml !== null) return el.staticXml;
  if (el.dep !== 0xffff && isNull(v, el.dep)) return '';
  if (el.subs.length !== 0) {
    const arr = itemsOf(el, v);
    if (arr !== null && (outer === null || outer.index !== arr.sub)) {
      if (arr.items.length === 0) return elOnce(ctx, el, v, depth, new ItemSel(arr.sub, 0, 0));
      let s = '';
      for (let k = 0; k < arr.items.length; k += 2)
        s += elOnce(ctx, el, v, depth, new ItemSel(arr.sub, arr.items[k]!, arr.items[k + 1]!));
      return s;
    }
  }
  return elOnce(ctx, el, v, depth, outer);
}

function elOnce(ctx: ChunkCtx, el: El, v: Values, depth: number, sel: ItemSel | null): string {
  let s = el.open;
  for (const a of el.attrs) s += attrXml(a, v, sel);
  const ch = el.children;
  if (ch === null) return s + '/>';
  s += '>';
  for (const c of ch)
    s += c.kind === K_EL ? elXml(ctx, c as El, v, depth, sel) : partXml(ctx, c as Part, v, depth, sel);
  return s + el.close;
}

// ---------------------------------------------------------------------------------------------
// DOM

export function renderDom(
  ctx: ChunkCtx,
  nodes: XNodeDef[],
  v: Values,
  depth: number,
  out: (XElement | string)[],
): void {
  for (const n of nodes) {
    if (n.kind === K_EL) elDom(ctx, n as El, v, depth, null, out);
    else partDom(ctx, n as Part, v, depth, null, out);
  }
}

let budget = 0;

/** Starts a record's DOM output budget. */
export function resetDomBudget(n: number): void {
  budget = n;
}

/** What is left of the record's DOM budget. */
export function domBudgetLeft(): number {
  return budget;
}

function pushText(out: (XElement | string)[], s: string): void {
  if (s === '') return;
  budget -= s.length;
  if (budget < 0) throw new BinXmlError('record renders to too much text', 'EVTX022');
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + s;
  else out.push(s);
}

function partDom(
  ctx: ChunkCtx,
  p: Part,
  v: Values,
  depth: number,
  sel: ItemSel | null,
  out: (XElement | string)[],
): void {
  if (p.kind !== K_SUB) {
    pushText(out, p.kind === K_TEXT ? p.text : p.kind === K_EL ? '' : p.text);
    return;
  }
  const i = p.index;
  if (i >= v.n) return;
  if (v.type[i] === VT_BINXML) {
    const off = v.off[i]!;
    parseDoc(ctx, off, off + v.size[i]!, depth + 1, (piece) =>
      renderDom(ctx, piece.nodes, piece.values, depth + 1, out),
    );
    return;
  }
  pushText(out, subText(v, p, sel));
}

function elDom(
  ctx: ChunkCtx,
  el: El,
  v: Values,
  depth: number,
  outer: ItemSel | null,
  out: (XElement | string)[],
): void {
  if (el.dep !== 0xffff && isNull(v, el.dep)) return;
  if (el.subs.length !== 0) {
    const arr = itemsOf(el, v);
    if (arr !== null && (outer === null || outer.index !== arr.sub)) {
      if (arr.items.length === 0) out.push(elDomOnce(ctx, el, v, depth, new ItemSel(arr.sub, 0, 0)));
      for (let k = 0; k < arr.items.length; k += 2)
        out.push(elDomOnce(ctx, el, v, depth, new ItemSel(arr.sub, arr.items[k]!, arr.items[k + 1]!)));
      return;
    }
  }
  out.push(elDomOnce(ctx, el, v, depth, outer));
}

function elDomOnce(ctx: ChunkCtx, el: El, v: Values, depth: number, sel: ItemSel | null): XElement {
  budget -= 16;
  if (budget < 0) throw new BinXmlError('record renders to too many elements', 'EVTX022');
  const attrs: [string, string][] = [];
  for (const a of el.attrs) {
    let val = '';
    for (const p of a.parts) val += p.kind === K_SUB ? subText(v, p, sel) : p.text;
    budget -= val.length;
    if (val !== '') attrs.push([a.name, val]);
  }
  const children: (XElement | string)[] = [];
  if (el.children !== null) {
    for (const c of el.children) {
      if (c.kind === K_EL) elDom(ctx, c as El, v, depth, sel, children);
      else partDom(ctx, c as Part, v, depth, sel, children);
    }
  }
  return { name: el.name, attrs, children };
}

/** Text content of an element (concatenated text of its descendants). */
export function textOf(e: XElement): string {
  if (e.children.length === 1 && typeof e.children[0] === 'string') return e.children[0];
  let s = '';
  for (const c of e.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

export function attrOf(e: XElement, name: string): string | undefined {
  for (const [k, v] of e.attrs) if (k === name) return v;
  return undefined;
}

export function childElements(e: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of e.children) if (typeof c !== 'string') out.push(c);
  return out;
}

/** Serialises a DOM element back to XML (Windows' single-quoted form). */
export function domXml(e: XElement): string {
  let s = '<' + e.name;
  for (const [k, v] of e.attrs) s += ' ' + k + "='" + escapeAttr(v) + "'";
  if (e.children.length === 0) return s + '/>';
  s += '>';
  for (const c of e.children) s += typeof c === 'string' ? escapeText(c) : domXml(c);
  return s + '</' + e.name + '>';
}

/** DOM of `nodes` leaving out element `skip` (the `<System>` element when it is read apart). */
export function renderDomExcept(
  ctx: ChunkCtx,
  nodes: XNodeDef[],
  skip: El,
  v: Values,
  depth: number,
  out: (XElement | string)[],
): void {
  for (const n of nodes) {
    if (n === skip) continue;
    if (n.kind === K_EL) elDom(ctx, n as El, v, depth, null, out);
    else partDom(ctx, n as Part, v, depth, null, out);
  }
}
