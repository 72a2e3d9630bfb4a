import type { MultiPolygon, Polygon } from 'geojson';
import type { Province } from '../../domain';
import type { Sql } from '../db/client';

/** A province outline in EPSG:32648 metres, with its area in square metres. */
export interface ProvinceOutline {
  geometry: Polygon | MultiPolygon;
  areaM2: number;
}

/** A digest of a province's stored outline (changes whenever the outline does), or undefined. */
export async function provinceOutlineDigest(
  sql: Sql,
  province: Province,
): Promise<string | undefined> {
  const [row] = await sql<{ d: string }[]>`
    select md5(ST_AsBinary(geom)) as d from provinces where id = ${province}`;
  return row?.d;
}

/** The outline of a province in UTM 48N (millimetre precision), or undefined if not loaded. */
export async function provinceOutlineUtm(
  sql: Sql,
  province: Province,
): Promise<ProvinceOutline | undefined> {
  const [row] = await sql<{ g: string; area: number }[]>`
    select ST_AsGeoJSON(u.g, 3) as g, ST_Area(u.g)::float8 as area
    from provinces p cross join lateral (select ST_Transform(p.geom, 32648) as g) u
    where p.id = ${province}`;
  return row ? { geometry: JSON.parse(row.g), areaM2: row.area } : undefined;
}

/** The reference layers a hot spot is located by, each with names in both languages. */
export const PLACE_LAYERS = ['border_gates', 'waterways', 'trails'] as const;
export type PlaceLayer = (typeof PLACE_LAYERS)[number];

export interface NearestPlace {
  layer: PlaceLayer;
  name_vi: string;
  name_en: string;
  /** Distance from the point in metres, in EPSG:32648. */
  distance_m: number;
}

/**
 * For each point (x, y in EPSG:32648 metres), the nearest border gate, waterway or trail of the
 * province that is named in both languages, in one query: the few hundred features are
 * projected once, then measured from every point. Ties go to the layer listed first, then the
 * English name. A point gets undefined when the province has no named feature.
 */
export async function nearestPlaces(
  sql: Sql,
  province: Province,
  points: ReadonlyArray<readonly [number, number]>,
): Promise<(NearestPlace | undefined)[]> {
  if (points.length === 0) return [];
  const json = JSON.stringify(points.map(([x, y], i) => ({ i, x, y })));
  const rows = await sql<(NearestPlace & { i: number })[]>`
    with places as materialized (
      select 'border_gates' as layer, 1 as rank, name_vi, name_en, ST_Transform(geom, 32648) as g
        from border_gates where province = ${province}
      union all
      select 'waterways', 2, name_vi, name_en, ST_Transform(geom, 32648)
        from waterways where province = ${province}
      union all
      select 'trails', 3, name_vi, name_en, ST_Transform(geom, 32648)
        from trails where province = ${province}
    ),
    named as (select * from places where btrim(name_vi) <> '' and btrim(name_en) <> ''),
    c as (select * from json_to_recordset(${json}::text::json) as c(i int, x float8, y float8))
    select c.i, n.layer, n.name_vi, n.name_en, n.d as distance_m
    from c cross join lateral (
      select named.layer, named.name_vi, named.name_en,
        ST_Distance(named.g, ST_SetSRID(ST_MakePoint(c.x, c.y), 32648))::float8 as d
      from named order by d, named.rank, named.name_en limit 1
    ) n`;
  const out: (NearestPlace | undefined)[] = points.map(() => undefined);
  for (const { i, layer, name_vi, name_en, distance_m } of rows)
    out[i] = { layer, name_vi, name_en, distance_m };
  return out;
}
