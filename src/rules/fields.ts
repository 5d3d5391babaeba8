/**
 * Reads the fields of a rule's YAML mapping into typed values, reporting a field of the wrong
 * shape at its position. Sentinel's YAML is loose in places (a single tactic written as a string,
 * a threshold written as a string of digits); those are accepted.
 */
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { Span } from '../plan/plan.js';
import type { DataConnector, EntityMapping, RuleTag } from './types.js';

export class FieldError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}

export class RuleFields {
  constructor(
    private readonly doc: Document,
    private readonly values: Readonly<Record<string, unknown>>,
  ) {}

  /** The span of a top-level key's value (or of the key when the value is empty). */
  spanOf(key: string): Span {
    const contents = this.doc.contents;
    if (isMap(contents)) {
      for (const pair of contents.items) {
        const k = pair.key as Node | null;
        if (isScalar(k) && k.value === key) {
          const v = pair.value as Node | null;
          const range = v?.range ?? k.range;
          if (range) return { start: range[0], end: range[1] };
        }
      }
    }
    return { start: 0, end: 0 };
  }

  has(key: string): boolean {
    return this.values[key] !== undefined && this.values[key] !== null;
  }

  private fail(key: string, expected: string): never {
    throw new FieldError(`field '${key}' should be ${expected}`, this.spanOf(key));
  }

  string(key: string): string | null {
    const v = this.values[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.fail(key, 'a string');
  }

  number(key: string): number | null {
    const v = this.values[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
    return this.fail(key, 'a number');
  }

  stringList(key: string): string[] {
    const v = this.values[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map(String);
    return this.fail(key, 'a list of strings');
  }

  tags(key: string): RuleTag[] {
    const v = this.values[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(key, 'a list');
    // An empty item (`tags:` followed by a bare `-`) is no tag; Sentinel accepts it.
    return v.filter((t: unknown) => t !== null).map((t: unknown) => {
      if (typeof t === 'string' || typeof t === 'number') return String(t);
      if (isPlainRecord(t)) {
        const out: Record<string, string> = Object.create(null) as Record<string, string>;
        for (const [k, x] of Object.entries(t)) out[k] = String(x);
        return out;
      }
      return this.fail(key, 'a list of words or maps');
    });
  }

  dataConnectors(key: string): DataConnector[] {
    const v = this.values[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(key, 'a list');
    return v.map((c: unknown) => {
      if (!isPlainRecord(c) || typeof c.connectorId !== 'string') {
        return this.fail(key, 'a list of {connectorId, dataTypes}');
      }
      const types = c.dataTypes;
      const dataTypes = Array.isArray(types) ? types.map(String) : types === undefined || types === null ? [] : [String(types)];
      return { connectorId: c.connectorId, dataTypes };
    });
  }

  entityMappings(key: string): EntityMapping[] {
    const v = this.values[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(key, 'a list');
    return v.map((m: unknown) => {
      if (!isPlainRecord(m) || typeof m.entityType !== 'string' || !Array.isArray(m.fieldMappings)) {
        return this.fail(key, 'a list of {entityType, fieldMappings}');
      }
      const fieldMappings = m.fieldMappings.map((f: unknown) => {
        if (!isPlainRecord(f) || typeof f.identifier !== 'string' || typeof f.columnName !== 'string') {
          return this.fail(key, 'field mappings of {identifier, columnName}');
        }
        return { identifier: f.identifier, columnName: f.columnName };
      });
      return { entityType: m.entityType, fieldMappings };
    });
  }
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
