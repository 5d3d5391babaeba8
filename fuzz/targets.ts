/**
 * The fuzz targets of issue 7: the EVTX reader, the XML converter, the regex functions, the
 * query front end and engine, and the rule/export loaders. Each states its property: the part
 * reports bad input and never throws past its boundary, and finishes within its time bound.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Prng } from '../src/util/prng.js';
import type { FuzzTarget } from './target.js';
import { mutate } from './mutate.js';
import { hostileCsv, hostileJson, hostileRegex, hostileXml, hostileYaml, mutateKql } from './generators.js';
import { readEvtx } from '../src/sources/evtx/index.js';
import { parseXml, tryCompileRegex } from '../src/engine/scalar/index.js';
import { regexTest } from '../src/engine/scalar/regex.js';
import { compileQuery } from '../src/frontend/index.js';
import { executeQuery, KqlRuntimeError, type Table } from '../src/engine/index.js';
import { parseRuleYaml } from '../src/rules/index.js';
import { readExportText, type ExportFormat } from '../src/sources/exports/loader.js';
import { builtinTables } from '../src/schema/index.js';
import { SourceError } from '../src/sources/exports/issues.js';

export interface FuzzInputs {
  /** Real EVTX files to mutate. */
  readonly evtxFiles: readonly string[];
  /** Real queries to mutate. */
  readonly queries: readonly string[];
}

/** EVTX files and queries from the project (demo log, built-in rules) and, if present, ../shared. */
export function defaultInputs(projectRoot: string, sharedDir: string | null): FuzzInputs {
  const evtxFiles = [join(projectRoot, 'demo', 'Security.evtx')].filter(existsSync);
  const yamls: string[] = [];
  const walk = (dir: string, out: string[], ext: RegExp) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, out, ext);
      else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(join(projectRoot, 'rules'), yamls, /\.ya?ml$/);
  if (sharedDir) {
    walk(join(sharedDir, 'evtx'), evtxFiles as string[], /\.evtx$/);
    walk(join(sharedDir, 'sentinel', 'rules'), yamls, /\.ya?ml$/);
  }
  const queries = yamls.flatMap((f) => {
    const r = parseRuleYaml(f, readFileSync(f, 'utf8'));
    return r.ok ? [r.rule.query] : [];
  });
  return { evtxFiles, queries };
}

export function fuzzTargets(inputs: FuzzInputs): FuzzTarget[] {
  const work = mkdtempSync(join(tmpdir(), 'kqlhunt-fuzz-'));
  const fileCache = new Map<string, Uint8Array>();
  const bytesOf = (p: string) => {
    let b = fileCache.get(p);
    if (!b) fileCache.set(p, (b = readFileSync(p)));
    return b;
  };
  const emptyTables = new Map<string, Table>();

  return [
    {
      name: 'evtx',
      maxCaseMs: 20_000,
      async runCase(rng: Prng, n: number) {
        if (inputs.evtxFiles.length === 0) return;
        const source = rng.pick(inputs.evtxFiles);
        const path = join(work, `case-${n}.evtx`);
        writeFileSync(path, mutate(bytesOf(source), rng));
        let errors = 0;
        const reader = readEvtx(path, {
          workers: 0,
          onError: (e) => {
            errors++;
            assert.ok(
              e.file && typeof e.chunk === 'number' && typeof e.offset === 'number',
              'error without file/chunk/offset',
            );
          },
        });
        let events = 0;
        for await (const ev of reader) {
          events++;
          assert.equal(typeof ev.xml, 'string');
        }
        assert.ok(events >= 0 && errors >= 0);
      },
    },
    {
      name: 'xml',
      maxCaseMs: 2_000,
      runCase(rng: Prng) {
        const v = parseXml(hostileXml(rng));
        assert.ok(v === null || typeof v === 'object');
      },
    },
    {
      name: 'regex',
      maxCaseMs: 2_000,
      runCase(rng: Prng) {
        const { pattern, subject } = hostileRegex(rng);
        const re = tryCompileRegex(pattern);
        if (typeof re !== 'string') regexTest(re, subject);
      },
    },
    {
      name: 'kql',
      maxCaseMs: 5_000,
      async runCase(rng: Prng) {
        if (inputs.queries.length === 0) return;
        const query = mutateKql(rng, rng.pick(inputs.queries));
        const compiled = compileQuery(query, {
          placeholders: { StartTimeISO: '2025-01-01', EndTimeISO: '2025-01-02' },
        });
        for (const d of compiled.diagnostics) {
          assert.ok(d.location.line >= 1 && d.location.column >= 1, 'diagnostic without a position');
        }
        if (!compiled.plan) return;
        try {
          await executeQuery(compiled.plan, { tables: emptyTables, limits: { maxRows: 100_000 } });
        } catch (e) {
          if (!(e instanceof KqlRuntimeError)) throw e;
        }
      },
    },
    {
      name: 'yaml',
      maxCaseMs: 2_000,
      runCase(rng: Prng) {
        const r = parseRuleYaml('fuzz.yaml', hostileYaml(rng));
        if (!r.ok) assert.ok(r.diagnostics.length > 0);
      },
    },
    {
      name: 'exports',
      maxCaseMs: 5_000,
      async runCase(rng: Prng) {
        const csv = rng.chance(0.3);
        const text = csv ? hostileCsv(rng) : hostileJson(rng);
        const format: ExportFormat = csv
          ? 'csv'
          : rng.pick(['json-array', 'json-lines', 'json-document'] as const);
        async function* chunks() {
          for (let i = 0; i < text.length; i += 65536) yield text.slice(i, i + 65536);
        }
        try {
          for await (const batch of readExportText(
            chunks(),
            format,
            { file: 'fuzz' },
            { knownTables: builtinTables, onIssue: () => {} },
          )) {
            assert.ok(Array.isArray(batch.rows));
          }
        } catch (e) {
          if (!(e instanceof SourceError)) throw e;
        }
      },
    },
  ];
}
