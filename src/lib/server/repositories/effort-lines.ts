import type { Sql } from '../db/client';
import type { LineXY } from '../../analysis';

/**
 * The lines effort and suggestions are measured on, in EPSG:32648 metres (PostGIS transforms;
 * TypeScript clips them to the hex grid: 12 to 30 times faster than ST_Intersection with the
 * hexagons in PostGIS, same km to the metre; bench/coverage/suggest.ts). Plan rows are read
 * here until the plans repository (h16) lands; then readPlan moves there.
 */

/** Lines of a GeoJSON LineString or MultiLineString, as [x, y] positions. */
function linesOf(g: { type: string; coordinates: unknown }): LineXY[] {
  if (g.type === 'LineString') return [g.coordinates as [number, number][]];
  if (g.type === 'MultiLineString') return g.coordinates as [number, number][][];
  return [];
}

export interface PlanRow {
  id: number;
  province: string;
  /** The plan's risk window (dates in Vietnam time, null = open) and goods categories. */
  risk_from: string | null;
  risk_to: string | null;
  risk_categories: string[] | null;
}

/** A plan's province and risk settings, or undefined when there is no such plan. */
export async function readPlan(sql: Sql, id: number): Promise<PlanRow | undefined> {
  const [row] = await sql<PlanRow[]>`
    select id, province, to_char(risk_from, 'YYYY-MM-DD') as risk_from,
      to_char(risk_to, 'YYYY-MM-DD') as risk_to, risk_categories
    from patrol_plans where id = ${id}`;
  return row;
}

export interface RouteLine {
  id: number;
  radiusM: number;
  shiftsPerWeek: number;
  lines: LineXY[];
}

/** The routes of a plan, in UTM. */
export async function planRouteLines(sql: Sql, planId: number): Promise<RouteLine[]> {
  const rows = await sql<
    { id: number; radius_m: number; shifts: number; g: { type: string; coordinates: unknown } }[]
  >`
    select id, radius_m::float8 as radius_m, shifts_per_week::float8 as shifts,
      ST_AsGeoJSON(ST_Transform(geom, 32648), 2)::json as g
    from patrol_routes where plan_id = ${planId} order by id`;
  return rows.map((r) => ({
    id: r.id,
    radiusM: r.radius_m,
    shiftsPerWeek: r.shifts,
    lines: linesOf(r.g),
  }));
}

export interface PatrolLines {
  /** Distinct patrol lines, each with how many patrols in the window followed it. */
  lines: { lines: LineXY[]; patrols: number }[];
  patrols: number;
}

/**
 * The lines of the province's patrols that started in [from, to): patrols that followed a
 * route share its line, so identical lines come once with their count.
 */
export async function patrolLines(
  sql: Sql,
  province: string,
  from: Date,
  to: Date,
): Promise<PatrolLines> {
  const rows = await sql<{ g: { type: string; coordinates: unknown }; n: number }[]>`
    select ST_AsGeoJSON(ST_Transform(geom, 32648), 2)::json as g, n from (
      select geom, count(*)::int as n from patrols
      where province = ${province} and started_at >= ${from} and started_at < ${to}
      group by geom
    ) d`;
  return {
    lines: rows.map((r) => ({ lines: linesOf(r.g), patrols: r.n })),
    patrols: rows.reduce((a, r) => a + r.n, 0),
  };
}

/** First start and last end of the province's patrols, or null without any. */
export async function patrolSpan(
  sql: Sql,
  province: string,
): Promise<{ first: Date; last: Date } | null> {
  const [row] = await sql<{ first: Date | null; last: Date | null }[]>`
    select min(started_at) as first, max(ended_at) as last from patrols
    where province = ${province}`;
  return row.first && row.last ? { first: new Date(row.first), last: new Date(row.last) } : null;
}
