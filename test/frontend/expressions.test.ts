// Plan shapes of scalar expressions, tabular sources and statements: query → expected fragment.
import { describe, test } from 'node:test';
import { assertMatches, planOf, scalarOf } from './support.js';

const scalars: readonly { name: string; expr: string; expected: unknown }[] = [
  { name: 'long literal', expr: '4624', expected: { kind: 'literal', type: 'long', value: 4624n } },
  { name: 'hex long literal', expr: '0x1F', expected: { kind: 'literal', type: 'long', value: 31n } },
  { name: 'int literal', expr: 'int(7)', expected: { kind: 'literal', type: 'int', value: 7 } },
  { name: 'real literal', expr: '1.5e3', expected: { kind: 'literal', type: 'real', value: 1500 } },
  { name: 'bool literal', expr: 'true', expected: { kind: 'literal', type: 'bool', value: true } },
  { name: 'typed null', expr: 'int(null)', expected: { kind: 'literal', type: 'int', value: null } },
  {
    name: 'datetime keeps its text',
    expr: 'datetime(2021-01-01)',
    expected: { kind: 'literal', type: 'datetime', value: '2021-01-01' },
  },
  {
    name: 'timespan keeps its text',
    expr: '1d',
    expected: { kind: 'literal', type: 'timespan', value: '1d' },
  },
  {
    name: 'time(...) keeps the inner text',
    expr: 'time(1.00:00:00)',
    expected: { kind: 'literal', type: 'timespan', value: '1.00:00:00' },
  },
  {
    name: 'guid keeps its text',
    expr: 'guid(74be27de-1e4e-49d9-b579-fe0b331d3642)',
    expected: { kind: 'literal', type: 'guid', value: '74be27de-1e4e-49d9-b579-fe0b331d3642' },
  },
  {
    name: 'dynamic keeps its JSON',
    expr: 'dynamic(["a", 1])',
    expected: { kind: 'literal', type: 'dynamic', value: '["a", 1]' },
  },
  {
    name: 'dynamic(null)',
    expr: 'dynamic(null)',
    expected: { kind: 'literal', type: 'dynamic', value: null },
  },
  {
    name: 'escaped string',
    expr: '"a\\tb\\\\c\\"d"',
    expected: { kind: 'literal', type: 'string', value: 'a\tb\\c"d' },
  },
  { name: 'verbatim string', expr: "@'C:\\Windows'", expected: { kind: 'literal', value: 'C:\\Windows' } },
  { name: 'obfuscated string', expr: "h'secret'", expected: { kind: 'literal', value: 'secret' } },
  { name: 'multi-line string', expr: '```a\nb```', expected: { kind: 'literal', value: 'a\nb' } },
  {
    name: 'adjacent literals are one string',
    expr: '"a" \'b\' @"c\\d"',
    expected: { kind: 'literal', value: 'abc\\d' },
  },
  {
    name: 'unary minus',
    expr: '-5',
    expected: { kind: 'unary', op: '-', operand: { kind: 'literal', value: 5n } },
  },
  {
    name: 'arithmetic precedence',
    expr: '1 + 2 * 3',
    expected: { kind: 'binary', op: '+', type: 'long', right: { kind: 'binary', op: '*' } },
  },
  {
    name: 'string predicates by their token',
    expr: '"abc" !has_cs "b"',
    expected: { kind: 'binary', op: '!has_cs', type: 'bool' },
  },
  {
    name: 'matches regex',
    expr: '"abc" matches regex "b+"',
    expected: { kind: 'binary', op: 'matches regex' },
  },
  { name: '=~', expr: '"a" =~ "A"', expected: { kind: 'binary', op: '=~' } },
  {
    name: 'in~ with items',
    expr: '"a" in~ ("A", "b")',
    expected: {
      kind: 'list',
      op: 'in~',
      items: [
        { kind: 'literal', value: 'A' },
        { kind: 'literal', value: 'b' },
      ],
    },
  },
  { name: '!in', expr: '1 !in (2, 3)', expected: { kind: 'list', op: '!in' } },
  {
    name: 'has_any with a dynamic array',
    expr: '"abc" has_any (dynamic(["b"]))',
    expected: { kind: 'list', op: 'has_any', items: [{ kind: 'literal', type: 'dynamic' }] },
  },
  {
    name: 'has_all',
    expr: '"abc" has_all ("a", "b")',
    expected: { kind: 'list', op: 'has_all', items: [{}, {}] },
  },
  {
    name: 'between',
    expr: '5 between (1 .. 10)',
    expected: { kind: 'between', negated: false, low: { value: 1n }, high: { value: 10n } },
  },
  { name: '!between', expr: '5 !between (1 .. 10)', expected: { kind: 'between', negated: true } },
  {
    name: 'member and index access on dynamic',
    expr: 'parse_json("{}").a.b["c"][0]',
    expected: {
      kind: 'index',
      index: { value: 0n },
      target: {
        kind: 'index',
        index: { value: 'c' },
        target: { kind: 'member', name: 'b', target: { kind: 'member', name: 'a' } },
      },
    },
  },
  {
    name: "a['b c'] member by a bracketed name",
    expr: 'parse_json("{}").["a b"]',
    expected: { kind: 'member', name: 'a b' },
  },
  {
    name: 'a.[expr] is an index',
    expr: 'toscalar(print k = "a" | project parse_json("{}").[k])',
    expected: {
      kind: 'call',
      name: 'toscalar',
      args: [{ operators: [{ columns: [{ expr: { kind: 'index', index: { kind: 'name', name: 'k' } } }] }] }],
    },
  },
  {
    name: 'built-in call',
    expr: 'strcat("a", "b")',
    expected: {
      kind: 'call',
      name: 'strcat',
      target: 'builtin',
      type: 'string',
      args: [{ value: 'a' }, { value: 'b' }],
    },
  },
  {
    name: 'toscalar nests a table',
    expr: 'toscalar(SecurityEvent | count)',
    expected: {
      kind: 'call',
      name: 'toscalar',
      args: [{ kind: 'pipeline', operators: [{ kind: 'count' }] }],
    },
  },
  {
    name: 'in with a tabular operand',
    expr: '"x" in (SecurityEvent | project Account)',
    expected: {
      kind: 'list',
      op: 'in',
      items: [{ kind: 'pipeline', source: { kind: 'table', name: 'SecurityEvent' } }],
    },
  },
];

