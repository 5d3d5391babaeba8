/** getschema, serialize, render, as. */
import type { GetSchemaOp, RenderOp, SerializeOp } from '../../plan/plan.js';
import type { ScalarType } from '../../types/scalar.js';
import { relationOf, type Relation } from '../exec/relation.js';
import { createVectorBuilder } from '../table/index.js';
import { extendWith } from './extend.js';
import type { OpEnv } from './common.js';

/** getschema's DataType column: the .NET type Kusto reports for each scalar type. */
const dotnetTypes: Record<ScalarType, string> = {
  bool: 'System.SByte',
  int: 'System.Int32',
  long: 'System.Int64',
  real: 'System.Double',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
  string: 'System.String',
  datetime: 'System.DateTime',
  timespan: 'System.TimeSpan',
  guid: 'System.Guid',
  dynamic: 'System.Object',
};

export function runGetSchema(_op: GetSchemaOp, input: Relation): Relation {
  const n = input.columns.length;
  const names = createVectorBuilder('string', n);
  const ordinals = createVectorBuilder('long', n);
  const dataTypes = createVectorBuilder('string', n);
  const columnTypes = createVectorBuilder('string', n);
  input.columns.forEach((c, i) => {
    names.push(c.name);
    ordinals.push(BigInt(i));
    dataTypes.push(dotnetTypes[c.type]);
    columnTypes.push(c.type);
  });
  return relationOf(
    [
      { name: 'ColumnName', type: 'string' },
      { name: 'ColumnOrdinal', type: 'long' },
      { name: 'DataType', type: 'string' },
      { name: 'ColumnType', type: 'string' },
    ],
    [{ length: n, columns: [names.finish(), ordinals.finish(), dataTypes.finish(), columnTypes.finish()] }],
    true,
  );
}

export function runSerialize(op: SerializeOp, input: Relation, env: OpEnv): Relation {
  const serialized: Relation = { ...input, serialized: true };
  return op.columns.length === 0
    ? serialized
    : { ...extendWith(op.columns, serialized, env), serialized: true };
}

export function runRender(op: RenderOp, input: Relation): Relation {
  return { ...input, render: { chart: op.chart, properties: op.properties } };
}
