/**
 * The exact two-sided Poisson test of a count against an expected count, as R's
 * `poisson.test(x, T = 1, r = m)` computes it (stats package, R 4.x): the p value sums the
 * probabilities of every outcome no more likely than the one observed (relative tolerance
 * 1e-7), so it matches R to rounding.
 */

/** ln(k!) exactly summed below 256, by Stirling's series above (error < 1e-15 relative). */
const LOG_FACT = (() => {
  const t = new Float64Array(256);
  for (let k = 1; k < 256; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT[k];
  const n = k + 1;
  // ln Gamma(n) = (n - 1/2) ln n - n + ln(2 pi)/2 + 1/(12n) - 1/(360n^3) + 1/(1260n^5)
  return (
    (n - 0.5) * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI) +
    1 / (12 * n) -
    1 / (360 * n ** 3) +
    1 / (1260 * n ** 5)
  );
}

/**
 * P(X = k) for X ~ Poisson(m).
 * @example poissonPmf(0, 3); // 0.049787068367863944 (e^-3)
 */
export function poissonPmf(k: number, m: number): number {
  if (k < 0 || !Number.isInteger(k)) return 0;
  if (m === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(m) - m - logFactorial(k));
}

/**
 * P(X <= k), summed from the lower tail (k up to a few thousand in this app).
 * @example poissonCdf(0, 3); // 0.049787068367863944
 */
export function poissonCdf(k: number, m: number): number {
  if (k < 0) return 0;
  let s = 0;
  for (let j = 0; j <= k; j++) s += poissonPmf(j, m);
  return Math.min(1, s);
}

/**
 * P(X >= k), summed upwards until the terms no longer count.
 * @example poissonUpper(7, 3); // 0.0335 (1 - P(X <= 6))
 */
export function poissonUpper(k: number, m: number): number {
  if (k <= 0) return 1;
  let s = 0;
  for (let j = k; ; j++) {
    const p = poissonPmf(j, m);
    s += p;
    if (j > m && p < s * 1e-17) break;
  }
  return Math.min(1, s);
}

const REL_ERR = 1 + 1e-7;

/**
 * Two-sided exact p value of observing `x` events when `m` are expected, R's rule: the sum of
 * P(X = j) over every j with P(X = j) <= P(X = x). x = m gives 1; m = 0 gives 1 for x = 0
 * and 0 otherwise.
 *
 * @example
 * poissonTwoSidedP(10, 4); // 0.008132243 (R: poisson.test(10, 1, 4)$p.value)
 * poissonTwoSidedP(0, 3); // 0.0832956 (P(0) = 0.0498 plus P(X >= 7) = 0.0335)
 */
export function poissonTwoSidedP(x: number, m: number): number {
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`count ${x}`);
  if (!(Number.isFinite(m) && m >= 0)) throw new RangeError(`expected ${m}`);
  if (m === 0) return x === 0 ? 1 : 0;
  if (x === m) return 1;
  const d = poissonPmf(x, m) * REL_ERR;
  if (x < m) {
    // Outcomes above m no more likely than x: from the first such j upwards.
    let j = Math.ceil(m);
    while (poissonPmf(j, m) > d) j++;
    return Math.min(1, poissonCdf(x, m) + poissonUpper(j, m));
  }
  // Outcomes below m no more likely than x: 0 .. y - 1.
  let y = 0;
  while (y <= Math.floor(m) && poissonPmf(y, m) <= d) y++;
  return Math.min(1, poissonCdf(y - 1, m) + poissonUpper(x, m));
}