describe('scalar expressions', () => {
  for (const c of scalars) test(c.name, () => assertMatches(scalarOf(c.expr), c.expected));
});

const queries: readonly { name: string; query: string; expected: unknown }[] = [
  {
    name: 'table reference with the built-in schema',
    query: 'SecurityEvent',
    expected: {
      result: { kind: 'table', name: 'SecurityEvent', resolvedAs: 'table', schema: { kind: 'known' } },
    },
  },
  {
    name: 'scalar, tabular and function lets',
    query:
      'let n = 5; let T = SecurityEvent | take n; let f = (x:long, y:string = "a") { x + 1 }; T | extend z = f(n)',
    expected: {
      statements: [
        { kind: 'let', name: 'n', value: { kind: 'scalar', expr: { kind: 'literal', value: 5n } } },
        { kind: 'let', name: 'T', value: { kind: 'tabular', expr: { kind: 'pipeline' } } },
        {
          kind: 'let',
          name: 'f',
          value: {
            kind: 'function',
            fn: {
              tabular: false,
              params: [
                { name: 'x', type: { kind: 'scalar', type: 'long' }, defaultValue: null },
                {
                  name: 'y',
                  type: { kind: 'scalar', type: 'string' },
                  defaultValue: { kind: 'literal', value: 'a' },
                },
              ],
              result: { kind: 'binary', op: '+', left: { kind: 'name', name: 'x', resolvedAs: 'parameter' } },
            },
          },
        },
      ],
      result: {
        kind: 'pipeline',
        source: { kind: 'table', name: 'T', resolvedAs: 'variable' },
        operators: [
          { kind: 'extend', columns: [{ name: 'z', expr: { kind: 'call', name: 'f', target: 'user' } }] },
        ],
      },
    },
  },
  {
    name: 'a function with lets in its body and a tabular parameter',
    query: 'let f = (T:(Account:string)) { let k = 1; T | take k }; f(SecurityEvent)',
    expected: {
      statements: [
        {
          value: {
            kind: 'function',
            fn: {
              tabular: true,
              params: [
                { name: 'T', type: { kind: 'tabular', columns: [{ name: 'Account', type: 'string' }] } },
              ],
              statements: [{ kind: 'let', name: 'k' }],
            },
          },
        },
      ],
      result: {
        kind: 'tabularCall',
        name: 'f',
        target: 'user',
        args: [{ kind: 'table', name: 'SecurityEvent' }],
      },
    },
  },
  {
    name: 'a function called without parentheses',
    query: 'let Events = () { SecurityEvent | take 1 }; Events | count',
    expected: {
      result: { kind: 'pipeline', source: { kind: 'tabularCall', name: 'Events', args: [], target: 'user' } },
    },
  },
  {
    name: 'materialize',
    query: 'let M = materialize(SecurityEvent | take 1); M',
    expected: {
      statements: [
        { value: { kind: 'tabular', expr: { kind: 'tabularCall', name: 'materialize', target: 'builtin' } } },
      ],
    },
  },
  {
    name: 'set statement',
    query: 'set query_now = datetime(2020-01-01); print 1',
    expected: { statements: [{ kind: 'set', name: 'query_now', value: 'datetime(2020-01-01)' }] },
  },
  {
    name: 'datatable',
    query: 'datatable(a:int, b:string)[1, "x", 2, "y"]',
    expected: {
      result: {
        kind: 'datatable',
        columns: [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'string' },
        ],
        values: [{ value: 1n }, { value: 'x' }, { value: 2n }, { value: 'y' }],
      },
    },
  },
  {
    name: 'print with default names',
    query: 'print 1, b = 2',
    expected: { result: { kind: 'print', columns: [{ name: 'print_0' }, { name: 'b' }] } },
  },
  {
    name: 'range',
    query: 'range x from 1 to 5 step 2',
    expected: {
      result: { kind: 'range', column: 'x', from: { value: 1n }, to: { value: 5n }, step: { value: 2n } },
    },
  },
  {
    name: 'union as a source',
    query: 'union isfuzzy=true SecurityEvent, (Event | take 1)',
    expected: {
      result: {
        kind: 'union',
        options: { unionKind: 'outer', withSource: null, isFuzzy: true },
        inputs: [{ kind: 'table', name: 'SecurityEvent' }, { kind: 'pipeline' }],
      },
    },
  },
  {
    name: 'table("name")',
    query: 'table("SecurityEvent") | take 1',
    expected: { result: { source: { kind: 'table', name: 'SecurityEvent', resolvedAs: 'table' } } },
  },
  {
    name: 'externaldata is unsupported, named',
    query: 'externaldata(a:string)["https://example.com/x.csv"] with (format="csv")',
    expected: { result: { kind: 'tabularUnsupported', what: 'externaldata' } },
  },
  {
    name: 'declare query_parameters becomes lets of the defaults',
    query: 'declare query_parameters(n:long = 3); print n',
    expected: { statements: [{ kind: 'let', name: 'n', value: { kind: 'scalar', expr: { value: 3n } } }] },
  },
];

describe('sources and statements', () => {
  for (const c of queries) test(c.name, () => assertMatches(planOf(c.query), c.expected));
});
