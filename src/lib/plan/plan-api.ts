/**
 * The planner's requests, typed to the contract (notes/common.md, issue 9): plans, coverage and
 * suggestions. Failures are `ApiError`s (a stale save: status 409, `details.current`).
 */
import type { FeatureCollection, LineString } from 'geojson';
import { ApiError, getJson } from '$lib/api';
import type { Agency, Province } from '$lib/domain';
import type { PlanBody } from './plan-routes';
import type { Coverage, Plan, PlanSummary, Suggestions } from './types';

const json = (method: string, body: unknown, signal?: AbortSignal): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  signal,
});

export async function listPlans(province: Province, signal?: AbortSignal): Promise<PlanSummary[]> {
  const body = (await getJson(`/api/plans?province=${province}`, { signal })) as {
    plans: PlanSummary[];
  };
  return body.plans;
}

export function getPlan(id: number, signal?: AbortSignal): Promise<Plan> {
  return getJson(`/api/plans/${id}`, { signal }) as Promise<Plan>;
}

export function createPlan(input: {
  name: string;
  province: Province;
  agency: Agency;
  unit?: string | null;
}): Promise<Plan> {
  return getJson('/api/plans', json('POST', input)) as Promise<Plan>;
}

export function savePlan(id: number, body: PlanBody): Promise<Plan> {
  return getJson(`/api/plans/${id}`, json('PUT', body)) as Promise<Plan>;
}

export async function deletePlan(id: number, version: number): Promise<void> {
  const response = await fetch(`/api/plans/${id}?version=${version}`, {
    method: 'DELETE',
    credentials: 'same-origin',
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: Record<string, unknown> };
  } | null;
  throw new ApiError(
    response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? `${response.status} ${response.statusText}`,
    body?.error?.details,
  );
}

export function copyPlan(id: number, name: string): Promise<Plan> {
  return getJson(`/api/plans/${id}/copy`, json('POST', { name })) as Promise<Plan>;
}

export interface CoverageRequest {
  province: Province;
  plan?: number;
  draft?: FeatureCollection<LineString>;
  from?: string;
  to?: string;
}

export function fetchCoverage(request: CoverageRequest, signal?: AbortSignal): Promise<Coverage> {
  return getJson('/api/coverage', json('POST', request, signal)) as Promise<Coverage>;
}

export function fetchSuggestions(
  planId: number,
  input: { budget_km: number; radius_m: number },
  signal?: AbortSignal,
): Promise<Suggestions> {
  return getJson(
    `/api/plans/${planId}/suggest`,
    json('POST', input, signal),
  ) as Promise<Suggestions>;
}
