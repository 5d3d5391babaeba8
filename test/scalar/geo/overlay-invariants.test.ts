// Unions and intersections judged by what any correct result must satisfy, where the reference
// pages print no output to compare with: the kind of shape, its rings, and its area, which must
// agree with the areas of the inputs (area(A ∪ B) + area(A ∩ B) = area(A) + area(B)).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isBag, stringifyDynamic } from '../../../src/engine/values/dynamic.js';
import type { DynamicValue } from '../../../src/types/scalar.js';
import { cross, dot, fromLngLat } from '../../../src/engine/scalar/functions/geo/sphere.js';
import { call, dyn } from '../support.js';

const polygon = (...rings: string[]): string => `{"type":"Polygon","coordinates":[${rings.join(',')}]}`;
const rectangle = (x: number, y: number, w = 1, h = 1): string =>
  polygon(`[[${x},${y}],[${x + w},${y}],[${x + w},${y + h}],[${x},${y + h}],[${x},${y}]]`);

function union(...shapes: string[]): DynamicValue {
  return call('geo_union_polygons_array', dyn(`[${shapes.join(',')}]`)) as DynamicValue;
}

function intersection(a: string, b: string): DynamicValue {
  return call('geo_intersection_2polygons', dyn(a), dyn(b)) as DynamicValue;
}

/** The polygonal part of a shape (a GeometryCollection's Polygon or MultiPolygon), or null. */
function polygonalPart(shape: DynamicValue): DynamicValue {
  if (!isBag(shape)) return null;
  if (shape['type'] === 'Polygon' || shape['type'] === 'MultiPolygon') return shape;
  if (shape['type'] !== 'GeometryCollection') return null;
  const parts = shape['geometries'] as DynamicValue[];
  return parts.find((g) => isBag(g) && (g['type'] === 'Polygon' || g['type'] === 'MultiPolygon')) ?? null;
}

/**
 * The area in steradians of a ring, by a fan of triangles each measured as
 * tan(E/2) = a·(b×c) / (1 + a·b + b·c + c·a), which stays exact for the flat triangles that
 * collinear vertices make (geo_polygon_area's fan loses digits there, so it is not the judge).
 */
function ringArea(ring: readonly (readonly number[])[]): number {
  const vs = ring.slice(0, -1).map((c) => fromLngLat(c[0]!, c[1]!));
  let sum = 0;
  for (let i = 1; i + 1 < vs.length; i++) {
    const [a, b, c] = [vs[0]!, vs[i]!, vs[i + 1]!];
    sum += 2 * Math.atan2(dot(a, cross(b, c)), 1 + dot(a, b) + dot(b, c) + dot(c, a));
  }
  return Math.abs(sum);
}

function polygonArea(rings: readonly (readonly (readonly number[])[])[]): number {
  return rings.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * ringArea(ring), 0);
}

/** The area in steradians of a shape's polygons (0 for none). */
function areaOf(shape: DynamicValue | string): number {
  const polygons = polygonalPart(typeof shape === 'string' ? (dyn(shape).value as DynamicValue) : shape);
  if (!isBag(polygons)) return 0;
  const coordinates = polygons['coordinates'] as unknown as number[][][][];
  if (polygons['type'] === 'Polygon') return polygonArea(coordinates as unknown as number[][][]);
  return coordinates.reduce((sum, rings) => sum + polygonArea(rings), 0);
}

/** The number of rings of each polygon. */
function ringCounts(shape: DynamicValue): number[] {
  if (!isBag(shape)) return [];
  const coordinates = shape['coordinates'] as DynamicValue[][];
  return shape['type'] === 'Polygon' ? [coordinates.length] : coordinates.map((rings) => rings.length);
}

function assertAreaNear(got: number, expected: number): void {
  assert.ok(Math.abs(got - expected) <= 1e-12 * Math.abs(expected), `area ${got}, expected ${expected}`);
}

interface ShapeCase {
  readonly name: string;
  readonly result: () => DynamicValue;
  readonly type: string;
  readonly rings: readonly number[];
  readonly area: () => number;
}

const HOLED = polygon('[[0,0],[10,0],[10,10],[0,10],[0,0]]', '[[4,4],[4,6],[6,6],[6,4],[4,4]]');
const ringOfSquares = [
  rectangle(0, 0),
  rectangle(1, 0),
  rectangle(2, 0),
  rectangle(0, 1),
  rectangle(2, 1),
  rectangle(0, 2),
  rectangle(1, 2),
  rectangle(2, 2),
];
const LEFT = rectangle(0, 0, 2, 1);
const RIGHT = rectangle(1, 0, 2, 1);

