import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';

/**
 * Crossings of a province (DESIGN.md section 6, coverage): every border gate, and every place
 * where a waterway or trail meets the frontier or comes within CROSSING_NEAR_M of it. Worked in
 * EPSG:32648 metres.
 *
 * - A line that crosses the frontier gives one crossing per intersection point.
 * - A line that runs along the frontier (shares a stretch with it) gives one crossing at the
 *   middle of each shared stretch, detail `along`.
 * - A line that never meets the frontier but comes within CROSSING_NEAR_M of it gives one
 *   crossing at the frontier point nearest to it (a canal running beside the frontier for
 *   kilometres is one crossing, not one per metre).
 * A line with several crossings numbers them along the line: `Kênh Vĩnh Tế (1)`, `(2)`, ...
 */

/** A waterway or trail this close to the frontier (metres) counts as a crossing. */
export const CROSSING_NEAR_M = 200;

/**
 * The crossings of `province` as rows (name_vi, name_en, kind, detail, code, distance_m, g) with
 * g a Point in EPSG:32648, for use as a CTE by this file and by coverage.
 */
export function crossingRows(sql: Sql, province: string): Fragment {
  return sql`
    with frontier as (
      select ST_UnaryUnion(ST_Collect(ST_Transform(s.geom, 32648))) as g
      from frontier_segments s where s.province = ${province}
    ),
    lines as (
      select 'waterway' as kind, w.code, w.name_vi, w.name_en, w.kind as detail,
        ST_Transform(w.geom, 32648) as g
      from waterways w where w.province = ${province}
      union all
      select 'trail', t.code, t.name_vi, t.name_en, t.kind, ST_Transform(t.geom, 32648)
      from trails t where t.province = ${province}
    ),
    near as (
      select l.*, ST_Intersects(l.g, f.g) as meets, f.g as fg
      from lines l, frontier f
      where f.g is not null and ST_DWithin(l.g, f.g, ${CROSSING_NEAR_M}::float8)
    ),
    parts as (
      select n.kind, n.code, n.name_vi, n.name_en, n.g as line,
        case when ST_GeometryType(d.geom) = 'ST_Point' then n.detail else n.detail || ', along' end as detail,
        case when ST_GeometryType(d.geom) = 'ST_Point' then d.geom
          else ST_LineInterpolatePoint(d.geom, 0.5) end as pt,
        0::float8 as distance_m
      from near n cross join lateral ST_Dump(ST_Intersection(n.g, n.fg)) d
      where n.meets and ST_GeometryType(d.geom) in ('ST_Point', 'ST_LineString')
      union all
      select n.kind, n.code, n.name_vi, n.name_en, n.g, n.detail || ', near',
        ST_ClosestPoint(n.fg, n.g), ST_Distance(n.g, n.fg)
      from near n where not n.meets
    ),
    numbered as (
      select p.*,
        row_number() over (partition by p.kind, p.code, p.name_vi order by ST_LineLocatePoint(p.line, ST_ClosestPoint(p.line, p.pt))) as k,
        count(*) over (partition by p.kind, p.code, p.name_vi) as n
      from parts p
    )
    select kind, code,
      case when n > 1 then name_vi || ' (' || k || ')' else name_vi end as name_vi,
      case when n > 1 then name_en || ' (' || k || ')' else name_en end as name_en,
      detail, distance_m, pt as g
    from numbered
    union all
    select 'gate', b.code, b.name_vi, b.name_en, b.kind || ', ' || b.mode, 0::float8,
      ST_Transform(b.geom, 32648)
    from border_gates b where b.province = ${province}`;
}

export interface CrossingFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name_vi: string;
    name_en: string;
    kind: 'gate' | 'waterway' | 'trail';
    detail: string;
    code: string | null;
    distance_m: number;
  };
}

/** The crossings of `province` as GeoJSON Point features in EPSG:4326 (PostGIS writes them). */
export async function listCrossings(sql: Sql, province: string): Promise<CrossingFeature[]> {
  const rows = await sql<{ f: CrossingFeature }[]>`
    with c as (${crossingRows(sql, province)})
    select json_build_object(
      'type', 'Feature',
      'geometry', ST_AsGeoJSON(ST_Transform(c.g, 4326), 7)::json,
      'properties', json_build_object('name_vi', c.name_vi, 'name_en', c.name_en,
        'kind', c.kind, 'detail', c.detail, 'code', c.code,
        'distance_m', round(c.distance_m::numeric, 1)::float8)
    ) as f
    from c
    order by case c.kind when 'gate' then 0 when 'waterway' then 1 else 2 end, c.name_en collate "C", c.name_vi collate "C"`;
  return rows.map((r) => r.f);
}
