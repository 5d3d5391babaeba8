/**
 * Loads Sentinel rules: hunting-query and analytic-rule YAML files, and bare `.kql` files.
 *
 * Each file succeeds or fails alone: unreadable, not YAML, refused (too many aliases, duplicate
 * keys), or without a `query` is a failure with a diagnostic at its position in that file.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { DiagnosticCode, makeDiagnostic, type Diagnostic } from '../frontend/diagnostics.js';
import { OffsetMap } from '../frontend/offsets.js';
import { SourceText } from '../frontend/source.js';
import { FieldError, RuleFields } from './fields.js';
import { scalarOffsetMap, type ScalarStyle } from './scalarOffsets.js';
import type { RuleLoadResult, SentinelRule } from './types.js';

/** YAML anchors may be used, but a document that expands into a bomb is refused. */
const MAX_ALIAS_COUNT = 100;
/** Rule files are a few kilobytes; anything this large is not a rule. */
const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

const RULE_EXTENSIONS = new Set(['.yaml', '.yml', '.kql']);

function failure(file: string, diagnostics: Diagnostic[]): RuleLoadResult {
  return { ok: false, file, diagnostics };
}

/** Parses one rule YAML file's text. */
export function parseRuleYaml(file: string, text: string): RuleLoadResult {
  const source = new SourceText(file, text);
  const fail = (code: Diagnostic['code'], message: string, start = 0, end = start): RuleLoadResult =>
    failure(file, [makeDiagnostic(source, code, message, { start, end })]);

  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return failure(
      file,
      doc.errors.map((e) =>
        makeDiagnostic(source, DiagnosticCode.yamlSyntax, `invalid YAML: ${firstLine(e.message)}`, {
          start: e.pos[0],
          end: e.pos[1],
        }),
      ),
    );
  }
  if (!isMap(doc.contents)) return fail(DiagnosticCode.yamlSyntax, 'a rule file must be a YAML mapping');
  let values: Record<string, unknown>;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail(DiagnosticCode.yamlSyntax, `YAML refused: ${firstLine(message)}`);
  }

  const queryNode = doc.get('query', true) as Node | undefined;
  const fields = new RuleFields(doc, values);
  if (queryNode === undefined || queryNode === null) {
    return fail(DiagnosticCode.missingQuery, "the rule has no 'query'");
  }
  if (!isScalar(queryNode) || typeof queryNode.value !== 'string' || queryNode.value.trim() === '') {
    const span = fields.spanOf('query');
    return fail(DiagnosticCode.missingQuery, "the rule's 'query' is not a non-empty string", span.start, span.end);
  }
  const query = queryNode.value;
  const range = queryNode.range ?? [0, text.length, text.length];
  const map = scalarOffsetMap(text, query, (queryNode.type ?? 'PLAIN') as ScalarStyle, range[0], range[1]);
  const querySource = new SourceText(file, query, { source, map });

  try {
    const rule: SentinelRule = {
      file,
      format: 'yaml',
      id: fields.string('id'),
      name: (fields.string('name') ?? basename(file)).trim(),
      description: fields.string('description'),
      severity: fields.string('severity')?.trim() ?? null,
      kind: fields.string('kind')?.trim() ?? null,
      version: fields.string('version')?.trim() ?? null,
      status: fields.string('status')?.trim() ?? null,
      tactics: fields.stringList('tactics'),
      relevantTechniques: fields.stringList('relevantTechniques'),
      requiredDataConnectors: fields.dataConnectors('requiredDataConnectors'),
      queryFrequency: fields.string('queryFrequency')?.trim() ?? null,
      queryPeriod: fields.string('queryPeriod')?.trim() ?? null,
      triggerOperator: fields.string('triggerOperator')?.trim() ?? null,
      triggerThreshold: fields.number('triggerThreshold'),
      entityMappings: fields.entityMappings('entityMappings'),
      tags: fields.tags('tags'),
      query,
      querySource,
    };
    return { ok: true, file, rule };
  } catch (err) {
    if (!(err instanceof FieldError)) throw err;
    return fail(DiagnosticCode.ruleField, err.message, err.span.start, err.span.end);
  }
}

/** A `.kql` file: the whole text is the query, the file name its name. */
export function parseRuleKql(file: string, text: string): RuleLoadResult {
  const source = new SourceText(file, text);
  if (text.trim() === '') {
    return failure(file, [makeDiagnostic(source, DiagnosticCode.missingQuery, 'the file holds no query', { start: 0, end: 0 })]);
  }
  // A byte-order mark is not part of the query; the map keeps positions in the file right.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const query = text.slice(bom);
  const map = new OffsetMap([{ from: 0, to: bom, length: query.length }], { start: bom, end: text.length });
  const querySource = new SourceText(file, query, { source, map });
  const rule: SentinelRule = {
    file,
    format: 'kql',
    id: null,
    name: basename(file, extname(file)),
    description: null,
    severity: null,
    kind: null,
    version: null,
    status: null,
    tactics: [],
    relevantTechniques: [],
    requiredDataConnectors: [],
    queryFrequency: null,
    queryPeriod: null,
    triggerOperator: null,
    triggerThreshold: null,
    entityMappings: [],
    tags: [],
    query,
    querySource,
  };
  return { ok: true, file, rule };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

function fileFailure(file: string, message: string): RuleLoadResult {
  return failure(file, [makeDiagnostic(new SourceText(file, ''), DiagnosticCode.fileRead, message, { start: 0, end: 0 })]);
}

/** Reads and parses one rule file (by extension: `.kql` is a bare query, anything else YAML). */
export async function loadRuleFile(file: string): Promise<RuleLoadResult> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_RULE_FILE_BYTES) {
      return fileFailure(file, `file is ${info.size} bytes; rule files are limited to ${MAX_RULE_FILE_BYTES}`);
    }
    text = await readFile(file, 'utf8');
  } catch (err) {
    return fileFailure(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return extname(file).toLowerCase() === '.kql' ? parseRuleKql(file, text) : parseRuleYaml(file, text);
}

/**
 * The rule files under the given paths: files as given, folders walked recursively for
 * `.yaml`, `.yml` and `.kql`, in a stable (sorted) order. A path that does not exist is reported.
 */
export async function findRuleFiles(paths: readonly string[]): Promise<{ files: string[]; missing: RuleLoadResult[] }> {
  const files: string[] = [];
  const missing: RuleLoadResult[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && RULE_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) await walk(p);
      else files.push(p);
    } catch (err) {
      missing.push(fileFailure(p, `cannot read: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
  return { files, missing };
}

/** Loads every rule under `paths` (see findRuleFiles); failures are results, never exceptions. */
export async function loadRules(paths: readonly string[]): Promise<RuleLoadResult[]> {
  const { files, missing } = await findRuleFiles(paths);
  const loaded: RuleLoadResult[] = [];
  for (const f of files) loaded.push(await loadRuleFile(f));
  return [...missing, ...loaded];
}
