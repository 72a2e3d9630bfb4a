/**
 * The page's only way to the data: typed wrappers over the same-origin HTTP API (DESIGN.md §7).
 * Every failure becomes an `ApiError` with a code the interface can explain to the user.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Agency, Category, LayerId, Province } from './domain';
import { decodeSeizurePoints, type SeizurePoints } from './seizure-points';

/** The most features the API hands out per request (its MAX_LIMIT default). */
export const MAX_LIMIT = 10_000;

export interface LayerInfo {
  id: LayerId;
  title_vi: string;
  title_en: string;
  geometry_type: string;
  count: number;
  bbox: [number, number, number, number] | null;
  filters?: string[];
}

export interface LayerQuery {
  province?: Province;
  bbox?: [number, number, number, number];
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive (the API treats a bare date as the whole day). */
  to?: string;
  category?: readonly Category[];
  agency?: readonly Agency[];
  limit?: number;
  offset?: number;
}

export type LayerProperties = Record<string, unknown>;

export interface LayerCollection extends FeatureCollection<Geometry, LayerProperties> {
  numberMatched: number;
  numberReturned: number;
  features: (Feature<Geometry, LayerProperties> & { id: number })[];
}

/**
 * `network`: no answer; `bad_response`: an answer that is not what the contract says; any other
 * code is the server's own (`bad_parameter`, `not_found`, `internal`, ...).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = typeof fetch;

/** Query string for a layer request; empty and undefined values are left out. */
export function layerSearchParams(query: LayerQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.province) params.set('province', query.province);
  if (query.bbox) params.set('bbox', query.bbox.map((n) => +n.toFixed(6)).join(','));
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.category && query.category.length > 0) params.set('category', query.category.join(','));
  if (query.agency && query.agency.length > 0) params.set('agency', query.agency.join(','));
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  return params;
}

/** A same-origin JSON GET (or other method); every failure an `ApiError`. */
export async function getJson(
  url: string,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    const code = response.ok ? 'bad_response' : response.status >= 500 ? 'internal' : 'http_error';
    throw new ApiError(response.status, code, `${response.status} ${response.statusText}`);
  }
  if (!response.ok) {
    const err = (body as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    throw new ApiError(
      response.status,
      err?.code ?? 'http_error',
      err?.message ?? `${response.status} ${response.statusText}`,
      (err?.details as Record<string, unknown> | undefined) ?? undefined,
    );
  }
  return body;
}

