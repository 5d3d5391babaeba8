/**
 * Generates kqlhunt's table schemas (src/schema/*.generated.ts) from Sentinel's own schema files
 * in ../shared/sentinel/schemas:
 *
 * - SecurityEvent: every column of `SecurityEvent.columns.merged.tsv`, which merges the Azure
 *   Monitor reference (2024), the validation schema of Microsoft.Azure.Sentinel.KustoServices
 *   5.0.1 (with hidden columns) and the column order of a real 2019 export. A column is kept when
 *   one of the two schemas gives it a type. Columns are in the real export's order, then the
 *   others in the tsv's order. The type is the reference's (today's table), else the validation
 *   schema's; where the two disagree the generated file says so. Columns of the validation
 *   schema's JSON missing from the tsv are added after.
 * - WindowsEvent and Event: `<Table>.simple.json`, hidden flags from the validation schema, plus
 *   the standard columns every Log Analytics table has (`Type`, `_ResourceId`...), which the
 *   validation schema leaves out but rules use (`Event | ... | project Type`); the Azure Monitor
 *   reference lists them for SecurityEvent in the tsv, with their types.
 *
 * Run: `npx tsc -p tsconfig.json && node dist/scripts/schema/generate.js`. The output is
 * committed; re-running it over the same files gives the same output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isScalarType, type ScalarType } from '../../src/types/scalar.js';
import { projectRoot } from '../project-root.js';

const outDir = join(projectRoot, 'src', 'schema');

/** Type names of the validation schema (.NET names) and of the reference (KQL names). */
const TYPE_NAMES: Readonly<Record<string, ScalarType>> = {
  guid: 'guid',
  datetime: 'datetime',
  string: 'string',
  int: 'int',
  int32: 'int',
  long: 'long',
  int64: 'long',
  double: 'real',
  real: 'real',
  boolean: 'bool',
  bool: 'bool',
  dynamic: 'dynamic',
  timespan: 'timespan',
  decimal: 'decimal',
};

function typeOf(name: string, where: string): ScalarType | null {
  const key = name.trim().toLowerCase();
  if (key === '') return null;
  const t = TYPE_NAMES[key] ?? (isScalarType(key) ? key : undefined);
  if (t === undefined) throw new Error(`${where}: unknown type ${JSON.stringify(name)}`);
  return t;
}

interface GeneratedColumn {
  readonly name: string;
  readonly type: ScalarType;
  readonly hidden: boolean;
  readonly note: string | null;
}

