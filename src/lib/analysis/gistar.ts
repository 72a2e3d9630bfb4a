/**
 * Getis-Ord Gi* hot spots, exactly as DESIGN.md section 6 states it (the form of R spdep's
 * localG with include.self and binary weights, and of ArcGIS's Hot Spot Analysis):
 *
 *   z_i = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2) / (n - 1)))
 *   W_i = sum_j w_ij, S1_i = sum_j w_ij^2 (both the neighbour count, weights being 0 or 1),
 *   xbar = sum x / n, S = sqrt(sum x^2 / n - xbar^2) (computed as sqrt(sum (x - xbar)^2 / n),
 *   the same number with less rounding, as spdep does).
 *
 * p is two-sided from the standard normal. Class = sign(z) x 3, 2 or 1 when p <= 0.01, 0.05 or
 * 0.10 (99, 95, 90 % confidence), else 0.
 *
 * With `fdr`, the Benjamini-Hochberg procedure runs over the p values of all n cells and a
 * cell's class is the highest level whose alpha its BH-adjusted p (fdr.ts) does not exceed.
 * That is BH's step-up rule applied once per confidence level, as ArcGIS's "Apply False
 * Discovery Rate Correction" does; `p` stays the unadjusted value, `pAdjusted` carries BH's.
 *
 * Degenerate input gives z = 0, p = 1, class 0 rather than NaN (JSON has no NaN): every value
 * equal (S = 0: nothing stands out), fewer than 2 cells, or a cell whose band takes in every
 * cell (n W_i - W_i^2 = 0). The caller should refuse the last beforehand (`bandCoverage`).
 */
import { AnalysisInputError } from './errors';
import { benjaminiHochberg } from './fdr';
import type { NeighbourList } from './neighbours';
import { twoSidedP } from './normal';

/** The confidence levels of the classes: class 3 at alpha 0.01, 2 at 0.05, 1 at 0.10. */
export const GI_CONFIDENCE = Object.freeze([
  { level: 3, confidence: 0.99, alpha: 0.01 },
  { level: 2, confidence: 0.95, alpha: 0.05 },
  { level: 1, confidence: 0.9, alpha: 0.1 },
] as const);

/** Options of `giStar`. */
export interface GiStarOptions {
  /** Classify by Benjamini-Hochberg adjusted p values (false discovery rate). Default false. */
  fdr?: boolean;
}

/** Gi* per cell, parallel to the cells of the neighbour list. */
export interface GiStarResult {
  /** z score (standard deviations). */
  z: Float64Array;
  /** Two-sided p value from the normal, unadjusted. */
  p: Float64Array;
  /** BH-adjusted p values, when `fdr` was set. */
  pAdjusted?: Float64Array;
  /** -3..3: sign of z times the confidence level met (3 = 99 %, 2 = 95 %, 1 = 90 %). */
  classes: Int8Array;
  fdr: boolean;
  /** Mean value per cell (xbar) and its population standard deviation (S). */
  mean: number;
  sd: number;
}

/**
 * Class -3..3 of a z score from its (possibly adjusted) two-sided p value: sign(z) times 3, 2
 * or 1 when p <= 0.01, 0.05 or 0.10, else 0.
 *
 * @example
 * giClass(2.1, 0.0357); // 2
 * giClass(-1.7, 0.0891); // -1
 */
export function giClass(z: number, p: number): number {
  if (!(z !== 0)) return 0;
  for (const { level, alpha } of GI_CONFIDENCE) {
    if (p <= alpha) return z > 0 ? level : -level;
  }
  return 0;
}

/**
 * Getis-Ord Gi* of a value per cell (counts or any measure; unitless in the result) over
 * binary distance-band neighbours that include the cell itself. Values are in the order of the
 * cells the neighbour list was built on; the input is not modified. Throws AnalysisInputError
 * on a length mismatch or a non-finite value.
 *
 * @example
 * const cells = [{ q: 0, r: 0 }, { q: 1, r: 0 }, { q: 2, r: 0 }, { q: 3, r: 0 }];
 * const gi = giStar([2, 2, 0, 0], buildNeighbours(cells, 1000, 1000));
 * gi.z; // [sqrt 3, 1, -1, -sqrt 3] (worked in tests/unit/analysis-gistar.test.ts)
 * gi.classes; // [1, 0, 0, -1] (p = 0.0833 for |z| = sqrt 3)
 */
export function giStar(
  values: ArrayLike<number>,
  nb: NeighbourList,
  options: GiStarOptions = {},
): GiStarResult {
  const n = values.length;
  if (n !== nb.n) {
    throw new AnalysisInputError('length_mismatch', `${n} values for ${nb.n} cells`, {
      values: n,
      cells: nb.n,
    });
  }
  let sum = 0;
  let allEqual = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      throw new AnalysisInputError('invalid_value', `value ${v} at cell ${i}`, { cell: i });
    }
    sum += v;
    if (v !== values[0]) allEqual = false;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = allEqual ? 0 : Math.sqrt(ss / n);

  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  const { offsets, indices } = nb;
  if (sd > 0 && n > 1) {
    for (let i = 0; i < n; i++) {
      const from = offsets[i];
      const to = offsets[i + 1];
      let lag = 0;
      for (let k = from; k < to; k++) lag += values[indices[k]];
      const w = to - from;
      const spread = (n * w - w * w) / (n - 1);
      if (spread <= 0) continue;
      z[i] = (lag - mean * w) / (sd * Math.sqrt(spread));
      p[i] = twoSidedP(z[i]);
    }
  }
  const fdr = options.fdr === true;
  const pAdjusted = fdr ? benjaminiHochberg(p) : undefined;
  const decide = pAdjusted ?? p;
  const classes = new Int8Array(n);
  for (let i = 0; i < n; i++) classes[i] = giClass(z[i], decide[i]);
  return { z, p, pAdjusted, classes, fdr, mean, sd };
}
