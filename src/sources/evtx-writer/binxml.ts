// BinXml as Windows writes it in EVTX ([MS-EVEN6] 2.2.12, libyal's "Binary XML"): a fragment
// holding one template instance. The definition goes inline the first time a chunk meets its
// template and is referenced by chunk offset afterwards; element and attribute names likewise
// go inline once per chunk, with their hash, and are referenced after that.
import { ByteWriter } from './byte-writer.js';
import { nameHash, type ChunkTables } from './chunk-tables.js';
import { templateId, type Template, type TemplateElement, type TemplateNode } from './template.js';
import { maxValueBytes, ValueError, type EncodedValue } from './values.js';

const Token = {
  endOfFile: 0x00,
  openStartElement: 0x01,
  closeStartElement: 0x02,
  closeEmptyElement: 0x03,
  endElement: 0x04,
  value: 0x05,
  attribute: 0x06,
  templateInstance: 0x0c,
  normalSubstitution: 0x0d,
  optionalSubstitution: 0x0e,
  fragmentHeader: 0x0f,
  /** Set on an element that has attributes, and on every attribute but the last. */
  hasMore: 0x40,
} as const;

/** The string type code inside a value-text token. */
const stringValueType = 0x01;

/**
 * A substitution value: either already encoded, or a nested BinXml fragment (the EventData or
 * UserData of an event) that can be encoded only once its chunk offset is known.
 */
export type SubstitutionValue = EncodedValue | ((chunkOffset: number) => EncodedValue);

/** Writes `0f 01 01 00`, the template instance, and the end-of-file token. */
export function writeFragment(
  w: ByteWriter,
  tables: ChunkTables,
  template: Template,
  values: readonly SubstitutionValue[],
): void {
  w.u8(Token.fragmentHeader);
  w.u8(1); // major version
  w.u8(1); // minor version
  w.u8(0); // flags
  writeTemplateInstance(w, tables, template, values);
  w.u8(Token.endOfFile);
}

/** A nested fragment (value type BinXml) encoded at `chunkOffset`. */
export function encodeFragmentAt(
  chunkOffset: number,
  tables: ChunkTables,
  template: Template,
  values: readonly SubstitutionValue[],
): Uint8Array {
  const w = new ByteWriter(chunkOffset);
  writeFragment(w, tables, template, values);
  return w.toBytes();
}

function writeTemplateInstance(
  w: ByteWriter,
  tables: ChunkTables,
  template: Template,
  values: readonly SubstitutionValue[],
): void {
  const id = templateId(template);
  w.u8(Token.templateInstance);
  w.u8(1); // unknown; always 1 in Windows files
  w.u32(id);
  const stored = tables.templateOffset(template.key);
  if (stored !== undefined) {
    w.u32(stored);
  } else {
    const definitionOffset = w.position() + 4;
    w.u32(definitionOffset);
    w.u32(tables.templateBucketHead(id)); // next definition in the same bucket
    w.bytes(template.guid);
    const sizeAt = w.reserveU32();
    const start = w.position();
    w.u8(Token.fragmentHeader);
    w.u8(1);
    w.u8(1);
    w.u8(0);
    writeElement(w, tables, template.root);
    w.u8(Token.endOfFile);
    w.patchSizeSince(sizeAt, start);
    tables.addTemplate(template.key, id, definitionOffset);
  }
  writeInstanceData(w, values);
}

/** Value count, one (size, type, 0) descriptor per value, then the values back to back. */
function writeInstanceData(w: ByteWriter, values: readonly SubstitutionValue[]): void {
  let offset = w.position() + 4 + 4 * values.length;
  const encoded: EncodedValue[] = [];
  for (const value of values) {
    const e = typeof value === 'function' ? value(offset) : value;
    if (e.bytes.length > maxValueBytes) {
      throw new ValueError(
        `value of ${e.bytes.length} bytes exceeds the ${maxValueBytes}-byte limit of a substitution`,
      );
    }
    encoded.push(e);
    offset += e.bytes.length;
  }
  w.u32(encoded.length);
  for (const e of encoded) {
    w.u16(e.bytes.length);
    w.u8(e.type);
    w.u8(0);
  }
  for (const e of encoded) w.bytes(e.bytes);
}

/**
 * Windows marks an element whose only content is an optional substitution as depending on it
 * (a reader may drop the element when the value is NULL); other elements carry 0xffff.
 */
function dependencyId(el: TemplateElement): number {
  const only = el.children?.length === 1 ? el.children[0] : undefined;
  return only?.kind === 'substitution' && only.optional ? only.index : 0xffff;
}

function writeElement(w: ByteWriter, tables: ChunkTables, el: TemplateElement): void {
  const hasAttributes = el.attributes.length > 0;
  w.u8(hasAttributes ? Token.openStartElement | Token.hasMore : Token.openStartElement);
  w.u16(dependencyId(el));
  const sizeAt = w.reserveU32();
  const start = w.position();
  writeName(w, tables, el.name);
  if (hasAttributes) {
    const listAt = w.reserveU32();
    const listStart = w.position();
    el.attributes.forEach((attr, i) => {
      const last = i === el.attributes.length - 1;
      w.u8(last ? Token.attribute : Token.attribute | Token.hasMore);
      writeName(w, tables, attr.name);
      writeContent(w, tables, attr.value);
    });
    w.patchSizeSince(listAt, listStart);
  }
  if (el.children === null) {
    w.u8(Token.closeEmptyElement);
  } else {
    w.u8(Token.closeStartElement);
    for (const child of el.children) writeContent(w, tables, child);
    w.u8(Token.endElement);
  }
  w.patchSizeSince(sizeAt, start);
}

function writeContent(w: ByteWriter, tables: ChunkTables, node: TemplateNode): void {
  switch (node.kind) {
    case 'element':
      writeElement(w, tables, node);
      return;
    case 'text':
      if (node.text.length > 0xffff)
        throw new ValueError(`text of ${node.text.length} characters exceeds 65535`);
      w.u8(Token.value);
      w.u8(stringValueType);
      w.u16(node.text.length);
      w.utf16(node.text);
      return;
    case 'substitution':
      w.u8(node.optional ? Token.optionalSubstitution : Token.normalSubstitution);
      w.u16(node.index);
      w.u8(node.type);
      return;
  }
}

/**
 * A name's chunk offset, followed by the name itself when this chunk does not have it yet:
 * next-in-bucket offset, hash, character count, UTF-16 characters and a terminating NUL.
 */
function writeName(w: ByteWriter, tables: ChunkTables, name: string): void {
  const stored = tables.nameOffset(name);
  if (stored !== undefined) {
    w.u32(stored);
    return;
  }
  if (name.length === 0 || name.length > 0xffff)
    throw new ValueError(`XML name ${JSON.stringify(name)} is empty or too long`);
  const at = w.position() + 4;
  w.u32(at);
  const previous = tables.addName(name, at);
  w.u32(previous);
  w.u16(nameHash(name));
  w.u16(name.length);
  w.utf16(name);
  w.u16(0);
}