interface ValidationProperty {
  readonly Name: string;
  readonly Type: string;
  readonly Context?: { readonly IsHidden?: string };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function validationSchema(schemasDir: string, table: string): ValidationProperty[] {
  const path = join(schemasDir, 'kustoservices-5.0.1', `${table}.json`);
  return readJson<{ Properties: ValidationProperty[] }>(path).Properties;
}

function securityEventColumns(schemasDir: string): GeneratedColumn[] {
  const tsvPath = join(schemasDir, 'SecurityEvent.columns.merged.tsv');
  const lines = readFileSync(tsvPath, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  const col = (name: string): number => {
    const i = header.findIndex((h) => h.startsWith(name));
    if (i < 0) throw new Error(`${tsvPath}: no column ${name}`);
    return i;
  };
  const [iName, iDocs, iKs, iHidden, iPos] = [
    col('column'),
    col('docs_type'),
    col('kustoservices'),
    col('ks_hidden'),
    col('position_in_real'),
  ];
  const rows = lines.slice(1).map((line, index) => {
    const f = line.split('\t');
    const where = `${tsvPath}:${index + 2}`;
    const docs = typeOf(f[iDocs] ?? '', where);
    const ks = typeOf(f[iKs] ?? '', where);
    const pos = (f[iPos] ?? '').trim();
    return {
      name: (f[iName] ?? '').trim(),
      docs,
      ks,
      hidden: (f[iHidden] ?? '').trim().toLowerCase() === 'yes',
      position: pos === '' ? null : Number(pos),
      index,
    };
  });
  const kept = rows.filter((r) => r.name !== '' && (r.docs !== null || r.ks !== null));
  kept.sort((a, b) => {
    if (a.position !== null && b.position !== null) return a.position - b.position;
    if (a.position !== null) return -1;
    if (b.position !== null) return 1;
    return a.index - b.index;
  });
  const columns: GeneratedColumn[] = kept.map((r) => ({
    name: r.name,
    type: (r.docs ?? r.ks)!,
    hidden: r.hidden,
    note:
      r.docs !== null && r.ks !== null && r.docs !== r.ks
        ? `the validation schema (KustoServices 5.0.1) says ${r.ks}`
        : r.docs === null
          ? 'validation schema only'
          : r.ks === null
            ? 'Azure Monitor reference only'
            : null,
  }));
  const known = new Set(columns.map((c) => c.name));
  for (const p of validationSchema(schemasDir, 'SecurityEvent')) {
    if (known.has(p.Name)) continue;
    columns.push({
      name: p.Name,
      type: typeOf(p.Type, 'SecurityEvent.json')!,
      hidden: p.Context?.IsHidden === 'True',
      note: 'validation schema only',
    });
  }
  return columns;
}

/**
 * Azure Monitor's standard columns ("Standard columns in Azure Monitor Logs"): present in every
 * Log Analytics table. TenantId, TimeGenerated and SourceSystem are in every schema file already.
 */
const STANDARD_COLUMNS: readonly { readonly name: string; readonly type: ScalarType }[] = [
  { name: 'Type', type: 'string' },
  { name: '_ResourceId', type: 'string' },
  { name: '_SubscriptionId', type: 'string' },
  { name: '_BilledSize', type: 'real' },
  { name: '_IsBillable', type: 'string' },
];

function withStandardColumns(columns: GeneratedColumn[]): GeneratedColumn[] {
  const names = new Set(columns.map((c) => c.name));
  const added = STANDARD_COLUMNS.filter((c) => !names.has(c.name)).map((c) => ({
    ...c,
    hidden: false,
    note: 'Azure Monitor standard column',
  }));
  return [...columns, ...added];
}

function simpleTableColumns(schemasDir: string, table: string): GeneratedColumn[] {
  const path = join(schemasDir, `${table}.simple.json`);
  const simple = readJson<{ Properties: { Name: string; Type: string }[] }>(path).Properties;
  const hidden = new Set(
    validationSchema(schemasDir, table)
      .filter((p) => p.Context?.IsHidden === 'True')
      .map((p) => p.Name),
  );
  return simple.map((p) => ({
    name: p.Name,
    type: typeOf(p.Type, path)!,
    hidden: hidden.has(p.Name),
    note: null,
  }));
}

function render(
  table: string,
  exportName: string,
  source: string,
  columns: readonly GeneratedColumn[],
): string {
  const lines = [
    `// Generated by scripts/schema/generate.ts from ${source}; do not edit.`,
    `// ${columns.length} columns, ${columns.filter((c) => c.hidden).length} of them hidden in Sentinel.`,
    "import type { TableSchema } from '../types/scalar.js';",
    '',
    `export const ${exportName}: TableSchema = {`,
    `  name: '${table}',`,
    '  columns: [',
  ];
  for (const c of columns) {
    const note = [c.hidden ? 'hidden' : null, c.note].filter((x) => x !== null).join('; ');
    lines.push(`    { name: '${c.name}', type: '${c.type}' },${note === '' ? '' : ` // ${note}`}`);
  }
  lines.push('  ],', '};', '');
  const hidden = columns.filter((c) => c.hidden).map((c) => `'${c.name}'`);
  lines.push(`/** Columns Sentinel hides from the schema pane (they still exist and can be queried). */`);
  const oneLine = `export const ${exportName}HiddenColumns: readonly string[] = [${hidden.join(', ')}];`;
  if (oneLine.length <= 110) lines.push(oneLine);
  else
    lines.push(
      `export const ${exportName}HiddenColumns: readonly string[] = [`,
      ...hidden.map((h) => `  ${h},`),
      '];',
    );
  lines.push('');
  return lines.join('\n');
}

/** The generated files' names and texts, from `<sharedDir>/sentinel/schemas`. */
export function generateSchemaFiles(sharedDir: string): [string, string][] {
  const schemasDir = join(sharedDir, 'sentinel', 'schemas');
  return [
    [
      'securityEvent.generated.ts',
      render(
        'SecurityEvent',
        'securityEvent',
        'SecurityEvent.columns.merged.tsv and kustoservices-5.0.1/SecurityEvent.json',
        securityEventColumns(schemasDir),
      ),
    ],
    [
      'windowsEvent.generated.ts',
      render(
        'WindowsEvent',
        'windowsEvent',
        'WindowsEvent.simple.json and Azure Monitor standard columns',
        withStandardColumns(simpleTableColumns(schemasDir, 'WindowsEvent')),
      ),
    ],
    [
      'event.generated.ts',
      render(
        'Event',
        'event',
        'Event.simple.json and Azure Monitor standard columns',
        withStandardColumns(simpleTableColumns(schemasDir, 'Event')),
      ),
    ],
  ];
}

function main(): void {
  const sharedDir = resolve(process.env.KQLHUNT_SHARED ?? join(projectRoot, '..', 'shared'));
  for (const [file, text] of generateSchemaFiles(sharedDir)) {
    writeFileSync(join(outDir, file), text);
    console.log(`wrote src/schema/${file}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
