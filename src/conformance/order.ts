/**
 * Whether a query fixes the order of its result rows, decided from its plan with the rules of
 * serialize-operator.md ("Serialization behavior of operators"):
 * - `range`, `sort`, `top`, `getschema` (and `serialize`) emit serialized rows;
 * - `count`, `distinct`, `evaluate`, `join`, `make-series`, `mv-expand`, `sample`, `summarize`,
 *   `top-nested` emit non-serialized rows;
 * - every other operator keeps its input's property.
 * `print` yields one row, so its order is fixed. A `union`/`lookup` is serialized only when all its
 * inputs are (the docs do not list them; their output interleaves inputs). A datatable is not
 * listed as serialized, so its order is not taken as fixed.
 *
 * Where the order is not fixed, the runner compares rows as a multiset.
 */
import type {
  Expr,
  FunctionDefinition,
  LetValue,
  Operator,
  OperatorKind,
  QueryPlan,
  Statement,
} from '../plan/plan.js';

const SERIALIZING: ReadonlySet<OperatorKind> = new Set<OperatorKind>([
  'sort',
  'top',
  'getschema',
  'serialize',
]);
const UNSERIALIZING: ReadonlySet<OperatorKind> = new Set<OperatorKind>([
  'count',
  'distinct',
  'evaluate',
  'join',
  'make-series',
  'mv-expand',
  'sample',
  'summarize',
  'top-nested',
]);

type Scope = ReadonlyMap<string, LetValue>;

function scopeWith(outer: Scope, statements: readonly Statement[]): Map<string, LetValue> {
  const scope = new Map(outer);
  for (const s of statements) if (s.kind === 'let') scope.set(s.name, s.value);
  return scope;
}

const MAX_DEPTH = 64;

function serialized(expr: Expr | null, scope: Scope, depth: number): boolean {
  if (expr === null || depth > MAX_DEPTH) return false;
  switch (expr.kind) {
    case 'range':
    case 'print':
      return true;
    case 'datatable':
    case 'union':
    case 'tabularUnsupported':
      return false;
    case 'table': {
      const bound = scope.get(expr.name);
      return bound !== undefined && bound.kind === 'tabular' && serialized(bound.expr, scope, depth + 1);
    }
    case 'tabularCall': {
      const bound = scope.get(expr.name);
      if (bound?.kind === 'function') return functionSerialized(bound.fn, scope, depth + 1);
      // A built-in like materialize(T) passes its argument's rows through.
      return expr.target === 'builtin' && expr.args.length > 0 && serialized(expr.args[0]!, scope, depth + 1);
    }
    case 'pipeline': {
      let state = serialized(expr.source, scope, depth + 1);
      for (const op of expr.operators) state = afterOperator(op, state, scope, depth + 1);
      return state;
    }
    default:
      // A scalar expression as the result (e.g. `print`-less `toscalar`) is a single value.
      return true;
  }
}

function functionSerialized(fn: FunctionDefinition, scope: Scope, depth: number): boolean {
  return fn.tabular && serialized(fn.result, scopeWith(scope, fn.statements), depth);
}

function afterOperator(op: Operator, input: boolean, scope: Scope, depth: number): boolean {
  if (SERIALIZING.has(op.kind)) return true;
  if (UNSERIALIZING.has(op.kind)) return false;
  if (op.kind === 'union') return input && op.inputs.every((i) => serialized(i, scope, depth));
  if (op.kind === 'lookup') return input && serialized(op.right, scope, depth);
  if (op.kind === 'invoke') {
    const bound = scope.get(op.call.name);
    return bound?.kind === 'function' ? input && functionSerialized(bound.fn, scope, depth) : input;
  }
  return input;
}

/** True when the query's result rows come in an order the query fixes. */
export function resultOrderIsFixed(plan: QueryPlan): boolean {
  return serialized(plan.result, scopeWith(new Map(), plan.statements), 0);
}
