/**
 * Between the API's plan (routes as a FeatureCollection) and the page's editable routes, and
 * back to the body of PUT /api/plans/{id}.
 */
import type { Plan, PlanRoute } from './types';

let keys = 0;
/** A page-unique key for a route that has no id yet. */
export function newRouteKey(): string {
  keys += 1;
  return `new-${keys}`;
}

/** The plan's routes as the page edits them (sorted by id, so the list keeps its order). */
export function routesOf(plan: Plan): PlanRoute[] {
  return plan.routes.features
    .filter((f) => f.geometry?.type === 'LineString')
    .map((f) => ({
      key: `route-${f.id}`,
      id: Number(f.id),
      name: f.properties.name,
      agency: f.properties.agency,
      unit: f.properties.unit ?? null,
      radius_m: Number(f.properties.radius_m),
      shifts_per_week: Number(f.properties.shifts_per_week),
      coordinates: f.geometry.coordinates,
      updated_by: f.properties.updated_by ?? null,
    }))
    .sort((a, b) => a.id - b.id);
}

export interface PlanBody {
  version: number;
  name: string;
  agency: Plan['agency'];
  unit?: string | null;
  note?: string | null;
  routes: {
    id?: number;
    name: string;
    agency: PlanRoute['agency'];
    unit?: string | null;
    radius_m: number;
    shifts_per_week: number;
    geometry: { type: 'LineString'; coordinates: PlanRoute['coordinates'] };
  }[];
}

/** The PUT body: the plan's fields at `version` and every route of the draft. */
export function planBody(
  plan: Pick<Plan, 'name' | 'agency' | 'unit' | 'note'>,
  version: number,
  routes: readonly PlanRoute[],
): PlanBody {
  return {
    version,
    name: plan.name,
    agency: plan.agency,
    unit: plan.unit,
    note: plan.note,
    routes: routes.map((r) => ({
      ...(r.id !== undefined ? { id: r.id } : {}),
      name: r.name,
      agency: r.agency,
      unit: r.unit,
      radius_m: r.radius_m,
      shifts_per_week: r.shifts_per_week,
      geometry: { type: 'LineString', coordinates: r.coordinates },
    })),
  };
}
