/**
 * The information register's calls (`/api/reports`, `/api/units`), typed to the contract in
 * the issue 11 brief. Every failure is an `ApiError` (src/lib/api.ts) the page can explain.
 */
import type { Geometry } from 'geojson';
import { ApiError, getJson } from '$lib/api';
import type { Agency, Category, Province } from '$lib/domain';
import type {
  Assessment,
  Credibility,
  Distribution,
  Reliability,
  ReportKind,
  ReportStatus,
  Tlp,
} from '$lib/information';

export type ForceAgency = Exclude<Agency, 'joint'>;

export interface Unit {
  id: string;
  agency: ForceAgency;
  province: Province;
  name_vi: string;
  name_en: string;
}

export interface Handover {
  agency: ForceAgency;
  delivered_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  assessment: Assessment | null;
  assessment_reason: string | null;
  assessed_at: string | null;
  assessed_by: string | null;
  action_taken: string | null;
}

export interface HistoryEntry {
  at: string;
  action: string;
  username: string;
  agency: ForceAgency;
  unit: string | null;
  details: Record<string, unknown> | null;
}

export interface Report {
  id: number;
  title: string;
  kind: ReportKind;
  category: Category | null;
  province: Province;
  geometry: Geometry;
  place: string | null;
  place_name: { vi: string; en: string } | null;
  reliability: Reliability;
  credibility: Credibility;
  rating: string;
  distribution: Distribution;
  units: string[];
  tlp: Tlp;
  observed_from: string | null;
  observed_to: string | null;
  received_at: string;
  text: string;
  agency: ForceAgency;
  unit: string | null;
  author: string;
  status: ReportStatus;
  closed_at: string | null;
  close_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  handovers: Handover[];
  seizures: number[];
  patrols: number[];
  objects: { id: number; kind: string }[];
  can: { edit: boolean; close: boolean; acknowledge: boolean; assess: boolean; link: boolean };
  history?: HistoryEntry[];
}

export const REPORT_SORTS = ['received_at', 'updated_at', 'rating'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export interface ReportQuery {
  province?: Province;
  status?: ReportStatus;
  kind?: ReportKind;
  category?: Category;
  tlp?: Tlp;
  agency?: ForceAgency;
  from?: string;
  to?: string;
  q?: string;
  sort?: ReportSort;
  dir?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export interface ReportPage {
  items: Report[];
  total: number;
  limit: number;
  offset: number;
}

/** The body of a create; an edit adds `version`. Exactly one of geometry and place. */
export interface ReportInput {
  title: string;
  kind: ReportKind;
  category?: Category;
  province?: Province;
  geometry?: Geometry;
  place?: string;
  reliability: Reliability;
  credibility: Credibility;
  distribution: Distribution;
  units?: string[];
  tlp: Tlp;
  observed_from?: string;
  observed_to?: string;
  received_at?: string;
  text?: string;
}

export interface InboxItem extends Report {
  /** Some answers flatten the caller's handover onto the item; the page reads `handovers`. */
  delivered_at?: string;
}

export interface Inbox {
  unread: number;
  items: InboxItem[];
}

/** Query string of a list request; empty values left out. */
export function reportListUrl(query: ReportQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, String(v));
  }
  const qs = p.toString();
  return `/api/reports${qs ? `?${qs}` : ''}`;
}

function jsonInit(method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

function asReport(body: unknown): Report {
  const r = body as Report;
  if (typeof r?.id !== 'number') throw new ApiError(200, 'bad_response', 'not a report');
  return r;
}

export async function fetchReports(
  query: ReportQuery,
  init: RequestInit = {},
): Promise<ReportPage> {
  const body = (await getJson(reportListUrl(query), init)) as ReportPage;
  if (!Array.isArray(body?.items) || typeof body.total !== 'number') {
    throw new ApiError(200, 'bad_response', 'no items');
  }
  return body;
}

export async function fetchReport(id: number, init: RequestInit = {}): Promise<Report> {
  return asReport(await getJson(`/api/reports/${id}`, init));
}

export async function createReport(input: ReportInput): Promise<Report> {
  return asReport(await getJson('/api/reports', jsonInit('POST', input)));
}

export async function updateReport(id: number, input: ReportInput & { version: number }) {
  return asReport(await getJson(`/api/reports/${id}`, jsonInit('PUT', input)));
}

export async function closeReport(id: number, version: number, reason: string) {
  return asReport(await getJson(`/api/reports/${id}/close`, jsonInit('POST', { version, reason })));
}

export async function reopenReport(id: number, version: number) {
  return asReport(await getJson(`/api/reports/${id}/reopen`, jsonInit('POST', { version })));
}

export async function acknowledgeReport(id: number) {
  return asReport(await getJson(`/api/reports/${id}/acknowledge`, jsonInit('POST', {})));
}

export interface AssessmentInput {
  value: Assessment;
  reason: string;
  action_taken?: string;
}

export async function assessReport(id: number, input: AssessmentInput) {
  return asReport(await getJson(`/api/reports/${id}/assessment`, jsonInit('POST', input)));
}

export type LinkTarget = { seizure_id: number } | { patrol_id: number };

export async function linkReport(id: number, target: LinkTarget) {
  return asReport(await getJson(`/api/reports/${id}/links`, jsonInit('POST', target)));
}

/** Removes a link; the answer is the report when the server sends one, else it is re-read. */
export async function unlinkReport(id: number, kind: 'seizures' | 'patrols', targetId: number) {
  const body = await getJson(`/api/reports/${id}/links/${kind}/${targetId}`, jsonInit('DELETE'));
  return typeof (body as Report)?.id === 'number' ? (body as Report) : fetchReport(id);
}

export async function fetchInbox(init: RequestInit = {}): Promise<Inbox> {
  const body = (await getJson('/api/reports/inbox', init)) as Inbox;
  if (!Array.isArray(body?.items)) throw new ApiError(200, 'bad_response', 'no items');
  return body;
}

export async function fetchInboxCount(init: RequestInit = {}): Promise<number> {
  const body = (await getJson('/api/reports/inbox/count', init)) as { unread?: number };
  return typeof body?.unread === 'number' ? body.unread : 0;
}

export async function fetchUnits(init: RequestInit = {}): Promise<Unit[]> {
  const body = await getJson('/api/units', init);
  const list = Array.isArray(body) ? body : (body as { units?: Unit[] })?.units;
  if (!Array.isArray(list)) throw new ApiError(200, 'bad_response', 'no units');
  return list as Unit[];
}
