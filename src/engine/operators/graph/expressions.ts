/**
 * Scalar expressions over pattern variables: graph-match's and graph-shortest-paths' `where` and
 * `project`. The expression is rewritten into an ordinary one over columns computed from the
 * row set's bindings, then compiled and run by the engine's expression compiler:
 *
 * - `n.prop` of a node or edge variable reads the property of the bound element
 *   (graph-match-operator.md, "Constraints"); of a variable length edge it is the array of the
 *   property along the path ("returned as a dynamic array").
 * - `map(e, expr)`, `all(e, cond)`, `any(e, cond)` evaluate their expression once per edge of the
 *   path, or per inner node with `inner_nodes(e)`, naming properties bare
 *   (map-graph-function.md, all-graph-function.md, any-graph-function.md). all() of no element is
 *   true, any() false, map() empty.
 * - `node_degree_in(n)`, `node_degree_out(n)`, `node_id(n)`, `labels(n)` of a node variable, or
 *   without argument inside map/all/any over inner nodes (node-degree-in.md, node-degree-out.md,
 *   node-id.md, labels-graph-function.md). A graph from make-graph has no labels: labels() is [].
 */
import type { Call, Expr, NameRef, Span } from '../../../plan/plan.js';
import { mapScalarChildren } from '../../../plan/map-children.js';
import type { ColumnSchema, ScalarType } from '../../../types/scalar.js';
import { errorCodes, KqlRuntimeError } from '../../errors.js';
import { compileScalar } from '../../expr/compile.js';
import { BoolVector, createVectorBuilder, NullMask, type Vector } from '../../table/index.js';
import { toDynamicValue } from '../../values/convert.js';
import { exprEnvFor, type OpEnv } from '../common.js';
import { elementFrame, type FrameBinding, type RowFrame } from './frame.js';
import { degree, nodeIdText, type GraphValue, type PropertyTable } from './graph-value.js';

/** A column computed from the bindings for one rewritten expression. */
interface Derived {
  readonly name: string;
  readonly type: ScalarType;
  compute(): Vector;
}

const DERIVED_PREFIX = '\u0001graph:';

export const GRAPH_FUNCTIONS: ReadonlySet<string> = new Set([
  'map',
  'all',
  'any',
  'inner_nodes',
  'node_degree_in',
  'node_degree_out',
  'node_id',
  'labels',
]);

export class GraphExpressions {
  constructor(
    readonly graph: GraphValue,
    readonly env: OpEnv,
  ) {}

  /** The expression's value for every row of the frame. */
  evaluate(expr: Expr, frame: RowFrame): Vector {
    const derived = new Map<string, Derived>();
    const rewritten = this.rewrite(expr, frame, derived);
    const list = [...derived.values()];
    const columns: ColumnSchema[] = list.map((d) => ({ name: d.name, type: d.type }));
    const compiled = compileScalar(rewritten, exprEnvFor(columns, false, this.env));
    return compiled.evaluate({ length: frame.length, columns: list.map((d) => d.compute()) });
  }

