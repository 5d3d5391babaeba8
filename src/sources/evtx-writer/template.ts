// The shape of an event as a BinXml template: elements, attributes, literal text and numbered
// substitutions whose values come with each record. Two events of the same shape share one
// definition per chunk.
import { createHash } from 'node:crypto';
import type { ValueTypeCode } from './values.js';

export interface TemplateText {
  readonly kind: 'text';
  readonly text: string;
}

export interface TemplateSubstitution {
  readonly kind: 'substitution';
  /** 0-based index into the record's substitution values. */
  readonly index: number;
  /** The type the template declares; a record may still give NULL for an optional one. */
  readonly type: ValueTypeCode;
  /** Optional (token 0x0e): a NULL value drops the enclosing element or attribute. */
  readonly optional: boolean;
}

export interface TemplateAttribute {
  readonly name: string;
  readonly value: TemplateText | TemplateSubstitution;
}

export interface TemplateElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly TemplateAttribute[];
  /** `null`: a self-closing element (`<Security/>`); `[]`: an element with no content (`<EventData></EventData>`). */
  readonly children: readonly TemplateNode[] | null;
}

export type TemplateNode = TemplateElement | TemplateText | TemplateSubstitution;

export interface Template {
  /** Identity of the shape: equal keys, equal definitions. */
  readonly key: string;
  /** Stored with the definition; its first four bytes are the template identifier. */
  readonly guid: Uint8Array;
  readonly root: TemplateElement;
}

export const text = (t: string): TemplateText => ({ kind: 'text', text: t });

export const optional = (index: number, type: ValueTypeCode): TemplateSubstitution => ({
  kind: 'substitution',
  index,
  type,
  optional: true,
});

export const normal = (index: number, type: ValueTypeCode): TemplateSubstitution => ({
  kind: 'substitution',
  index,
  type,
  optional: false,
});

export function element(
  name: string,
  attributes: readonly TemplateAttribute[],
  children: readonly TemplateNode[] | null,
): TemplateElement {
  return { kind: 'element', name, attributes, children };
}

/**
 * A template for a shape. Windows derives a template's GUID from its manifest; ours is a digest of
 * the shape, so equal shapes get equal GUIDs in every file and every run.
 */
export function makeTemplate(root: TemplateElement): Template {
  const key = JSON.stringify(root);
  const guid = new Uint8Array(createHash('md5').update(key).digest());
  return { key, guid, root };
}

/** The template identifier stored in each instance: the GUID's first four bytes, little-endian. */
export function templateId(t: Template): number {
  return new DataView(t.guid.buffer, t.guid.byteOffset, 4).getUint32(0, true);
}
