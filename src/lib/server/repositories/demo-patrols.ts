import type postgres from 'postgres';
import type { Sql } from '../db/client';

/** Removes the synthetic plans (their routes go with them) and patrols; real ones stay. */
export async function deleteSyntheticPlansAndPatrols(sql: Sql): Promise<number> {
  const patrols = await sql`delete from patrols where synthetic`;
  await sql`delete from patrol_plans where synthetic`;
  return patrols.count;
}

export async function insertSyntheticPlan(
  sql: Sql,
  plan: { name: string; province: string; agency: string; unit: string; note: string },
): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrol_plans (name, province, agency, unit, note, synthetic)
    values (${plan.name}, ${plan.province}, ${plan.agency}, ${plan.unit}, ${plan.note}, true)
    returning id`;
  return id;
}

export async function insertPlanRoute(
  sql: Sql,
  planId: number,
  province: string,
  unit: string,
  route: {
    name: string;
    agency: string;
    radius_m: number;
    shifts_per_week: number;
    geometry: object;
  },
): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrol_routes (name, province, agency, unit, radius_m, shifts_per_week, geom, plan_id)
    values (${route.name}, ${province}, ${route.agency}, ${unit}, ${route.radius_m}, ${route.shifts_per_week},
      ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(route.geometry as postgres.JSONValue)}::text), 4326), ${planId})
    returning id`;
  return id;
}

/** Joint-led synthetic seizures of a province in time order, with the nearest of `routeIds`. */
export async function jointSeizures(
  sql: Sql,
  province: string,
  routeIds: number[],
  limit: number,
): Promise<{ id: number; occurred_ms: number; route_id: number }[]> {
  // The nearest route only for the rows kept: a million-seizure seed has ~200,000 joint ones.
  return sql<{ id: number; occurred_ms: number; route_id: number }[]>`
    with s as (
      select id, occurred_at, geom from seizures
      where synthetic and province = ${province} and lead_agency = 'joint'
      order by occurred_at, id limit ${limit}
    )
    select s.id, (extract(epoch from s.occurred_at) * 1000)::float8 as occurred_ms, near.id as route_id
    from s cross join lateral (
      select r.id from patrol_routes r where r.id in ${sql(routeIds)}
      order by ST_Distance(r.geom::geography, s.geom::geography), r.id limit 1
    ) near
    order by s.occurred_at, s.id`;
}

export interface SyntheticPatrol {
  route_id: number;
  started_at: string;
  ended_at: string;
}

/** Joint patrols along demo routes that found nothing (the route's line copied), in one insert. */
export async function insertSyntheticPatrols(
  sql: Sql,
  province: string,
  rows: SyntheticPatrol[],
): Promise<number> {
  const data = sql.json(rows as unknown as postgres.JSONValue);
  const result = await sql`
    insert into patrols (route_id, province, agency, unit, started_at, ended_at, result, source,
      synthetic, geom)
    select r.id, ${province}, 'joint', r.unit, x.started_at, x.ended_at, 'nothing_found', 'route', true, r.geom
    from json_to_recordset(${data}::json)
      as x(route_id int, started_at timestamptz, ended_at timestamptz)
    join patrol_routes r on r.id = x.route_id`;
  return result.count;
}

/** A joint patrol that led to `seizureId`, linked to it. */
export async function insertLinkedPatrol(
  sql: Sql,
  province: string,
  row: SyntheticPatrol,
  seizureId: number,
): Promise<void> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrols (route_id, province, agency, unit, started_at, ended_at, result, source,
      synthetic, geom)
    select r.id, ${province}, 'joint', r.unit, ${row.started_at}, ${row.ended_at}, 'seizures', 'route', true, r.geom
    from patrol_routes r where r.id = ${row.route_id}
    returning id`;
  await sql`insert into patrol_seizures (patrol_id, seizure_id) values (${id}, ${seizureId})`;
}
