import type { Feature, Polygon } from 'geojson';
import { MIN_TREND_STEPS, hexCentre, parseCellId, utmToWgs84 } from '../../analysis';
import type { HotspotQuery } from './hotspot-query';
import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import { nearestPlaces, type NearestPlace } from '../repositories/hotspot-places';
import { hotAreas } from './briefing-areas';
import { hotspots, type HotspotProperties } from './hotspots';
import { emerging } from './hotspots-emerging';
import { forecast, type ForecastResult, type ForecastSplit } from './hotspots-forecast';

/** How many hot-spot areas the briefing lists. */
export const BRIEFING_TOP = 8;

/** A hot-spot area as the briefing lists it (briefing-areas.ts), numbered as on its map. */
export interface BriefingHotSpot {
  rank: number;
  /** The area's cell with the most seizures, which places it. */
  cell_id: string;
  /** Cells in the area and seizures in them. */
  cells: number;
  seizures: number;
  /** The highest class and z of its cells. */
  class: number;
  gi_z: number;
  /** Centre of the placing cell, [lon, lat]. */
  centre: [number, number];
  nearest: NearestPlace | null;
  /** The placing cell's emerging category, or null when the window is too short for a trend. */
  trend: string | null;
}

/** The ranker the briefing's forecast check reads: the hot spots themselves (Gi* z). */
export const FORECAST_RANKER = 'gi_z' as const;

export interface BriefingForecastRow {
  share_pct: number;
  hit_rate: number | null;
  pai: number | null;
}

/** Why a section the window cannot support is left out (the API's 400 codes). */
export type SkipReason = 'too_few_steps' | 'too_many_steps';

export interface BriefingForecast {
  ranker: typeof FORECAST_RANKER;
  /** The last three months scored on the flag of the three before; null under six months. */
  last_quarter: {
    training: { start: string | null; end: string };
    scored: { start: string; end: string };
    rows: (BriefingForecastRow & { hits: number; total: number })[];
  } | null;
  /** Means over the rolling monthly splits (3 months learnt, the next one scored). */
  rolling: { splits: number; rows: BriefingForecastRow[] };
  /** Set when the window could not be checked at all. */
  skipped: SkipReason | null;
}

/** The hot-spot sections of the briefing. */
export interface BriefingHotSpots {
  /** The significant cells (class other than 0), for the map; the rest print as the land. */
  cells: Feature<Polygon, { cell_id: string; count: number; class: number }>[];
  hotspots: {
    cell_m: number;
    distance_m: number;
    fdr: boolean;
    cells: number;
    points: number;
    hot: number;
    cold: number;
  };
  top: BriefingHotSpot[];
  trend: { available: boolean; steps: number; min_steps: number; skipped: SkipReason | null };
  forecast: BriefingForecast;
}

/**
 * The hot spots of the briefing's province and period (GET /api/hotspots), the emerging
 * category of each top hot spot (GET /api/hotspots/emerging, monthly steps) and the forecast
 * check (GET /api/hotspots/forecast), through the same services those routes call. A window
 * of fewer than MIN_TREND_STEPS months still gives the hot spots, with the trend marked
 * unavailable rather than the whole briefing refused.
 */
export async function hotSpotSections(
  sql: Sql,
  query: HotspotQuery,
  /** Months in the window, for the trend's note when the analysis gives no count. */
  months: number,
): Promise<BriefingHotSpots> {
  const map = await hotspots(sql, query);
  const s = map.summary;
  const trends = await emergingCategories(sql, query);
  const check = await forecastCheck(sql, query);
  return {
    cells: map.features
      .filter((f) => f.properties.class !== 0)
      .map((f) => ({
        ...f,
        properties: {
          cell_id: f.properties.cell_id,
          count: f.properties.count,
          class: f.properties.class,
        },
      })),
    hotspots: {
      cell_m: s.cell_m,
      distance_m: s.distance_m,
      fdr: s.fdr,
      cells: s.cells,
      points: s.points,
      hot: s.hot,
      cold: s.cold,
    },
    top: await topAreas(sql, query, map.features, trends.categories),
    trend: {
      available: trends.categories !== null,
      steps: trends.steps ?? months,
      min_steps: MIN_TREND_STEPS,
      skipped: trends.skipped,
    },
    forecast: check,
  };
}

