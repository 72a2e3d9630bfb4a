/** The patrols page's calls: GET/POST /api/patrols and the province's routes to pick from. */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { ApiError, getJson } from './api';
import type { Agency, Province } from './domain';

export interface PatrolProperties {
  id: number;
  province: Province;
  agency: Agency;
  unit: string | null;
  started_at: string;
  ended_at: string;
  length_km: number;
  result: 'nothing_found' | 'seizures';
  seizure_ids: number[];
  source: 'route' | 'gpx' | 'geojson';
  route_id: number | null;
  created_by: string | null;
  synthetic: boolean;
  note: string | null;
}

export type PatrolFeature = Feature<LineString, PatrolProperties> & { id: number };

export interface PatrolPage {
  numberMatched: number;
  features: PatrolFeature[];
  /** The next page's address, absent on the last. */
  next?: string;
}

export interface PatrolQuery {
  province?: Province;
  agency?: Agency;
  /** `YYYY-MM-DD`, inclusive, Vietnam time. */
  from?: string;
  to?: string;
}

export function patrolsUrl(query: PatrolQuery, limit = 50): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  params.set('limit', String(limit));
  return `/api/patrols?${params}`;
}

/** One page: the first from `patrolsUrl`, the next from the previous page's `next`. */
export async function fetchPatrols(url: string, init: RequestInit = {}): Promise<PatrolPage> {
  const body = (await getJson(url, init)) as FeatureCollection & {
    numberMatched?: number;
    links?: { rel: string; href: string }[];
  };
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features))
    throw new ApiError(200, 'bad_response', 'not a FeatureCollection');
  return {
    numberMatched: body.numberMatched ?? body.features.length,
    features: body.features as PatrolFeature[],
    next: body.links?.find((l) => l.rel === 'next')?.href,
  };
}

export interface RouteChoice {
  id: number;
  name: string;
  agency: Agency;
  length_km: number;
}

/** The routes of a province a patrol may have followed (first 1,000 by id). */
export async function fetchRouteChoices(province: Province): Promise<RouteChoice[]> {
  const body = (await getJson(`/api/patrol-routes?province=${province}&limit=1000`)) as {
    features?: { id: number; properties: Omit<RouteChoice, 'id'> }[];
  };
  return (body.features ?? []).map((f) => ({
    id: f.id,
    name: f.properties.name,
    agency: f.properties.agency,
    length_km: f.properties.length_km,
  }));
}

export async function recordPatrol(body: object): Promise<PatrolFeature> {
  return (await getJson('/api/patrols', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })) as PatrolFeature;
}
