import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectFromHead, walkInputs, type InputFormat } from '../../src/sources/detect.js';
import { sharedPath, skipWithoutShared } from '../support/shared.js';
import { tempFile } from './support.js';

// [content, file name, expected format]
const heads: [string | Buffer, string, InputFormat][] = [
  [Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(100)]), 'x.log', 'evtx'],
  [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'x.json', 'zip'],
  ['[{"a":1}]', 'x.txt', 'json-array'],
  ['\uFEFF  [\n{"a":1}]', 'x.json', 'json-array'],
  ['{"a":1}\n{"a":2}\n', 'x.json', 'json-lines'],
  ['{"a":1}\r\n{"a":2}', 'x.json', 'json-lines'],
  ['{"a":1}\n', 'x.jsonl', 'json-document'],
  ['{\n  "tables": []\n}', 'x.json', 'json-document'],
  ['{"tables":[{"name":"T","columns":[],"rows":[]}]}', 'x.json', 'json-document'],
  ['a,b\n1,2\n', 'x.txt', 'csv'],
  ['only one column\nvalue', 'x.csv', 'csv'],
  ['hello world', 'x.txt', 'unknown'],
  ['[MS-EVEN6]: EventLog Remoting Protocol Version 6.0', 'MS-EVEN6.md', 'unknown'],
  ['# Notes, in prose\nSome text, then more', 'notes.md', 'unknown'],
  ['A sentence, with a comma.\nAnother line without one', 'x.txt', 'unknown'],
  [Buffer.from([0, 1, 2, 3, 0, 0]), 'x.bin', 'unknown'],
];

heads.forEach(([content, name, format], i) => {
  test(`detect ${i}: ${name} -> ${format}`, () => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    assert.equal(detectFromHead(bytes, name, true), format);
  });
});

test('detect: UTF-16LE with a BOM', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\r\n1,2\r\n', 'utf16le')]);
  assert.equal(detectFromHead(bytes, 'export.txt', true), 'csv');
});

test('detect: folders are walked recursively in name order', async () => {
  const root = tempFile('walk', '').replace(/walk$/, 'walk-dir');
  mkdirSync(join(root, 'b', 'c'), { recursive: true });
  tempFile('walk-dir/b/c/z.jsonl', '{"a":1}\n{"a":2}\n');
  tempFile('walk-dir/a.csv', 'x,y\n');
  tempFile('walk-dir/b/readme.txt', 'hello');
  const found = [];
  for await (const f of walkInputs([root], () => assert.fail('no error expected'))) found.push(f);
  assert.deepEqual(
    found.map((f) => [f.path.slice(root.length + 1), f.format]),
    [
      ['a.csv', 'csv'],
      ['b/c/z.jsonl', 'json-lines'],
      ['b/readme.txt', 'unknown'],
    ],
  );
});

test('detect: a missing path is reported, not thrown', async () => {
  const errors: string[] = [];
  for await (const _ of walkInputs(['/nonexistent/kqlhunt'], (p) => errors.push(p))) assert.fail();
  assert.deepEqual(errors, ['/nonexistent/kqlhunt']);
});

test('detect: the shared data, by content', { skip: skipWithoutShared }, async () => {
  const found = new Map<string, InputFormat>();
  const paths = [sharedPath('otrf'), sharedPath('sentinel', 'sample-data'), sharedPath('evtx')];
  for await (const f of walkInputs(paths, () => {})) found.set(f.path, f.format);
  const formatOf = (...p: string[]) => found.get(sharedPath(...p));
  assert.equal(formatOf('otrf', 'rdp_interactive_taskmanager_lsass_dump.zip'), 'zip');
  assert.equal(
    formatOf('sentinel', 'sample-data', 'msticpy', 'SecurityEvent.all_events_25rows_226cols.json'),
    'json-array',
  );
  assert.equal(
    formatOf('sentinel', 'sample-data', 'msticpy', 'SecurityEvent.all_events_25rows_226cols.jsonl'),
    'json-lines',
  );
  assert.equal(formatOf('sentinel', 'sample-data', 'msticpy', 'host_logons.SecurityEvent4624.csv'), 'csv');
  const evtx = [...found].filter(([p]) => p.endsWith('.evtx'));
  assert.ok(evtx.length > 0);
  for (const [path, format] of evtx) assert.equal(format, 'evtx', path);
});
