import type postgres from 'postgres';
import type { Sql } from '../db/client';

export interface RouteInput {
  name: string;
  province: string;
  agency: string;
  unit?: string | null;
  radius_m: number;
  shifts_per_week: number;
  /** GeoJSON LineString, already structurally checked. */
  geometry: object;
}

export interface RouteRow {
  id: number;
  version: number;
  agency: string;
  province: string;
  /** The plan the route belongs to, null for a route outside any plan. */
  plan_id: number | null;
  feature: PatrolRouteFeature;
}

export interface PatrolRouteFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'LineString'; coordinates: number[][] };
  properties: Record<string, unknown>;
}

const featureSql = (sql: Sql) => sql`
  json_build_object(
    'type', 'Feature',
    'id', r.id,
    'geometry', ST_AsGeoJSON(r.geom, 7)::json,
    'properties', json_build_object(
      'name', r.name, 'province', r.province, 'agency', r.agency, 'unit', r.unit,
      'radius_m', r.radius_m, 'shifts_per_week', r.shifts_per_week, 'version', r.version,
      'plan_id', r.plan_id,
      'length_km', round((ST_Length(r.geom::geography) / 1000)::numeric, 3),
      'created_at', r.created_at, 'updated_at', r.updated_at,
      'created_by', (select username from users u where u.id = r.created_by),
      'updated_by', (select username from users u where u.id = r.updated_by)
    )
  )`;

export interface RouteFilter {
  province?: string;
  agency?: string[];
  /** Only the routes of this plan. */
  plan?: number;
}

const routeWhere = (sql: Sql, filter: RouteFilter) => sql`
  ${filter.province ? sql`r.province = ${filter.province}` : sql`true`}
  and ${filter.agency ? sql`r.agency in ${sql(filter.agency)}` : sql`true`}
  and ${filter.plan !== undefined ? sql`r.plan_id = ${filter.plan}` : sql`true`}`;

/** Routes with id above `after`, in id order: keyset paging, bounded by `limit`. */
export async function listRoutes(
  sql: Sql,
  filter: RouteFilter,
  page: { limit: number; after: number },
): Promise<PatrolRouteFeature[]> {
  const rows = await sql<{ f: PatrolRouteFeature }[]>`
    select ${featureSql(sql)} as f from patrol_routes r
    where ${routeWhere(sql, filter)} and r.id > ${page.after}
    order by r.id limit ${page.limit}`;
  return rows.map((r) => r.f);
}

export async function countRoutes(sql: Sql, filter: RouteFilter): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from patrol_routes r where ${routeWhere(sql, filter)}`;
  return row.n;
}

export async function getRoute(sql: Sql, id: number): Promise<RouteRow | undefined> {
  const [row] = await sql<RouteRow[]>`
    select r.id, r.version, r.agency, r.province, r.plan_id, ${featureSql(sql)} as feature from patrol_routes r where r.id = ${id}`;
  return row;
}

/**
 * PostGIS's view of a route line: valid, and within `maxDistanceM` of its province's outline.
 * PGlite returns no row where GEOS fails, so no row means "not valid".
 */
export async function checkRouteGeometry(
  sql: Sql,
  geometry: object,
  province: string,
  maxDistanceM: number,
): Promise<{ valid: boolean; reason: string; nearProvince: boolean }> {
  const [row] = await sql<{ valid: boolean; reason: string; near: boolean | null }[]>`
    with g as (select ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(geometry as postgres.JSONValue)}::text), 4326) as g)
    select ST_IsValid(g.g) as valid, ST_IsValidReason(g.g) as reason,
      (select ST_DWithin(p.geom::geography, g.g::geography, ${maxDistanceM}) from provinces p where p.id = ${province}) as near
    from g`;
  if (!row)
    return { valid: false, reason: 'PostGIS could not read this geometry', nearProvince: false };
  return { valid: row.valid, reason: row.reason, nearProvince: row.near === true };
}

export async function insertRoute(
  sql: Sql,
  input: RouteInput,
  userId: number,
  planId: number | null = null,
): Promise<RouteRow> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrol_routes (name, province, agency, unit, radius_m, shifts_per_week, geom, created_by, updated_by, plan_id)
    values (${input.name}, ${input.province}, ${input.agency}, ${input.unit ?? null}, ${input.radius_m},
      ${input.shifts_per_week}, ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(input.geometry as postgres.JSONValue)}::text), 4326),
      ${userId}, ${userId}, ${planId})
    returning id`;
  return (await getRoute(sql, id))!;
}

/** Updates only if the stored version is `version`; undefined when it is not (or no such route). */
export async function updateRoute(
  sql: Sql,
  id: number,
  version: number,
  input: RouteInput,
  userId: number,
): Promise<RouteRow | undefined> {
  const rows = await sql`
    update patrol_routes set name = ${input.name}, province = ${input.province}, agency = ${input.agency},
      unit = ${input.unit ?? null}, radius_m = ${input.radius_m}, shifts_per_week = ${input.shifts_per_week},
      geom = ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(input.geometry as postgres.JSONValue)}::text), 4326),
      version = version + 1, updated_at = now(), updated_by = ${userId}
    where id = ${id} and version = ${version}
    returning id`;
  return rows.length ? getRoute(sql, id) : undefined;
}

/** Deletes only at `version`; false when the version is stale or the route is gone. */
export async function deleteRoute(sql: Sql, id: number, version: number): Promise<boolean> {
  const rows =
    await sql`delete from patrol_routes where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}
