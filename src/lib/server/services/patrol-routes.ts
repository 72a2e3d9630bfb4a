import type { Sql } from '../db/client';
import { ApiError, conflict, invalidGeometry, notFound } from '../errors';
import { mayChangeAgencyRecord } from '../auth/roles';
import { checkGeometry } from '../io/geometry-check';
import * as repo from '../repositories/patrol-routes';
import { bumpPlan, getPlan } from '../repositories/plans';
import type { RouteInput, RouteRow } from '../repositories/patrol-routes';
import type { SessionUser } from './auth';

/** A route may stray this far outside its province's outline (outlines are approximate). */
export const MAX_DISTANCE_FROM_PROVINCE_M = 5000;
export const MAX_ROUTE_VERTICES = 10_000;

export function forbidAgency(user: SessionUser, agency: string): void {
  if (!mayChangeAgencyRecord(user, agency)) {
    throw new ApiError(403, 'forbidden', `A ${user.agency} user may not change ${agency} routes.`);
  }
}

export async function checkGeometryOf(sql: Sql, input: RouteInput): Promise<void> {
  const problems = checkGeometry(input.geometry, ['LineString'], {
    maxVertices: MAX_ROUTE_VERTICES,
  });
  if (problems.length)
    throw invalidGeometry(`Invalid route geometry: ${problems[0]}`, { problems });
  const verdict = await repo.checkRouteGeometry(
    sql,
    input.geometry,
    input.province,
    MAX_DISTANCE_FROM_PROVINCE_M,
  );
  if (!verdict.valid) throw invalidGeometry(`Invalid route geometry: ${verdict.reason}`);
  if (!verdict.nearProvince) {
    throw invalidGeometry(
      `The route lies more than ${MAX_DISTANCE_FROM_PROVINCE_M / 1000} km outside the ${input.province} province outline.`,
    );
  }
}

export async function getRoute(sql: Sql, id: number): Promise<RouteRow> {
  const row = await repo.getRoute(sql, id);
  if (!row) throw notFound(`No patrol route ${id}`);
  return row;
}

export async function createRoute(
  sql: Sql,
  user: SessionUser,
  input: RouteInput,
): Promise<RouteRow> {
  forbidAgency(user, input.agency);
  await checkGeometryOf(sql, input);
  return repo.insertRoute(sql, input, user.id);
}

/**
 * Replaces a route if `version` is still current. A stale version gets 409 with the current
 * record, so the planner sees what changed instead of silently overwriting it.
 */
export async function updateRoute(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
  input: RouteInput,
): Promise<{ before: RouteRow; after: RouteRow }> {
  const before = await getRoute(sql, id);
  forbidAgency(user, before.agency);
  forbidAgency(user, input.agency);
  if (before.plan_id !== null) await samePlanProvince(sql, before.plan_id, input.province);
  await checkGeometryOf(sql, input);
  const after = await repo.updateRoute(sql, id, version, input, user.id);
  if (!after) throw await staleOrGone(sql, id, version);
  // Same transaction: a plan save that read the old version now gets 409, not a silent overwrite.
  if (after.plan_id !== null) await bumpPlan(sql, after.plan_id, user.id);
  return { before, after };
}

export async function deleteRoute(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
): Promise<RouteRow> {
  const before = await getRoute(sql, id);
  forbidAgency(user, before.agency);
  if (!(await repo.deleteRoute(sql, id, version))) throw await staleOrGone(sql, id, version);
  if (before.plan_id !== null) await bumpPlan(sql, before.plan_id, user.id);
  return before;
}

/** A plan's routes all lie in the plan's province. */
async function samePlanProvince(sql: Sql, planId: number, province: string): Promise<void> {
  const plan = await getPlan(sql, planId);
  if (plan && plan.province !== province) {
    throw new ApiError(
      400,
      'bad_request',
      `This route belongs to plan ${planId} in ${plan.province}; it cannot move to ${province}.`,
    );
  }
}

async function staleOrGone(sql: Sql, id: number, version: number): Promise<ApiError> {
  const current = await repo.getRoute(sql, id);
  if (!current) return notFound(`No patrol route ${id} (it was deleted)`);
  return conflict(
    `Route ${id} was changed by someone else: you edited version ${version}, it is now version ${current.version}.`,
    {
      current: current.feature,
    },
  );
}

/**
 * One page of routes in id order after `page.after`, with the count of all that match and the
 * cursor of the next page (undefined on the last).
 */
export async function listRoutesFor(
  sql: Sql,
  filter: repo.RouteFilter,
  page: { limit: number; after: number },
) {
  const [numberMatched, rows] = await Promise.all([
    repo.countRoutes(sql, filter),
    repo.listRoutes(sql, filter, { limit: page.limit + 1, after: page.after }),
  ]);
  const features = rows.slice(0, page.limit);
  const nextAfter = rows.length > page.limit ? features[features.length - 1].id : undefined;
  return { numberMatched, features, nextAfter };
}
