/**
 * Typed wrapper over `GET /api/effort` (DESIGN.md section 6, effort-aware rates): per hex cell
 * the planned and patrolled km per week, seizures per 100 patrol-km and a status against the
 * province's overall rate. Answers come back in the hot-spot collection's shape (count =
 * seizures, no Gi* fields) so the hot-spot layer and panel draw them like any other mode.
 */
import type { EffortStatus } from './analysis/effort';
import { ApiError, getJson } from './api';
import {
  hotspotSearchParams,
  type HotspotCollection,
  type HotspotQuery,
  type HotspotSummary,
} from './hotspots-api';

export type { EffortStatus } from './analysis/effort';
export { EFFORT_STATUSES } from './analysis/effort';

/** What /api/effort says about the whole answer, kept on the summary as `effort`. */
export interface EffortSummary {
  basis: 'plan' | 'patrols';
  alpha: number;
  min_expected: number;
  weeks: number;
  overall_rate_per_100km: number | null;
  patrols: number;
  effort_km: number;
  seizures: number;
  by_status: Record<EffortStatus, number>;
}

interface EffortAnswer {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: HotspotCollection['features'][number]['geometry'];
    properties: {
      cell_id: string;
      seizures: number;
      planned_km_week: number;
      patrolled_km_week: number;
      rate_per_100km: number | null;
      status: EffortStatus;
    };
  }[];
  summary: EffortSummary & { province: HotspotSummary['province']; cell_m: number; cells: number };
}

/** `GET /api/effort` for one province, in the hot-spot collection's shape. */
export async function fetchEffort(
  query: HotspotQuery,
  init: RequestInit = {},
  fetchFn: typeof fetch = fetch,
): Promise<HotspotCollection> {
  // Effort takes the seizure filters and the cell size, nothing of Gi*.
  const { fdr: _fdr, step: _step, distance: _d, bandwidth: _b, ...rest } = query;
  const body = (await getJson(`/api/effort?${hotspotSearchParams(rest)}`, init, fetchFn)) as
    Partial<EffortAnswer> | undefined;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features) || !body.summary)
    throw new ApiError(200, 'bad_response', 'the effort answer is not a FeatureCollection');
  const s = body.summary;
  return {
    type: 'FeatureCollection',
    features: body.features.map((f) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: {
        cell_id: f.properties.cell_id,
        count: f.properties.seizures,
        density: 0,
        gi_z: 0,
        gi_p: 1,
        class: 0,
        status: f.properties.status,
        rate_per_100km: f.properties.rate_per_100km,
        planned_km_week: f.properties.planned_km_week,
        patrolled_km_week: f.properties.patrolled_km_week,
      },
    })),
    summary: {
      province: s.province,
      cell_m: s.cell_m,
      distance_m: 0,
      fdr: false,
      from: null,
      to: null,
      cells: s.cells,
      points: s.seizures,
      hot: 0,
      cold: 0,
      top: [],
      effort: s,
    },
  };
}