async function topAreas(
  sql: Sql,
  query: HotspotQuery,
  features: { properties: HotspotProperties }[],
  trends: Map<string, string> | null,
): Promise<BriefingHotSpot[]> {
  const areas = hotAreas(features.map((f) => f.properties)).slice(0, BRIEFING_TOP);
  const centres = areas.map(({ cell }) => {
    const { q, r } = parseCellId(cell.cell_id)!;
    return hexCentre(q, r, query.cellM);
  });
  const places = await nearestPlaces(sql, query.filter.province, centres);
  return areas.map((a, i) => {
    const [lon, lat] = utmToWgs84(...centres[i]);
    const place = places[i];
    return {
      rank: i + 1,
      cell_id: a.cell.cell_id,
      cells: a.cells,
      seizures: a.seizures,
      class: a.class,
      gi_z: a.gi_z,
      centre: [round7(lon), round7(lat)],
      nearest: place ? { ...place, distance_m: Math.round(place.distance_m) } : null,
      trend: trends ? (trends.get(a.cell.cell_id) ?? null) : null,
    };
  });
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/**
 * Emerging category per cell id over monthly steps, or null with the reason when the window
 * has too few steps for a trend (or too many for one request): the briefing goes on without.
 */
async function emergingCategories(
  sql: Sql,
  query: HotspotQuery,
): Promise<{
  categories: Map<string, string> | null;
  steps: number | null;
  skipped: SkipReason | null;
}> {
  try {
    const result = await emerging(sql, query, 'month');
    return {
      categories: new Map(
        result.features.map((f) => [f.properties.cell_id, f.properties.category]),
      ),
      steps: result.summary.steps.length,
      skipped: null,
    };
  } catch (e) {
    const skipped = skipReason(e);
    if (!skipped) throw e;
    const steps = (e as ApiError).details as { steps?: unknown } | undefined;
    return {
      categories: null,
      steps: typeof steps?.steps === 'number' ? steps.steps : null,
      skipped,
    };
  }
}

/** The refusals of the step window that mean "not for this window", not "bad request". */
function skipReason(e: unknown): SkipReason | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  if (e.code === 'too_few_steps' || e.code === 'window_too_short') return 'too_few_steps';
  if (e.code === 'too_many_steps' || e.code === 'too_many_cell_steps') return 'too_many_steps';
  return null;
}

const rowsOf = (results: ForecastResult[]) =>
  results
    .filter((r) => r.ranker === FORECAST_RANKER)
    .map((r) => ({
      share_pct: r.share_pct,
      hit_rate: r.hit_rate,
      pai: r.pai,
      hits: r.hits,
      total: r.total,
    }));

/** The forecast check over rolling monthly splits (GET /api/hotspots/forecast's defaults). */
async function forecastCheck(sql: Sql, query: HotspotQuery): Promise<BriefingForecast> {
  const none = { ranker: FORECAST_RANKER, last_quarter: null, rolling: { splits: 0, rows: [] } };
  let result: Awaited<ReturnType<typeof forecast>>;
  try {
    result = await forecast(sql, query, { trainingMonths: 3 });
  } catch (e) {
    const skipped = skipReason(e);
    if (!skipped) throw e;
    return { ...none, skipped };
  }
  const quarter: ForecastSplit | null | undefined = result.last_quarter;
  const summary = (result.summary ?? []).filter((r) => r.ranker === FORECAST_RANKER);
  return {
    ranker: FORECAST_RANKER,
    last_quarter: quarter
      ? { training: quarter.training, scored: quarter.scored, rows: rowsOf(quarter.results) }
      : null,
    rolling: {
      splits: Math.max(0, ...summary.map((r) => r.splits)),
      rows: summary.map((r) => ({
        share_pct: r.share_pct,
        hit_rate: r.mean_hit_rate,
        pai: r.mean_pai,
      })),
    },
    skipped: null,
  };
}
