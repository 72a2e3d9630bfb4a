import type { Geometry, LineString, MultiPolygon, Point } from 'geojson';
import type { Province } from '../../domain';
import type { Sql } from '../db/client';

export interface BriefingGate {
  code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  geometry: Point;
}

export interface BriefingBase {
  /** The province outline, simplified to about 50 m: a page map needs no more. */
  outline: MultiPolygon | null;
  frontier: { code: string; name_vi: string; name_en: string; geometry: LineString }[];
  gates: BriefingGate[];
}

/**
 * What the briefing map draws under the hot spots: the outline, the frontier segments and the
 * named gates of one province, as GeoJSON geometries that PostGIS writes (5 decimals: about 1 m).
 */
export async function briefingBase(sql: Sql, province: Province): Promise<BriefingBase> {
  const [outline] = await sql<{ geometry: Geometry }[]>`
    select ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(geom, 0.0005)), 5)::json as geometry
    from provinces where id = ${province}`;
  const frontier = await sql<BriefingBase['frontier']>`
    select code, name_vi, name_en, ST_AsGeoJSON(geom, 5)::json as geometry
    from frontier_segments where province = ${province} order by code`;
  const gates = await sql<BriefingGate[]>`
    select code, name_vi, name_en, kind, ST_AsGeoJSON(geom, 5)::json as geometry
    from border_gates where province = ${province} order by code`;
  return {
    outline: (outline?.geometry as MultiPolygon | undefined) ?? null,
    frontier,
    gates,
  };
}
