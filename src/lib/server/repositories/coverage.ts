import type postgres from 'postgres';
import type { Sql } from '../db/client';
import { crossingRows } from './crossings';
import { LAYERS } from './layer-registry';
import { whereClause, type LayerFilter } from './layers';

/**
 * Coverage of a set of routes in one statement, in EPSG:32648 metres (DESIGN.md section 6): each
 * route buffered by its radius (8 segments per quarter circle, PostGIS's default; the line first
 * simplified by SIMPLIFY_SHARE_OF_RADIUS of the radius), the buffers
 * unioned once (ST_UnaryUnion of the collection: one cascaded union, not a pairwise fold) and
 * measured against the frontier segments, the crossings, the seizures and the risk cells.
 */

/**
 * Lines are simplified (Douglas-Peucker) by this share of their radius before buffering: the
 * buffer's edge moves by at most that much (20 m at 2 km), and GEOS no longer chokes on noisy
 * lines: one 200-vertex line with 30 m of noise took 670 ms to buffer at 2 km, 54 ms after
 * simplifying by 20 m, against 5 ms for a smooth one (PostGIS 3.3, GEOS 3.11).
 */
export const SIMPLIFY_SHARE_OF_RADIUS = 0.01;

/** A line to cover: a saved route (id) or a draft line (GeoJSON LineString). */
export interface DraftLine {
  name: string | null;
  radius_m: number;
  shifts_per_week: number;
  geometry: object;
}

export interface CoverageInput {
  province: string;
  routeIds: number[];
  drafts: DraftLine[];
  seizures: Omit<LayerFilter, 'bbox'>;
  /** Centres (EPSG:32648) of the risk cells with density above 0, as parallel arrays. */
  cells: { x: number[]; y: number[] };
}

export interface SegmentRow {
  code: string;
  name_vi: string;
  name_en: string;
  length_m: number;
  covered_m: number;
}

export interface CoverageRow {
  segments: SegmentRow[];
  /** Per route (input order: saved routes by id, then drafts): its length and shifts. */
  routes: { i: number; length_m: number; shifts_per_week: number }[];
  /** Frontier metres inside each route's own buffer, per segment it reaches. */
  route_segments: { i: number; code: string; covered_m: number }[];
  gaps: {
    code: string;
    name_vi: string;
    name_en: string;
    length_m: number;
    geometry: { type: 'LineString'; coordinates: number[][] };
  }[];
  crossings: {
    name_vi: string;
    name_en: string;
    kind: 'gate' | 'waterway' | 'trail';
    detail: string;
    covered: boolean;
    lon: number;
    lat: number;
  }[];
  seizures_total: number;
  seizures_captured: number;
  /** Indices (0-based) into `cells` of the centres inside the coverage. */
  cells_inside: number[];
  covered_area_m2: number;
  province_area_m2: number;
  coverage: object | null;
}

const json = (sql: Sql, v: unknown) => sql.json(v as postgres.JSONValue);

