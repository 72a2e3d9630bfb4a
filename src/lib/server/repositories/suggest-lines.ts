import type { Sql } from '../db/client';
import type { CandidateLine, CrossingXY, LineXY } from '../../analysis';

/**
 * What suggestions are cut from and what they may cover, in EPSG:32648 metres: the province's
 * frontier segments, waterways and trails, and its crossings. The crossings follow h17's
 * definition (every gate; where a waterway or trail meets the frontier or comes within 200 m of
 * it, at its closest point to the frontier); when the crossings repository lands on main,
 * provinceCrossings gives way to it.
 */

type Row = { kind: CandidateLine['kind']; name_vi: string; name_en: string; g: GeoLine };
type GeoLine = { type: string; coordinates: unknown };

function linesOf(g: GeoLine): LineXY[] {
  if (g.type === 'LineString') return [g.coordinates as [number, number][]];
  if (g.type === 'MultiLineString') return g.coordinates as [number, number][][];
  return [];
}

/** The frontier, waterways and trails of a province, as UTM lines. */
export async function candidateLines(sql: Sql, province: string): Promise<CandidateLine[]> {
  const rows = await sql<Row[]>`
    select kind, name_vi, name_en, ST_AsGeoJSON(ST_Transform(geom, 32648), 2)::json as g from (
      select 'frontier' as kind, name_vi, name_en, geom, id from frontier_segments
        where province = ${province}
      union all
      select 'waterway', name_vi, name_en, geom, id from waterways where province = ${province}
      union all
      select 'trail', name_vi, name_en, geom, id from trails where province = ${province}
    ) l order by kind, id`;
  return rows.flatMap((r) =>
    linesOf(r.g).map((line) => ({ line, kind: r.kind, name_vi: r.name_vi, name_en: r.name_en })),
  );
}

/** Metres within which a waterway or trail counts as crossing the frontier. */
export const CROSSING_NEAR_M = 200;

/** Gates and waterway / trail crossings of a province, in UTM. */
export async function provinceCrossings(sql: Sql, province: string): Promise<CrossingXY[]> {
  return sql<CrossingXY[]>`
    with f as (
      select ST_Transform(geom, 32648) as g from frontier_segments where province = ${province}
    ), l as (
      select 'waterway' as kind, id, name_vi, name_en, ST_Transform(geom, 32648) as g
        from waterways where province = ${province}
      union all
      select 'trail', id, name_vi, name_en, ST_Transform(geom, 32648) from trails
        where province = ${province}
    ), c as (
      select 'gate' as kind, 0 as sort, id, name_vi, name_en, ST_Transform(geom, 32648) as p
        from border_gates where province = ${province}
      union all
      (select distinct on (l.kind, l.id) l.kind, 1, l.id, l.name_vi, l.name_en,
        ST_ClosestPoint(l.g, f.g)
      from l join f on ST_DWithin(l.g, f.g, ${CROSSING_NEAR_M})
      order by l.kind, l.id, ST_Distance(l.g, f.g))
    )
    select kind, name_vi, name_en, ST_X(p)::float8 as x, ST_Y(p)::float8 as y from c
    order by sort, kind, id`;
}
