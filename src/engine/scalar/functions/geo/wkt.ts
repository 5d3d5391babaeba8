/**
 * geo_from_wkt(): well-known text (OGC simple features) to GeoJSON. Supported: POINT, LINESTRING,
 * POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON and GEOMETRYCOLLECTION with two-dimensional
 * coordinates; EMPTY shapes, Z/M coordinates, invalid coordinates and shapes that GeoJSON readers
 * reject (a one-point line, an open ring) are invalid and give null.
 */
import type { DynamicValue } from '../../../../types/scalar.js';
import type { FunctionTable } from '../registry.js';
import { geoDef } from './args.js';
import {
  type Position,
  collectionJson,
  lineJson,
  multiLineJson,
  multiPointJson,
  multiPolygonJson,
  pointJson,
  polygonJson,
  readGeometry,
} from './geojson.js';

class WktError extends Error {}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

class WktReader {
  pos = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  word(): string {
    this.skipSpace();
    const m = /^[A-Za-z]+/.exec(this.text.slice(this.pos));
    if (!m) throw new WktError(`expected a shape name at offset ${this.pos}`);
    this.pos += m[0].length;
    return m[0].toUpperCase();
  }

  expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new WktError(`expected '${c}' at offset ${this.pos}`);
    this.pos++;
  }

  peek(c: string): boolean {
    this.skipSpace();
    return this.text[this.pos] === c;
  }

  number(): number {
    this.skipSpace();
    const m = NUMBER.exec(this.text.slice(this.pos));
    if (!m) throw new WktError(`expected a number at offset ${this.pos}`);
    this.pos += m[0].length;
    return Number(m[0]);
  }

  position(): Position {
    const x = this.number();
    const y = this.number();
    return [x, y];
  }

  /** `( item, item, ... )` */
  list<T>(item: () => T): T[] {
    this.expect('(');
    const out = [item()];
    while (this.peek(',')) {
      this.pos++;
      out.push(item());
    }
    this.expect(')');
    return out;
  }

  /** A MULTIPOINT member: `1 2` or `(1 2)`. */
  multiPointMember(): Position {
    if (this.peek('(')) {
      this.pos++;
      const p = this.position();
      this.expect(')');
      return p;
    }
    return this.position();
  }

  geometry(depth: number): DynamicValue {
    if (depth > 32) throw new WktError('shapes nested too deep');
    const name = this.word();
    switch (name) {
      case 'POINT': {
        const positions = this.list(() => this.position());
        if (positions.length !== 1) throw new WktError('a POINT has one position');
        return pointJson(...positions[0]!);
      }
      case 'LINESTRING':
        return lineJson(this.list(() => this.position()));
      case 'POLYGON':
        return polygonJson(this.list(() => this.list(() => this.position())));
      case 'MULTIPOINT':
        return multiPointJson(this.list(() => this.multiPointMember()));
      case 'MULTILINESTRING':
        return multiLineJson(this.list(() => this.list(() => this.position())));
      case 'MULTIPOLYGON':
        return multiPolygonJson(this.list(() => this.list(() => this.list(() => this.position()))));
      case 'GEOMETRYCOLLECTION':
        return collectionJson(this.list(() => this.geometry(depth + 1)));
      default:
        throw new WktError(`unsupported shape '${name}'`);
    }
  }
}

/** The GeoJSON of a WKT text, or null when it is not valid WKT of a valid shape. */
export function parseWkt(text: string): DynamicValue {
  try {
    const reader = new WktReader(text);
    const shape = reader.geometry(0);
    if (!reader.atEnd()) return null;
    // A POINT(...) with more than one position is not a point.
    return readGeometry(shape) === null ? null : shape;
  } catch (e) {
    if (e instanceof WktError) return null;
    throw e;
  }
}

export const wktFunctions: FunctionTable = {
  geo_from_wkt: geoDef(['string'], 1, 'dynamic', (a) => parseWkt(a[0] as string)),
};
