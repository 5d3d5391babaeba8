// Plan shapes of the tabular operators the Sentinel rules use (and the rest of the plan's
// operators): one case per operator form, query → expected fragment of its last operator.
import { describe, test } from 'node:test';
import { assertMatches, lastOperator } from './support.js';

const SE = 'SecurityEvent';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly expected: unknown;
}

const cases: readonly Case[] = [
  {
    name: 'where',
    query: `${SE} | where EventID == 4624`,
    expected: {
      kind: 'where',
      predicate: {
        kind: 'binary',
        op: '==',
        left: { kind: 'name', name: 'EventID', resolvedAs: 'column', type: 'int' },
      },
    },
  },
  {
    name: 'extend with a written and a default name',
    query: `${SE} | extend Len = strlen(Account), strlen(Computer)`,
    expected: {
      kind: 'extend',
      columns: [
        { name: 'Len', expr: { kind: 'call', name: 'strlen', target: 'builtin', type: 'long' } },
        { name: 'strlen_Computer', expr: { kind: 'call', name: 'strlen' } },
      ],
    },
  },
  {
    name: 'project with a pass-through, a rename and an expression',
    query: `${SE} | project Account, Host = Computer, EventID + 1`,
    expected: {
      kind: 'project',
      columns: [
        { name: 'Account', expr: { kind: 'name', name: 'Account' } },
        { name: 'Host', expr: { kind: 'name', name: 'Computer' } },
        { name: 'Column1', expr: { kind: 'binary', op: '+' } },
      ],
      schema: {
        kind: 'known',
        columns: [
          { name: 'Account', type: 'string' },
          { name: 'Host', type: 'string' },
          { name: 'Column1', type: 'long' },
        ],
      },
    },
  },
  {
    name: 'project-away with a wildcard',
    query: `${SE} | project-away Sub*, EventData`,
    expected: { kind: 'project-away', patterns: ['Sub*', 'EventData'] },
  },
  {
    name: 'project-keep',
    query: `${SE} | project-keep Account, Target*`,
    expected: { kind: 'project-keep', patterns: ['Account', 'Target*'] },
  },
  {
    name: 'project-rename',
    query: `${SE} | project-rename Host = Computer, User = Account`,
    expected: {
      kind: 'project-rename',
      renames: [
        { newName: 'Host', oldName: 'Computer' },
        { newName: 'User', oldName: 'Account' },
      ],
    },
  },
  {
    name: 'project-reorder with and without order',
    query: `${SE} | project-reorder TimeGenerated, Account desc`,
    expected: {
      kind: 'project-reorder',
      patterns: [
        { pattern: 'TimeGenerated', order: null },
        { pattern: 'Account', order: 'desc' },
      ],
    },
  },
  {
    name: 'summarize: default aggregate names and a by expression named after its column',
    query: `${SE} | summarize count(), make_set(Computer), dcount(Account), max(TimeGenerated) by bin(TimeGenerated, 1h), EventID`,
    expected: {
      kind: 'summarize',
      aggregates: [
        { name: 'count_', expr: { kind: 'call', name: 'count', target: 'aggregate', args: [] } },
        { name: 'set_Computer', expr: { kind: 'call', name: 'make_set', target: 'aggregate' } },
        { name: 'dcount_Account', expr: { kind: 'call', name: 'dcount' } },
        { name: 'max_TimeGenerated', expr: { kind: 'call', name: 'max' } },
      ],
      by: [
        { name: 'TimeGenerated', expr: { kind: 'call', name: 'bin', target: 'builtin' } },
        { name: 'EventID', expr: { kind: 'name', name: 'EventID' } },
      ],
    },
  },
  {
    name: 'summarize: an expression over aggregates, deprecated makeset kept as written',
    query: `${SE} | summarize Ratio = 100.0 * countif(EventID == 4625) / count(), makeset(Account)`,
    expected: {
      kind: 'summarize',
      aggregates: [
        { name: 'Ratio', expr: { kind: 'binary', op: '/' } },
        { name: 'set_Account', expr: { kind: 'call', name: 'makeset', target: 'aggregate' } },
      ],
      by: [],
    },
  },
  {
    name: 'summarize: a second aggregate of the same default name gets a number',
    query: `${SE} | summarize max(EventID), max(EventID)`,
    expected: { kind: 'summarize', aggregates: [{ name: 'max_EventID' }, { name: 'max_EventID1' }] },
  },
  {
    name: 'summarize arg_max(*)',
    query: `${SE} | summarize arg_max(TimeGenerated, *) by Computer`,
    expected: {
      kind: 'summarize',
      aggregates: [{ expr: { kind: 'call', name: 'arg_max', args: [{ kind: 'name' }, { kind: 'star' }] } }],
    },
  },
  { name: 'count', query: `${SE} | count`, expected: { kind: 'count', name: 'Count' } },
  { name: 'count as', query: `${SE} | count as N`, expected: { kind: 'count', name: 'N' } },
  {
    name: 'distinct columns',
    query: `${SE} | distinct Computer, Account`,
    expected: { kind: 'distinct', columns: [{ name: 'Computer' }, { name: 'Account' }] },
  },
  { name: 'distinct *', query: `${SE} | distinct *`, expected: { kind: 'distinct', columns: null } },
  {
    name: 'sort: default desc, explicit asc, nulls',
    query: `${SE} | sort by TimeGenerated, Account asc, EventID desc nulls first`,
    expected: {
      kind: 'sort',
      by: [
        { order: 'desc', nulls: 'last', expr: { kind: 'name', name: 'TimeGenerated' } },
        { order: 'asc', nulls: 'first' },
        { order: 'desc', nulls: 'first' },
      ],
    },
  },
  {
    name: 'order by is sort',
    query: `${SE} | order by TimeGenerated asc`,
    expected: { kind: 'sort', by: [{ order: 'asc', nulls: 'first' }] },
  },
  {
    name: 'top',
    query: `${SE} | top 10 by TimeGenerated asc`,
    expected: { kind: 'top', count: { kind: 'literal', value: 10n }, by: [{ order: 'asc' }] },
  },
  {
    name: 'take',
    query: `${SE} | take 5`,
    expected: { kind: 'take', count: { kind: 'literal', type: 'long', value: 5n } },
  },
  { name: 'limit is take', query: `${SE} | limit 5`, expected: { kind: 'take' } },
  {
    name: 'join: default kind, same-name condition, right side renamed',
    query: `${SE} | join (${SE} | project Account, Computer) on Account`,
    expected: {
      kind: 'join',
      joinKind: 'innerunique',
      defaultKind: true,
      on: [{ kind: 'same', name: 'Account' }],
      right: { kind: 'pipeline', source: { kind: 'table', name: SE } },
    },
  },
  {
    name: 'join: kind, hint and $left/$right conditions',
    query: `${SE} | join kind=leftouter hint.strategy=broadcast (${SE}) on $left.Account == $right.TargetAccount, $left.WorkstationName == $right.Computer`,
    expected: {
      kind: 'join',
      joinKind: 'leftouter',
      defaultKind: false,
      hints: { 'hint.strategy': 'broadcast' },
      on: [
        { kind: 'equal', left: 'Account', right: 'TargetAccount' },
        { kind: 'equal', left: 'WorkstationName', right: 'Computer' },
      ],
    },
  },
  {
    name: 'join: anti kinds',
    query: `${SE} | join kind=leftanti (${SE}) on Account`,
    expected: { kind: 'join', joinKind: 'leftanti' },
  },
  {
    name: 'join: the binder names clashing right columns',
    query: `${SE} | project Account, Computer | join kind=inner (${SE} | project Account, Computer) on Account`,
    expected: {
      kind: 'join',
      joinKind: 'inner',
      schema: {
        kind: 'known',
        columns: [{ name: 'Account' }, { name: 'Computer' }, { name: 'Account1' }, { name: 'Computer1' }],
      },
    },
  },
  {
    name: 'lookup',
    query: `${SE} | lookup kind=inner (datatable(EventID:int, Name:string)[4624, 'logon']) on EventID`,
    expected: {
      kind: 'lookup',
      lookupKind: 'inner',
      on: [{ kind: 'same', name: 'EventID' }],
      right: {
        kind: 'datatable',
        columns: [
          { name: 'EventID', type: 'int' },
          { name: 'Name', type: 'string' },
        ],
      },
    },
  },
  {
    name: 'union as an operator',
    query: `${SE} | union withsource=SourceTable kind=inner isfuzzy=true Event, WindowsEvent`,
    expected: {
      kind: 'union',
      options: { unionKind: 'inner', withSource: 'SourceTable', isFuzzy: true },
      inputs: [
        { kind: 'table', name: 'Event', resolvedAs: 'table' },
        { kind: 'table', name: 'WindowsEvent', resolvedAs: 'table' },
      ],
    },
  },
  { name: 'as', query: `${SE} | as T`, expected: { kind: 'as', name: 'T' } },
  {
    name: 'serialize with a column',
    query: `${SE} | serialize Row = row_number()`,
    expected: { kind: 'serialize', columns: [{ name: 'Row', expr: { kind: 'call', name: 'row_number' } }] },
  },
  { name: 'getschema', query: `${SE} | getschema`, expected: { kind: 'getschema' } },
  {
    name: 'parse: simple, typed and untyped captures, wildcards',
    query: `${SE} | parse EventData with * 'Command&gt;' Command '&lt;' Rest:int *`,
    expected: {
      kind: 'parse',
      parseKind: 'simple',
      flags: '',
      source: { kind: 'name', name: 'EventData' },
      parts: [
        { kind: 'wildcard' },
        { kind: 'text', text: 'Command&gt;' },
        { kind: 'column', name: 'Command', type: 'string' },
        { kind: 'text', text: '&lt;' },
        { kind: 'column', name: 'Rest', type: 'int' },
        { kind: 'wildcard' },
      ],
    },
  },
  {
    name: 'parse kind=regex with flags',
    query: `${SE} | parse kind=regex flags=Ui CommandLine with @'(\\w+)\\s' Exe ' ' Args`,
    expected: {
      kind: 'parse',
      parseKind: 'regex',
      flags: 'Ui',
      parts: [
        { kind: 'text', text: '(\\w+)\\s' },
        { kind: 'column', name: 'Exe' },
        { kind: 'text', text: ' ' },
        { kind: 'column', name: 'Args' },
      ],
    },
  },
  {
    name: 'parse-kv',
    query: `${SE} | parse-kv EventData as (User:string, Count:long) with (pair_delimiter=';', kv_delimiter='=', greedy=true)`,
    expected: {
      kind: 'parse-kv',
      columns: [
        { name: 'User', type: 'string' },
        { name: 'Count', type: 'long' },
      ],
      options: { pair_delimiter: ';', kv_delimiter: '=', greedy: true },
    },
  },
  {
    name: 'mv-expand with bagexpansion, item index, to typeof and limit',
    query: `${SE} | extend D = parse_json(EventData) | mv-expand bagexpansion=array with_itemindex=I X = D to typeof(string), D limit 10`,
    expected: {
      kind: 'mv-expand',
      bagExpansion: 'array',
      itemIndex: 'I',
      items: [
        { name: 'X', toType: 'string', expr: { kind: 'name', name: 'D' } },
        { name: 'D', toType: null },
      ],
      limit: { kind: 'literal', value: 10n },
    },
  },
  {
    name: 'mv-expand defaults',
    query: `${SE} | extend D = parse_json(EventData) | mv-expand D`,
    expected: {
      kind: 'mv-expand',
      bagExpansion: 'bag',
      itemIndex: null,
      limit: null,
      items: [{ name: 'D' }],
    },
  },
  {
    name: 'mv-apply with a sub-query over the expanded rows',
    query: `${SE} | extend D = parse_json(EventData) | mv-apply E = D to typeof(string) on (where E has 'x' | summarize Hits = count())`,
    expected: {
      kind: 'mv-apply',
      items: [{ name: 'E', toType: 'string' }],
      subquery: {
        kind: 'pipeline',
        source: { kind: 'table', name: '' },
        operators: [{ kind: 'where' }, { kind: 'summarize', aggregates: [{ name: 'Hits' }] }],
      },
    },
  },
  {
    name: 'make-series',
    query: `${SE} | make-series Total = count() default = 0 on TimeGenerated from ago(7d) to now() step 1h by Computer`,
    expected: {
      kind: 'make-series',
      aggregates: [
        {
          name: 'Total',
          expr: { kind: 'call', name: 'count' },
          defaultValue: { kind: 'literal', value: 0n },
        },
      ],
      on: { kind: 'name', name: 'TimeGenerated' },
      from: { kind: 'call', name: 'ago' },
      to: { kind: 'call', name: 'now' },
      step: { kind: 'literal', type: 'timespan', value: '1h' },
      by: [{ name: 'Computer' }],
    },
  },
  {
    name: 'top-nested',
    query: `${SE} | top-nested 3 of Computer by Events = count(), top-nested 2 of Account by max(TimeGenerated) asc`,
    expected: {
      kind: 'top-nested',
      levels: [
        { count: { value: 3n }, name: 'Computer', by: { name: 'Events' }, order: 'desc', withOthers: null },
        { count: { value: 2n }, name: 'Account', by: { name: 'aggregated_Account' }, order: 'asc' },
      ],
    },
  },
  {
    name: 'render',
    query: `${SE} | summarize count() by bin(TimeGenerated, 1h) | render timechart with (title='Events')`,
    expected: { kind: 'render', chart: 'timechart', properties: { title: 'Events' } },
  },
  {
    name: 'evaluate bag_unpack: the schema is open',
    query: `${SE} | extend D = parse_json(EventData) | evaluate bag_unpack(D, columnsConflict='keep_source')`,
    expected: {
      kind: 'evaluate',
      plugin: 'bag_unpack',
      args: [{ kind: 'name', name: 'D' }],
      namedArgs: { columnsConflict: { kind: 'literal', value: 'keep_source' } },
      outputSchema: null,
      schema: { kind: 'open' },
    },
  },
  {
    name: 'evaluate pivot: the schema is open, the kept columns known',
    query: `${SE} | evaluate pivot(EventID, count(), Computer)`,
    expected: {
      kind: 'evaluate',
      plugin: 'pivot',
      args: [{ kind: 'name' }, { kind: 'call', name: 'count', target: 'aggregate' }, { kind: 'name' }],
      schema: { kind: 'open', columns: [{ name: 'Computer', type: 'string' }] },
    },
  },
  {
    name: 'evaluate with a declared output schema',
    query: `${SE} | extend D = parse_json(EventData) | evaluate bag_unpack(D) : (*, User:string)`,
    expected: { kind: 'evaluate', outputSchema: { columns: [{ name: 'User', type: 'string' }], rest: true } },
  },
  { name: 'sample', query: `${SE} | sample 3`, expected: { kind: 'sample', count: { value: 3n } } },
  {
    name: 'invoke a tabular function',
    query: `let f = (T:(Account:string)) { T | take 1 }; ${SE} | invoke f()`,
    expected: { kind: 'invoke', call: { kind: 'tabularCall', name: 'f', target: 'user', args: [] } },
  },
  {
    name: 'unsupported operators are named',
    query: `${SE} | reduce by Account`,
    expected: { kind: 'unsupported', what: 'reduce' },
  },
  {
    name: 'parse-where has the shape of parse',
    query: `${SE} | parse-where kind=regex flags=i EventData with * 'a' A:long`,
    expected: {
      kind: 'parse-where',
      parseKind: 'regex',
      flags: 'i',
      parts: [{ kind: 'wildcard' }, { kind: 'text', text: 'a' }, { kind: 'column', name: 'A', type: 'long' }],
    },
  },
  {
    name: 'scan: declarations, steps, output modes, match id',
    query: `${SE} | scan with_match_id=m declare (n:long = 0) with (step s1 output=last: true => n = s1.n + 1; step s2: EventID == 4625;)`,
    expected: {
      kind: 'scan',
      matchIdColumn: 'm',
      declarations: [{ name: 'n', type: 'long', defaultValue: { kind: 'literal', value: 0n } }],
      steps: [
        { name: 's1', output: 'last', assignments: [{ column: 'n' }] },
        { name: 's2', output: 'all', assignments: [] },
      ],
    },
  },
  {
    name: 'partition (subquery) has the implicit source',
    query: `${SE} | partition hint.strategy=native by Computer (take 1)`,
    expected: {
      kind: 'partition',
      column: 'Computer',
      hints: { 'hint.strategy': 'native' },
      subquery: { kind: 'pipeline', source: { kind: 'table', name: '' } },
    },
  },
  {
    name: 'project-by-names keeps its specifiers as expressions',
    query: `${SE} | project-by-names "Computer", dynamic(["EventID"])`,
    expected: {
      kind: 'project-by-names',
      specifiers: [
        { kind: 'literal', value: 'Computer' },
        { kind: 'literal', type: 'dynamic' },
      ],
    },
  },
];

describe('operators: plan shapes', () => {
  for (const c of cases) {
    test(c.name, () => assertMatches(lastOperator(c.query), c.expected));
  }
});
