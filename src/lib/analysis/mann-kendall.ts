/**
 * Two-sided Mann-Kendall trend test with tie correction, for the z series of a cell in the
 * emerging hot spot analysis (DESIGN.md section 6):
 *
 *   S = sum over i < j of sign(x_j - x_i)
 *   var(S) = (n (n-1) (2n+5) - sum over groups of tied values t (t-1) (2t+5)) / 18
 *   z = (S - 1) / sqrt(var S) if S > 0, (S + 1) / sqrt(var S) if S < 0, 0 if S = 0
 *   p = 2 (1 - Phi(|z|)); tau = S / sqrt((n0 - n1) n0), n0 = n (n-1) / 2, n1 = sum t (t-1) / 2
 *
 * tau is Kendall's tau-b against time (time has no ties), the value R's cor() gives. A series
 * with var(S) = 0 (under 2 values, or all equal) has z = 0, p = 1.
 */
import { twoSidedP } from './normal';

/** Significance level below which a trend counts as up or down, unless given: 90 %. */
export const DEFAULT_TREND_ALPHA = 0.1;

/** The outcome of a Mann-Kendall test. */
export interface MannKendallResult {
  /** Number of values. */
  n: number;
  /** Kendall's S (sum of signs of later minus earlier values). */
  s: number;
  /** Variance of S under no trend, tie-corrected. */
  varS: number;
  /** Standard normal score with continuity correction. */
  z: number;
  /** Two-sided p value. */
  p: number;
  /** Kendall's tau-b between the values and time (-1..1). */
  tau: number;
  /** 'up' or 'down' when p <= alpha, else 'none'. */
  direction: 'up' | 'down' | 'none';
}

/**
 * Mann-Kendall trend of a series in time order (any unit; the result is unitless). `alpha`
 * (default 0.10) decides `direction`. The input is not modified.
 *
 * @example
 * mannKendall([3, 1, 4, 1, 5]);
 * // { n: 5, s: 3, varS: 15.667, z: 0.5053, p: 0.6134, tau: 0.3162, direction: 'none' }
 */
export function mannKendall(
  series: ArrayLike<number>,
  alpha: number = DEFAULT_TREND_ALPHA,
): MannKendallResult {
  return mannKendallWith(series, alpha, new Float64Array(series.length));
}

/**
 * mannKendall with a caller's scratch buffer (length >= the series'), so the emerging analysis
 * does not allocate a sorted copy per cell.
 *
 * @example
 * const scratch = new Float64Array(24);
 * const trends = zSeriesPerCell.map((z) => mannKendallWith(z, 0.1, scratch));
 */
export function mannKendallWith(
  series: ArrayLike<number>,
  alpha: number,
  scratch: Float64Array,
): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = series[i];
    for (let j = i + 1; j < n; j++) {
      const xj = series[j];
      if (xj > xi) s++;
      else if (xj < xi) s--;
    }
  }
  const sorted = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) sorted[i] = series[i];
  sorted.sort();
  let tieTerm = 0;
  let tiedPairs = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    tieTerm += t * (t - 1) * (2 * t + 5);
    tiedPairs += (t * (t - 1)) / 2;
    i = j;
  }
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = varS > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(varS) : 0;
  const p = varS > 0 ? twoSidedP(z) : 1;
  const pairs = (n * (n - 1)) / 2;
  const tauDenominator = Math.sqrt((pairs - tiedPairs) * pairs);
  const tau = tauDenominator > 0 ? s / tauDenominator : 0;
  const direction = p <= alpha && s !== 0 ? (s > 0 ? 'up' : 'down') : 'none';
  return { n, s, varS, z, p, tau, direction };
}
