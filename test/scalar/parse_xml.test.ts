// parse_xml(): parse-xml-function.md's table, Windows event XML, and hostile input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_XML_DEPTH, parseXml } from '../../src/engine/scalar/xml.js';
import { call, json, str } from './support.js';

describe("parse_xml: the docs' conversion table", () => {
  const cases: [string, unknown][] = [
    ['<e/>', { e: null }],
    ['<e>text</e>', { e: 'text' }],
    ['<e name="value" />', { e: { '@name': 'value' } }],
    ['<e name="value">text</e>', { e: { '@name': 'value', '#text': 'text' } }],
    ['<e> <a>text</a> <b>text</b> </e>', { e: { a: 'text', b: 'text' } }],
    ['<e> <a>text</a> <a>text</a> </e>', { e: { a: ['text', 'text'] } }],
    ['<e> text <a>text</a> </e>', { e: { '#text': ' text ', a: 'text' } }],
  ];
  for (const [xml, expected] of cases)
    test(xml, () => assert.deepEqual(json(call('parse_xml', str(xml))), expected));

  test("the docs' example: numeric text stays a string", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<duration>\n    <value>118.0</value>\n    <count>5.0</count>\n</duration>';
    assert.deepEqual(json(parseXml(xml)), { duration: { value: '118.0', count: '5.0' } });
  });
});

describe('parse_xml: Windows event data', () => {
  const ns = 'http://schemas.microsoft.com/win/2004/08/events/event';
  const cases: [string, string, unknown][] = [
    [
      'several Data elements become an array, xmlns is kept',
      `<EventData xmlns="${ns}"><Data Name="SubjectUserSid">S-1-5-18</Data><Data Name="KeyType">%%2499</Data></EventData>`,
      {
        EventData: {
          '@xmlns': ns,
          Data: [
            { '@Name': 'SubjectUserSid', '#text': 'S-1-5-18' },
            { '@Name': 'KeyType', '#text': '%%2499' },
          ],
        },
      },
    ],
    [
      'a single Data element stays an object',
      `<EventData><Data Name="A">1</Data></EventData>`,
      { EventData: { Data: { '@Name': 'A', '#text': '1' } } },
    ],
    [
      'an empty Data with a name has no #text',
      `<EventData><Data Name="A"/></EventData>`,
      { EventData: { Data: { '@Name': 'A' } } },
    ],
    ['an empty <Data/> is null', `<EventData><Data/></EventData>`, { EventData: { Data: null } }],
    [
      '<Data></Data> is the empty string',
      `<EventData><Data></Data></EventData>`,
      { EventData: { Data: '' } },
    ],
    [
      'entities and character references',
      '<e a="&lt;&amp;&#65;&#x42;">&quot;x&apos;&gt;</e>',
      { e: { '@a': '<&AB', '#text': '"x\'>' } },
    ],
    [
      'comments, PIs and CDATA are skipped',
      '<?xml version="1.0"?><!-- c --><e><?pi x?><a>1</a><![CDATA[raw]]></e>',
      { e: { a: '1' } },
    ],
    [
      'prefixed names keep their prefix',
      '<p:e xmlns:p="urn:x" p:a="1"/>',
      { 'p:e': { '@xmlns:p': 'urn:x', '@p:a': '1' } },
    ],
    ['attribute whitespace is normalised', '<e a="x\ty\nz"/>', { e: { '@a': 'x y z' } }],
    [
      '__proto__ is an ordinary key',
      '<__proto__><constructor>1</constructor></__proto__>',
      JSON.parse('{"__proto__":{"constructor":"1"}}'),
    ],
    ['repeated text runs become an array', '<e>a<b/>c</e>', { e: { '#text': ['a', 'c'], b: null } }],
  ];
  for (const [name, xml, expected] of cases) {
    test(name, () => {
      const v = parseXml(xml);
      assert.deepEqual(json(v), json(expected as never));
    });
  }
  test('__proto__ does not touch Object.prototype', () => {
    const v = parseXml('<__proto__><polluted>yes</polluted></__proto__>') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), null);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.deepEqual(Object.keys(v), ['__proto__']);
  });
});

describe('parse_xml: invalid and hostile input gives null', () => {
  const invalid: [string, string][] = [
    ['empty', ''],
    ['plain text', 'not xml'],
    ['unclosed', '<a><b></a>'],
    ['two roots', '<a/><b/>'],
    ['text after root', '<a/>x'],
    ['undefined entity', '<a>&nbsp;</a>'],
    ['bad char reference', '<a>&#0;</a>'],
    ['unquoted attribute', '<a b=1/>'],
    ['duplicate attribute', '<a b="1" b="2"/>'],
    ['< in attribute', '<a b="<"/>'],
    ['DOCTYPE', '<!DOCTYPE a><a/>'],
    [
      'billion laughs',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>',
    ],
    ['external entity', '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'],
  ];
  for (const [name, xml] of invalid) test(name, () => assert.equal(call('parse_xml', str(xml)), null));

  test('100,000-deep nesting is null, fast', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const t = performance.now();
    assert.equal(parseXml(deep), null);
    assert.ok(performance.now() - t < 500);
  });
  test(`nesting up to ${MAX_XML_DEPTH} is accepted`, () => {
    const xml = '<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH);
    assert.notEqual(parseXml(xml), null);
  });
  test('input over 1 MB is null; at 1 MB it parses', () => {
    const body = (n: number) => '<a>' + 'x'.repeat(n - 7) + '</a>';
    assert.notEqual(parseXml(body(1_048_576)), null);
    assert.equal(parseXml(body(1_048_577)), null);
    // Counted in UTF-8 bytes: 400,000 three-byte characters are over 1 MB.
    assert.equal(parseXml('<a>' + '€'.repeat(400_000) + '</a>'), null);
  });
  test('a wide document parses in linear time', () => {
    const xml = '<r>' + '<Data Name="k">v</Data>'.repeat(40_000) + '</r>';
    const t = performance.now();
    const v = parseXml(xml) as { r: { Data: unknown[] } };
    assert.equal(v.r.Data.length, 40_000);
    assert.ok(performance.now() - t < 1000);
  });
});
