/**
 * Emerging hot spots (DESIGN.md section 6, ArcGIS Pro's categories): Gi* per time step over
 * the cells of the study area, a Mann-Kendall trend of each cell's z series, and a category
 * per cell. "Hot" in a step means Gi* class >= 1 (significant at 90 %, after FDR when the
 * steps were computed with it), "cold" class <= -1. With n steps and 90 % read as
 * `count * 10 >= 9 * n` (integers, no rounding):
 *
 * - intensifying / persistent / diminishing: hot in >= 90 % of the steps including the final
 *   one; the trend is significantly up / not significant / significantly down;
 * - oscillating: hot in the final step, cold in some earlier step, hot in < 90 %;
 * - new: hot in the final step only (and never cold, see below);
 * - consecutive: one uninterrupted run of >= 2 hot steps ending in the final step, never hot
 *   before it (and never cold), hot in < 90 %;
 * - sporadic: hot in the final step, hot on and off before, never cold, hot in < 90 %;
 * - historical: not hot in the final step, hot in >= 90 % of the earlier n - 1 steps;
 * - cold ones mirror these (intensifying cold = z trending significantly down); no_pattern else.
 *
 * Where the DESIGN text lets a cell fit two categories, this precedence decides:
 * 1. The final step picks the family: final hot -> a hot category, final cold -> a cold one.
 *    So a cell hot in >= 90 % of earlier steps and cold in the final one is oscillating cold,
 *    not historical hot: the categories that describe the current step come first, and
 *    "historical" applies when the final step is neither hot nor cold.
 * 2. Persistent (like intensifying and diminishing) needs the final step hot: a cell hot in
 *    >= 90 % of all steps but not the final one is historical (rule 1).
 * 3. Oscillating comes before new and consecutive: a cell that was cold and is now hot for the
 *    first time (or in a first run) is oscillating. DESIGN says "new: hot only in the final
 *    step" and "oscillating: hot in the final step, cold in some earlier step"; the flip from
 *    cold to hot is what a commander most needs to hear, and "new" would hide it.
 * 4. Sporadic is what remains of a final-hot cell under 90 %: hot before, not in one final run.
 *
 * Trend significance: `trendAlpha`, default 0.10 (the same 90 % as "hot").
 * Fewer than MIN_TREND_STEPS (10) steps throw AnalysisInputError code 'too_few_steps', which
 * the API answers with a 400.
 */
import { AnalysisInputError } from './errors';
import { giStar, type GiStarResult } from './gistar';
import { DEFAULT_TREND_ALPHA, mannKendallWith, type MannKendallResult } from './mann-kendall';
import type { NeighbourList } from './neighbours';

/** The fewest time steps a Mann-Kendall trend is computed on (DESIGN: under 10 is a 400). */
export const MIN_TREND_STEPS = 10;

/** The categories, hot then cold in the DESIGN's order, then no_pattern. */
export const EMERGING_CATEGORIES = [
  'new_hot',
  'consecutive_hot',
  'intensifying_hot',
  'persistent_hot',
  'diminishing_hot',
  'sporadic_hot',
  'oscillating_hot',
  'historical_hot',
  'new_cold',
  'consecutive_cold',
  'intensifying_cold',
  'persistent_cold',
  'diminishing_cold',
  'sporadic_cold',
  'oscillating_cold',
  'historical_cold',
  'no_pattern',
] as const;

/** An emerging hot spot category. */
export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** What a step must give per cell: z scores and classes -3..3 (a GiStarResult does). */
export interface EmergingStep {
  z: ArrayLike<number>;
  classes: ArrayLike<number>;
}

/** Options of the emerging analysis. */
export interface EmergingOptions {
  /** Significance level of the Mann-Kendall trend (default 0.10). */
  trendAlpha?: number;
}

/** The emerging result of one cell. */
export interface EmergingCell {
  category: EmergingCategory;
  /** Steps in which the cell was hot / cold. */
  hotSteps: number;
  coldSteps: number;
  /** Mann-Kendall trend of the cell's z series. */
  trend: MannKendallResult;
}

type Family = 'hot' | 'cold';

/** The category of a cell whose final step is significant in `family`. */
function finalCategory(
  family: Family,
  sig: Uint8Array,
  count: number,
  opposite: number,
  trend: MannKendallResult['direction'],
): EmergingCategory {
  const n = sig.length;
  if (count * 10 >= 9 * n) {
    const intensifying = family === 'hot' ? 'up' : 'down';
    if (trend === 'none') return `persistent_${family}`;
    return trend === intensifying ? `intensifying_${family}` : `diminishing_${family}`;
  }
  if (opposite > 0) return `oscillating_${family}`;
  if (count === 1) return `new_${family}`;
  let run = 0;
  while (run < n && sig[n - 1 - run]) run++;
  return run === count ? `consecutive_${family}` : `sporadic_${family}`;
}

/**
 * The category of one cell from its classes per step (time order, -3..3) and the direction of
 * its z trend, by the rules and precedence in this file's header.
 *
 * @example
 * categorize([0, 0, 0, 0, 0, 0, 0, 0, 1, 2], 'none'); // 'consecutive_hot'
 * categorize([2, 2, 2, 2, 2, 2, 2, 2, 2, 0], 'none'); // 'historical_hot'
 */
