/**
 * parse_xml(): XML text to a dynamic value, by parse-xml-function.md's table:
 *
 * | XML                          | JSON                                      |
 * |------------------------------|-------------------------------------------|
 * | `<e/>`                       | { "e": null }                             |
 * | `<e>text</e>`                | { "e": "text" }                           |
 * | `<e name="value" />`         | { "e": { "@name": "value" } }             |
 * | `<e name="value">text</e>`   | { "e": { "@name": "value", "#text": "text" } } |
 * | `<e> <a>text</a> <b>text</b> </e>` | { "e": { "a": "text", "b": "text" } } |
 * | `<e> <a>text</a> <a>text</a> </e>` | { "e": { "a": ["text", "text"] } }  |
 * | `<e> text <a>text</a> </e>`  | { "e": { "#text": "text", "a": "text" } } |
 *
 * Only elements, attributes and text are translated (comments, processing instructions, CDATA
 * sections are skipped, as the docs' note says "Everything else will be skipped"). Invalid XML,
 * or input over 1 MB (1,048,576 bytes of UTF-8), gives null.
 *
 * Choices (docs/SEMANTICS.md, "parse_xml"): text stays a string, numeric or not; `xmlns`
 * attributes are kept as `@xmlns` / `@xmlns:p`, and qualified names keep their prefix; a DOCTYPE
 * makes the input invalid (null), so no DTD, internal or external entity is ever expanded; only
 * the five predefined entities and numeric character references are read; whitespace-only text
 * between elements is dropped, other text is kept as written; an element with neither content nor
 * attributes is null when written `<e/>` and '' when written `<e></e>`; nesting deeper than
 * MAX_XML_DEPTH is invalid. The parser is a loop over the text with an explicit stack: its time is
 * linear in the input and it cannot overflow the call stack. Objects have a null prototype, so
 * `<__proto__>` is an ordinary key.
 */
import type { DynamicValue } from '../../types/scalar.js';
import { newBag, type DynamicObject } from '../values/dynamic.js';

export const MAX_XML_BYTES = 1_048_576;
export const MAX_XML_DEPTH = 256;

class XmlError extends Error {}

interface ElementFrame {
  readonly name: string;
  readonly attributes: [string, string][];
  /** Children in document order: element values by name, and text runs under '#text'. */
  readonly children: [string, DynamicValue][];
  /** Text accumulating since the last markup. */
  text: string;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0x80;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isWhitespaceOnly(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Characters XML 1.0 allows in a document. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 9 ||
    cp === 10 ||
    cp === 13 ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Resolves entity and character references in a run of text or an attribute value. */
function decodeReferences(raw: string, inAttribute: boolean): string {
  let s = raw;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (inAttribute && /[\t\n\r]/.test(s)) s = s.replace(/[\t\n\r]/g, ' ');
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new XmlError('unterminated reference');
    const ref = s.slice(amp + 1, semi);
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const digits = ref[1] === 'x' ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/;
      if (!digits.test(ref) || !isXmlChar(cp)) throw new XmlError('bad character reference');
      out += String.fromCodePoint(cp);
    } else {
      const ch = PREDEFINED[ref];
      // Any other entity would need a DTD; none is read, so it is an error.
      if (ch === undefined) throw new XmlError(`undefined entity '${ref}'`);
      out += ch;
    }
    i = semi + 1;
  }
}

