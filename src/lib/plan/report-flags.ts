/**
 * The planner's report flags (POST /api/reports/flags): open reports the planner may see that
 * lie within a route's detection radius + 1 km, or inside a hot cell of the last 12 months.
 * Typed to the contract; the markers are the flagged reports' own geometries, taken from the
 * reports layer the map has loaded (the flags carry ids, not geometry).
 */
import type { Feature, FeatureCollection, Geometry, LineString } from 'geojson';
import { getJson } from '$lib/api';
import type { Province } from '$lib/domain';
import type { ReportKind, Tlp } from '$lib/information';
import type { PlanRoute } from './types';

export interface NearRouteFlag {
  id: number;
  title: string;
  kind: ReportKind;
  rating: string;
  tlp: Tlp;
  distance_m: number;
  /** The route it is near: a saved route's id, or `draft:N` for the draft's line N (0-based). */
  route: number | string | null;
  /** The route's name when it has one. */
  route_name?: string | null;
}

export interface HotspotFlag {
  id: number;
  title: string;
  kind: ReportKind;
  rating: string;
  tlp: Tlp;
  cell_id: string | number;
  gi_z: number;
}

export interface ReportFlags {
  near_route: NearRouteFlag[];
  in_hotspot: HotspotFlag[];
}

export interface FlagsRequest {
  province: Province;
  plan?: number;
  routes?: number[];
  draft?: FeatureCollection<LineString>;
}

export function fetchReportFlags(
  request: FlagsRequest,
  signal?: AbortSignal,
): Promise<ReportFlags> {
  return getJson('/api/reports/flags', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  }) as Promise<ReportFlags>;
}

/**
 * The name of the route a flag points at: the plan's route with that id, or for `draft:N` the
 * draft's line N (0-based, as sent), else `#id`.
 * @example routeName(12, [{ id: 12, name: 'Kênh Vĩnh Tế' }]) // 'Kênh Vĩnh Tế'
 */
export function routeName(
  route: NearRouteFlag['route'],
  routes: readonly Pick<PlanRoute, 'id' | 'name'>[],
  draft: readonly Pick<PlanRoute, 'name'>[] = [],
): string {
  if (route === null || route === undefined) return '–';
  if (typeof route === 'string') {
    const n = /^draft:(\d+)$/.exec(route);
    if (!n) return route;
    return draft[Number(n[1])]?.name || `#${Number(n[1]) + 1}`;
  }
  const byId = routes.find((r) => r.id === route);
  if (byId) return byId.name || `#${route}`;
  return `#${route}`;
}

export type FlagReason = 'near_route' | 'in_hotspot' | 'both';

/**
 * The flagged reports as map features: each flagged report's geometry from the reports layer,
 * with `id`, `kind`, `title` and why it is flagged; reports the layer lacks are left out.
 */
export function flagMarkers(
  flags: ReportFlags | null,
  reports: FeatureCollection | null | undefined,
): FeatureCollection<Geometry, { id: number; kind: string; title: string; reason: FlagReason }> {
  const features: Feature<
    Geometry,
    { id: number; kind: string; title: string; reason: FlagReason }
  >[] = [];
  if (flags && reports) {
    const near = new Set(flags.near_route.map((f) => f.id));
    const hot = new Set(flags.in_hotspot.map((f) => f.id));
    for (const f of reports.features) {
      const id = Number(f.id);
      if (!near.has(id) && !hot.has(id)) continue;
      const reason: FlagReason =
        near.has(id) && hot.has(id) ? 'both' : near.has(id) ? 'near_route' : 'in_hotspot';
      features.push({
        type: 'Feature',
        id,
        geometry: f.geometry,
        properties: {
          id,
          kind: String(f.properties?.kind ?? ''),
          title: String(f.properties?.title ?? ''),
          reason,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The same report flagged near several routes is listed once, at its nearest. */
export function nearestPerReport(items: readonly NearRouteFlag[]): NearRouteFlag[] {
  const best = new Map<number, NearRouteFlag>();
  for (const f of items) {
    const seen = best.get(f.id);
    if (!seen || f.distance_m < seen.distance_m) best.set(f.id, f);
  }
  return [...best.values()].sort((a, b) => a.distance_m - b.distance_m || a.id - b.id);
}
