/**
 * Typed wrappers over the hot-spot API (DESIGN.md section 7): `GET /api/hotspots` (Gi* classes
 * and density per hex cell), `/api/hotspots/emerging` (trend categories) and
 * `/api/hotspots/forecast` (how well past hot spots predicted later seizures).
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { ApiError, getJson, layerSearchParams, type StatsQuery } from './api';
import type { EmergingCategory } from './analysis/emerging';
import type { EffortStatus } from './analysis/effort';
import type { EffortSummary } from './effort-api';
import type { Province } from './domain';

export type { EmergingCategory } from './analysis/emerging';
export { EMERGING_CATEGORIES } from './analysis/emerging';

/** Time steps of the emerging analysis. */
export const EMERGING_STEPS = ['month', 'quarter'] as const;
export type EmergingStepKind = (typeof EMERGING_STEPS)[number];

/** The filters of the hot-spot calls: one province (a study area), the seizure filters. */
export interface HotspotQuery extends Omit<StatsQuery, 'province'> {
  province: Province;
  /** Hex size in metres (distance between adjacent centres). */
  cell?: number;
  /** Gi* distance band in metres; the server's default (3 cells) when left out. */
  distance?: number;
  /** Kernel density bandwidth in metres; the server's default when left out. */
  bandwidth?: number;
  /** Benjamini-Hochberg false discovery rate correction of the classes. */
  fdr?: boolean;
  /** Emerging only: the time step. */
  step?: EmergingStepKind;
}

/** A named place near a hot spot: the nearest gate, waterway or trail. */
export interface NearestPlace {
  layer: string;
  name_vi: string | null;
  name_en: string | null;
  distance_m: number;
}

/** One of the strongest hot spots of the answer. */
export interface TopHotspot {
  cell_id: string;
  count: number;
  gi_z: number;
  gi_p: number;
  class: number;
  /** [lon, lat] of the cell's centre. */
  centre: [number, number];
  nearest: NearestPlace | null;
  /** Emerging answers may name the cell's trend category. */
  category?: EmergingCategory;
}

export interface HotspotCell {
  cell_id: string;
  count: number;
  /** Kernel density, seizures per km². */
  density: number;
  gi_z: number;
  gi_p: number;
  /** -3..3: cold or hot at 99, 95, 90 % confidence; 0 not significant. */
  class: number;
  /** Emerging answers only. */
  category?: EmergingCategory;
  trend_z?: number;
  trend_p?: number;
  trend?: string;
  /** Effort answers only (effort-api.ts). */
  status?: EffortStatus;
  rate_per_100km?: number | null;
  planned_km_week?: number;
  patrolled_km_week?: number;
}

export interface HotspotSummary {
  province: Province;
  cell_m: number;
  distance_m: number;
  bandwidth_m?: number;
  fdr: boolean;
  from: string | null;
  to: string | null;
  cells: number;
  points: number;
  hot: number;
  cold: number;
  by_class?: Record<string, number>;
  top: TopHotspot[];
  /** Emerging only: the time steps, oldest first (first and last day), and cells per category. */
  steps?: { start: string; end: string }[];
  by_category?: Partial<Record<EmergingCategory, number>>;
  /** Effort answers only. */
  effort?: EffortSummary;
}

export type HotspotFeature = Feature<Polygon, HotspotCell>;

export interface HotspotCollection extends FeatureCollection<Polygon, HotspotCell> {
  features: HotspotFeature[];
  summary: HotspotSummary;
}

/** The query string of a hot-spot call; defaults (left to the server) are left out. */
export function hotspotSearchParams(query: HotspotQuery): URLSearchParams {
  const params = layerSearchParams(query);
  if (query.cell !== undefined) params.set('cell', String(query.cell));
  if (query.distance !== undefined) params.set('distance', String(query.distance));
  if (query.bandwidth !== undefined) params.set('bandwidth', String(query.bandwidth));
  if (query.fdr !== undefined) params.set('fdr', String(query.fdr));
  if (query.step !== undefined) params.set('step', query.step);
  return params;
}

function checkCollection(body: unknown, what: string): HotspotCollection {
  const fc = body as Partial<HotspotCollection> | undefined;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features) || !fc.summary) {
    throw new ApiError(200, 'bad_response', `${what} is not a FeatureCollection with a summary`);
  }
  if (!Array.isArray(fc.summary.top)) fc.summary.top = [];
  return fc as HotspotCollection;
}

/** `GET /api/hotspots`: every cell of the province with its count, density and Gi* class. */
export async function fetchHotspots(
  query: HotspotQuery,
  init: RequestInit = {},
  fetchFn: typeof fetch = fetch,
): Promise<HotspotCollection> {
  const { step: _step, ...rest } = query;
  const url = `/api/hotspots?${hotspotSearchParams(rest)}`;
  return checkCollection(await getJson(url, init, fetchFn), 'the hot-spot answer');
}

/** `GET /api/hotspots/emerging`: every cell with its trend category. */
export async function fetchEmerging(
  query: HotspotQuery,
  init: RequestInit = {},
  fetchFn: typeof fetch = fetch,
): Promise<HotspotCollection> {
  const url = `/api/hotspots/emerging?${hotspotSearchParams(query)}`;
  return checkCollection(await getJson(url, init, fetchFn), 'the emerging answer');
}

/** Ranks of cells a forecast check compares: by past count, density or Gi* z. */
export const FORECAST_RANKERS = ['count', 'density', 'gi_z'] as const;
export type ForecastRanker = (typeof FORECAST_RANKERS)[number];

/** One ranker at one share of the area. */
export interface ForecastResult {
  ranker: ForecastRanker;
  share_pct: number;
  /** Share of the seizures after the split in the flagged cells (0..1); null without any. */
  hit_rate: number | null;
  pai: number | null;
  hits?: number;
  total?: number;
}

/** A split: the months it learns from, the months it is scored on, and its results. */
export interface ForecastSplit {
  split: string;
  training: { start: string | null; end: string };
  scored: { start: string; end: string };
  results: ForecastResult[];
}

/** `GET /api/hotspots/forecast` without `split`: rolling monthly splits (h12's route). */
export interface ForecastAnswer {
  province: Province;
  cell_m: number;
  mode: 'split' | 'rolling';
  shares_pct: number[];
  rankers: ForecastRanker[];
  horizon_months: number;
  training_months?: number;
  result?: ForecastSplit;
  splits?: ForecastSplit[];
  /** Mean per ranker and share over the rolling splits. */
  summary?: {
    ranker: ForecastRanker;
    share_pct: number;
    splits: number;
    mean_hit_rate: number | null;
    mean_pai: number | null;
  }[];
  /** The window's last three months scored on the flag of the three before; null under six. */
  last_quarter?: ForecastSplit | null;
}

export async function fetchForecast(
  query: HotspotQuery,
  init: RequestInit = {},
  fetchFn: typeof fetch = fetch,
): Promise<ForecastAnswer> {
  const url = `/api/hotspots/forecast?${hotspotSearchParams(query)}`;
  const body = (await getJson(url, init, fetchFn)) as Partial<ForecastAnswer> | undefined;
  if (!body || (body.mode !== 'rolling' && body.mode !== 'split')) {
    throw new ApiError(200, 'bad_response', 'the forecast answer has no mode');
  }
  return body as ForecastAnswer;
}