export async function fetchLayerList(
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<LayerInfo[]> {
  const body = (await getJson('/api/layers', init, fetchFn)) as { layers?: LayerInfo[] };
  if (!Array.isArray(body?.layers)) throw new ApiError(200, 'bad_response', 'no layers array');
  return body.layers;
}

export async function fetchLayer(
  id: LayerId,
  query: LayerQuery,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<LayerCollection> {
  const qs = layerSearchParams(query).toString();
  const url = `/api/layers/${encodeURIComponent(id)}${qs ? `?${qs}` : ''}`;
  const body = (await getJson(url, init, fetchFn)) as Partial<LayerCollection>;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new ApiError(200, 'bad_response', `layer ${id} is not a FeatureCollection`);
  }
  const features = body.features;
  return {
    ...(body as LayerCollection),
    numberReturned: body.numberReturned ?? features.length,
    numberMatched: body.numberMatched ?? features.length,
  };
}

/**
 * Every seizure of a province (or of both) as binary columns (src/lib/seizure-points.ts): the
 * map filters time, category and agency itself, so only a change of province asks again.
 */
export async function fetchSeizurePoints(
  province: Province | undefined,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<SeizurePoints> {
  const url = `/api/seizures/points${province ? `?province=${province}` : ''}`;
  let response: Response;
  try {
    response = await fetchFn(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  // An error answers JSON: read it as such for the message and code.
  if (!response.ok) await getJson(url, init, async () => response);
  try {
    return decodeSeizurePoints(await response.arrayBuffer());
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(200, 'bad_response', e instanceof Error ? e.message : String(e));
  }
}

/** One seizure, as a Feature with the properties of the seizure layer (a popup's record). */
export async function fetchSeizure(
  id: number,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<Feature<Geometry, LayerProperties>> {
  const body = (await getJson(`/api/seizures/${id}`, init, fetchFn)) as Partial<Feature>;
  if (body?.type !== 'Feature' || !body.geometry) {
    throw new ApiError(200, 'bad_response', `seizure ${id} is not a Feature`);
  }
  return body as Feature<Geometry, LayerProperties>;
}

/** The filters of `GET /api/stats`: the seizure layer's, without paging or a box. */
export type StatsQuery = Pick<LayerQuery, 'province' | 'from' | 'to' | 'category' | 'agency'>;

import type { SeizureStats } from './stats-body';

export type { SeizureStats };

export async function fetchStats(
  query: StatsQuery,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<SeizureStats> {
  const qs = layerSearchParams(query).toString();
  const body = (await getJson(`/api/stats${qs ? `?${qs}` : ''}`, init, fetchFn)) as
    Partial<SeizureStats> | undefined;
  if (
    typeof body?.cases !== 'number' ||
    !Array.isArray(body.by_category) ||
    !Array.isArray(body.by_agency) ||
    !Array.isArray(body.by_province) ||
    !Array.isArray(body.by_month)
  ) {
    throw new ApiError(200, 'bad_response', 'the stats answer has no cases or groups');
  }
  return body as SeizureStats;
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

export type Role = 'admin' | 'commander' | 'planner' | 'analyst';

export interface User {
  id: number;
  username: string;
  role: Role;
  agency: 'customs' | 'border_guard';
  /** The user's unit (a post, station or team), when one is set: named-unit reports reach it. */
  unit?: string | null;
  permissions: string[];
}

/** The signed-in user, or null when there is no valid session (401). */
export async function fetchMe(
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<User | null> {
  try {
    const body = (await getJson('/api/auth/me', init, fetchFn)) as { user?: User };
    return body.user ?? null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Signs in; the server sets an HttpOnly session cookie. Wrong credentials: ApiError 401. */
export async function login(
  username: string,
  password: string,
  fetchFn: Fetch = fetch,
): Promise<User> {
  const body = (await getJson(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    fetchFn,
  )) as { user?: User };
  if (!body.user) throw new ApiError(200, 'bad_response', 'login answered without a user');
  return body.user;
}

export async function logout(fetchFn: Fetch = fetch): Promise<void> {
  await getJson('/api/auth/logout', { method: 'POST' }, fetchFn);
}

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One row of the append-only audit log, as GET /api/audit returns it. */
export interface AuditEntry {
  id: number;
  /** ISO instant with zone. */
  at: string;
  /** For a failed sign-in, the name that was tried; null for a request without a session. */
  username: string | null;
  role: string | null;
  agency: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  details: unknown;
  request_id: string | null;
  client: string | null;
  /** The API token (its id) that authenticated the request, if one did. */
  token_id?: number | null;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
}

export interface AuditQuery {
  /** `YYYY-MM-DD` (a UTC day) or an ISO date-time with zone, inclusive. */
  from?: string;
  /** `YYYY-MM-DD` (the whole UTC day) or an ISO date-time with zone, exclusive. */
  to?: string;
  username?: string;
  action?: string;
  /** What an entry acted on, exactly as logged: `seizures`, `patrol_routes/12`. */
  target?: string;
  outcome?: AuditOutcome;
  limit?: number;
  offset?: number;
}

const AUDIT_FILTER_KEYS = ['from', 'to', 'username', 'action', 'target', 'outcome'] as const;

/** Query string for an audit request; empty and undefined values are left out. */
export function auditSearchParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.limit !== undefined) params.set('limit', String(query.limit));
  if (query.offset !== undefined) params.set('offset', String(query.offset));
  return params;
}

function auditPageOf(body: unknown): AuditPage {
  const page = body as Partial<AuditPage> | undefined;
  if (typeof page?.total !== 'number' || !Array.isArray(page.entries)) {
    throw new ApiError(200, 'bad_response', 'the audit answer has no total or entries');
  }
  return { total: page.total, entries: page.entries };
}

/** A page of the audit log, newest first. Signed out: ApiError 401; not an admin: 403. */
export async function fetchAudit(
  query: AuditQuery,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<AuditPage> {
  const qs = auditSearchParams(query).toString();
  return auditPageOf(await getJson(`/api/audit${qs ? `?${qs}` : ''}`, init, fetchFn));
}

/** The most entries the server groups or exports at once; more is a 400 `too_many_rows`. */
export const AUDIT_GROUP_MAX_ROWS = 200_000;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** Entries of one user, action, target and outcome within one clock hour. */
export interface AuditGroup {
  /** ISO instant: the start of the hour. */
  hour: string;
  username: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  count: number;
  first_at: string;
  last_at: string;
  first_id: number;
  last_id: number;
  /** Requests refused without a session in the windows of these entries, or null. */
  denials: number | null;
}

export interface AuditGroupPage {
  /** Groups in all. */
  total: number;
  /** Entries the groups stand for, in all. */
  entries: number;
  groups: AuditGroup[];
}

/** A page of groups, newest hour first, under the filters; `limit` counts groups. */
export async function fetchAuditGroups(
  query: AuditQuery,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<AuditGroupPage> {
  const qs = auditSearchParams(query).toString();
  const body = (await getJson(`/api/audit/groups${qs ? `?${qs}` : ''}`, init, fetchFn)) as
    Partial<AuditGroupPage> | undefined;
  if (
    typeof body?.total !== 'number' ||
    typeof body.entries !== 'number' ||
    !Array.isArray(body.groups)
  ) {
    throw new ApiError(200, 'bad_response', 'the audit groups answer has no total or groups');
  }
  return { total: body.total, entries: body.entries, groups: body.groups };
}

/**
 * The query naming exactly one group's entries: its key (a missing user or target is sent as
 * no parameter, which the server reads as "none"), within the date bounds of `query`.
 * @example auditGroupSearchParams({ hour: '2024-03-04T18:00:00.000Z', username: null, action: 'login', target: null, outcome: 'failed' }, {}).toString()
 * // 'hour=2024-03-04T18%3A00%3A00.000Z&action=login&outcome=failed'
 */
export function auditGroupSearchParams(
  group: Pick<AuditGroup, 'hour' | 'username' | 'action' | 'target' | 'outcome'>,
  query: Pick<AuditQuery, 'from' | 'to' | 'limit' | 'offset'>,
): URLSearchParams {
  const params = new URLSearchParams({ hour: group.hour });
  if (group.username !== null) params.set('username', group.username);
  params.set('action', group.action);
  if (group.target !== null) params.set('target', group.target);
  params.set('outcome', group.outcome);
  for (const [key, value] of auditSearchParams(query)) params.set(key, value);
  return params;
}

/** The entries one group stands for, newest first. */
export async function fetchAuditGroupEntries(
  group: Pick<AuditGroup, 'hour' | 'username' | 'action' | 'target' | 'outcome'>,
  query: Pick<AuditQuery, 'from' | 'to' | 'limit' | 'offset'>,
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<AuditPage> {
  const qs = auditGroupSearchParams(group, query).toString();
  return auditPageOf(await getJson(`/api/audit/groups/entries?${qs}`, init, fetchFn));
}

/**
 * Where the CSV of the filtered log downloads from (the session cookie goes with a same-origin
 * link); paging does not apply.
 * @example auditExportHref({ action: 'login', limit: 100 }) // '/api/audit/export.csv?action=login'
 */
export function auditExportHref(query: AuditQuery): string {
  const qs = auditSearchParams({ ...query, limit: undefined, offset: undefined }).toString();
  return `/api/audit/export.csv${qs ? `?${qs}` : ''}`;
}

export type UserAgency = 'customs' | 'border_guard';

/** An account as GET /api/users lists it (admins only). */
export interface ManagedUser {
  username: string;
  role: Role;
  agency: UserAgency;
  /** The named unit (units.id) reports shared with units reach, or null. */
  unit: string | null;
  disabled: boolean;
  /** ISO instants. */
  created_at: string;
  last_sign_in_at: string | null;
  active_sessions: number;
}

/** What a change answers: the account after it, and a password when one was generated. */
export interface UserChange {
  user: Pick<ManagedUser, 'username' | 'role' | 'agency' | 'unit' | 'disabled' | 'created_at'>;
  /** Shown once: the server keeps only its hash. */
  generatedPassword?: string;
  sessionsEnded?: number;
}

function sendJson(method: string, body?: unknown): RequestInit {
  return body === undefined
    ? { method }
    : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Every account. Signed out: ApiError 401; not an admin: 403. */
export async function fetchUsers(
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<ManagedUser[]> {
  const body = (await getJson('/api/users', init, fetchFn)) as { users?: ManagedUser[] };
  if (!Array.isArray(body?.users)) throw new ApiError(200, 'bad_response', 'no users array');
  return body.users;
}

/** A named unit an account may belong to (GET /api/users lists them with the accounts). */
export interface UnitChoice {
  id: string;
  agency: UserAgency;
  province: string;
  name_vi: string;
  name_en: string;
}

/** Every account and the units they may be given. Signed out: ApiError 401; not an admin: 403. */
export async function fetchUserDirectory(
  init: RequestInit = {},
  fetchFn: Fetch = fetch,
): Promise<{ users: ManagedUser[]; units: UnitChoice[] }> {
  const body = (await getJson('/api/users', init, fetchFn)) as {
    users?: ManagedUser[];
    units?: UnitChoice[];
  };
  if (!Array.isArray(body?.users)) throw new ApiError(200, 'bad_response', 'no users array');
  return { users: body.users, units: Array.isArray(body.units) ? body.units : [] };
}

async function userChange(url: string, init: RequestInit, fetchFn: Fetch): Promise<UserChange> {
  const body = (await getJson(url, init, fetchFn)) as Partial<UserChange>;
  if (!body?.user) throw new ApiError(200, 'bad_response', 'the answer has no user');
  return body as UserChange;
}

const userUrl = (username: string, action = '') =>
  `/api/users/${encodeURIComponent(username)}${action ? `/${action}` : ''}`;

/** Adds an account; the answer carries its generated password (shown once). */
export function addUser(
  input: { username: string; role: Role; agency: UserAgency; unit?: string | null },
  fetchFn: Fetch = fetch,
): Promise<UserChange> {
  return userChange('/api/users', sendJson('POST', input), fetchFn);
}

/** Disables or enables an account; disabling ends its sessions at once. */
export function setUserDisabled(
  username: string,
  disabled: boolean,
  fetchFn: Fetch = fetch,
): Promise<UserChange> {
  return userChange(userUrl(username, disabled ? 'disable' : 'enable'), sendJson('POST'), fetchFn);
}

/** Sets a generated password (in the answer, shown once) and ends the account's sessions. */
export function resetUserPassword(username: string, fetchFn: Fetch = fetch): Promise<UserChange> {
  return userChange(userUrl(username, 'reset-password'), sendJson('POST'), fetchFn);
}

/** Changes an account's role, agency or unit (null: none). */
export function changeUser(
  username: string,
  change: { role?: Role; agency?: UserAgency; unit?: string | null },
  fetchFn: Fetch = fetch,
): Promise<UserChange> {
  return userChange(userUrl(username), sendJson('PATCH', change), fetchFn);
}
