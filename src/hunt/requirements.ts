/**
 * What a rule needs from the logs, read off its plan: the database tables it reads and the
 * EventIDs it filters on. `coverage` and the hunt summary use it to say why a rule found nothing
 * ("no 5058 events: enable Audit Other System Events") instead of staying silent.
 */
import type { Expr, QueryPlan } from '../plan/plan.js';
import { walkPlan } from '../plan/walk.js';

export interface RuleRequirements {
  /** Database tables read (not `let` variables), in first-use order. */
  readonly tables: readonly string[];
  /** Tables the binder could not resolve but let pass (`union isfuzzy=true`). */
  readonly unresolvedTables: readonly string[];
  /** EventIDs compared with `==`/`in` (or named by an `Activity` string), sorted; empty if none. */
  readonly eventIds: readonly number[];
}

export function ruleRequirements(plan: QueryPlan): RuleRequirements {
  // `let ids = dynamic([4624, 4625]);` then `EventID in (ids)`: the list is the let's literal.
  const literals = new Map<string, Expr>();
  for (const st of plan.statements) {
    if (st.kind === 'let' && st.value.kind === 'scalar' && st.value.expr.kind === 'literal') {
      literals.set(st.name, st.value.expr);
    }
  }
  const resolve = (e: Expr): Expr => (e.kind === 'name' && literals.get(e.name)) || e;
  const tables: string[] = [];
  const unresolvedTables: string[] = [];
  const eventIds = new Set<number>();
  walkPlan(plan, (node) => {
    switch (node.kind) {
      case 'table':
        if (node.resolvedAs === 'table' && !tables.includes(node.name)) tables.push(node.name);
        if (node.resolvedAs === 'unknown' && !unresolvedTables.includes(node.name))
          unresolvedTables.push(node.name);
        return;
      case 'binary':
        if (node.op === '==' || node.op === '=~') {
          collectComparison(node.left, [resolve(node.right)], eventIds);
          collectComparison(node.right, [resolve(node.left)], eventIds);
        }
        return;
      case 'list':
        if (node.op === 'in' || node.op === 'in~')
          collectComparison(node.left, node.items.map(resolve), eventIds);
        return;
      default:
        return;
    }
  });
  return { tables, unresolvedTables, eventIds: [...eventIds].sort((a, b) => a - b) };
}

function collectComparison(column: Expr, values: readonly Expr[], out: Set<number>): void {
  if (column.kind !== 'name') return;
  const name = column.name;
  if (name !== 'EventID' && name !== 'Activity') return;
  for (const v of values) {
    for (const literal of literalsOf(v)) {
      const id = name === 'EventID' ? eventIdOf(literal) : activityEventId(literal);
      if (id !== null) out.add(id);
    }
  }
}

/** Literal values of an item: a literal, or the elements of a `dynamic([...])` literal. */
function literalsOf(e: Expr): unknown[] {
  if (e.kind !== 'literal') return [];
  if (e.type === 'dynamic' && typeof e.value === 'string') {
    try {
      const parsed: unknown = JSON.parse(e.value);
      return Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return [];
    }
  }
  return [e.value];
}

function eventIdOf(v: unknown): number | null {
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'string' ? Number(v.trim()) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 65535 ? n : null;
}

/** `'5058 - Key file operation.'` → 5058. */
function activityEventId(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{1,5})\s*-/.exec(v);
  return m ? eventIdOf(m[1]) : null;
}
