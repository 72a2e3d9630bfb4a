import { AnalysisInputError, assertEnoughSteps } from '../../analysis';
import { hotspotError, type HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import { binSeizuresByStep, seizureSpan } from '../repositories/hotspot-bins';
import { cellIndex, type StudyArea } from './hotspots-grid';
import {
  calendarSteps,
  monthNumber,
  stepCount,
  vietnamMonth,
  type TimeStep,
} from './hotspot-steps';

/**
 * The time steps of a request (calendar months or quarters in Vietnam time from `from` to `to`,
 * or from the first to the last matching seizure where the window is open) and the counts per
 * step and cell, with the bounds that keep the work of one request small.
 */

/** Most time steps one request may ask for (ten years of months). */
export const MAX_STEPS = 120;
/** Most cell-steps (cells x steps) one request may ask for: Gi* runs once per step. */
export const MAX_CELL_STEPS = 1_500_000;

/** An analysis refusal (too few steps) as the API's 400 with the same code. */
export function asBadRequest(e: unknown): never {
  if (e instanceof AnalysisInputError) throw hotspotError(e.code, e.message, e.details);
  throw e;
}

/**
 * The steps of the request's window, refusing windows of more than MAX_STEPS steps, or more
 * than MAX_CELL_STEPS for the study area, and, when `minSteps` is given, fewer steps than
 * that (code too_few_steps). Seizures of the filter that fall in a month just outside the
 * named window (a bare `to` ends at midnight UTC, 07:00 in Vietnam) widen it, as in /api/stats.
 */
export async function stepWindow(
  sql: Sql,
  query: HotspotQuery,
  area: StudyArea,
  monthsPerStep: 1 | 3,
  minSteps?: number,
): Promise<TimeStep[]> {
  const span = await seizureSpan(sql, query.filter);
  const named = {
    first: query.window.first ? monthNumber(query.window.first) : undefined,
    last: query.window.last ? monthNumber(query.window.last) : undefined,
  };
  const seen = span && { first: vietnamMonth(span.first), last: vietnamMonth(span.last) };
  const first = Math.min(named.first ?? Infinity, seen?.first ?? Infinity);
  const last = Math.max(named.last ?? -Infinity, seen?.last ?? -Infinity);
  const unit = monthsPerStep === 3 ? 'quarters' : 'months';
  const count =
    Number.isFinite(first) && Number.isFinite(last) ? stepCount(first, last, monthsPerStep) : 0;
  if (count === 0)
    throw hotspotError(
      'too_few_steps',
      'no seizure matches the filters and the window is open: no time steps',
      { steps: 0 },
    );
  try {
    if (minSteps !== undefined && count < minSteps) assertEnoughSteps(count);
  } catch (e) {
    asBadRequest(e);
  }
  if (count > MAX_STEPS)
    throw hotspotError(
      'too_many_steps',
      `the window holds ${count} ${unit}, more than ${MAX_STEPS}; narrow from/to or use step=quarter`,
      { steps: count, max_steps: MAX_STEPS },
    );
  if (count * area.cells.length > MAX_CELL_STEPS) {
    const maxSteps = Math.floor(MAX_CELL_STEPS / area.cells.length);
    throw hotspotError(
      'too_many_cell_steps',
      `${count} ${unit} over ${area.cells.length} cells is more work than one request may do; use at most ${maxSteps} ${unit} or a larger cell`,
      { steps: count, cells: area.cells.length, max_steps: maxSteps },
    );
  }
  return calendarSteps(first, last, monthsPerStep);
}

/** Counts per step (rows) and study-area cell (columns), zeros included, and their total. */
export async function countsPerStep(
  sql: Sql,
  query: HotspotQuery,
  area: StudyArea,
  steps: TimeStep[],
  monthsPerStep: 1 | 3,
): Promise<{ counts: Float64Array[]; total: Float64Array; points: number }> {
  const rows = await binSeizuresByStep(sql, query.filter, query.cellM, monthsPerStep);
  const n = area.cells.length;
  const counts = steps.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  const index = cellIndex(area.cells);
  const first = steps[0].month;
  let points = 0;
  for (const { month, q, r, n: c } of rows) {
    const t = (month - first) / monthsPerStep;
    const i = index(q, r);
    if (i < 0 || t < 0 || t >= steps.length) continue;
    counts[t][i] += c;
    total[i] += c;
    points += c;
  }
  return { counts, total, points };
}
