import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';

/**
 * Crossings of a province (DESIGN.md section 6, coverage): every border gate, and every place
 * where a waterway or trail meets the frontier or comes within CROSSING_NEAR_M of it. Worked in
 * EPSG:32648 metres.
 *
 * Each connected stretch of a waterway or trail that lies within CROSSING_NEAR_M of the frontier
 * is one crossing (a river that is the frontier for 27 km, digitised a little apart from it,
 * meets the line 77 times: that is one place to watch, not 77):
 * - where the stretch shares a run with the frontier, at the middle of the longest shared run,
 *   detail `along`;
 * - else where it meets the frontier, at the meeting point nearest the stretch's middle;
 * - else at the frontier point nearest the stretch, detail `near`, with its distance.
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
      select l.*, f.g as fg
      from lines l, frontier f
      where f.g is not null and ST_DWithin(l.g, f.g, ${CROSSING_NEAR_M}::float8)
    ),
    stretches as (
      select n.kind, n.code, n.name_vi, n.name_en, n.detail, n.g as line, n.fg, d.geom as st,
        ST_Intersection(d.geom, n.fg) as inter
      from near n cross join lateral ST_Dump(ST_LineMerge(ST_CollectionExtract(
        ST_Intersection(n.g, ST_Buffer(n.fg, ${CROSSING_NEAR_M}::float8)), 2))) d
      where ST_Length(d.geom) > 0
    ),
    parts as (
      select s.kind, s.code, s.name_vi, s.name_en, s.line,
        case when ST_IsEmpty(s.inter) then s.detail || ', near'
          when ST_Dimension(s.inter) = 1 then s.detail || ', along' else s.detail end as detail,
        -- An empty intersection may be an empty line, of dimension 1: test emptiness first.
        case when ST_IsEmpty(s.inter) then ST_ClosestPoint(s.fg, s.st)
          when ST_Dimension(s.inter) = 1 then ST_LineInterpolatePoint((
            select r.geom from ST_Dump(ST_LineMerge(ST_CollectionExtract(s.inter, 2))) r
            order by ST_Length(r.geom) desc limit 1), 0.5)
          else ST_ClosestPoint(ST_CollectionExtract(s.inter, 1), ST_LineInterpolatePoint(s.st, 0.5))
          end as pt,
        case when ST_IsEmpty(s.inter) then ST_Distance(s.st, s.fg) else 0 end::float8 as distance_m
      from stretches s
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
