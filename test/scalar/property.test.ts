// Seeded property tests: random and hostile XML, JSON and regex inputs never throw and finish fast.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bindBinary, compileRegex, parseXml, RegexSyntaxError } from '../../src/engine/scalar/index.js';
import { parseJson } from '../../src/engine/values/dynamic.js';
import { parseDatetime } from '../../src/engine/values/datetime.js';
import { parseTimespan } from '../../src/engine/values/timespan.js';
import { ctx, expectBound } from './support.js';
import { Prng } from '../../src/util/prng.js';

/** A seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  const rng = new Prng(seed);
  return () => rng.next();
}

const XML_PIECES = [
  '<a>',
  '</a>',
  '<b x="1">',
  '</b>',
  '<c/>',
  '&amp;',
  '&lt;',
  '&#65;',
  '&#xZZ;',
  '&bogus;',
  'text',
  ' ',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?pi?>',
  '<!DOCTYPE x [<!ENTITY e "ee">]>',
  '"',
  "'",
  '=',
  '<',
  '>',
  '/',
  '\u0000',
  '😀',
  '<__proto__>',
  '</__proto__>',
];
const REGEX_PIECES = [
  'a',
  '(',
  ')',
  '*',
  '+',
  '?',
  '|',
  '[',
  ']',
  '{2,3}',
  '\\',
  '.',
  '^',
  '$',
  '(?i)',
  '(?P<n>',
  '\\d',
  '\\w',
  '[^a]',
  '{',
  '}',
  '\\1',
  '(?=',
  'é',
];

function build(pieces: string[], rnd: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pieces[Math.floor(rnd() * pieces.length)];
  return out;
}

describe('property: hostile input', () => {
  test('random XML never throws; results are null or a bag', () => {
    const rnd = random(20240601);
    const t = performance.now();
    for (let i = 0; i < 3000; i++) {
      const xml = build(XML_PIECES, rnd, 1 + Math.floor(rnd() * 60));
      const v = parseXml(xml);
      assert.ok(v === null || (typeof v === 'object' && Object.getPrototypeOf(v) === null), xml);
    }
    assert.ok(performance.now() - t < 3000);
  });
  test('random well-formed XML always parses', () => {
    const rnd = random(7);
    for (let i = 0; i < 500; i++) {
      let xml = '';
      const depth = 1 + Math.floor(rnd() * 20);
      for (let d = 0; d < depth; d++) xml += rnd() < 0.5 ? `<e${d} a="${d}">t` : `<e${d}>`;
      for (let d = depth - 1; d >= 0; d--) xml += `</e${d}>`;
      assert.notEqual(parseXml(xml), null, xml);
    }
  });
  test('random regex patterns either compile or raise RegexSyntaxError; matching stays fast', () => {
    const rnd = random(42);
    const text = 'a'.repeat(20_000) + 'b';
    const t = performance.now();
    for (let i = 0; i < 300; i++) {
      const pattern = build(REGEX_PIECES, rnd, 1 + Math.floor(rnd() * 12));
      try {
        const re = compileRegex(pattern);
        re.test(text);
      } catch (e) {
        assert.ok(e instanceof RegexSyntaxError, `${pattern}: ${String(e)}`);
      }
    }
    assert.ok(performance.now() - t < 10_000, `took ${performance.now() - t} ms`);
  });
  test('random text through has, JSON, datetime and timespan parsers never throws', () => {
    const rnd = random(99);
    const chars = 'aZ09 .-\\/:"{}[],é😀\u0000';
    const has = expectBound(bindBinary('has', { type: 'string' }, { type: 'string' }));
    for (let i = 0; i < 3000; i++) {
      let s = '';
      const n = Math.floor(rnd() * 30);
      for (let j = 0; j < n; j++) s += chars[Math.floor(rnd() * chars.length)];
      const needle = s.slice(0, Math.floor(rnd() * 5));
      const r = has.evaluate([s, needle], ctx);
      assert.equal(typeof r, 'boolean');
      parseJson(s);
      parseDatetime(s);
      parseTimespan(s);
    }
  });
});
