/**
 * The user-activity plugins over a timeline cut into windows (timeline.ts):
 *
 * - `activity_metrics(Id, Time, Start, End, Window [, dim...])` (activity-metrics-plugin.md):
 *   per window, the distinct ids, the new ones, and the retention and churn rates against the
 *   window before: retention is the share of the previous window's ids seen again, churn the
 *   share not seen (the two add up to 1, as the page requires); with no previous ids both are NaN.
 * - `new_activity_metrics(Id, Time, Start, End, Window [, Cohort] [, dim...] [, Lookback])`
 *   (new-activity-metrics-plugin.md): for each cohort (the ids first seen in a window "from") and
 *   each window "to" from it on, the ids new since "from", and how many of the cohort were seen
 *   (retained) or not (churned) in "to". Ids of the Lookback table count as seen before Start.
 * - `active_users_count(Id, Time, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin
 *   [, dim...])` (active-users-count-plugin.md): an appearance is active when the id appears in at
 *   least ActivePeriodsCount distinct periods (bin(time, Period)) within the lookback window
 *   ending at it, (t - LookbackWindow, t]; the result counts the distinct active ids per Bin
 *   window. Appearances before Start count toward the lookback, as the page's example shows.
 *
 * Rows whose time lies outside [Start, End] (or is null) are not analysed; a window appears in the
 * output when its group has rows in it (and, for active_users_count, an active id). Dimension
 * columns follow the timeline column, as Kusto.Language's binder lays out these outputs.
 */
import type { EvaluateOp } from '../../plan/plan.js';
import type { ColumnSchema, ScalarValue } from '../../types/scalar.js';
import type { Relation } from '../exec/relation.js';
import { isTabularExpr } from '../expr/compile.js';
import type { OpEnv } from '../operators/common.js';
import { hashKey, type HashKey } from '../values/compare.js';
import { toReal } from '../values/convert.js';
import { PluginArgs } from './plugin-args.js';
import { RowOutput } from './row-output.js';
import {
  dimValue,
  readActivityRows,
  readTimeline,
  windowOf,
  type ActivityRows,
  type Timeline,
} from './timeline.js';

interface Setup {
  readonly args: PluginArgs;
  readonly tl: Timeline;
  readonly rows: ActivityRows;
}

function setup(op: EvaluateOp, input: Relation, env: OpEnv, dimsFrom: number, dimsTo?: number): Setup {
  const args = new PluginArgs(op, env);
  const id = args.scalar(0, 'IdColumn', input);
  const timeArg = args.required(1, 'TimelineColumn');
  const time = args.scalar(1, 'TimelineColumn', input);
  const tl = readTimeline(args, time, timeArg, 2);
  const rows = readActivityRows(args, input, id, time, op.args.slice(dimsFrom, dimsTo));
  return { args, tl, rows };
}

