/**
 * Entities of a finding from an analytic rule's `entityMappings`: each mapping names an entity
 * type and which result column supplies each identifier. An entity whose columns are all empty
 * is left out, as Sentinel does.
 */
export interface EntityMapping {
  readonly entityType: string;
  readonly fieldMappings: readonly { readonly identifier: string; readonly columnName: string }[];
}

export interface Entity {
  readonly type: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export function entitiesOf(
  mappings: readonly EntityMapping[],
  row: Readonly<Record<string, unknown>>,
): Entity[] {
  const out: Entity[] = [];
  for (const m of mappings) {
    const fields: Record<string, unknown> = {};
    let any = false;
    for (const f of m.fieldMappings) {
      const v = row[f.columnName];
      if (v === undefined || v === null || v === '') continue;
      fields[f.identifier] = v;
      any = true;
    }
    if (any) out.push({ type: m.entityType, fields });
  }
  return out;
}
