/**
 * The planner's types, as the API contract of issue 9 gives them (notes/common.md): plans,
 * coverage and suggestions. The page edits routes as `PlanRoute` (a line and its settings).
 */
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiPolygon,
  Point,
  Position,
} from 'geojson';
import type { Agency, Province } from '$lib/domain';

export interface PlanSummary {
  id: number;
  name: string;
  province: Province;
  agency: Agency;
  unit: string | null;
  note: string | null;
  risk_from: string | null;
  risk_to: string | null;
  risk_categories: string[] | null;
  version: number;
  route_count: number;
  length_km: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface RouteProperties {
  name: string;
  province: Province;
  agency: Agency;
  unit: string | null;
  radius_m: number;
  shifts_per_week: number;
  version: number;
  length_km: number;
  plan_id: number | null;
  updated_by?: string | null;
  updated_at?: string;
}

export interface Plan extends PlanSummary {
  routes: FeatureCollection<LineString, RouteProperties>;
}

/** A route as the page edits it: `id` set for a saved route, `key` unique on the page. */
export interface PlanRoute {
  key: string;
  id?: number;
  name: string;
  agency: Agency;
  unit: string | null;
  radius_m: number;
  shifts_per_week: number;
  coordinates: Position[];
  updated_by?: string | null;
}

export interface CoverageSegment {
  code: string;
  name_vi: string;
  name_en: string;
  frontier_km: number;
  covered_km: number;
  covered_pct: number | null;
  patrol_km_week: number;
  passes_per_week: number;
  revisit_hours: number | null;
}

export interface CrossingItem {
  name_vi: string;
  name_en: string;
  kind: 'gate' | 'waterway' | 'trail';
  covered: boolean;
  lon: number;
  lat: number;
}

export interface Coverage {
  province: Province;
  window: { from: string; to: string };
  frontier_km: number;
  covered_km: number;
  uncovered_km: number;
  covered_pct: number | null;
  segments: CoverageSegment[];
  gaps: FeatureCollection<
    LineString,
    { segment: string; name_vi: string; name_en: string; length_km: number }
  >;
  crossings: {
    total: number;
    covered: number;
    uncovered: FeatureCollection<
      Point,
      { name_vi: string; name_en: string; kind: string; detail?: string }
    >;
    items: CrossingItem[];
  };
  risk_captured_pct: number | null;
  seizures: { total: number; captured: number };
  seizures_captured_pct: number | null;
  area_pct: number | null;
  pai: number | null;
  patrol_km_week: number;
  coverage: Feature<MultiPolygon> | null;
}

export interface Suggestion {
  rank: number;
  geometry: LineString;
  length_km: number;
  along: { kind: 'frontier' | 'waterway' | 'trail'; name_vi: string; name_en: string };
  marginal_risk_pct: number;
  cumulative_risk_pct: number;
  crossings: { name_vi: string; name_en: string; kind: string }[];
}

export interface Suggestions {
  budget_km: number;
  used_km: number;
  risk_before_pct: number;
  risk_after_pct: number;
  suggestions: Suggestion[];
}
