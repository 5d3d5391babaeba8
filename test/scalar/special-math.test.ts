// gamma, loggamma, erf, erfc, beta_cdf, beta_inv, beta_pdf: the reference pages' examples, known
// values, and the documented NaN/null cases.
import { approx, bindErrors, table } from './function-table.js';
import { long, nul, real, str } from './support.js';

table('gamma', [
  [[long(5)], 24, 'real'],
  [[real(0.5)], approx(Math.sqrt(Math.PI))],
  [[real(-0.5)], approx(-2 * Math.sqrt(Math.PI))],
  [[real(10.5)], approx(1133278.3889487856)],
  [[long(0)], NaN],
  [[nul('real')], null],
]);
table('loggamma', [
  [[real(10)], approx(Math.log(362880))],
  [[real(0.5)], approx(Math.log(Math.sqrt(Math.PI)))],
  [[real(-0.5)], approx(Math.log(2 * Math.sqrt(Math.PI)))],
]);
const erfRows: [number, number][] = [
  [-3, -0.999977909503001],
  [-2, -0.995322265018953],
  [-1, -0.842700792949715],
  [0, 0],
  [1, 0.842700792949715],
  [2, 0.995322265018953],
  [3, 0.999977909503001],
  [0.1, 0.1124629160182849],
  [5, 0.9999999999984626],
];
table(
  'erf',
  erfRows.map(([x, y]) => [[Number.isInteger(x) ? long(x) : real(x)], approx(y, 1e-13)]),
);
table('erfc', [
  [[long(-3)], approx(1.999977909503001)],
  [[long(-1)], approx(1.842700792949715)],
  [[long(0)], 1],
  [[long(1)], approx(0.157299207050285)],
  [[long(2)], approx(0.00467773498104727)],
  [[long(3)], approx(2.20904969985854e-5)],
  [[real(0.3)], approx(0.6713732405408726)],
  [[long(10)], approx(2.088487583762545e-45)],
]);
table('beta_cdf', [
  [[real(0.9), real(10), real(20)], approx(0.999999999999959)],
  [[real(0.2), real(2), real(3)], approx(0.1808)],
  [[real(1.5), real(10), real(20)], NaN],
  [[real(-10), real(10), real(20)], NaN],
  [[real(0.1), real(-1), real(20)], NaN],
  [[real(0.1), real(20000), real(20)], NaN],
  [[nul('real'), real(1), real(1)], null],
]);
table('beta_inv', [
  [[real(0.1), real(10), real(20)], approx(0.226415022388749)],
  [[real(0.1808), real(2), real(3)], approx(0.2)],
  [[real(1.5), real(10), real(20)], null],
  [[real(0.1), real(-1), real(20)], NaN],
]);
table('beta_pdf', [
  [[real(0.5), real(10), real(20)], approx(0.746176019310951)],
  [[real(0.5), real(1), real(1)], approx(1)],
  [[real(1.5), real(10), real(20)], NaN],
  [[real(-10), real(10), real(20)], NaN],
  [[real(0.1), real(-1), real(20)], NaN],
]);
bindErrors('gamma', [[[str('5')], /argument 1 must be a number, got string/]]);