/** The ids of each (group, window), windows in ascending order; rows outside [Start, End] skipped. */
function idsByWindow(s: Setup): { windows: Map<bigint, { ids: Set<HashKey>; count: number }>[] } {
  const windows: Map<bigint, { ids: Set<HashKey>; count: number }>[] = [];
  for (let i = 0; i < s.rows.length; i++) {
    const t = s.rows.times[i]!;
    if (t === null || t < s.tl.start || t > s.tl.end) continue;
    const g = s.rows.groups[i]!;
    const w = windowOf(t, s.tl);
    const m = (windows[g] ??= new Map());
    let at = m.get(w);
    if (at === undefined) m.set(w, (at = { ids: new Set(), count: 0 }));
    at.count++;
    const id = s.rows.ids[i]!;
    if (id !== null) at.ids.add(id);
  }
  for (let g = 0; g < windows.length; g++)
    if (windows[g] !== undefined)
      windows[g] = new Map([...windows[g]!].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { windows };
}

function schemaOf(s: Setup, before: ColumnSchema[], after: ColumnSchema[]): ColumnSchema[] {
  return [...before, ...s.rows.dims, ...after];
}

function dimsOf(s: Setup, g: number): ScalarValue[] {
  return s.rows.dims.map((_, k) => dimValue(s.rows, k, g));
}

export function runActivityMetrics(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const s = setup(op, input, env, 5);
  const out = new RowOutput(
    schemaOf(
      s,
      [{ name: s.tl.name, type: s.tl.type }],
      [
        { name: 'dcount_values', type: 'long' },
        { name: 'dcount_newvalues', type: 'long' },
        { name: 'retention_rate', type: 'real' },
        { name: 'churn_rate', type: 'real' },
      ],
    ),
  );
  const { windows } = idsByWindow(s);
  windows.forEach((m, g) => {
    const seen = new Set<HashKey>();
    for (const [w, { ids }] of m) {
      let fresh = 0;
      for (const id of ids) if (!seen.has(id)) fresh++;
      for (const id of ids) seen.add(id);
      const previous = m.get(w - s.tl.step)?.ids ?? new Set<HashKey>();
      let returned = 0;
      for (const id of previous) if (ids.has(id)) returned++;
      const rate = (n: number): number => (previous.size === 0 ? NaN : n / previous.size);
      out.push([
        w,
        ...dimsOf(s, g),
        BigInt(ids.size),
        BigInt(fresh),
        rate(returned),
        rate(previous.size - returned),
      ]);
    }
  });
  return out.finish();
}

export function runNewActivityMetrics(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const args = new PluginArgs(op, env);
  // After Window: an optional constant cohort, dimension columns, an optional Lookback table.
  let from = 5;
  let to = op.args.length;
  let lookbackIds: Set<HashKey> | null = null;
  const last = op.args[to - 1];
  if (to > 5 && last !== undefined && isTabularExpr(last, env.scope)) {
    to--;
    lookbackIds = new Set();
    const rel = env.ctx.evalTabular(last, env.scope);
    const type = rel.columns[0]?.type;
    if (type === undefined) args.fail('the Lookback table has no column', last);
    for (const b of rel.batches)
      for (let i = 0; i < b.length; i++) lookbackIds.add(hashKey(b.columns[0]!.get(i), type!));
  }
  let cohort: bigint | null = null;
  const maybeCohort = op.args[5];
  if (
    from < to &&
    maybeCohort !== undefined &&
    !(maybeCohort.kind === 'name' && maybeCohort.resolvedAs === 'column')
  ) {
    const c = args.constant(5, 'Cohort', input);
    cohort = c === undefined || c.value === null ? null : (c.value as bigint);
    from = 6;
  }
  const s = setup(op, input, env, from, to);
  const tl = s.tl;
  const out = new RowOutput(
    schemaOf(
      s,
      [
        { name: `from_${tl.name}`, type: tl.type },
        { name: `to_${tl.name}`, type: tl.type },
      ],
      [
        { name: 'dcount_new_values', type: 'long' },
        { name: 'dcount_retained_values', type: 'long' },
        { name: 'dcount_churn_values', type: 'long' },
        { name: 'retention_rate', type: 'real' },
        { name: 'churn_rate', type: 'real' },
      ],
    ),
  );
  const { windows } = idsByWindow(s);
  windows.forEach((m, g) => {
    const list = [...m];
    const seenThrough: Set<HashKey>[] = [];
    const seen = new Set<HashKey>(lookbackIds ?? []);
    const cohorts: Set<HashKey>[] = [];
    for (const [, { ids }] of list) {
      const fresh = new Set<HashKey>();
      for (const id of ids) if (!seen.has(id)) fresh.add(id);
      for (const id of ids) seen.add(id);
      cohorts.push(fresh);
      seenThrough.push(new Set(seen));
    }
    list.forEach(([fromWindow], f) => {
      if (cohort !== null && windowOf(cohort, tl) !== fromWindow) return;
      const members = cohorts[f]!;
      for (let t = f; t < list.length; t++) {
        const ids = list[t]![1].ids;
        let fresh = 0;
        for (const id of ids) if (!seenThrough[f]!.has(id)) fresh++;
        let retained = 0;
        for (const id of members) if (ids.has(id)) retained++;
        const churned = members.size - retained;
        out.push([
          fromWindow,
          list[t]![0],
          ...dimsOf(s, g),
          BigInt(fresh),
          BigInt(retained),
          BigInt(churned),
          members.size === 0 ? NaN : retained / members.size,
          members.size === 0 ? NaN : churned / members.size,
        ]);
      }
    });
  });
  return out.finish();
}

export function runActiveUsersCount(op: EvaluateOp, input: Relation, env: OpEnv): Relation {
  const s = setup(op, input, env, 8);
  const { args, tl, rows } = s;
  const span = (index: number, what: string): bigint => {
    const c = args.constant(index, what);
    const ok =
      c !== undefined &&
      c.value !== null &&
      (tl.type === 'datetime' ? c.type === 'timespan' : c.type === 'long' || c.type === 'int');
    if (!ok)
      args.fail(`${what} must be a ${tl.type === 'datetime' ? 'timespan' : 'whole number'}`, args.arg(index));
    const v = typeof c!.value === 'bigint' ? c!.value : BigInt(c!.value as number);
    if (v <= 0n) args.fail(`${what} must be positive`, args.arg(index));
    return v;
  };
  const lookback = span(4, 'LookbackWindow');
  const period = span(5, 'Period');
  const activePeriods = (() => {
    const c = args.constant(6, 'ActivePeriodsCount');
    const n = c === undefined ? null : toReal(c.value, c.type);
    return n === null || !(n >= 0)
      ? args.fail('ActivePeriodsCount must be a non-negative number', args.arg(6))
      : n;
  })();
  const bin = span(7, 'Bin');
  const binned: Timeline = { ...tl, step: bin };

  // Each id's appearance times per group, ascending.
  const timesOf = new Map<string, { g: number; id: HashKey; times: bigint[] }>();
  for (let i = 0; i < rows.length; i++) {
    const t = rows.times[i]!;
    const id = rows.ids[i]!;
    if (t === null || id === null || t > tl.end) continue;
    const g = rows.groups[i]!;
    const key = `${g}\u0001${typeof id}\u0001${String(id)}`;
    let at = timesOf.get(key);
    if (at === undefined) timesOf.set(key, (at = { g, id, times: [] }));
    at.times.push(t);
  }
  const active = new Map<string, { w: bigint; g: number; ids: Set<HashKey> }>();
  for (const { g, id, times } of timesOf.values()) {
    times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let lo = 0;
    for (let k = 0; k < times.length; k++) {
      const t = times[k]!;
      while (times[lo]! <= t - lookback) lo++;
      if (t < tl.start) continue;
      const periods = new Set<bigint>();
      for (let j = lo; j <= k; j++) periods.add(floorDiv(times[j]!, period));
      if (periods.size < activePeriods) continue;
      const w = windowOf(t, binned);
      const key = `${w}\u0001${g}`;
      let at = active.get(key);
      if (at === undefined) active.set(key, (at = { w, g, ids: new Set() }));
      at.ids.add(id);
    }
  }
  const out = new RowOutput(
    schemaOf(s, [{ name: tl.name, type: tl.type }], [{ name: 'dcount', type: 'long' }]),
  );
  const ordered = [...active.values()].sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : a.g - b.g));
  for (const { w, g, ids } of ordered) out.push([w, ...dimsOf(s, g), BigInt(ids.size)]);
  return out.finish();
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}
