/**
 * `evaluate ipv4_lookup(LookupTable, SourceKey, LookupKey [, ExtraKey...] [, return_unmatched])`
 * and `evaluate ipv6_lookup(LookupTable, SourceKey, LookupKey [, return_unmatched])`
 * (ipv4-lookup-plugin.md, ipv6-lookup-plugin.md): a join on "the source address lies in the
 * lookup network". Both keys may carry a prefix (`10.1.0.0/16`); a source matches every lookup
 * row whose network contains it, so one source row can give several rows (in lookup order).
 * Extra keys (ipv4 only) must also be equal, as in `lookup`, and appear once in the output.
 * Unmatched rows are dropped unless `return_unmatched` is true; then the lookup's columns are
 * null (empty strings).
 *
 * Column order follows the documented outputs: ipv4_lookup gives the source's columns then the
 * lookup's; ipv6_lookup gives the lookup's columns then the source's (ipv6-lookup-plugin.md's
 * examples; Kusto.Language's binder predicts source-first for both, the docs are the authority).
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import { uniqueName } from '../exec/naming.js';
import { columnIndex, relationOf, singleBatch, type Relation } from '../exec/relation.js';
import type { OpEnv } from '../operators/common.js';
import { parseIpv4Cidr } from '../scalar/functions/ipv4.js';
import { parseIpv6Network } from '../scalar/functions/ipv6.js';
import { NULL_ROW, rechunk, type Batch, type Vector } from '../table/index.js';
import { hashKey } from '../values/compare.js';
import { toStringValue } from '../values/convert.js';
import { PluginArgs } from './plugin-args.js';

interface Network {
  /** The address masked to `bits`. */
  readonly address: bigint;
  readonly bits: number;
}

interface Family {
  readonly width: number;
  parse(text: string): Network | null;
  mask(address: bigint, bits: number): bigint;
}

function maskOf(width: number): (address: bigint, bits: number) => bigint {
  const all = (1n << BigInt(width)) - 1n;
  return (address, bits) => (bits <= 0 ? 0n : address & (all ^ ((1n << BigInt(width - bits)) - 1n)));
}

const ipv4Family: Family = {
  width: 32,
  parse(text) {
    const n = parseIpv4Cidr(text);
    return n === null ? null : { address: BigInt(n.address), bits: n.bits };
  },
  mask: maskOf(32),
};

const ipv6Family: Family = {
  width: 128,
  parse: (text) => parseIpv6Network(text),
  mask: maskOf(128),
};

export function runIpv4Lookup(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  return runIpLookup(op, input, env, ipv4Family, true);
}

export function runIpv6Lookup(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  return runIpLookup(op, input, env, ipv6Family, false);
}

/** Lookup rows by prefix length, then by masked network address. */
class NetworkIndex {
  private readonly byBits = new Map<number, Map<bigint, number[]>>();
  private bitsDescending: number[] = [];

  add(n: Network, row: number): void {
    let m = this.byBits.get(n.bits);
    if (m === undefined) {
      this.byBits.set(n.bits, (m = new Map()));
      this.bitsDescending = [...this.byBits.keys()].sort((a, b) => b - a);
    }
    const rows = m.get(n.address);
    if (rows === undefined) m.set(n.address, [row]);
    else rows.push(row);
  }

  /** The rows whose network contains `ip` (its prefix at least as long), in row order. */
  containing(ip: Network, family: Family): number[] {
    const out: number[] = [];
    for (const bits of this.bitsDescending) {
      if (bits > ip.bits) continue;
      const rows = this.byBits.get(bits)!.get(family.mask(ip.address, bits));
      if (rows !== undefined) out.push(...rows);
    }
    return out.sort((a, b) => a - b);
  }
}

