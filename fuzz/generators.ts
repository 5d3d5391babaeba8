/** Hostile text generators: XML, regex patterns, KQL, YAML, JSON and CSV that attackers write. */
import type { Prng } from '../src/util/prng.js';

const NAMES = [
  'a',
  'Data',
  'EventData',
  'x:y',
  '__proto__',
  'constructor',
  'e',
  'Ev-1',
  '_',
  'hasOwnProperty',
];

export function hostileXml(rng: Prng): string {
  switch (rng.int(0, 8)) {
    case 0: {
      // Billion laughs: nested entity definitions.
      let dtd = '<!ENTITY lol "lol">';
      let prev = 'lol';
      for (let i = 1; i <= 10; i++) {
        dtd += `<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`;
        prev = `lol${i}`;
      }
      return `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><lolz>&${prev};</lolz>`;
    }
    case 1:
      return `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>`;
    case 2: {
      const depth = rng.pick([1000, 10000, 100000]);
      return '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);
    }
    case 3:
      return `<Data Name="k">${'A'.repeat(rng.pick([1_048_577, 2_000_000]))}</Data>`;
    case 4: {
      // Invalid UTF-16: lone surrogates in text and names.
      return `<Data Name="\ud800">\udc00x\ud83d</Data>`;
    }
    case 5:
      return randomTree(rng, 0);
    case 6: {
      // Random slicing of a plausible EventData document.
      const doc = `<EventData xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><Data Name="A">1</Data><Data Name="B"/><Data>&amp;&#x41;&#65;</Data></EventData>`;
      const cut = rng.int(0, doc.length);
      return doc.slice(0, cut) + randomChars(rng, rng.int(0, 20)) + doc.slice(cut);
    }
    case 7:
      return `<a ${Array.from({ length: rng.int(1, 5000) }, (_, i) => `x${i}="${i}"`).join(' ')}/>`;
    default:
      return randomChars(rng, rng.int(0, 200));
  }
}

function randomTree(rng: Prng, depth: number): string {
  if (depth > 6 || rng.chance(0.3)) return rng.chance(0.5) ? randomChars(rng, rng.int(0, 10)) : '';
  const name = rng.pick(NAMES);
  const attrs = rng.chance(0.5) ? ` ${rng.pick(NAMES)}="${randomChars(rng, 3)}"` : '';
  if (rng.chance(0.2)) return `<${name}${attrs}/>`;
  let body = '';
  for (let i = rng.int(0, 4); i > 0; i--) body += randomTree(rng, depth + 1);
  return `<${name}${attrs}>${body}</${rng.chance(0.9) ? name : rng.pick(NAMES)}>`;
}

const ALPHABET = '<>/="\'&;#x!?[]-:aAzZ09 \n\t\\%{}()|*+.^$';

export function randomChars(rng: Prng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++)
    s += rng.chance(0.9)
      ? ALPHABET[rng.int(0, ALPHABET.length - 1)]
      : String.fromCharCode(rng.int(0, 0xffff));
  return s;
}

/** Patterns that make backtracking engines take exponential time, and random pattern text. */
export function hostileRegex(rng: Prng): { pattern: string; subject: string } {
  const long = (c: string) => c.repeat(rng.pick([1000, 30000, 100000]));
  switch (rng.int(0, 6)) {
    case 0:
      return { pattern: '(a+)+$', subject: long('a') + 'b' };
    case 1:
      return { pattern: '(a|aa)+$', subject: long('a') + 'b' };
    case 2:
      return { pattern: '(.*a){20}', subject: long('a') };
    case 3:
      return { pattern: '^(([a-z])+.)+[A-Z]([a-z])+$', subject: long('a') + '!' };
    case 4:
      return { pattern: '(x+x+)+y', subject: long('x') };
    case 5:
      return { pattern: randomChars(rng, rng.int(1, 30)), subject: randomChars(rng, rng.int(0, 1000)) };
    default:
      return { pattern: `(${randomChars(rng, 3)}|\\w+)*\\d{2,}`, subject: long('ab1') };
  }
}

/** YAML that is hostile to loaders: alias bombs, deep nesting, huge scalars, odd types. */
export function hostileYaml(rng: Prng): string {
  switch (rng.int(0, 4)) {
    case 0: {
      let s = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
      for (let i = 0; i < 9; i++)
        s += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]\n`;
      return s + 'query: *j\n';
    }
    case 1:
      return 'query: ' + '['.repeat(rng.pick([100, 10000])) + ']'.repeat(rng.pick([0, 100]));
    case 2:
      return `id: x\nname: y\nquery: |\n  ${'SecurityEvent | take 1 '.repeat(rng.int(1, 50000))}\n`;
    case 3:
      return `query: !!js/function "function(){}"\nname: !!binary aGk=\ntactics: {a: b}\n`;
    default:
      return randomChars(rng, rng.int(0, 300));
  }
}

/** JSON export text: deep nesting, huge strings, broken tails. */
export function hostileJson(rng: Prng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return '['.repeat(rng.pick([100, 100000])) + ']'.repeat(rng.int(0, 10));
    case 1:
      return `[{"TimeGenerated":"2025-01-01T00:00:00Z","EventID":4624,"Computer":"${'x'.repeat(rng.pick([10, 2_000_000]))}"}]`;
    case 2:
      return `{"a":1}\n{"a":"2"}\n{"a":[1,{"b":${'{"c":'.repeat(200)}1${'}'.repeat(200)}}]}\n{"a":`;
    case 3:
      return `{"tables":[{"name":"SecurityEvent","columns":[{"name":"EventID","type":"int"}],"rows":[[1],["x"],[null],[1,2,3]]}]}`;
    default:
      return '[' + randomChars(rng, rng.int(0, 200));
  }
}

export function hostileCsv(rng: Prng): string {
  switch (rng.int(0, 3)) {
    case 0:
      return 'a,b,c\n1,"unterminated,3\n4,5,6\n';
    case 1:
      return 'a,b\n' + '"x""y",' + '"'.repeat(rng.int(1, 1000)) + '\n1,2\n';
    case 2:
      return (
        'EventID,TimeGenerated\n' +
        Array.from({ length: rng.int(1, 200) }, () => `${rng.int(-5, 70000)},${randomChars(rng, 5)}`).join(
          '\n',
        )
      );
    default:
      return randomChars(rng, rng.int(0, 300));
  }
}

/** KQL from real queries with tokens dropped, duplicated or garbled. */
export function mutateKql(rng: Prng, query: string): string {
  const tokens = query.split(/(\s+|[|()[\]{},;=<>!~.])/).filter((t) => t !== '');
  const edits = rng.int(1, 6);
  for (let i = 0; i < edits && tokens.length > 0; i++) {
    const at = rng.int(0, tokens.length - 1);
    switch (rng.int(0, 4)) {
      case 0:
        tokens.splice(at, 1);
        break;
      case 1:
        tokens.splice(at, 0, tokens[rng.int(0, tokens.length - 1)]!);
        break;
      case 2:
        tokens[at] = randomChars(rng, rng.int(1, 4));
        break;
      case 3:
        tokens.splice(
          at,
          0,
          rng.pick(['|', '(', ')', '"', "'", '```', '//', 'let x = ', ';', 'dynamic(', '{{', '}}']),
        );
        break;
      default:
        tokens.splice(
          at,
          0,
          rng.pick([
            ' | mv-expand x',
            ' | evaluate bag_unpack(x)',
            ' | summarize count() by ',
            ' | join (',
            ' | where ',
          ]),
        );
    }
  }
  return tokens.join('');
}
