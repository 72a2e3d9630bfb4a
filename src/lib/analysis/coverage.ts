/**
 * Coverage figures of a patrol plan (DESIGN.md section 6) that follow from lengths, areas and
 * counts PostGIS measured in EPSG:32648: shares, the predictive accuracy index, the risk share
 * of a density surface, and the weekly effort and revisit interval per frontier segment.
 * Lengths in metres or kilometres as named, areas in square metres, shares as 0..100 percent.
 */

/** Hours in a week: a stretch visited n times a week waits 168 / n hours between visits. */
export const HOURS_PER_WEEK = 168;

/**
 * `part` as a percentage of `whole`, or null where the whole is 0 (a share of nothing).
 * @example percent(3, 12) // 25
 */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/**
 * Predictive accuracy index: the share of seizures that fell inside the coverage over the share
 * of the study area it covers. 1 is what random placement gets; above 1 the plan sits where
 * seizures happen. Null when there are no seizures or no covered area.
 * @example pai(3, 5, 3.5e6, 1e8) // 17.142857... (0.6 / 0.035)
 */
export function pai(
  captured: number,
  total: number,
  coveredAreaM2: number,
  studyAreaM2: number,
): number | null {
  if (!(total > 0 && coveredAreaM2 > 0 && studyAreaM2 > 0)) return null;
  return captured / total / (coveredAreaM2 / studyAreaM2);
}

/**
 * Share (percent) of a risk surface inside the coverage: the density of the cells whose centres
 * lie inside over the density of all cells. `inside` holds cell indices; null when the surface
 * is zero everywhere (no seizures in the window). Inputs are not modified.
 * @example riskSharePct(Float64Array.of(1, 3, 0, 4), [1, 3]) // 87.5
 */
export function riskSharePct(density: ArrayLike<number>, inside: Iterable<number>): number | null {
  let total = 0;
  for (let i = 0; i < density.length; i++) total += density[i];
  let covered = 0;
  for (const i of new Set(inside)) covered += density[i] ?? 0;
  return percent(covered, total);
}

/** One route's part in a segment's coverage. */
export interface RouteOnSegment {
  /** Times the route is walked or sailed each week. */
  shiftsPerWeek: number;
  /** Metres of the segment inside this route's own buffer. */
  coveredM: number;
}

/**
 * Passes per week at a covered point of a segment, on average over the covered stretch: each
 * route contributes its shifts weighted by the share of the covered stretch its own buffer
 * reaches. Two routes covering the same stretch add up (28 for 14 + 14); two routes covering
 * separate halves do not (14). 0 when nothing of the segment is covered.
 * @example passesPerWeek([{ shiftsPerWeek: 14, coveredM: 4000 }, { shiftsPerWeek: 7, coveredM: 2000 }], 4000) // 17.5
 */
export function passesPerWeek(
  routes: ReadonlyArray<RouteOnSegment>,
  segmentCoveredM: number,
): number {
  if (!(segmentCoveredM > 0)) return 0;
  let sum = 0;
  for (const r of routes) sum += r.shiftsPerWeek * r.coveredM;
  return sum / segmentCoveredM;
}

/**
 * The implied revisit interval: hours between passes at a covered point, 168 / passes per
 * week; null for a stretch nobody passes.
 * @example revisitHours(14) // 12
 */
export function revisitHours(passes: number): number | null {
  return passes > 0 ? HOURS_PER_WEEK / passes : null;
}

/** A route's weekly distance and the frontier metres its buffer covers, per segment. */
export interface RouteEffort {
  shiftsPerWeek: number;
  lengthKm: number;
  /** Frontier metres inside the route's buffer, one entry per segment (same order for all). */
  coveredMBySegment: ReadonlyArray<number>;
}

/**
 * Patrol km per week per segment: each route's weekly km (length x shifts) shared among the
 * segments its buffer reaches, in proportion to the frontier it covers in each. A route that
 * covers no frontier is counted in no segment (it still counts in the plan's total).
 * @example
 * patrolKmWeekBySegment([{ shiftsPerWeek: 7, lengthKm: 10, coveredMBySegment: [3000, 1000] }], 2)
 * // [52.5, 17.5]
 */
export function patrolKmWeekBySegment(
  routes: ReadonlyArray<RouteEffort>,
  segments: number,
): number[] {
  const out = new Array<number>(segments).fill(0);
  for (const r of routes) {
    let total = 0;
    for (const m of r.coveredMBySegment) total += m;
    if (!(total > 0)) continue;
    const weekly = r.shiftsPerWeek * r.lengthKm;
    r.coveredMBySegment.forEach((m, j) => (out[j] += (weekly * m) / total));
  }
  return out;
}
