/** The seed of one case: a failure reproduces from (target, run seed, case number). */
export function caseSeed(target: string, seed: number, caseNumber: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < target.length; i++) h = Math.imul(h ^ target.charCodeAt(i), 0x01000193) >>> 0;
  return (h ^ Math.imul(caseNumber + 1, 0x85ebca6b)) >>> 0;
}
