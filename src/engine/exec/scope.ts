/**
 * Names bound by `let` statements and function parameters, in nested scopes. Tabular values are
 * evaluated on first use and kept (a `let` table referenced twice runs once, as `materialize`
 * would; kqlhunt's operators are deterministic apart from `sample` and `rand()`).
 */
import type { FunctionDefinition } from '../../plan/plan.js';
import type { ScalarType, ScalarValue } from '../../types/scalar.js';
import type { CompiledExpr } from '../expr/compiled.js';
import type { Relation } from './relation.js';

export type Binding =
  | { readonly kind: 'scalar'; readonly type: ScalarType; readonly value: ScalarValue }
  | { readonly kind: 'tabular'; get(): Relation }
  /** A user function's parameter bound to the caller's argument, compiled in the caller's schema. */
  | { readonly kind: 'expr'; readonly expr: CompiledExpr }
  | { readonly kind: 'function'; readonly fn: FunctionDefinition; readonly scope: Scope };

export class Scope {
  private readonly names = new Map<string, Binding>();

  constructor(readonly parent: Scope | null) {}

  define(name: string, binding: Binding): void {
    this.names.set(name, binding);
  }

  lookup(name: string): Binding | undefined {
    return this.names.get(name) ?? this.parent?.lookup(name);
  }

  child(): Scope {
    return new Scope(this);
  }
}

/** A tabular binding evaluated at most once. */
export function lazyTabular(compute: () => Relation): Binding {
  let value: Relation | undefined;
  return {
    kind: 'tabular',
    get() {
      value ??= compute();
      return value;
    },
  };
}