export function categorize(
  classes: ArrayLike<number>,
  trend: MannKendallResult['direction'],
): EmergingCategory {
  return categorizeWith(
    classes,
    trend,
    new Uint8Array(classes.length),
    new Uint8Array(classes.length),
  );
}

/** categorize with scratch flags (length >= the steps'), allocation-free per cell. */
function categorizeWith(
  classes: ArrayLike<number>,
  trend: MannKendallResult['direction'],
  hotScratch: Uint8Array,
  coldScratch: Uint8Array,
): EmergingCategory {
  const n = classes.length;
  const hot = hotScratch.subarray(0, n);
  const cold = coldScratch.subarray(0, n);
  hot.fill(0);
  cold.fill(0);
  let hotCount = 0;
  let coldCount = 0;
  for (let t = 0; t < n; t++) {
    if (classes[t] >= 1) {
      hot[t] = 1;
      hotCount++;
    } else if (classes[t] <= -1) {
      cold[t] = 1;
      coldCount++;
    }
  }
  if (n === 0) return 'no_pattern';
  if (hot[n - 1]) return finalCategory('hot', hot, hotCount, coldCount, trend);
  if (cold[n - 1]) return finalCategory('cold', cold, coldCount, hotCount, trend);
  if (hotCount * 10 >= 9 * (n - 1)) return 'historical_hot';
  if (coldCount * 10 >= 9 * (n - 1)) return 'historical_cold';
  return 'no_pattern';
}

/**
 * Throws AnalysisInputError 'too_few_steps' (a 400 for the API) when a window has fewer time
 * steps than a trend needs; the API can call it before querying anything.
 *
 * @example
 * assertEnoughSteps(9); // throws: "9 time steps; a trend needs at least 10"
 * assertEnoughSteps(12); // returns
 */
export function assertEnoughSteps(steps: number): void {
  if (steps < MIN_TREND_STEPS) {
    throw new AnalysisInputError(
      'too_few_steps',
      `${steps} time steps; a trend needs at least ${MIN_TREND_STEPS}`,
      { steps, minimum: MIN_TREND_STEPS },
    );
  }
}

/**
 * Emerging categories and z trends of every cell from Gi* results per time step (time order,
 * each parallel to the same cells). Throws AnalysisInputError 'too_few_steps' under 10 steps
 * and 'length_mismatch' when the steps differ in cell count.
 *
 * @example
 * const steps = monthlyCounts.map((counts) => giStar(counts, nb, { fdr: true }));
 * classifyEmerging(steps)[0]; // { category: 'persistent_hot', hotSteps: 12, coldSteps: 0, trend: {...} }
 */
export function classifyEmerging(
  steps: ReadonlyArray<EmergingStep>,
  options: EmergingOptions = {},
): EmergingCell[] {
  assertEnoughSteps(steps.length);
  const n = steps[0].z.length;
  for (const [t, step] of steps.entries()) {
    if (step.z.length !== n || step.classes.length !== n) {
      throw new AnalysisInputError('length_mismatch', `step ${t} has a different cell count`, {
        step: t,
        cells: n,
      });
    }
  }
  const alpha = options.trendAlpha ?? DEFAULT_TREND_ALPHA;
  const T = steps.length;
  const z = new Float64Array(T);
  const classes = new Int8Array(T);
  const scratch = new Float64Array(T);
  const hotFlags = new Uint8Array(T);
  const coldFlags = new Uint8Array(T);
  const cells: EmergingCell[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let hotSteps = 0;
    let coldSteps = 0;
    for (let t = 0; t < T; t++) {
      z[t] = steps[t].z[i];
      classes[t] = steps[t].classes[i];
      if (classes[t] >= 1) hotSteps++;
      else if (classes[t] <= -1) coldSteps++;
    }
    const trend = mannKendallWith(z, alpha, scratch);
    const category = categorizeWith(classes, trend.direction, hotFlags, coldFlags);
    cells[i] = { category, hotSteps, coldSteps, trend };
  }
  return cells;
}

/**
 * The whole emerging analysis from counts per time step: Gi* per step over the neighbour list
 * (FDR-corrected when `fdr`), then `classifyEmerging`. Counts per step are parallel to the
 * cells of `nb`, in time order. Checks the step count before any Gi* work.
 *
 * @example
 * const { cells } = emergingHotSpots(countsPerMonth, buildNeighbours(area, 1000, 3000), { fdr: true });
 * cells.filter((c) => c.category === 'new_hot').length;
 */
export function emergingHotSpots(
  countsPerStep: ReadonlyArray<ArrayLike<number>>,
  nb: NeighbourList,
  options: EmergingOptions & { fdr?: boolean } = {},
): { steps: GiStarResult[]; cells: EmergingCell[] } {
  assertEnoughSteps(countsPerStep.length);
  const steps = countsPerStep.map((counts) => giStar(counts, nb, { fdr: options.fdr }));
  return { steps, cells: classifyEmerging(steps, options) };
}