const shapeCases: readonly ShapeCase[] = [
  {
    name: 'a square given clockwise, with itself counterclockwise',
    result: () => union(polygon('[[0,0],[0,1],[1,1],[1,0],[0,0]]'), rectangle(0, 0)),
    type: 'Polygon',
    rings: [1],
    area: () => areaOf(rectangle(0, 0)),
  },
  {
    name: 'squares sharing an edge',
    result: () => union(rectangle(0, 0), rectangle(1, 0)),
    type: 'Polygon',
    rings: [1],
    area: () => areaOf(rectangle(0, 0)) + areaOf(rectangle(1, 0)),
  },
  {
    name: 'eight squares round an empty ninth',
    result: () => union(...ringOfSquares),
    type: 'Polygon',
    rings: [2],
    area: () => ringOfSquares.reduce((sum, s) => sum + areaOf(s), 0),
  },
  {
    name: 'the ninth square fills the hole',
    result: () => union(...ringOfSquares, rectangle(1, 1)),
    type: 'Polygon',
    rings: [1],
    area: () => ringOfSquares.reduce((sum, s) => sum + areaOf(s), areaOf(rectangle(1, 1))),
  },
  {
    name: 'overlapping polygons of one MultiPolygon',
    result: () =>
      union(
        '{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,1],[0,1],[0,0]]],[[[1,0],[3,0],[3,1],[1,1],[1,0]]]]}',
      ),
    type: 'Polygon',
    rings: [1],
    area: () => areaOf(LEFT) + areaOf(RIGHT) - areaOf(intersection(LEFT, RIGHT)),
  },
  {
    name: 'a square filling a hole exactly',
    result: () => union(HOLED, rectangle(4, 4, 2, 2)),
    type: 'Polygon',
    rings: [1],
    area: () => areaOf(rectangle(0, 0, 10, 10)),
  },
  {
    name: 'a square over part of a hole',
    result: () => union(HOLED, rectangle(5, 5, 2, 2)),
    type: 'Polygon',
    rings: [2],
    area: () =>
      areaOf(HOLED) + areaOf(rectangle(5, 5, 2, 2)) - areaOf(intersection(HOLED, rectangle(5, 5, 2, 2))),
  },
  {
    name: 'a square across a hole cuts the shell in two',
    result: () => intersection(HOLED, rectangle(3, 4.5, 4, 1)),
    type: 'MultiPolygon',
    rings: [1, 1],
    // Edges are geodesics, so the pieces are not whole-degree rectangles: the cut-out part is
    // measured as the strip's intersection with the hole's square.
    area: () =>
      areaOf(rectangle(3, 4.5, 4, 1)) - areaOf(intersection(rectangle(3, 4.5, 4, 1), rectangle(4, 4, 2, 2))),
  },
  {
    name: 'overlapping rectangles',
    result: () => intersection(LEFT, RIGHT),
    type: 'Polygon',
    rings: [1],
    area: () => areaOf(LEFT) + areaOf(RIGHT) - areaOf(union(LEFT, RIGHT)),
  },
];

describe('set operations: shapes and areas', () => {
  for (const c of shapeCases) {
    test(c.name, () => {
      const shape = c.result();
      assert.ok(isBag(shape), `got ${shape === null ? 'null' : stringifyDynamic(shape)}`);
      assert.equal(shape['type'], c.type);
      assert.deepEqual(ringCounts(shape), c.rings);
      assertAreaNear(areaOf(shape), c.area());
    });
  }
});

// ---- Random shapes: area(A ∪ B) + area(A ∩ B) = area(A) + area(B) ----

/** A small deterministic generator, so every failure can be replayed from its seed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A simple counterclockwise polygon, star-shaped round (x, y): vertices at increasing angles no
 * more than 2·360/n degrees apart, at random distances. With `lattice`, whole-degree rectangles
 * and right triangles instead, which share edges, vertices and collinear stretches.
 */
function randomShape(random: () => number, lattice: boolean): string {
  if (lattice) {
    const x = Math.floor(random() * 4);
    const y = Math.floor(random() * 4);
    const w = 1 + Math.floor(random() * 3);
    const h = 1 + Math.floor(random() * 3);
    return random() < 0.5
      ? rectangle(x, y, w, h)
      : polygon(`[[${x},${y}],[${x + w},${y}],[${x},${y + h}],[${x},${y}]]`);
  }
  const n = 3 + Math.floor(random() * 8);
  const x = random();
  const y = random();
  const ring: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = ((i + 0.8 * random()) / n) * 2 * Math.PI;
    const r = 2 * (0.3 + 0.7 * random());
    ring.push(`[${x + r * Math.cos(a)},${y + r * Math.sin(a)}]`);
  }
  ring.push(ring[0]!);
  return polygon(`[${ring.join(',')}]`);
}

const seeds: readonly (readonly [seed: number, lattice: boolean])[] = [
  [1, false],
  [2, false],
  [3, false],
  [4, true],
  [5, true],
  [6, true],
];

describe('set operations: area identity over random shapes', () => {
  for (const [seed, lattice] of seeds) {
    test(`seed ${seed}${lattice ? ' (lattice)' : ''}: 100 pairs`, () => {
      const random = generator(seed);
      for (let i = 0; i < 100; i++) {
        const a = randomShape(random, lattice);
        const b = randomShape(random, lattice);
        const sum = areaOf(union(a, b)) + areaOf(intersection(a, b));
        assertAreaNear(sum, areaOf(a) + areaOf(b));
      }
    });
  }
});
