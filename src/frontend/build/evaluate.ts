/**
 * `evaluate plugin(...)` and `invoke f(...)`.
 *
 * Plugins such as bag_unpack and pivot produce columns that depend on the data: the binder marks
 * their result open, and the plan keeps that (`schema.kind === 'open'`).
 */
import type { TabularCall } from '../../plan/plan.js';
import { nameText } from '../names.js';
import { nodeByRole } from '../syntax.js';
import { base, unsupportedOperator, type OperatorBuilder } from './operators.js';
import { buildArguments } from './scalars.js';
import { rowSchemaColumns } from './tabular.js';

export const evaluateOperator: OperatorBuilder = (node, ctx) => {
  const call = nodeByRole(node, 'FunctionCall');
  const plugin = call === null ? null : nameText(nodeByRole(call, 'Name'));
  if (call === null || plugin === null) return unsupportedOperator('evaluate without a plugin', node, ctx);
  const { args, namedArgs } = buildArguments(call, ctx);
  const schemaClause = nodeByRole(node, 'Schema');
  const rowSchema = schemaClause === null ? null : nodeByRole(schemaClause, 'Schema');
  return {
    kind: 'evaluate',
    plugin: plugin.toLowerCase(),
    args,
    namedArgs,
    outputSchema: rowSchema === null ? null : rowSchemaColumns(rowSchema),
    ...base(node, ctx),
  };
};

export const invokeOperator: OperatorBuilder = (node, ctx) => {
  const fn = nodeByRole(node, 'Function');
  const name = fn === null ? null : nameText(nodeByRole(fn, 'Name'));
  if (fn === null || name === null) return unsupportedOperator('invoke without a function', node, ctx);
  const symbol = fn.semantic?.symbol ?? null;
  const userDefined = symbol === null || symbol.userDefined;
  const call: TabularCall = {
    kind: 'tabularCall',
    name: userDefined ? name : name.toLowerCase(),
    args: buildArguments(fn, ctx).args,
    target: userDefined ? 'user' : 'builtin',
    span: ctx.span(fn),
  };
  return { kind: 'invoke', call, ...base(node, ctx) };
};
