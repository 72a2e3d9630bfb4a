/**
 * Patrol plans: a named, versioned set of routes in one province (a post's weekly plan). A save
 * replaces the plan and its whole route set in one transaction at one version; a route edited
 * on its own through the routes API bumps its plan's version too (services/patrol-routes.ts).
 */
import type { Sql } from '../db/client';
import { ApiError, badRequest, conflict, notFound } from '../errors';
import * as repo from '../repositories/plans';
import type { PlanInput, PlanSummary } from '../repositories/plans';
import * as routesRepo from '../repositories/patrol-routes';
import type { PatrolRouteFeature, RouteInput } from '../repositories/patrol-routes';
import type { SessionUser } from './auth';
import { checkGeometryOf, forbidAgency } from './patrol-routes';

/** More routes than a post could staff in a week; keeps one save's work bounded. */
export const MAX_PLAN_ROUTES = 200;

export type PlanRouteInput = Omit<RouteInput, 'province'> & { id?: number };

export interface Plan extends PlanSummary {
  routes: { type: 'FeatureCollection'; features: PatrolRouteFeature[] };
}

async function summary(sql: Sql, id: number): Promise<PlanSummary> {
  const plan = await repo.getPlan(sql, id);
  if (!plan) throw notFound(`No patrol plan ${id}`);
  return plan;
}

/** The plan with its routes as the routes API shows them. */
export async function getPlan(sql: Sql, id: number): Promise<Plan> {
  const plan = await summary(sql, id);
  const features = await routesRepo.listRoutes(
    sql,
    { plan: id },
    { limit: MAX_PLAN_ROUTES * 10, after: 0 },
  );
  return { ...plan, routes: { type: 'FeatureCollection', features } };
}

export const listPlans = (sql: Sql, province?: string) => repo.listPlans(sql, province);

function checkRiskWindow(input: PlanInput): void {
  if (input.risk_from && input.risk_to && input.risk_to < input.risk_from)
    throw badRequest('risk_to must not be before risk_from.');
}

async function checkRoutes(
  sql: Sql,
  user: SessionUser,
  province: string,
  routes: PlanRouteInput[],
): Promise<void> {
  if (routes.length > MAX_PLAN_ROUTES)
    throw badRequest(
      `A plan holds at most ${MAX_PLAN_ROUTES} routes; this one has ${routes.length}.`,
    );
  for (const [i, route] of routes.entries()) {
    forbidAgency(user, route.agency);
    try {
      await checkGeometryOf(sql, { ...route, province });
    } catch (error) {
      // Name the route, so the planner knows which of many lines to fix.
      if (error instanceof ApiError)
        throw new ApiError(
          error.status,
          error.code,
          `Route ${i + 1} (${route.name}): ${error.message}`,
          error.details,
        );
      throw error;
    }
  }
}

export async function createPlan(
  sql: Sql,
  user: SessionUser,
  province: string,
  input: PlanInput,
  routes: PlanRouteInput[],
): Promise<Plan> {
  forbidAgency(user, input.agency);
  checkRiskWindow(input);
  await checkRoutes(sql, user, province, routes);
  const id = await repo.insertPlan(sql, province, input, user.id);
  for (const route of routes)
    await routesRepo.insertRoute(sql, { ...route, province }, user.id, id);
  return getPlan(sql, id);
}

async function staleOrGone(sql: Sql, id: number, version: number): Promise<ApiError> {
  const current = await repo.getPlan(sql, id);
  if (!current) return notFound(`No patrol plan ${id} (it was deleted)`);
  return conflict(
    `Plan ${id} was changed by someone else: you edited version ${version}, it is now version ${current.version}.`,
    { current: await getPlan(sql, id) },
  );
}

/**
 * Replaces the plan and its route set if `version` is still current: routes with an id of this
 * plan are updated, routes without one inserted, the plan's other routes deleted.
 */
export async function updatePlan(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
  input: PlanInput,
  routes: PlanRouteInput[],
  province?: string,
): Promise<{ before: Plan; after: Plan; inserted: number; updated: number; deleted: number }> {
  // The lock makes the version check and the route changes one step against concurrent saves.
  const locked = await repo.lockPlan(sql, id);
  if (!locked) throw notFound(`No patrol plan ${id}`);
  if (locked.version !== version) throw await staleOrGone(sql, id, version);
  const before = await getPlan(sql, id);
  if (province !== undefined && province !== before.province)
    throw badRequest(`A plan's province cannot change (plan ${id} is in ${before.province}).`);
  forbidAgency(user, before.agency);
  forbidAgency(user, input.agency);
  checkRiskWindow(input);

  const existing = await repo.planRouteIds(sql, id);
  const mine = new Map(existing.map((r) => [r.id, r.agency]));
  const kept = new Set<number>();
  for (const route of routes) {
    if (route.id === undefined) continue;
    if (!mine.has(route.id))
      throw badRequest(`Route ${route.id} is not a route of plan ${id}.`, { route_id: route.id });
    if (kept.has(route.id)) throw badRequest(`Route ${route.id} appears twice in the plan.`);
    kept.add(route.id);
    forbidAgency(user, mine.get(route.id)!);
  }
  const gone = existing.filter((r) => !kept.has(r.id));
  for (const r of gone) forbidAgency(user, r.agency);
  await checkRoutes(sql, user, before.province, routes);

  await repo.updatePlan(sql, id, version, input, user.id);
  await repo.deleteRoutes(
    sql,
    gone.map((r) => r.id),
  );
  for (const route of routes) {
    const full = { ...route, province: before.province };
    if (route.id === undefined) await routesRepo.insertRoute(sql, full, user.id, id);
    else {
      const current = (await routesRepo.getRoute(sql, route.id))!;
      await routesRepo.updateRoute(sql, route.id, current.version, full, user.id);
    }
  }
  const after = await getPlan(sql, id);
  return {
    before,
    after,
    inserted: routes.filter((r) => r.id === undefined).length,
    updated: kept.size,
    deleted: gone.length,
  };
}

export async function deletePlan(
  sql: Sql,
  user: SessionUser,
  id: number,
  version: number,
): Promise<PlanSummary> {
  const before = await summary(sql, id);
  forbidAgency(user, before.agency);
  for (const r of await repo.planRouteIds(sql, id)) forbidAgency(user, r.agency);
  if (!(await repo.deletePlan(sql, id, version))) throw await staleOrGone(sql, id, version);
  return before;
}

/** A new plan with the same fields and copies of the routes, all at version 1. */
export async function copyPlan(
  sql: Sql,
  user: SessionUser,
  id: number,
  name: string,
): Promise<Plan> {
  const source = await summary(sql, id);
  forbidAgency(user, source.agency);
  const newId = await repo.insertPlan(sql, source.province, { ...source, name }, user.id);
  await repo.copyRoutes(sql, id, newId, user.id);
  return getPlan(sql, newId);
}