export async function measureCoverage(sql: Sql, input: CoverageInput): Promise<CoverageRow> {
  const layer = LAYERS.seizures;
  const rows = await sql<CoverageRow[]>`
    with input as (
      select r.id::bigint as ord, ST_Transform(r.geom, 32648) as g, r.radius_m, r.shifts_per_week
      from patrol_routes r where r.id = any(${input.routeIds}::int[])
      union all
      select 1000000000 + d.ord, ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(d.value ->> 'geometry'), 4326), 32648),
        (d.value ->> 'radius_m')::float8, (d.value ->> 'shifts_per_week')::float8
      from json_array_elements(${json(sql, input.drafts)}::json) with ordinality as d(value, ord)
    ),
    routes as materialized (
      select (row_number() over (order by ord) - 1)::int as i, g, radius_m, shifts_per_week,
        ST_Length(g) as length_m,
        ST_Buffer(ST_Simplify(g, radius_m * ${SIMPLIFY_SHARE_OF_RADIUS}::float8, true), radius_m, 'quad_segs=8') as b
      from input
    ),
    cov as materialized (select ST_UnaryUnion(ST_Collect(b)) as g from routes),
    prov as materialized (
      select ST_Transform(p.geom, 32648) as g from provinces p where p.id = ${input.province}
    ),
    seg as materialized (
      select s.code, s.name_vi, s.name_en, ST_Transform(s.geom, 32648) as g
      from frontier_segments s where s.province = ${input.province}
    ),
    cross_pts as (${crossingRows(sql, input.province)}),
    gap_parts as (
      select seg.code, seg.name_vi, seg.name_en, d.geom as g
      from seg, cov, ST_Dump(ST_LineMerge(ST_Difference(seg.g, cov.g))) d
      where ST_GeometryType(d.geom) = 'ST_LineString' and ST_Length(d.geom) > 0
    )
    select
      (select coalesce(json_agg(json_build_object('code', seg.code, 'name_vi', seg.name_vi,
          'name_en', seg.name_en, 'length_m', ST_Length(seg.g),
          'covered_m', ST_Length(ST_Intersection(seg.g, cov.g))) order by seg.code), '[]')
        from seg) as segments,
      (select coalesce(json_agg(json_build_object('i', r.i, 'length_m', r.length_m,
          'shifts_per_week', r.shifts_per_week) order by r.i), '[]') from routes r) as routes,
      (select coalesce(json_agg(json_build_object('i', r.i, 'code', seg.code,
          'covered_m', ST_Length(ST_Intersection(seg.g, r.b)))), '[]')
        from routes r join seg on ST_Intersects(r.b, seg.g)) as route_segments,
      (select coalesce(json_agg(json_build_object('code', gp.code, 'name_vi', gp.name_vi,
          'name_en', gp.name_en, 'length_m', ST_Length(gp.g),
          'geometry', ST_AsGeoJSON(ST_Transform(gp.g, 4326), 7)::json)
          order by ST_Length(gp.g) desc, gp.code), '[]') from gap_parts gp) as gaps,
      (select coalesce(json_agg(json_build_object('name_vi', c.name_vi, 'name_en', c.name_en,
          'kind', c.kind, 'detail', c.detail, 'covered', ST_Intersects(cov.g, c.g),
          'lon', round(ST_X(ST_Transform(c.g, 4326))::numeric, 7),
          'lat', round(ST_Y(ST_Transform(c.g, 4326))::numeric, 7))
          order by case c.kind when 'gate' then 0 when 'waterway' then 1 else 2 end, c.name_en collate "C", c.name_vi collate "C"), '[]')
        from cross_pts c) as crossings,
      (select count(*)::int from ${sql(layer.table)} t where ${whereClause(sql, layer, input.seizures)})
        as seizures_total,
      (select count(*)::int from ${sql(layer.table)} t
        where ${whereClause(sql, layer, input.seizures)}
          and ST_Intersects(cov.g, ST_SetSRID(ST_MakePoint(t.x_utm, t.y_utm), 32648))) as seizures_captured,
      (select coalesce(array_agg((u.k - 1)::int order by u.k), '{}')
        from unnest(${input.cells.x}::float8[], ${input.cells.y}::float8[]) with ordinality as u(x, y, k)
        where ST_Intersects(cov.g, ST_SetSRID(ST_MakePoint(u.x, u.y), 32648))) as cells_inside,
      ST_Area(ST_Intersection(cov.g, prov.g)) as covered_area_m2,
      ST_Area(prov.g) as province_area_m2,
      ST_AsGeoJSON(ST_Multi(ST_Transform(cov.g, 4326)), 6)::json as coverage
    from cov, prov`;
  // The embedded engine answers no row where GEOS fails: never report an empty coverage then.
  if (!rows.length) throw new Error('PostGIS could not compute the coverage of these routes');
  return rows[0];
}

export interface PlanRow {
  id: number;
  province: string;
  risk_from: string | null;
  risk_to: string | null;
  risk_categories: string[] | null;
  route_ids: number[];
}

/** A plan's risk window and filters and its route ids, or undefined when there is no such plan. */
export async function getPlan(sql: Sql, id: number): Promise<PlanRow | undefined> {
  const [row] = await sql<PlanRow[]>`
    select p.id, p.province, p.risk_from::text as risk_from, p.risk_to::text as risk_to,
      p.risk_categories,
      coalesce((select array_agg(r.id order by r.id) from patrol_routes r where r.plan_id = p.id), '{}') as route_ids
    from patrol_plans p where p.id = ${id}`;
  return row;
}

/** Saved routes by id: province and vertex count (missing ids have no row). */
export async function routesById(
  sql: Sql,
  ids: number[],
): Promise<{ id: number; province: string; vertices: number }[]> {
  if (!ids.length) return [];
  return sql`
    select r.id, r.province, ST_NPoints(r.geom)::int as vertices
    from patrol_routes r where r.id = any(${ids}::int[]) order by r.id`;
}

/**
 * PostGIS's verdict on draft lines, in input order: valid, and within `maxDistanceM` of the
 * province outline. A line PostGIS cannot read has valid = false.
 */
export async function checkDraftLines(
  sql: Sql,
  geometries: object[],
  province: string,
  maxDistanceM: number,
): Promise<{ valid: boolean; reason: string | null; near: boolean }[]> {
  if (!geometries.length) return [];
  // Distance to the outline in EPSG:32648 (the outline transformed once): a geography
  // distance to the whole province polygon cost about 15 ms a line.
  const rows = await sql<{ k: number; valid: boolean; reason: string; near: boolean }[]>`
    with g as (
      select d.k::int as k, ST_SetSRID(ST_GeomFromGeoJSON(d.value::text), 4326) as g
      from json_array_elements(${json(sql, geometries)}::json) with ordinality as d(value, k)
    ),
    p as materialized (select ST_Transform(p.geom, 32648) as g from provinces p where p.id = ${province})
    select g.k, ST_IsValid(g.g) as valid, ST_IsValidReason(g.g) as reason,
      coalesce((select ST_DWithin(p.g, ST_Transform(g.g, 32648), ${maxDistanceM}::float8) from p), false) as near
    from g order by g.k`;
  return geometries.map((_, i) => {
    const row = rows.find((r) => r.k === i + 1);
    return row
      ? { valid: row.valid, reason: row.reason, near: row.near }
      : { valid: false, reason: 'PostGIS could not read this geometry', near: false };
  });
}
