import type postgres from 'postgres';
import type { Sql } from '../db/client';
import type { DraftLine } from './coverage';
import { visibleTo, type Viewer } from './visibility';

/** What the planner is shown of a flagged report (no free text: the plan page is shared). */
export interface FlagReportRow {
  id: number;
  title: string;
  kind: string;
  reliability: string;
  credibility: number;
  tlp: string;
}

export interface NearRouteRow extends FlagReportRow {
  distance_m: number;
  /** The saved route's id, or null for a draft line. */
  route_id: number | null;
  /** The draft line's index in the request (0-based), or null for a saved route. */
  draft: number | null;
  route_name: string | null;
}

/**
 * The open reports of `province` the viewer can see that lie within a line's radius plus
 * `marginM` metres of a saved route or draft line, each with its nearest such line and the
 * distance to it (metres, EPSG:32648; 0 for an area the line crosses).
 */
export async function reportsNearLines(
  sql: Sql,
  viewer: Viewer | undefined,
  province: string,
  routeIds: number[],
  drafts: DraftLine[],
  marginM: number,
): Promise<NearRouteRow[]> {
  if (!viewer || (!routeIds.length && !drafts.length)) return [];
  return sql<NearRouteRow[]>`
    with lines as materialized (
      select r.id as route_id, null::int as draft, r.name as route_name,
        ST_Transform(r.geom, 32648) as g, r.radius_m
      from patrol_routes r where r.id = any(${routeIds}::int[])
      union all
      select null::int, (d.ord - 1)::int, d.value ->> 'name',
        ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(d.value ->> 'geometry'), 4326), 32648),
        (d.value ->> 'radius_m')::float8
      from json_array_elements(${sql.json(drafts as unknown as postgres.JSONValue)}::json)
        with ordinality as d(value, ord)
    )
    select distinct on (t.id) t.id, t.title, t.kind, t.reliability, t.credibility::int, t.tlp,
      ST_Distance(u.g, l.g) as distance_m, l.route_id, l.draft, l.route_name
    from reports t
      cross join lateral (select ST_Transform(t.geom, 32648) as g) u
      join lines l on ST_DWithin(u.g, l.g, l.radius_m + ${marginM}::float8)
    where ${visibleTo(sql, viewer, 'reports', 't')}
      and t.status = 'open' and t.province = ${province}
    order by t.id, ST_Distance(u.g, l.g), l.route_id nulls last, l.draft`;
}

/** The open reports of `province` the viewer can see, at their representative points (metres). */
export async function openReportsAt(
  sql: Sql,
  viewer: Viewer | undefined,
  province: string,
): Promise<(FlagReportRow & { x: number; y: number })[]> {
  if (!viewer) return [];
  return sql`
    select t.id, t.title, t.kind, t.reliability, t.credibility::int, t.tlp,
      t.x_utm as x, t.y_utm as y
    from reports t
    where ${visibleTo(sql, viewer, 'reports', 't')}
      and t.status = 'open' and t.province = ${province}
    order by t.id`;
}
