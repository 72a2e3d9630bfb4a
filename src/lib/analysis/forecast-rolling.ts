/**
 * The forecast check over rolling monthly splits: for each month s with enough history, score
 * the cells on the `trainingMonths` months before s and check the flag on the `horizonMonths`
 * months from s (forecast-check.ts). Defaults: a quarter of history (3 months, "how much were
 * last quarter's hot spots worth") against the next month.
 */
import { AnalysisInputError } from './errors';
import { forecastCheck, type ForecastAreas, type ForecastRow } from './forecast-check';

/** Options of the rolling check. */
export interface RollingOptions extends ForecastAreas {
  /** Months of history a score is built on (default 3). */
  trainingMonths?: number;
  /** Months after the split the flag is scored on (default 1). */
  horizonMonths?: number;
  /**
   * Score per cell from the training months' summed counts (and the months themselves, oldest
   * first): e.g. `(x) => giStar(x, nb).z`. Default: the summed counts.
   */
  score?: (summed: Float64Array, months: ReadonlyArray<ArrayLike<number>>) => ArrayLike<number>;
}

/** The check at one split: month index of the split (the first month scored) and its rows. */
export interface RollingSplit {
  splitMonth: number;
  rows: ForecastRow[];
}

/** Mean hit rate and PAI at one share over the splits that had seizures after them. */
export interface RollingSummary {
  sharePct: number;
  splits: number;
  meanHitRate: number | null;
  meanPai: number | null;
}

function sumMonths(months: ReadonlyArray<ArrayLike<number>>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (const month of months) for (let i = 0; i < n; i++) out[i] += month[i];
  return out;
}

/**
 * Forecast checks over rolling monthly splits. `monthlyCounts[t][i]` = seizures in month t
 * (oldest first) in cell i of the study area; areas in square metres. Splits run from month
 * `trainingMonths` to the last month that leaves `horizonMonths` after it; none when the
 * window is too short. Throws AnalysisInputError when months differ in cell count.
 *
 * @example
 * rollingForecast(countsPerMonth, { cellAreaM2: hexAreaM2(1000), studyAreaM2: provinceM2 });
 * // [{ splitMonth: 3, rows: [{ sharePct: 1, hitRate: 0.21, pai: 21, ... }, ...] }, ...]
 */
export function rollingForecast(
  monthlyCounts: ReadonlyArray<ArrayLike<number>>,
  options: RollingOptions,
): RollingSplit[] {
  const training = options.trainingMonths ?? 3;
  const horizon = options.horizonMonths ?? 1;
  if (!(Number.isInteger(training) && training >= 1 && Number.isInteger(horizon) && horizon >= 1)) {
    throw new AnalysisInputError('invalid_value', 'training and horizon must be whole months >= 1');
  }
  const n = monthlyCounts[0]?.length ?? 0;
  monthlyCounts.forEach((month, t) => {
    if (month.length !== n) {
      throw new AnalysisInputError('length_mismatch', `month ${t} has a different cell count`);
    }
  });
  const splits: RollingSplit[] = [];
  for (let s = training; s + horizon <= monthlyCounts.length; s++) {
    const history = monthlyCounts.slice(s - training, s);
    const summed = sumMonths(history, n);
    const scores = options.score ? options.score(summed, history) : summed;
    const after = sumMonths(monthlyCounts.slice(s, s + horizon), n);
    splits.push({ splitMonth: s, rows: forecastCheck(scores, after, options) });
  }
  return splits;
}

/**
 * Mean hit rate and PAI per share over rolling splits, leaving out splits without seizures
 * after them (their hit rate is undefined).
 *
 * @example
 * summarizeRolling(rollingForecast(countsPerMonth, { cellAreaM2 }));
 * // [{ sharePct: 1, splits: 21, meanHitRate: 0.18, meanPai: 17.9 }, ...]
 */
export function summarizeRolling(splits: ReadonlyArray<RollingSplit>): RollingSummary[] {
  const shares = splits[0]?.rows.map((r) => r.sharePct) ?? [];
  return shares.map((sharePct, k) => {
    const scored = splits.map((s) => s.rows[k]).filter((r) => r.hitRate !== null);
    const mean = (pick: (r: ForecastRow) => number) =>
      scored.length ? scored.reduce((a, r) => a + pick(r), 0) / scored.length : null;
    return {
      sharePct,
      splits: scored.length,
      meanHitRate: mean((r) => r.hitRate!),
      meanPai: mean((r) => r.pai!),
    };
  });
}
