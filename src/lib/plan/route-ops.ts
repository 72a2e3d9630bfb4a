/**
 * Pure operations on a plan's routes as the planner edits them: split a route at a vertex, find
 * the vertex under the pointer, and turn the routes into the draft body of POST /api/coverage.
 */
import type { FeatureCollection, LineString, Position } from 'geojson';
import type { Plan, PlanRoute } from './types';

/**
 * Splits a line at an inner vertex: both parts keep that vertex. Null at an end vertex (nothing
 * to split) or out of range.
 * @example splitAt([[0,0],[1,0],[2,0]], 1) // [[[0,0],[1,0]], [[1,0],[2,0]]]
 */
export function splitAt(coordinates: Position[], index: number): [Position[], Position[]] | null {
  if (!Number.isInteger(index) || index <= 0 || index >= coordinates.length - 1) return null;
  return [coordinates.slice(0, index + 1), coordinates.slice(index)];
}

/**
 * The inner vertex nearest to a screen point, within `maxPx` pixels, or -1. `project` turns a
 * coordinate into screen pixels (the map's own projection).
 */
export function nearestInnerVertex(
  coordinates: Position[],
  point: { x: number; y: number },
  project: (c: Position) => { x: number; y: number },
  maxPx = 14,
): number {
  let best = -1;
  let bestD = maxPx;
  for (let i = 1; i < coordinates.length - 1; i++) {
    const p = project(coordinates[i]);
    const d = Math.hypot(p.x - point.x, p.y - point.y);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** The routes as the `draft` of POST /api/coverage (radius and shifts in the properties). */
export function draftCollection(
  routes: readonly PlanRoute[],
): FeatureCollection<LineString, { radius_m: number; shifts_per_week: number; name: string }> {
  return {
    type: 'FeatureCollection',
    features: routes
      .filter((r) => r.coordinates.length >= 2)
      .map((r) => ({
        type: 'Feature',
        properties: { radius_m: r.radius_m, shifts_per_week: r.shifts_per_week, name: r.name },
        geometry: { type: 'LineString', coordinates: r.coordinates },
      })),
  };
}

/** Whether two routes differ in anything a save would write. */
export function routeChanged(a: PlanRoute, b: PlanRoute): boolean {
  return (
    a.name !== b.name ||
    a.agency !== b.agency ||
    (a.unit ?? '') !== (b.unit ?? '') ||
    a.radius_m !== b.radius_m ||
    a.shifts_per_week !== b.shifts_per_week ||
    JSON.stringify(a.coordinates) !== JSON.stringify(b.coordinates)
  );
}

/** Whether the edited routes differ from the saved ones (added, removed or changed). */
export function routesDiffer(saved: readonly PlanRoute[], routes: readonly PlanRoute[]): boolean {
  if (saved.length !== routes.length) return true;
  const byId = new Map(saved.map((r) => [r.id, r]));
  return routes.some((r) => {
    const old = r.id === undefined ? undefined : byId.get(r.id);
    return !old || routeChanged(old, r);
  });
}

/**
 * Routes whose id the current plan no longer has (another planner deleted them) become new
 * routes, so "keep mine" re-creates them instead of failing on an unknown id.
 */
export function withoutDeletedIds(routes: readonly PlanRoute[], current: Plan): PlanRoute[] {
  const alive = new Set(current.routes.features.map((f) => Number(f.id)));
  return routes.map((r) => (r.id !== undefined && !alive.has(r.id) ? { ...r, id: undefined } : r));
}

/**
 * The first free name "T<n>" from n = routes + 1 on.
 * @example nextRouteName([{ name: 'T2' }, ...]) // 'T3' for two routes named T1, T2
 */
export function nextRouteName(routes: readonly Pick<PlanRoute, 'name'>[]): string {
  const taken = new Set(routes.map((r) => r.name));
  for (let n = routes.length + 1; ; n++) if (!taken.has(`T${n}`)) return `T${n}`;
}
