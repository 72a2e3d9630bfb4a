/**
 * Effort-aware rates (DESIGN.md section 6): seizures per 100 patrol-km per hex cell, and whether
 * a cell yields more or fewer seizures than the patrol effort spent in it would predict.
 *
 * Units: effort in patrol-km over the time window, km per week times weeks; rates in seizures per
 * 100 patrol-km. The overall rate is the province's: seizures in cells with effort divided by
 * the effort in them (seizures where nobody patrolled say nothing about a rate per km). A cell's
 * expected count is effort x overall rate; its count is tested against it by the exact
 * two-sided Poisson test (R's `poisson.test`, poisson.ts) at ALPHA:
 *
 * - `no_patrol`: no effort in the cell at all;
 * - `not_enough_patrol`: expected count under MIN_EXPECTED (4): so little patrol that even
 *   finding nothing could not be told from the overall rate (with 3.75 expected, none found
 *   gives p = 0.061; from 3.8 up, p < 0.042); never called "less than effort" (DESIGN.md: "not
 *   enough patrol to tell", never "cold");
 * - `more_than_effort` / `less_than_effort`: p < ALPHA, count above / below expected;
 * - `as_expected`: the rest.
 *
 * @example
 * // Two cells, 100 and 300 patrol-km over 1 week, 2 and 18 seizures: overall 5 per 100 km.
 * effortStatuses([{ count: 2, kmPerWeek: 100 }, { count: 18, kmPerWeek: 300 }], { weeks: 1 });
 * // cell 0: expected 5, p(2 | 5) = 0.2580 -> as_expected; cell 1: expected 15, p = 0.4359
 */
import { poissonTwoSidedP } from './poisson';

/** Significance level of the test. */
export const EFFORT_ALPHA = 0.05;
/** Fewest expected seizures for a cell's rate to be told from the overall rate. */
export const MIN_EXPECTED = 4;

export const EFFORT_STATUSES = [
  'more_than_effort',
  'as_expected',
  'less_than_effort',
  'not_enough_patrol',
  'no_patrol',
] as const;
export type EffortStatus = (typeof EFFORT_STATUSES)[number];

export interface EffortCellIn {
  /** Seizures in the cell over the time window considered. */
  count: number;
  /** Patrol-km per week in the cell (the basis of the rate: planned or patrolled). */
  kmPerWeek: number;
}

export interface EffortCellOut {
  /** Patrol-km over the time window considered. */
  effortKm: number;
  /** Seizures expected from the effort at the overall rate (0 without effort). */
  expected: number;
  /** Seizures per 100 patrol-km; null without effort. */
  ratePer100Km: number | null;
  /** Two-sided exact Poisson p; null when the cell is not tested. */
  p: number | null;
  status: EffortStatus;
}

export interface EffortSummary {
  alpha: number;
  min_expected: number;
  weeks: number;
  /** Seizures per 100 patrol-km over the cells with effort; null without any effort. */
  overall_rate_per_100km: number | null;
  effort_km: number;
  seizures: number;
  seizures_with_effort: number;
  by_status: Record<EffortStatus, number>;
}

/**
 * Statuses of cells from their counts and effort (km per week) over `weeks` weeks. Inputs are
 * not modified.
 * @example
 * effortStatuses([{ count: 30, kmPerWeek: 100 }, { count: 10, kmPerWeek: 300 }], { weeks: 1 });
 * // overall 10 per 100 km; expected 10 and 30: more_than_effort (p 2.5e-7), less_than_effort
 */
export function effortStatuses(
  cells: ReadonlyArray<EffortCellIn>,
  options: { weeks: number; alpha?: number; minExpected?: number },
): { cells: EffortCellOut[]; summary: EffortSummary } {
  const { weeks } = options;
  const alpha = options.alpha ?? EFFORT_ALPHA;
  const minExpected = options.minExpected ?? MIN_EXPECTED;
  if (!(Number.isFinite(weeks) && weeks > 0)) throw new RangeError(`weeks ${weeks}`);
  let effortKm = 0;
  let withEffort = 0;
  let seizures = 0;
  for (const c of cells) {
    seizures += c.count;
    if (c.kmPerWeek > 0) {
      effortKm += c.kmPerWeek * weeks;
      withEffort += c.count;
    }
  }
  const rate = effortKm > 0 ? withEffort / effortKm : null;
  const byStatus = Object.fromEntries(EFFORT_STATUSES.map((s) => [s, 0])) as Record<
    EffortStatus,
    number
  >;
  const out = cells.map((c): EffortCellOut => {
    const km = c.kmPerWeek > 0 ? c.kmPerWeek * weeks : 0;
    let cell: EffortCellOut;
    if (km === 0 || rate === null) {
      cell = { effortKm: 0, expected: 0, ratePer100Km: null, p: null, status: 'no_patrol' };
    } else {
      const expected = km * rate;
      const ratePer100Km = (100 * c.count) / km;
      if (expected < minExpected) {
        cell = { effortKm: km, expected, ratePer100Km, p: null, status: 'not_enough_patrol' };
      } else {
        const p = poissonTwoSidedP(c.count, expected);
        const status: EffortStatus =
          p >= alpha ? 'as_expected' : c.count > expected ? 'more_than_effort' : 'less_than_effort';
        cell = { effortKm: km, expected, ratePer100Km, p, status };
      }
    }
    byStatus[cell.status]++;
    return cell;
  });
  return {
    cells: out,
    summary: {
      alpha,
      min_expected: minExpected,
      weeks,
      overall_rate_per_100km: rate === null ? null : 100 * rate,
      effort_km: effortKm,
      seizures,
      seizures_with_effort: withEffort,
      by_status: byStatus,
    },
  };
}
