import {
  FORECAST_SHARES_PCT,
  forecastCheck,
  giStar,
  rollingForecast,
  summarizeRolling,
  type ForecastRow,
  type NeighbourList,
  type RollingSplit,
} from '../../analysis';
import { hotspotError, type HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import {
  analysisReads,
  binSeizures,
  seizurePoints,
  seizurePointsByMonth,
} from '../repositories/hotspot-bins';
import { densityAtCells, placeCounts } from './hotspots';
import { studyArea, studyNeighbours, type StudyArea } from './hotspots-grid';
import { countsPerStep, stepWindow } from './hotspots-window';
import type { TimeStep } from './hotspot-steps';

/**
 * GET /api/hotspots/forecast (DESIGN.md section 6, "Forecast check"): rank the province's cells
 * by what was known before a split (seizure count, quartic density, Gi* z), flag the top 1, 5
 * and 10 % of the study area, and score the flag on the seizures after the split: hit rate and
 * PAI (forecast-check.ts). One split, or rolling monthly splits over the window.
 */

export const RANKERS = ['count', 'density', 'gi_z'] as const;
export type Ranker = (typeof RANKERS)[number];

/** One ranker at one share of the area. */
export interface ForecastResult {
  ranker: Ranker;
  share_pct: number;
  flagged_cells: number;
  /** Share of the seizures after the split in the flagged cells (0..1), null without any. */
  hit_rate: number | null;
  pai: number | null;
  /** Seizures after the split in flagged cells (fractional where cells tied at the cut). */
  hits: number;
  total: number;
}

/** A split: the months it learns from, the months it is scored on, and its results. */
export interface ForecastSplit {
  split: string;
  training: { start: string | null; end: string };
  scored: { start: string; end: string };
  results: ForecastResult[];
}

export interface ForecastOptions {
  /** A split date (`YYYY-MM-DD`, midnight in Vietnam), or none for rolling monthly splits. */
  split?: string;
  /** Months scored after each split (default 3 for one split, 1 for rolling). */
  horizonMonths?: number;
  /** Months each rolling split learns from (default 3). */
  trainingMonths: number;
}

export interface ForecastResponse {
  province: string;
  cell_m: number;
  distance_m: number;
  bandwidth_m: number;
  from: string | null;
  to: string | null;
  cells: number;
  study_area_km2: number;
  shares_pct: number[];
  rankers: Ranker[];
  mode: 'split' | 'rolling';
  horizon_months: number;
  /** One split (mode split). */
  result?: ForecastSplit;
  /** Rolling (mode rolling): every split, the mean per ranker and share, and the last quarter. */
  training_months?: number;
  splits?: ForecastSplit[];
  summary?: {
    ranker: Ranker;
    share_pct: number;
    splits: number;
    mean_hit_rate: number | null;
    mean_pai: number | null;
  }[];
  /**
   * The last three months of the window scored on the flag of the three before, for the one
   * sentence "the top 5 % of the area flagged by last quarter's hot spots held X % of this
   * quarter's seizures, PAI Y"; null when the window has under six months.
   */
  last_quarter?: ForecastSplit | null;
}

const results = (ranker: Ranker, rows: ForecastRow[]): ForecastResult[] =>
  rows.map((r) => ({
    ranker,
    share_pct: r.sharePct,
    flagged_cells: r.flaggedCells,
    hit_rate: r.hitRate,
    pai: r.pai,
    hits: r.hits,
    total: r.total,
  }));

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
/** Midnight in Vietnam of a `YYYY-MM-DD`, `months` calendar months later. */
const vietnamMidnight = (day: string, months = 0) =>
  new Date(
    Date.UTC(
      Number(day.slice(0, 4)),
      Number(day.slice(5, 7)) - 1 + months,
      Number(day.slice(8, 10)),
    ) - VIETNAM_OFFSET_MS,
  );
const dayOf = (at: Date) => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

async function splitCheck(
  sql: Sql,
  query: HotspotQuery,
  area: StudyArea,
  nb: NeighbourList,
  split: string,
  horizonMonths: number,
): Promise<ForecastSplit> {
  const at = vietnamMidnight(split);
  const end = vietnamMidnight(split, horizonMonths);
  const { filter } = query;
  const before = { ...filter, to: filter.to && filter.to < at ? filter.to : at };
  const after = {
    ...filter,
    from: filter.from && filter.from > at ? filter.from : at,
    to: filter.to && filter.to < end ? filter.to : end,
  };
  if ((filter.from && filter.from >= at) || (filter.to && filter.to <= at))
    throw hotspotError('split_outside_window', `split: ${split} must lie inside from..to`, {
      parameter: 'split',
    });
  const reads = await analysisReads(sql, async (tx) => ({
    trained: await binSeizures(tx, before, query.cellM),
    scored: await binSeizures(tx, after, query.cellM),
    xy: await seizurePoints(tx, before),
  }));
  const trained = placeCounts(area, reads.trained).counts;
  const scored = placeCounts(area, reads.scored).counts;
  const density = densityAtCells(area.cells, reads.xy, query.bandwidthM);
  const areas = { cellAreaM2: area.cellAreaM2, studyAreaM2: area.areaM2 };
  const scores: Record<Ranker, ArrayLike<number>> = {
    count: trained,
    density,
    gi_z: giStar(trained, nb).z,
  };
  return {
    split,
    training: { start: query.from, end: dayOf(new Date(at.getTime() - 1)) },
    scored: { start: split, end: dayOf(new Date(after.to.getTime() - 1)) },
    results: RANKERS.flatMap((k) => results(k, forecastCheck(scores[k], scored, areas))),
  };
}

/** The rolling checks, one series per ranker, merged split by split. */
async function rolling(
  sql: Sql,
  query: HotspotQuery,
  area: StudyArea,
  nb: NeighbourList,
  training: number,
  horizon: number,
) {
  const { steps, counts, pts } = await analysisReads(sql, async (tx) => {
    const steps = await stepWindow(tx, query, area, 1);
    if (steps.length < training + horizon) return { steps, counts: [], pts: undefined };
    const { counts } = await countsPerStep(tx, query, area, steps, 1);
    return { steps, counts, pts: await seizurePointsByMonth(tx, query.filter) };
  });
  if (!pts || steps.length < training + horizon)
    throw hotspotError(
      'window_too_short',
      `the window holds ${steps.length} months; rolling splits need at least ${training + horizon} (${training} to learn from, ${horizon} to score)`,
      { months: steps.length, min_months: training + horizon },
    );
  /** Density of the points of months [first, first + months) (steps indices). */
  const densityOf = (first: number, months = training) => {
    const lo = lowerBound(pts.month, steps[first].month);
    const hi = lowerBound(pts.month, steps[first].month + months);
    const xy = { x: pts.x.subarray(lo, hi), y: pts.y.subarray(lo, hi) };
    return densityAtCells(area.cells, xy, query.bandwidthM);
  };
  const areas = { cellAreaM2: area.cellAreaM2, studyAreaM2: area.areaM2 };
  const options = { ...areas, trainingMonths: training, horizonMonths: horizon };
  const series: Record<Ranker, RollingSplit[]> = {
    count: rollingForecast(counts, options),
    density: rollingForecast(counts, {
      ...options,
      score: (_summed, history) => densityOf(counts.indexOf(history[0] as Float64Array)),
    }),
    gi_z: rollingForecast(counts, { ...options, score: (summed) => giStar(summed, nb).z }),
  };
  const describe = (s: number, t: number, h: number, rows: (k: Ranker) => ForecastRow[]) => ({
    split: steps[s].start,
    training: { start: steps[s - t].start, end: steps[s - 1].end },
    scored: { start: steps[s].start, end: steps[s + h - 1].end },
    results: RANKERS.flatMap((k) => results(k, rows(k))),
  });
  const splits = series.count.map((sp, j) =>
    describe(sp.splitMonth, training, horizon, (k) => series[k][j].rows),
  );
  const summary = RANKERS.flatMap((k) =>
    summarizeRolling(series[k]).map((r) => ({
      ranker: k,
      share_pct: r.sharePct,
      splits: r.splits,
      mean_hit_rate: r.meanHitRate,
      mean_pai: r.meanPai,
    })),
  );
  return { steps, counts, splits, summary, areas, densityOf };
}

/** The check of the last three months of `steps` against the flag of the three before. */
function lastQuarter(
  steps: TimeStep[],
  counts: Float64Array[],
  nb: NeighbourList,
  areas: { cellAreaM2: number; studyAreaM2: number },
  densityOf: (first: number, months: number) => Float64Array,
): ForecastSplit | null {
  const L = steps.length;
  if (L < 6) return null;
  const sum = (from: number, to: number) => {
    const out = new Float64Array(nb.n);
    for (let t = from; t < to; t++) for (let i = 0; i < nb.n; i++) out[i] += counts[t][i];
    return out;
  };
  const trained = sum(L - 6, L - 3);
  const scored = sum(L - 3, L);
  const scores: Record<Ranker, ArrayLike<number>> = {
    count: trained,
    density: densityOf(L - 6, 3),
    gi_z: giStar(trained, nb).z,
  };
  return {
    split: steps[L - 3].start,
    training: { start: steps[L - 6].start, end: steps[L - 4].end },
    scored: { start: steps[L - 3].start, end: steps[L - 1].end },
    results: RANKERS.flatMap((k) => results(k, forecastCheck(scores[k], scored, areas))),
  };
}

/** First index of a sorted array whose value is >= v. */
function lowerBound(sorted: Int32Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function forecast(
  sql: Sql,
  query: HotspotQuery,
  options: ForecastOptions,
): Promise<ForecastResponse> {
  const area = await studyArea(sql, query.filter.province, query.cellM);
  const nb = studyNeighbours(area, query.distanceM);
  const base = {
    province: query.filter.province,
    cell_m: query.cellM,
    distance_m: query.distanceM,
    bandwidth_m: query.bandwidthM,
    from: query.from,
    to: query.to,
    cells: area.cells.length,
    study_area_km2: area.areaM2 / 1e6,
    shares_pct: [...FORECAST_SHARES_PCT],
    rankers: [...RANKERS],
  };
  if (options.split) {
    const horizon = options.horizonMonths ?? 3;
    const result = await splitCheck(sql, query, area, nb, options.split, horizon);
    return { ...base, mode: 'split', horizon_months: horizon, result };
  }
  const horizon = options.horizonMonths ?? 1;
  const training = options.trainingMonths;
  const r = await rolling(sql, query, area, nb, training, horizon);
  return {
    ...base,
    mode: 'rolling',
    horizon_months: horizon,
    training_months: training,
    splits: r.splits,
    summary: r.summary,
    last_quarter: lastQuarter(r.steps, r.counts, nb, r.areas, r.densityOf),
  };
}
