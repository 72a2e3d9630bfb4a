/**
 * `GET /api/briefing`: everything the printed briefing shows, in one answer (README, "HTTP API").
 * The shape mirrors src/lib/server/services/briefing.ts; pages never import server modules.
 */
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { ApiError, getJson } from '$lib/api';
import type { Agency, Category, Province } from '$lib/domain';

export interface BriefingQuery {
  province: Province;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  category?: readonly Category[];
  agency?: readonly Agency[];
}

export interface NearestPlace {
  layer: string;
  name_vi: string;
  name_en: string;
  distance_m: number;
}

/** A hot-spot area: hot cells that touch, placed by its cell with the most seizures. */
export interface BriefingHotSpot {
  rank: number;
  cell_id: string;
  /** Cells in the area and seizures in them. */
  cells: number;
  seizures: number;
  class: number;
  gi_z: number;
  centre: [number, number];
  nearest: NearestPlace | null;
  /** The emerging category (EMERGING_CATEGORIES), or null when the window is too short. */
  trend: string | null;
}

export interface MonthSeries<K extends string> {
  keys: K[];
  /** `cases[i][j]`: month i of `months`, key j. */
  cases: number[][];
}

/** Why the window could not support a section: too short, or too long for one request. */
export type SkipReason = 'too_few_steps' | 'too_many_steps';

export interface ForecastRow {
  share_pct: number;
  hit_rate: number | null;
  pai: number | null;
}

/** What one patrol plan of the province covers, over the briefing's window. */
export interface BriefingPlan {
  id: number;
  name: string;
  agency: Agency;
  unit: string | null;
  routes: number;
  length_km: number;
  frontier_km: number;
  covered_km: number;
  covered_pct: number | null;
  crossings: { total: number; covered: number };
  risk_captured_pct: number | null;
  /** Share (percent) of the risk from the open reports the reader can see. */
  risk_from_reports_pct: number | null;
  seizures_captured_pct: number | null;
  pai: number | null;
  patrol_km_week: number;
  longest_gap: { name_vi: string; name_en: string; length_km: number } | null;
}

export type { BriefingExchange, ExchangeAgencyFigures as ExchangeAgency } from '$lib/exchange';

import type { BriefingExchange } from '$lib/exchange';

export interface Briefing {
  generated_at: string;
  filters: {
    province: Province;
    from: string | null;
    to: string | null;
    category: Category[] | null;
    agency: Agency[] | null;
  };
  figures: {
    cases: number;
    value_vnd: number;
    subjects: number;
    synthetic: number;
    period: { first: string; last: string } | null;
  };
  /** Every month of the window, `YYYY-MM` in Vietnam time. */
  months: string[];
  by_month_category: MonthSeries<Category>;
  by_month_agency: MonthSeries<Agency>;
  map: {
    outline: MultiPolygon | null;
    frontier: { code: string; name_vi: string; name_en: string; geometry: LineString }[];
    gates: { code: string; name_vi: string; name_en: string; kind: string; geometry: Point }[];
    /** The significant cells only (class other than 0). */
    cells: Feature<Polygon, { cell_id: string; count: number; class: number }>[];
  };
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
  /** The province's plans with routes (at most four), newest change first. */
  plans: BriefingPlan[];
  /** The information exchange over the window, as the reader may see it. */
  exchange?: BriefingExchange;
  trend: { available: boolean; steps: number; min_steps: number; skipped: SkipReason | null };
  forecast: {
    /** What ranks the cells: the hot spots' Gi* z. */
    ranker: 'gi_z';
    /** The last three months scored on the flag of the three before; null under six months. */
    last_quarter: {
      training: { start: string | null; end: string };
      scored: { start: string; end: string };
      rows: (ForecastRow & { hits: number; total: number })[];
    } | null;
    /** Means over rolling monthly splits (3 months learnt, the next one scored). */
    rolling: { splits: number; rows: ForecastRow[] };
    skipped: SkipReason | null;
  };
}

export function briefingSearchParams(q: BriefingQuery): URLSearchParams {
  const params = new URLSearchParams({ province: q.province });
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.category && q.category.length > 0) params.set('category', q.category.join(','));
  if (q.agency && q.agency.length > 0) params.set('agency', q.agency.join(','));
  return params;
}

export async function fetchBriefing(q: BriefingQuery, init: RequestInit = {}): Promise<Briefing> {
  const body = (await getJson(`/api/briefing?${briefingSearchParams(q)}`, init)) as
    Partial<Briefing> | undefined;
  if (!body?.figures || !Array.isArray(body.months) || !Array.isArray(body.top) || !body.map) {
    throw new ApiError(200, 'bad_response', 'the briefing answer lacks its sections');
  }
  return body as Briefing;
}
