import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { Agency, Category, Province } from '../../domain';
import type { LayerDef } from './layer-registry';
import { visibleTo, type Viewer } from './visibility';

export interface LayerFilter {
  province?: Province;
  /** [west, south, east, north] in EPSG:4326 degrees. */
  bbox?: [number, number, number, number];
  from?: Date;
  /** Exclusive. */
  to?: Date;
  categories?: Category[];
  agencies?: Agency[];
  /**
   * Who is reading: a restricted layer (the reports) shows only what this viewer may see, and
   * nothing without one. Other layers ignore it.
   */
  viewer?: Viewer;
}

export interface Page {
  limit: number;
  offset: number;
  /** Keyset cursor: only features with a larger id (0 = from the start). */
  after: number;
}

export interface LayerSummary {
  id: string;
  count: number;
  bbox: [number, number, number, number] | null;
}

/** The layer's rows to read `from` (the caller aliases them `t`): its table or its subquery. */
export function layerRows(sql: Sql, layer: LayerDef): Fragment {
  return layer.rows ? layer.rows(sql) : sql`${sql(layer.table)}`;
}

/**
 * The WHERE clause for a layer's filters; a filter the layer has no column for is ignored. A
 * restricted layer always gets the viewer's visibility predicate (`false` without a viewer).
 */
export function whereClause(sql: Sql, layer: LayerDef, f: LayerFilter): Fragment {
  const parts: Fragment[] = [];
  if (layer.restricted) parts.push(visibleTo(sql, f.viewer, layer.restricted, 't'));
  if (f.province) parts.push(sql`t.${sql(layer.provinceColumn)} = ${f.province}`);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    // The envelope is built in the column's SRID so the GiST index is used.
    parts.push(sql`t.geom && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`);
  }
  if (layer.timeColumn && f.from) parts.push(sql`t.${sql(layer.timeColumn)} >= ${f.from}`);
  if (layer.timeColumn && f.to) parts.push(sql`t.${sql(layer.timeColumn)} < ${f.to}`);
  if (layer.categoryColumn && f.categories) {
    parts.push(sql`t.${sql(layer.categoryColumn)} in ${sql(f.categories)}`);
  }
  if (layer.agencyColumn && f.agencies)
    parts.push(sql`t.${sql(layer.agencyColumn)} in ${sql(f.agencies)}`);
  if (parts.length === 0) return sql`true`;
  return parts.reduce((a, b) => sql`${a} and ${b}`);
}

/**
 * What a feature carries when a caller (the OGC API) wants less or another CRS than the layer's
 * default: a subset of the allowlisted columns, with or without `length_km`, and the geometry
 * written from another expression (a transform) with its own precision.
 */
export interface FeatureOutput {
  /** A subset of `layer.columns` (callers check it against the registry). */
  columns?: readonly string[];
  lengthKm?: boolean;
  /** The geometry to write, e.g. `ST_Transform(t.geom, 3405)`; `t.geom` by default. */
  geometry?: Fragment;
  /** Decimals of the coordinates (6 for degrees: about 0.1 m). */
  decimals?: number;
}

/** `json_build_object('col', t.col, ...)` over the layer's allowlisted columns. */
export function propertiesObject(sql: Sql, layer: LayerDef, output: FeatureOutput = {}): Fragment {
  const columns = output.columns ?? layer.columns;
  const pairs: Fragment[] = columns.map((c) => sql`${c}::text, t.${sql(c)}`);
  if (output.lengthKm ?? layer.lengthKm)
    pairs.push(sql`'length_km', round((ST_Length(t.geom::geography) / 1000)::numeric, 3)`);
  if (pairs.length === 0) return sql`json_build_object()`;
  return sql`json_build_object(${pairs.reduce((a, b) => sql`${a}, ${b}`)})`;
}

/** One row of `t` as a GeoJSON Feature, as text (6 decimals: about 0.1 m). */
export function featureJson(sql: Sql, layer: LayerDef, output: FeatureOutput = {}): Fragment {
  // Options 0: no `crs` member, which RFC 7946 does not have and a transform would add.
  return sql`json_build_object(
    'type', 'Feature',
    'id', t.id,
    'geometry', ST_AsGeoJSON(${output.geometry ?? sql`t.geom`}, ${output.decimals ?? 6}, 0)::json,
    'properties', ${propertiesObject(sql, layer, output)}
  )::text`;
}

export interface FeaturePage {
  /** The page's features as GeoJSON, comma-separated, as UTF-8 bytes (empty for no rows). */
  features: Buffer;
  returned: number;
  /** The id of the page's last feature (the next page's cursor), or null for no rows. */
  lastId: number | null;
}

/**
 * One page of features, written by PostGIS (6 decimals: about 0.1 m) and joined by the database
 * into one value that arrives as raw bytes: the server never decodes, re-encodes or holds a row
 * object per feature. The page is chosen first and only its rows become JSON, so rows skipped
 * by an offset are never turned into GeoJSON.
 */
export async function selectFeaturePage(
  sql: Sql,
  layer: LayerDef,
  filter: LayerFilter,
  page: Page,
): Promise<FeaturePage> {
  const [row] = await sql`
    select string_agg(${featureJson(sql, layer)}, ',' order by t.id) as f,
      count(*)::int as n, max(t.id) as last
    from (
      select * from ${layerRows(sql, layer)} t
      where ${whereClause(sql, layer, filter)} and t.id > ${page.after}
      order by t.id
      limit ${page.limit} offset ${page.offset}
    ) t`.raw();
  const [features, n, last] = row as unknown as (Buffer | null)[];
  return {
    features: features ?? Buffer.alloc(0),
    returned: Number(n!.toString()),
    lastId: last === null ? null : Number(last.toString()),
  };
}

export async function countFeatures(
  sql: Sql,
  layer: LayerDef,
  filter: LayerFilter,
): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from ${layerRows(sql, layer)} t where ${whereClause(sql, layer, filter)}`;
  return row.n;
}

/**
 * One feature by id, or undefined (also for a feature of a restricted layer the viewer may not
 * see: the caller answers both alike).
 */
export async function selectFeature(
  sql: Sql,
  layer: LayerDef,
  id: number | string,
  output: FeatureOutput = {},
  viewer?: Viewer,
): Promise<string | undefined> {
  const rows = await sql<{ f: string }[]>`
    select ${featureJson(sql, layer, output)} as f from ${layerRows(sql, layer)} t
    where t.id = ${id} and ${whereClause(sql, layer, { viewer })}`;
  return rows[0]?.f;
}

/** The count and extent of a layer, of what `viewer` may see for a restricted layer. */
export async function summarise(sql: Sql, layer: LayerDef, viewer?: Viewer): Promise<LayerSummary> {
  const [row] = await sql<
    { n: number; w: number | null; s: number | null; e: number | null; nn: number | null }[]
  >`
    select count(*)::int as n,
      ST_XMin(ST_Extent(t.geom))::float8 as w, ST_YMin(ST_Extent(t.geom))::float8 as s,
      ST_XMax(ST_Extent(t.geom))::float8 as e, ST_YMax(ST_Extent(t.geom))::float8 as nn
    from ${layerRows(sql, layer)} t where ${whereClause(sql, layer, { viewer })}`;
  const bbox: LayerSummary['bbox'] = row.w === null ? null : [row.w, row.s!, row.e!, row.nn!];
  return { id: layer.id, count: row.n, bbox };
}