  /** A condition's truth per row (null counts as false, as in `where`). */
  holds(expr: Expr, frame: RowFrame): Uint8Array {
    const v = this.evaluate(expr, frame);
    if (v.type !== 'bool')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `a graph condition must be of type bool, got ${v.type}`,
        expr.span,
      );
    const b = v as BoolVector;
    const out = new Uint8Array(frame.length);
    for (let i = 0; i < frame.length; i++) out[i] = b.values[i] === 1 && !NullMask.isNull(b.nulls, i) ? 1 : 0;
    return out;
  }

  private rewrite(expr: Expr, frame: RowFrame, derived: Map<string, Derived>): Expr {
    const go = (e: Expr): Expr => this.rewrite(e, frame, derived);
    switch (expr.kind) {
      case 'name':
        return this.name(expr, frame, derived);
      case 'member': {
        const variable = expr.target.kind === 'name' ? this.variable(expr.target, frame) : null;
        if (variable === null) return mapScalarChildren(expr, go);
        return this.property(variable.name, variable.binding, expr.name, expr.span, frame, derived);
      }
      case 'call':
        return this.call(expr, frame, derived) ?? mapScalarChildren(expr, go);
      default:
        return mapScalarChildren(expr, go);
    }
  }

  /** A bare name: an element's property inside map/all/any, a `let` value, never a variable alone. */
  private name(expr: NameRef, frame: RowFrame, derived: Map<string, Derived>): Expr {
    const element = frame.element;
    if (element !== null) {
      const table = this.table(element.kind);
      const at = table.columns.findIndex((c) => c.name === expr.name);
      if (at >= 0)
        return this.derive(derived, `${element.kind}:${expr.name}`, table.columns[at]!.type, expr.span, () =>
          table.batch.columns[at]!.gather(element.idx, element.idx.length),
        );
    }
    if (frame.vars.has(expr.name))
      throw new KqlRuntimeError(
        errorCodes.unsupported,
        `graph variable '${expr.name}' as a value is not supported by kqlhunt; use its properties (${expr.name}.name)`,
        expr.span,
      );
    if (element !== null && this.env.scope.lookup(expr.name) === undefined)
      throw new KqlRuntimeError(
        errorCodes.unresolvedName,
        `'${expr.name}' is not a property of the ${element.kind === 'edge' ? 'edges' : 'inner nodes'} of '${element.of}'`,
        expr.span,
      );
    return expr;
  }

  /** The pattern variable a name refers to, unless an element property of that name hides it. */
  private variable(expr: Expr, frame: RowFrame): { name: string; binding: FrameBinding } | null {
    if (expr.kind !== 'name') return null;
    const binding = frame.vars.get(expr.name);
    if (binding === undefined) return null;
    const element = frame.element;
    if (element !== null && this.table(element.kind).columns.some((c) => c.name === expr.name)) return null;
    return { name: expr.name, binding };
  }

  private table(kind: 'node' | 'edge'): PropertyTable {
    return kind === 'node' ? this.graph.nodes : this.graph.edges;
  }

  private property(
    variable: string,
    binding: FrameBinding,
    prop: string,
    span: Span,
    frame: RowFrame,
    derived: Map<string, Derived>,
  ): Expr {
    if (binding.kind === 'path') {
      // A property of a variable length edge: its values along the path (map(e, prop)).
      const element: NameRef = { kind: 'name', name: prop, resolvedAs: 'column', type: null, span };
      return this.fold('map', variable, binding, 'edge', element, span, frame, derived);
    }
    const table = this.table(binding.kind);
    const at = table.columns.findIndex((c) => c.name === prop);
    if (at < 0)
      throw new KqlRuntimeError(
        errorCodes.unresolvedName,
        `'${prop}' is not a property of ${binding.kind} '${variable}'`,
        span,
      );
    return this.derive(derived, `${variable}.${prop}`, table.columns[at]!.type, span, () =>
      table.batch.columns[at]!.gather(binding.idx, binding.idx.length),
    );
  }

  /** A graph function call, rewritten; null when the call is an ordinary function. */
  private call(expr: Call, frame: RowFrame, derived: Map<string, Derived>): Expr | null {
    const name = expr.name.toLowerCase();
    if (expr.target === 'user' || !GRAPH_FUNCTIONS.has(name)) return null;
    if (name === 'map' || name === 'all' || name === 'any') {
      const source = expr.args[0] === undefined ? null : this.elementSource(expr.args[0], frame);
      if (source === null) {
        if (name === 'any') return null; // the take_any() alias, outside graph patterns
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `${name}(): the first argument must be a variable length edge or inner_nodes() of one`,
          expr.span,
        );
      }
      if (expr.args.length !== 2)
        throw new KqlRuntimeError(errorCodes.badArguments, `${name}(): expected 2 arguments`, expr.span);
      return this.fold(
        name,
        source.name,
        source.binding,
        source.kind,
        expr.args[1]!,
        expr.span,
        frame,
        derived,
      );
    }
    if (name === 'inner_nodes')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        'inner_nodes() can only be the first argument of all(), any() and map()',
        expr.span,
      );
    return this.nodeFunction(name, expr, frame, derived);
  }

  /** `e` or `inner_nodes(e)` of a variable length edge `e`. */
  private elementSource(
    arg: Expr,
    frame: RowFrame,
  ): { name: string; binding: FrameBinding & { kind: 'path' }; kind: 'node' | 'edge' } | null {
    let kind: 'node' | 'edge' = 'edge';
    let target = arg;
    if (arg.kind === 'call' && arg.name.toLowerCase() === 'inner_nodes' && arg.args.length === 1) {
      kind = 'node';
      target = arg.args[0]!;
    }
    const variable = this.variable(target, frame);
    if (variable === null) return null;
    if (variable.binding.kind !== 'path')
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `'${variable.name}' is not a variable length edge (written -[${variable.name}*min..max]-)`,
        target.span,
      );
    return { name: variable.name, binding: variable.binding, kind };
  }

  private fold(
    mode: 'map' | 'all' | 'any',
    variable: string,
    binding: FrameBinding & { kind: 'path' },
    kind: 'node' | 'edge',
    inner: Expr,
    span: Span,
    frame: RowFrame,
    derived: Map<string, Derived>,
  ): Expr {
    const key = `${mode}:${variable}:${kind}:${span.start}:${span.end}`;
    return this.derive(derived, key, mode === 'map' ? 'dynamic' : 'bool', span, () => {
      const elements = elementFrame(frame, binding.paths, kind, variable);
      const values = this.evaluate(inner, elements.frame);
      const start = elements.start;
      if (mode === 'map') {
        const out = createVectorBuilder('dynamic', frame.length);
        for (let r = 0; r < frame.length; r++) {
          const items = [];
          for (let j = start[r]!; j < start[r + 1]!; j++)
            items.push(toDynamicValue(values.get(j), values.type));
          out.push(items);
        }
        return out.finish();
      }
      if (values.type !== 'bool')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `${mode}(): the condition must be of type bool, got ${values.type}`,
          inner.span,
        );
      const truth = values as BoolVector;
      const out = new Uint8Array(frame.length);
      for (let r = 0; r < frame.length; r++) {
        let result = mode === 'all';
        for (let j = start[r]!; j < start[r + 1]!; j++) {
          const t = truth.values[j] === 1 && !NullMask.isNull(truth.nulls, j);
          if (t === (mode === 'any')) {
            result = t;
            break;
          }
        }
        out[r] = result ? 1 : 0;
      }
      return new BoolVector(out, null, frame.length);
    });
  }

  /** node_degree_in/out, node_id, labels: of a node variable, or of the element without argument. */
  private nodeFunction(name: string, expr: Call, frame: RowFrame, derived: Map<string, Derived>): Expr {
    let idx: Uint32Array;
    let kind: 'node' | 'edge';
    let key: string;
    if (expr.args.length === 1) {
      const variable = this.variable(expr.args[0]!, frame);
      if (variable === null || variable.binding.kind === 'path')
        throw new KqlRuntimeError(
          errorCodes.badArguments,
          `${name}(): the argument must be a node${name === 'labels' ? ' or edge' : ''} variable of the pattern`,
          expr.span,
        );
      idx = variable.binding.idx;
      kind = variable.binding.kind;
      key = `${name}:${variable.name}`;
    } else if (expr.args.length === 0 && frame.element !== null) {
      idx = frame.element.idx;
      kind = frame.element.kind;
      key = `${name}:`;
    } else {
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `${name}(): expected a node variable, or no argument inside all(), any() or map() over inner_nodes()`,
        expr.span,
      );
    }
    if (name === 'labels')
      return this.derive(derived, key, 'dynamic', expr.span, () => {
        const out = createVectorBuilder('dynamic', idx.length);
        for (let i = 0; i < idx.length; i++) out.push([]);
        return out.finish();
      });
    if (kind !== 'node')
      throw new KqlRuntimeError(errorCodes.badArguments, `${name}(): applies to nodes, not edges`, expr.span);
    const g = this.graph;
    if (name === 'node_id')
      return this.derive(derived, key, 'string', expr.span, () => {
        const out = createVectorBuilder('string', idx.length);
        for (let i = 0; i < idx.length; i++) out.push(nodeIdText(g, idx[i]!));
        return out.finish();
      });
    const adjacency = name === 'node_degree_in' ? g.incoming : g.outgoing;
    return this.derive(derived, key, 'long', expr.span, () => {
      const out = createVectorBuilder('long', idx.length);
      for (let i = 0; i < idx.length; i++) out.push(BigInt(degree(adjacency, idx[i]!)));
      return out.finish();
    });
  }

  private derive(
    derived: Map<string, Derived>,
    key: string,
    type: ScalarType,
    span: Span,
    compute: () => Vector,
  ): NameRef {
    const name = DERIVED_PREFIX + key;
    if (!derived.has(name)) derived.set(name, { name, type, compute });
    return { kind: 'name', name, resolvedAs: 'column', type, span };
  }
}
