// `search` (search-operator.md): term matching by wildcard placement, column terms, boolean
// combinations, case sensitivity, `in (...)` table lists, and `$table` naming each row's table.
import { describe, it } from 'node:test';
import type { Table } from '../../src/engine/index.js';
import { checkValid, type ValidCase } from './support/run.js';
import { tableFromRecords } from './support/sample-tables.js';

const tables: ReadonlyMap<string, Table> = new Map([
  [
    'Events',
    tableFromRecords(
      {
        name: 'Events',
        columns: [
          { name: 'Computer', type: 'string' },
          { name: 'CommandLine', type: 'string' },
          { name: 'Id', type: 'long' },
        ],
      },
      [
        { Computer: 'WS01', CommandLine: 'mimikatz.exe sekurlsa::logonpasswords', Id: 1 },
        { Computer: 'WS02', CommandLine: 'procdump -ma lsass.exe out.dmp', Id: 2 },
        { Computer: 'Lab-PC', CommandLine: 'notepad.exe', Id: 3 },
        { Computer: 'SRV', CommandLine: 'rundll32 comsvcs.dll MiniDump lsassdump', Id: 4 },
      ],
    ),
  ],
  [
    'Logons',
    tableFromRecords(
      {
        name: 'Logons',
        columns: [
          { name: 'Computer', type: 'string' },
          { name: 'Account', type: 'string' },
          { name: 'Extra', type: 'dynamic' },
        ],
      },
      [
        { Computer: 'WS01', Account: 'CONTOSO\\alice', Extra: { tool: 'Mimikatz' } },
        { Computer: 'DC1', Account: 'CONTOSO\\svc_lsass', Extra: null },
      ],
    ),
  ],
]);

const EVENTS = ['$table:string', 'Computer:string', 'CommandLine:string', 'Id:long'];
const BOTH = [...EVENTS, 'Account:string', 'Extra:dynamic'];

const valid: ValidCase[] = [
  {
    name: 'a bare term is `has` over every column',
    query: 'search in (Events) "lsass" | project Id',
    columns: ['Id:long'],
    rows: [['2']],
  },
  {
    name: 'a trailing * is hasprefix',
    query: 'search in (Events) "lsass*" | project Id',
    columns: ['Id:long'],
    rows: [['2'], ['4']],
  },
  {
    name: 'a leading * is hassuffix',
    query: 'search in (Events) "*dump" | project Id',
    columns: ['Id:long'],
    rows: [['2'], ['4']],
  },
  {
    name: '* on both sides is contains',
    query: 'search in (Events) "*ikat*" | project Id',
    columns: ['Id:long'],
    rows: [['1']],
  },
  {
    name: 'a * inside is a regex between term boundaries',
    query: 'search in (Events) "Lab*PC" | project Id',
    columns: ['Id:long'],
    rows: [['3']],
  },
  {
    name: 'the whole row of every table is output, $table first, columns unioned',
    query: 'search "mimikatz"',
    columns: BOTH,
    rows: [
      ['Events', 'WS01', 'mimikatz.exe sekurlsa::logonpasswords', '1', '', null],
      ['Logons', 'WS01', '', null, 'CONTOSO\\alice', '{"tool":"Mimikatz"}'],
    ],
  },
  {
    name: 'kind=case_sensitive makes terms exact in case',
    query: 'search kind=case_sensitive "Mimikatz" | project $table',
    columns: ['$table:string'],
    rows: [['Logons']],
  },
  {
    name: 'Column:"term" searches one column',
    query: 'search Computer:"WS01" | project $table, Computer',
    columns: ['$table:string', 'Computer:string'],
    rows: [
      ['Events', 'WS01'],
      ['Logons', 'WS01'],
    ],
  },
  {
    name: 'Column=="x" is an exact comparison',
    query: 'search in (Events) CommandLine == "notepad.exe" | project Id',
    columns: ['Id:long'],
    rows: [['3']],
  },
  {
    name: 'and, or, not and parentheses combine terms and expressions',
    query: 'search in (Events) ("lsass*" or "mimikatz") and not(Id == 2) and Id > 0 | project Id',
    columns: ['Id:long'],
    rows: [['1'], ['4']],
  },
  {
    name: 'search * keeps every row',
    query: 'search in (Logons) * | count',
    columns: ['Count:long'],
    rows: [['2']],
  },
  {
    name: 'a piped table is searched, named in $table',
    query: 'Events | where Id > 1 | search "lsass*"',
    columns: EVENTS,
    rows: [
      ['Events', 'WS02', 'procdump -ma lsass.exe out.dmp', '2'],
      ['Events', 'SRV', 'rundll32 comsvcs.dll MiniDump lsassdump', '4'],
    ],
  },
  {
    name: 'in (...) takes wildcard table names',
    query: 'search in (Log*) "svc_lsass" | project $table, Computer',
    columns: ['$table:string', 'Computer:string'],
    rows: [['Logons', 'DC1']],
  },
];

describe('search operator', () => {
  for (const c of valid) it(c.name, () => checkValid(c, tables));
});
