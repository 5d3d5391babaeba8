/**
 * `union`: kind=outer (default) has every column of every input, one per name and type (a name
 * seen with several types becomes `name_type` for each, union-operator.md); kind=inner keeps the
 * columns every input has. `withsource=C` adds C first, naming each row's input.
 */
import type { UnionOptions } from '../../plan/plan.js';
import type { ColumnSchema } from '../../types/scalar.js';
import { uniqueName } from '../exec/naming.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { constantVector, type Batch, type Vector } from '../table/index.js';

export interface UnionInput {
  readonly name: string;
  readonly relation: Relation;
}

export function unionRelations(inputs: readonly UnionInput[], options: UnionOptions): Relation {
  const typesByName = new Map<string, Set<string>>();
  const order: { name: string; type: ColumnSchema['type'] }[] = [];
  for (const { relation } of inputs) {
    for (const c of relation.columns) {
      let types = typesByName.get(c.name);
      if (types === undefined) typesByName.set(c.name, (types = new Set()));
      if (!types.has(c.type)) {
        types.add(c.type);
        order.push({ name: c.name, type: c.type });
      }
    }
  }
  // A name typed apart (`x_long`) that another input already uses as such gets a number
  // (`x_long1`), as Kusto does (union-operator.md, the View_3 example).
  const plainNames = new Set(order.filter((c) => typesByName.get(c.name)!.size === 1).map((c) => c.name));
  const given = new Set<string>();
  let columns = order.map((c) => {
    let name = c.name;
    if (typesByName.get(c.name)!.size > 1) {
      name = `${c.name}_${c.type}`;
      if (plainNames.has(name)) name = uniqueName(name, new Set([...plainNames, ...given]));
    }
    given.add(name);
    return { key: `${c.name}\u0000${c.type}`, schema: { name, type: c.type } as ColumnSchema };
  });
  if (options.unionKind === 'inner')
    columns = columns.filter((c) =>
      inputs.every(({ relation }) => relation.columns.some((rc) => `${rc.name}\u0000${rc.type}` === c.key)),
    );
  const schema: ColumnSchema[] = columns.map((c) => c.schema);
  if (options.withSource !== null) schema.unshift({ name: options.withSource, type: 'string' });
  const batches: Batch[] = [];
  for (const { name, relation } of inputs) {
    const positions = columns.map((c) =>
      relation.columns.findIndex((rc) => `${rc.name}\u0000${rc.type}` === c.key),
    );
    for (const b of relation.batches) {
      const cols: Vector[] = positions.map((p, k) =>
        p >= 0 ? b.columns[p]! : constantVector(columns[k]!.schema.type, null, b.length),
      );
      if (options.withSource !== null) cols.unshift(constantVector('string', name, b.length));
      batches.push({ length: b.length, columns: cols });
    }
  }
  return relationOf(schema, batches, false);
}
