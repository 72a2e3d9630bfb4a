/**
 * The suspicious-object register's calls (GET/POST /api/objects, GET/PUT /api/objects/{id},
 * POST /api/objects/{id}/sightings). The server masks identifiers for roles without
 * `view_identifiers`; the page shows whatever it is given.
 */
import { getJson, ApiError } from '$lib/api';
import type { Province } from '$lib/domain';
import type { Distribution, ReportKind, SightingSource, Tlp } from '$lib/information';

export interface ObjectItem {
  id: number;
  kind: ReportKind;
  identifier: string | null;
  identifier_masked: string;
  description: string | null;
  province: Province;
  distribution: Distribution;
  units: string[];
  tlp: Tlp;
  agency: 'customs' | 'border_guard';
  unit: string | null;
  author: string;
  version: number;
  created_at: string;
  updated_at: string;
  sightings_count: number;
  last_seen_at: string | null;
  near_frontier: boolean;
  centroid: [number, number] | null;
}

export interface Sighting {
  id: number;
  seen_at: string;
  lon: number;
  lat: number;
  source: SightingSource;
  report_id: number | null;
  seizure_id: number | null;
  note: string | null;
  agency: 'customs' | 'border_guard';
}

export interface ObjectDetail extends ObjectItem {
  sightings: Sighting[];
  reports: number[];
  seizures: number[];
  /** Whether the caller's PUT would be accepted (absent from older servers: no). */
  can?: { edit: boolean };
}

export interface ObjectQuery {
  province?: Province | null;
  kind?: ReportKind | null;
  q?: string;
  nearFrontier?: boolean;
  limit?: number;
  offset?: number;
}

export interface ObjectPage {
  items: ObjectItem[];
  total: number;
}

export interface NewObject {
  kind: ReportKind;
  identifier: string;
  description?: string;
  province: Province;
  distribution: Distribution;
  units?: string[];
  tlp: Tlp;
}

/**
 * The body of PUT /api/objects/{id}. `identifier` and `description` are left out by those who
 * see them masked: the server keeps them as they are.
 */
export interface ObjectChange extends Omit<NewObject, 'identifier'> {
  identifier?: string;
  version: number;
}

export type NewSighting =
  | { seen_at: string; lon: number; lat: number; note?: string }
  | { report_id: number }
  | { seizure_id: number };

export interface UnitInfo {
  id: string;
  agency: 'customs' | 'border_guard';
  province: Province;
  name_vi: string;
  name_en: string;
}

export function objectsUrl(query: ObjectQuery): string {
  const params = new URLSearchParams();
  if (query.province) params.set('province', query.province);
  if (query.kind) params.set('kind', query.kind);
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.nearFrontier) params.set('near_frontier', 'true');
  params.set('limit', String(query.limit ?? 50));
  if (query.offset) params.set('offset', String(query.offset));
  return `/api/objects?${params}`;
}

export async function fetchObjects(
  query: ObjectQuery,
  init: RequestInit = {},
): Promise<ObjectPage> {
  const body = (await getJson(objectsUrl(query), init)) as Partial<ObjectPage>;
  if (!Array.isArray(body?.items)) throw new ApiError(200, 'bad_response', 'no items');
  return { items: body.items, total: body.total ?? body.items.length };
}

export async function fetchObject(id: number, init: RequestInit = {}): Promise<ObjectDetail> {
  return (await getJson(`/api/objects/${id}`, init)) as ObjectDetail;
}

function postJson(url: string, body: unknown): Promise<unknown> {
  return getJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export async function createObject(input: NewObject): Promise<ObjectDetail> {
  return (await postJson('/api/objects', input)) as ObjectDetail;
}

/** Saves an edit; a stale `version` is a 409 whose details carry the object as it now is. */
export async function updateObject(id: number, change: ObjectChange): Promise<ObjectDetail> {
  return (await getJson(`/api/objects/${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(change),
  })) as ObjectDetail;
}

/** Records a sighting; answers the object as it now stands. */
export async function addSighting(id: number, input: NewSighting): Promise<unknown> {
  return postJson(`/api/objects/${id}/sightings`, input);
}

/**
 * The data page's link to a seizure record (it opens that record, whatever page is shown).
 * @example seizureHref(42, 'en', '/data') // '/data?id=42&lang=en'
 */
export function seizureHref(id: number, locale: 'vi' | 'en', dataPath: string): string {
  return `${dataPath}?id=${id}${locale === 'en' ? '&lang=en' : ''}`;
}

export async function fetchUnits(init: RequestInit = {}): Promise<UnitInfo[]> {
  const body = (await getJson('/api/units', init)) as UnitInfo[] | { units?: UnitInfo[] };
  const units = Array.isArray(body) ? body : body?.units;
  if (!Array.isArray(units)) throw new ApiError(200, 'bad_response', 'no units');
  return units;
}
