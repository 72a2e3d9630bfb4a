/**
 * The data page's calls: the seizure records (`/api/seizures`), the import of a file with upload
 * progress, and an export download whose progress is read from the response stream.
 */
import { ApiError, getJson } from '$lib/api';
import type { Agency, Category, Province, TransportMode } from '$lib/domain';

export const SORT_COLUMNS = [
  'occurred_at',
  'case_ref',
  'province',
  'category',
  'value_vnd',
  'subjects',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface SeizureRecord {
  id: number;
  version: number;
  occurred_at: string;
  province: Province | null;
  category: Category;
  goods: string | null;
  quantity: number | null;
  unit: string | null;
  value_vnd: number | string | null;
  subjects: number;
  transport_mode: TransportMode;
  lead_agency: Agency;
  case_ref: string | null;
  source: string | null;
  lon: number;
  lat: number;
  updated_at?: string;
}

export interface SeizureQuery {
  province?: Province;
  from?: string;
  to?: string;
  category?: readonly Category[];
  agency?: readonly Agency[];
  q?: string;
  sort?: SortColumn;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface SeizurePage {
  items: SeizureRecord[];
  total: number;
  limit: number;
  offset: number;
}

/** The body of a create or an edit (an edit adds `version`). */
export type SeizureInput = {
  occurred_at: string;
  province?: Province;
  category: Category;
  goods?: string;
  quantity?: number;
  unit?: string;
  value_vnd?: number;
  subjects: number;
  transport_mode: TransportMode;
  lead_agency: Agency;
  case_ref?: string;
} & ({ lon: number; lat: number } | { x: number; y: number; crs: 3405 });

/** Query string of the filters (shared by the list and the export); empty values left out. */
export function filterParams(query: SeizureQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.province) p.set('province', query.province);
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  if (query.category?.length) p.set('category', query.category.join(','));
  if (query.agency?.length) p.set('agency', query.agency.join(','));
  return p;
}

export function seizureListUrl(query: SeizureQuery): string {
  const p = filterParams(query);
  if (query.q) p.set('q', query.q);
  if (query.sort) p.set('sort', query.sort);
  if (query.dir) p.set('dir', query.dir);
  if (query.limit !== undefined) p.set('limit', String(query.limit));
  if (query.offset !== undefined) p.set('offset', String(query.offset));
  return `/api/seizures?${p.toString().replace(/%2C/gi, ',')}`;
}

export async function fetchSeizurePage(
  query: SeizureQuery,
  init: RequestInit = {},
): Promise<SeizurePage> {
  const body = (await getJson(seizureListUrl(query), init)) as SeizurePage;
  if (!Array.isArray(body?.items) || typeof body.total !== 'number') {
    throw new ApiError(200, 'bad_response', 'no items');
  }
  return body;
}

function jsonInit(method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

export async function createSeizure(input: SeizureInput): Promise<SeizureRecord> {
  return (await getJson('/api/seizures', jsonInit('POST', input))) as SeizureRecord;
}

export async function updateSeizure(
  id: number,
  input: SeizureInput & { version: number },
): Promise<SeizureRecord> {
  return (await getJson(`/api/seizures/${id}`, jsonInit('PUT', input))) as SeizureRecord;
}

export async function deleteSeizure(id: number, version: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/seizures/${id}?version=${version}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  } | null;
  throw new ApiError(
    response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `${response.status}`,
    body?.error?.details,
  );
}

/** One record by id, in the list's shape (from the map popups' GeoJSON Feature). */
export async function fetchSeizureRecord(id: number): Promise<SeizureRecord> {
  const f = (await getJson(`/api/seizures/${id}`)) as {
    id: number;
    geometry: { coordinates: [number, number] };
    properties: Record<string, unknown>;
  };
  const [lon, lat] = f.geometry.coordinates;
  return {
    ...(f.properties as unknown as SeizureRecord),
    id: f.id ?? Number(f.properties.id),
    lon,
    lat,
  };
}
