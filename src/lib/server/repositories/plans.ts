import type { Sql } from '../db/client';

/** A plan's own fields as the API shows them (without its routes). */
export interface PlanSummary {
  id: number;
  name: string;
  province: string;
  agency: string;
  unit: string | null;
  note: string | null;
  risk_from: string | null;
  risk_to: string | null;
  risk_categories: string[] | null;
  version: number;
  route_count: number;
  length_km: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
  /** Invented for the demo (replaced by the next seed), like synthetic seizures. */
  synthetic: boolean;
}

export interface PlanInput {
  name: string;
  agency: string;
  unit?: string | null;
  note?: string | null;
  risk_from?: string | null;
  risk_to?: string | null;
  risk_categories?: string[] | null;
}

// Dates as text so a `date` column reads back as the YYYY-MM-DD it was written as, whatever
// the engine's date parser; route totals computed here so the list needs no second query.
const summarySql = (sql: Sql) => sql`
  p.id, p.name, p.province, p.agency, p.unit, p.note,
  p.risk_from::text as risk_from, p.risk_to::text as risk_to, p.risk_categories, p.version,
  (select count(*)::int from patrol_routes r where r.plan_id = p.id) as route_count,
  coalesce((select round((sum(ST_Length(r.geom::geography)) / 1000)::numeric, 3)::float8
    from patrol_routes r where r.plan_id = p.id), 0) as length_km,
  p.created_at, p.updated_at,
  (select username from users u where u.id = p.updated_by) as updated_by, p.synthetic`;

/** Plans of one province (or all), newest change first. */
export async function listPlans(sql: Sql, province?: string): Promise<PlanSummary[]> {
  return sql<PlanSummary[]>`
    select ${summarySql(sql)} from patrol_plans p
    where ${province ? sql`p.province = ${province}` : sql`true`}
    order by p.updated_at desc, p.id desc`;
}

export async function getPlan(sql: Sql, id: number): Promise<PlanSummary | undefined> {
  const [row] = await sql<PlanSummary[]>`
    select ${summarySql(sql)} from patrol_plans p where p.id = ${id}`;
  return row;
}

/** Locks the plan row for the rest of the transaction, so two saves of one plan queue. */
export async function lockPlan(sql: Sql, id: number): Promise<{ version: number } | undefined> {
  const [row] = await sql<{ version: number }[]>`
    select version from patrol_plans where id = ${id} for update`;
  return row;
}

export async function insertPlan(
  sql: Sql,
  province: string,
  input: PlanInput,
  userId: number,
): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency, unit, note, risk_from, risk_to,
      risk_categories, created_by, updated_by)
    values (${input.name}, ${province}, ${input.agency}, ${input.unit ?? null}, ${input.note ?? null},
      ${input.risk_from ?? null}, ${input.risk_to ?? null}, ${input.risk_categories ?? null},
      ${userId}, ${userId})
    returning id`;
  return id;
}

/** Updates only at `version`; false when the version is stale or the plan is gone. */
export async function updatePlan(
  sql: Sql,
  id: number,
  version: number,
  input: PlanInput,
  userId: number,
): Promise<boolean> {
  const rows = await sql`
    update patrol_plans set name = ${input.name}, agency = ${input.agency}, unit = ${input.unit ?? null},
      note = ${input.note ?? null}, risk_from = ${input.risk_from ?? null}, risk_to = ${input.risk_to ?? null},
      risk_categories = ${input.risk_categories ?? null},
      version = version + 1, updated_at = now(), updated_by = ${userId}
    where id = ${id} and version = ${version}
    returning id`;
  return rows.length === 1;
}

/** A route of the plan changed on its own: the plan is a new version too. */
export async function bumpPlan(sql: Sql, id: number, userId: number): Promise<void> {
  await sql`
    update patrol_plans set version = version + 1, updated_at = now(), updated_by = ${userId}
    where id = ${id}`;
}

/** Deletes only at `version` (its routes go by cascade); false when stale or gone. */
export async function deletePlan(sql: Sql, id: number, version: number): Promise<boolean> {
  const rows =
    await sql`delete from patrol_plans where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

/** Ids and agencies of the plan's routes, to check what a save keeps, changes and deletes. */
export async function planRouteIds(
  sql: Sql,
  planId: number,
): Promise<{ id: number; agency: string }[]> {
  return sql<{ id: number; agency: string }[]>`
    select id, agency from patrol_routes where plan_id = ${planId} order by id`;
}

export async function deleteRoutes(sql: Sql, ids: number[]): Promise<void> {
  if (ids.length) await sql`delete from patrol_routes where id in ${sql(ids)}`;
}

/** Copies every route of one plan into another as new routes at version 1. */
export async function copyRoutes(
  sql: Sql,
  fromPlan: number,
  toPlan: number,
  userId: number,
): Promise<void> {
  await sql`
    insert into patrol_routes (name, province, agency, unit, radius_m, shifts_per_week, geom,
      created_by, updated_by, plan_id)
    select name, province, agency, unit, radius_m, shifts_per_week, geom, ${userId}, ${userId}, ${toPlan}
    from patrol_routes where plan_id = ${fromPlan} order by id`;
}