/** The value an element converts to, by the table above. */
function elementValue(frame: ElementFrame, selfClosing: boolean): DynamicValue {
  const { attributes, children } = frame;
  if (attributes.length === 0) {
    if (children.length === 0) return selfClosing ? null : '';
    if (children.length === 1 && children[0]![0] === '#text') return children[0]![1];
  }
  const bag: DynamicObject = newBag();
  for (const [name, value] of attributes) bag['@' + name] = value;
  for (const [name, value] of children) {
    if (!(name in bag)) {
      bag[name] = value;
      continue;
    }
    // A child's own value is never an array, so an array here is the list of a repeated name.
    const existing = bag[name]!;
    if (Array.isArray(existing)) existing.push(value);
    else bag[name] = [existing, value];
  }
  return bag;
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Parses XML text; null when it is not well-formed XML or too large (see above). */
export function parseXml(text: string): DynamicValue {
  if (text.length > MAX_XML_BYTES || (text.length * 3 > MAX_XML_BYTES && utf8Length(text) > MAX_XML_BYTES)) {
    return null;
  }
  try {
    return parseDocument(text);
  } catch (e) {
    if (e instanceof XmlError) return null;
    throw e;
  }
}

function parseDocument(s: string): DynamicValue {
  const n = s.length;
  const stack: ElementFrame[] = [];
  let root: DynamicObject | null = null;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;

  const flushText = (frame: ElementFrame) => {
    if (frame.text.length === 0) return;
    const raw = frame.text;
    frame.text = '';
    if (isWhitespaceOnly(raw)) return;
    frame.children.push(['#text', decodeReferences(raw, false)]);
  };

  while (i < n) {
    const lt = s.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const chunk = s.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (!isWhitespaceOnly(chunk)) throw new XmlError('text outside the root element');
      } else {
        if (chunk.includes(']]>')) throw new XmlError("']]>' in text");
        top.text += chunk;
      }
      i = textEnd;
      if (lt < 0) break;
    }
    // s[i] === '<'
    const next = s.charCodeAt(i + 1);
    if (next === 33 /* ! */) {
      if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i + 4);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', i)) {
        if (stack.length === 0) throw new XmlError('CDATA outside the root element');
        const end = s.indexOf(']]>', i + 9);
        if (end < 0) throw new XmlError('unterminated CDATA');
        i = end + 3;
        continue;
      }
      // <!DOCTYPE ...> and any other declaration: refused, so no DTD is ever processed.
      throw new XmlError('DOCTYPE and declarations are not accepted');
    }
    if (next === 63 /* ? */) {
      const end = s.indexOf('?>', i + 2);
      if (end < 0) throw new XmlError('unterminated processing instruction');
      i = end + 2;
      continue;
    }
    if (next === 47 /* / */) {
      // End tag.
      let j = i + 2;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const name = s.slice(i + 2, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 62 /* > */) throw new XmlError('bad end tag');
      const frame = stack.pop();
      if (frame === undefined || frame.name !== name) throw new XmlError(`mismatched end tag '${name}'`);
      flushText(frame);
      closeElement(frame, false);
      i = j + 1;
      continue;
    }
    // Start tag.
    if (!isNameStart(next)) throw new XmlError('bad start tag');
    let j = i + 1;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    const name = s.slice(i + 1, j);
    const attributes: [string, string][] = [];
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const c = s.charCodeAt(j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */) {
        if (s.charCodeAt(j + 1) !== 62) throw new XmlError('bad empty-element tag');
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === before || !isNameStart(c)) throw new XmlError('bad attribute');
      const nameStart = j;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const attrName = s.slice(nameStart, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61 /* = */) throw new XmlError('attribute without value');
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const quote = s[j];
      if (quote !== '"' && quote !== "'") throw new XmlError('unquoted attribute value');
      const close = s.indexOf(quote, j + 1);
      if (close < 0) throw new XmlError('unterminated attribute value');
      const raw = s.slice(j + 1, close);
      if (raw.includes('<')) throw new XmlError("'<' in attribute value");
      for (const [existing] of attributes)
        if (existing === attrName) throw new XmlError('duplicate attribute');
      attributes.push([attrName, decodeReferences(raw, true)]);
      j = close + 1;
    }
    if (stack.length === 0 && root !== null) throw new XmlError('more than one root element');
    const parent = stack[stack.length - 1];
    if (parent !== undefined) flushText(parent);
    const frame: ElementFrame = { name, attributes, children: [], text: '' };
    if (selfClosing) {
      closeElement(frame, true);
    } else {
      if (stack.length >= MAX_XML_DEPTH) throw new XmlError('nesting too deep');
      stack.push(frame);
    }
    i = j;
  }
  if (stack.length > 0) throw new XmlError('unclosed element');
  if (root === null) throw new XmlError('no root element');
  return root;

  function closeElement(frame: ElementFrame, selfClosing: boolean): void {
    const value = elementValue(frame, selfClosing);
    const parent = stack[stack.length - 1];
    if (parent !== undefined) {
      parent.children.push([frame.name, value]);
    } else {
      if (root !== null) throw new XmlError('more than one root element');
      root = newBag();
      root[frame.name] = value;
    }
  }
}
