/**
 * Which argument of a user function call goes to which parameter. As in Kusto.Language's binder,
 * a named argument (`f(c=7)`) goes to the parameter of that name and an unnamed one to the
 * parameter at its position; since an unnamed argument may only follow named ones that are in
 * their own position, the unnamed arguments fill the parameters not named, in order.
 */
import type { FunctionParam, Span } from '../../plan/plan.js';
import { errorCodes, KqlRuntimeError } from '../errors.js';

/** The argument of each parameter (undefined: not given, the default applies). */
export function argumentsByParameter<T>(
  params: readonly FunctionParam[],
  positional: readonly T[],
  named: Readonly<Record<string, T>>,
  span: Span,
): (T | undefined)[] {
  const out: (T | undefined)[] = params.map(() => undefined);
  const namedCount = Object.keys(named).length;
  if (positional.length + namedCount > params.length)
    throw new KqlRuntimeError(
      errorCodes.badArguments,
      `expected at most ${params.length} arguments, got ${positional.length + namedCount}`,
      span,
    );
  for (const [name, arg] of Object.entries(named)) {
    const i = params.findIndex((p) => p.name === name);
    if (i < 0)
      throw new KqlRuntimeError(
        errorCodes.badArguments,
        `the function has no parameter named '${name}'`,
        span,
      );
    out[i] = arg;
  }
  let next = 0;
  for (const arg of positional) {
    while (next < params.length && out[next] !== undefined) next++;
    out[next++] = arg;
  }
  return out;
}