function runIpLookup(
  op: EvaluateOp,
  input: Relation,
  env: OpEnv,
  family: Family,
  extraKeys: boolean,
): Relation {
  const args = new PluginArgs(op, env);
  const lookup = args.table(0, 'LookupTable');
  const sourceKey = args.scalar(1, 'SourceKey', input);
  const lookupKey = args.scalar(2, 'LookupKey', lookup);
  for (const [k, e] of [sourceKey, lookupKey].entries())
    if (e.type !== 'string')
      args.fail(`the ${k === 0 ? 'source' : 'lookup'} key must be a string, got ${e.type}`);

  // Positional arguments after the keys: extra key columns, then optionally return_unmatched.
  const rest = op.args.slice(3);
  let returnUnmatched = false;
  const last = rest.at(-1);
  if (last !== undefined && last.kind !== 'name') {
    returnUnmatched = args.constantBool(op.args.length - 1, 'return_unmatched', false);
    rest.pop();
  } else if (args.arg(-1, 'return_unmatched') !== undefined) {
    returnUnmatched = args.constantBool(-1, 'return_unmatched', false);
  }
  if (!extraKeys && rest.length > 0) args.fail('expected at most 4 arguments', rest[0]);
  const extra = rest.map((e, k) => {
    if (e.kind !== 'name') return args.fail('an extra key must be a column name', e);
    const inSource = columnIndex(input.columns, e.name);
    const inLookup = columnIndex(lookup.columns, e.name);
    if (inSource < 0 || inLookup < 0)
      args.fail(`extra key '${e.name}' must be a column of both the source and the lookup table`, e);
    void k;
    return { source: inSource, lookup: inLookup };
  });

  const src = singleBatch(input);
  const lk = singleBatch(lookup);
  const index = new NetworkIndex();
  const lookupKeys = lookupKey.evaluate(lk);
  for (let j = 0; j < lk.length; j++) {
    const n = family.parse(toStringValue(lookupKeys.get(j), 'string'));
    if (n !== null) index.add(n, j);
  }
  const sourceKeys = sourceKey.evaluate(src);
  const extraEqual = (i: number, j: number): boolean =>
    extra.every((x) => {
      const a: ScalarValue = src.columns[x.source]!.get(i);
      const b: ScalarValue = lk.columns[x.lookup]!.get(j);
      return (
        a !== null &&
        b !== null &&
        hashKey(a, input.columns[x.source]!.type) === hashKey(b, lookup.columns[x.lookup]!.type)
      );
    });

  const srcRows: number[] = [];
  const lookupRows: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ip = family.parse(toStringValue(sourceKeys.get(i), 'string'));
    const matches = ip === null ? [] : index.containing(ip, family).filter((j) => extraEqual(i, j));
    for (const j of matches) {
      srcRows.push(i);
      lookupRows.push(j);
    }
    if (matches.length === 0 && returnUnmatched) {
      srcRows.push(i);
      lookupRows.push(NULL_ROW);
    }
  }

  const droppedLookup = new Set(extra.map((x) => x.lookup));
  const lookupKept = lookup.columns.map((_, j) => j).filter((j) => !droppedLookup.has(j));
  const srcIdx = Uint32Array.from(srcRows);
  const lkIdx = Uint32Array.from(lookupRows);
  const sourcePart = { columns: input.columns, vectors: src.columns.map((v) => v.gather(srcIdx)) };
  const lookupPart = {
    columns: lookupKept.map((j) => lookup.columns[j]!),
    vectors: lookupKept.map((j) => lk.columns[j]!.gather(lkIdx)),
  };
  const [first, second] = extraKeys ? [sourcePart, lookupPart] : [lookupPart, sourcePart];
  const schema: ColumnSchema[] = [];
  const taken = new Set<string>();
  for (const c of [...first.columns, ...second.columns]) {
    const name = uniqueName(c.name, taken);
    taken.add(name);
    schema.push({ name, type: c.type });
  }
  const columns: Vector[] = [...first.vectors, ...second.vectors];
  const batch: Batch = { length: srcRows.length, columns };
  return relationOf(schema, rechunk(batch), false);
}
