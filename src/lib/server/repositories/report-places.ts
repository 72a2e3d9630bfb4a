import type postgres from 'postgres';
import type { Sql } from '../db/client';
import type { PlaceLayer } from '../../information';

/**
 * Where a report lies: named places copied into it, and PostGIS's checks of a drawn geometry
 * against the province outlines. `layer` comes from the PLACE_LAYERS allowlist.
 */

/** The geometry (GeoJSON, full precision) and province of a named gate, trail or waterway. */
export async function placeFeature(
  sql: Sql,
  layer: PlaceLayer,
  code: string,
): Promise<{ geometry: object; province: string } | undefined> {
  const [row] = await sql<{ geometry: object; province: string }[]>`
    select ST_AsGeoJSON(geom, 15)::json as geometry, province from ${sql(layer)}
    where code = ${code}`;
  return row;
}

/**
 * PostGIS's verdict on a drawn geometry, and for each loaded province whether its outline
 * touches it and whether it holds the geometry's representative point.
 */
export async function geometryVerdict(
  sql: Sql,
  geometry: object,
): Promise<{
  valid: boolean;
  reason: string;
  provinces: { id: string; intersects: boolean; holds: boolean }[];
}> {
  const [row] = await sql<{ valid: boolean; reason: string }[]>`
    select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason
    from (select ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(geometry as postgres.JSONValue)}::text), 4326) as g) x`;
  if (!row?.valid)
    return { valid: false, reason: row?.reason ?? 'PostGIS could not read it', provinces: [] };
  const provinces = await sql<{ id: string; intersects: boolean; holds: boolean }[]>`
    with x as (select ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(geometry as postgres.JSONValue)}::text), 4326) as g)
    select p.id, ST_Intersects(p.geom, x.g) as intersects,
      ST_Intersects(p.geom, ST_PointOnSurface(x.g)) as holds
    from provinces p, x order by p.id`;
  return { valid: true, reason: row.reason, provinces };
}
