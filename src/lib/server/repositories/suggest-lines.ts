import type { Sql } from '../db/client';
import type { CandidateLine, CrossingXY, LineXY } from '../../analysis';
import { crossingRows } from './crossings';

/**
 * What suggestions are cut from and what they may cover, in EPSG:32648 metres: the province's
 * frontier segments, waterways and trails, and its crossings.
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

/**
 * Gates and waterway / trail crossings of a province as repositories/crossings.ts defines them
 * (the same crossings /api/crossings and coverage list), in UTM.
 */
export async function provinceCrossings(sql: Sql, province: string): Promise<CrossingXY[]> {
  return sql<CrossingXY[]>`
    select c.kind, c.name_vi, c.name_en, ST_X(c.g)::float8 as x, ST_Y(c.g)::float8 as y
    from (${crossingRows(sql, province)}) c
    order by c.kind = 'gate' desc, c.kind, c.name_en`;
}
