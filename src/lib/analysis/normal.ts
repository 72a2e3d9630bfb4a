/**
 * The standard normal distribution's tails, for p values of z scores (Gi*, Mann-Kendall).
 *
 * erfc is computed by two textbook expansions (Abramowitz and Stegun 7.1.6 and 7.1.14) summed
 * until the next term no longer changes the result, so no fitted coefficients are involved:
 * below ERFC_SWITCH (|z| < 1.56) the all-positive series of erf (no cancellation; erfc = 1 - erf
 * to about 5e-16 absolute, 5e-15 relative as erfc > 0.11 there), above it the continued fraction
 * of erfc (relative accuracy a few 1e-15, down to erfc(26) = 5.6e-296, the limit of doubles).
 * Checked against R's pnorm in tests/unit/analysis-normal.test.ts.
 */

/** Where erfc switches from the series of erf to the continued fraction (dimensionless). */
export const ERFC_SWITCH = 1.1;

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const TINY = 1e-300;
const EPS = 1e-17;

/** erf(x) for 0 <= x < ERFC_SWITCH: (2/sqrt(pi)) e^(-x^2) sum_n (2x^2)^n x / (1*3*...*(2n+1)). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * EPS) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * erfc(x) for x >= ERFC_SWITCH from the even part of the continued fraction of A&S 7.1.14:
 * erfc(x) = 2x e^(-x^2) / sqrt(pi) / (2x^2 + 1 - 1*2 / (2x^2 + 5 - 3*4 / (2x^2 + 9 - ...))),
 * evaluated front to back by the modified Lentz method (under 80 terms at the switch).
 */
function erfcContinuedFraction(x: number, expMinusX2: number): number {
  const twoX2 = 2 * x * x;
  let f = twoX2 + 1;
  let c = f;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = -(2 * k - 1) * (2 * k);
    const b = twoX2 + 1 + 4 * k;
    d = b + a * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + a / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return (2 * x * ONE_OVER_SQRT_PI * expMinusX2) / f;
}

/**
 * e^(-x^2 / scale) without the rounding of x^2 (which costs x^2 ulp, 7e-14 relative at x = 26):
 * split x = hi + lo with hi on 16 fraction bits, so hi^2 is exact, and x^2 = hi^2 + lo (x + hi).
 * scale is 1 or 2, so the division is exact too.
 */
function expMinusSquare(x: number, scale: 1 | 2): number {
  const hi = Math.floor(x * 65536) / 65536;
  return Math.exp(-(hi * hi) / scale) * Math.exp(-((x - hi) * (x + hi)) / scale);
}

/** P(Z > z) for z >= 0; e^(-z^2/2) from z itself, as z / sqrt 2 would carry a rounding. */
function upperTailOfPositive(z: number): number {
  const x = z / Math.SQRT2;
  if (x < ERFC_SWITCH) return 0.5 * (1 - erfSeries(x));
  if (x > 27.3) return 0;
  return 0.5 * erfcContinuedFraction(x, expMinusSquare(z, 2));
}

/**
 * Complementary error function erfc(x) = 1 - erf(x) (dimensionless), for any real x.
 *
 * @example
 * erfc(0); // 1
 * erfc(3); // 2.209049699858544e-5
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < ERFC_SWITCH) return 1 - erfSeries(x);
  if (x > 27.3) return 0; // below the smallest subnormal double
  return erfcContinuedFraction(x, expMinusSquare(x, 1));
}

/**
 * Upper tail of the standard normal, P(Z > z) = erfc(z / sqrt 2) / 2 (a probability).
 * normalCdf(z) = normalUpperTail(-z).
 *
 * @example
 * normalUpperTail(1.959963984540054); // 0.025 (to 1e-16)
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z >= 0 ? upperTailOfPositive(z) : 1 - upperTailOfPositive(-z);
}

/**
 * Standard normal cumulative distribution function P(Z <= z) (a probability).
 *
 * @example
 * normalCdf(0); // 0.5
 * normalCdf(-1.6448536269514722); // 0.05 (to 1e-16)
 */
export function normalCdf(z: number): number {
  return normalUpperTail(-z);
}

/**
 * Two-sided p value of a standard normal score: P(|Z| >= |z|) = erfc(|z| / sqrt 2) (a
 * probability in [0, 1]). Computed from the upper tail, so p keeps its relative precision for
 * large |z| instead of rounding to 0 through 1 - cdf.
 *
 * @example
 * twoSidedP(1.959963984540054); // 0.05
 * twoSidedP(0); // 1
 */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return 2 * upperTailOfPositive(Math.abs(z));
}
