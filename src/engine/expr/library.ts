/**
 * The engine's one door into the scalar library (src/engine/scalar): binding functions,
 * operators, list comparisons, `between` and member access, and parsing literal text.
 */
export {
  bindBetween,
  bindBinary,
  bindFunction,
  bindIndex,
  bindListComparison as bindList,
  bindMember,
  bindUnary,
  isScalarFunction,
  parseLiteral,
} from '../scalar/index.js';
