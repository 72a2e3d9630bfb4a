/**
 * The rows of a layer export: its columns' types, a count (with the id range and the longest
 * text of each column) taken before the download starts, and batches along the primary key.
 */
import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { ExportField, ExportFeature, ExportSrid, FieldType } from '../io/export/types';
import type { LayerDef } from './layer-registry';
import { layerRows, propertiesObject, whereClause, type LayerFilter } from './layers';

const TYPES: Record<string, FieldType> = {
  text: 'string',
  integer: 'integer',
  bigint: 'bigint',
  'double precision': 'double',
  smallint: 'integer',
  boolean: 'boolean',
  'timestamp with time zone': 'datetime',
};

/** The layer's attribute columns with their types (`length_km` last for lines). */
export async function layerFields(sql: Sql, layer: LayerDef): Promise<ExportField[]> {
  const rows = await sql<{ name: string; type: string }[]>`
    select a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a
    where a.attrelid = to_regclass(${layer.table}) and a.attnum > 0 and not a.attisdropped`;
  const typeOf = new Map(rows.map((r) => [r.name, r.type]));
  const fields: ExportField[] = layer.columns.map((name) => ({
    name,
    type: layer.computedTypes?.[name] ?? TYPES[typeOf.get(name) ?? ''] ?? 'string',
  }));
  if (layer.lengthKm) fields.push({ name: 'length_km', type: 'double' });
  return fields;
}

export interface ExportExtent {
  count: number;
  /** The first and last id that match (null for none): the download reads this range only. */
  firstId: number | string | null;
  lastId: number | string | null;
  /** The longest value of each text column, in UTF-8 bytes. */
  maxBytes: Record<string, number>;
  /**
   * The strictest TLP marking among the rows (`red` > `amber` > `green` > `clear`), for a layer
   * with a `tlp` column that has matching rows; null otherwise.
   */
  tlp: string | null;
}

/** TLP markings, strictest first. */
const TLP_ORDER = ['red', 'amber', 'green', 'clear'];

export async function exportExtent(
  sql: Sql,
  layer: LayerDef,
  filter: LayerFilter,
  textColumns: readonly string[],
): Promise<ExportExtent> {
  const lengths = textColumns.map(
    (c) => sql`, coalesce(max(octet_length(t.${sql(c)})), 0)::int as ${sql('len_' + c)}`,
  );
  const tlp = layer.columns.includes('tlp')
    ? sql`, min(case t.tlp when 'red' then 1 when 'amber' then 2 when 'green' then 3
        when 'clear' then 4 end) as strictest`
    : sql``;
  const [row] = await sql<Record<string, number | string | null>[]>`
    select count(*)::int as n, min(t.id)::text as first, max(t.id)::text as last ${tlp}
      ${lengths.length ? lengths.reduce((a, b) => sql`${a} ${b}`) : sql``}
    from ${layerRows(sql, layer)} t where ${whereClause(sql, layer, filter)}`;
  const id = (v: unknown) =>
    v === null ? null : layer.table === 'provinces' ? String(v) : Number(v);
  return {
    count: row.n as number,
    firstId: id(row.first),
    lastId: id(row.last),
    maxBytes: Object.fromEntries(textColumns.map((c) => [c, row[`len_${c}`] as number])),
    tlp: typeof row.strictest === 'number' ? TLP_ORDER[row.strictest - 1] : null,
  };
}

/** GeoJSON geometry text in `srid`, polygons counter-clockwise outside (RFC 7946), no `crs`. */
export function geometryJson(sql: Sql, column: Fragment, srid: ExportSrid): Fragment {
  // 6 decimals of a degree is about 0.1 m; 3 decimals of a metre is a millimetre.
  const digits = srid === 4326 ? 6 : 3;
  return sql`ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Transform(${column}, ${srid}::int)), ${digits}::int, 0)`;
}

/** Up to `limit` features with ids in (after, lastId], in id order. */
export async function exportBatch(
  sql: Sql,
  layer: LayerDef,
  filter: LayerFilter,
  srid: ExportSrid,
  range: { after: number | string | null; lastId: number | string },
  limit: number,
): Promise<ExportFeature[]> {
  const after = range.after === null ? sql`true` : sql`t.id > ${range.after}`;
  const rows = await sql<{ id: number | string; g: string; p: string }[]>`
    select t.id, ${geometryJson(sql, sql`t.geom`, srid)} as g, ${propertiesObject(sql, layer)}::text as p
    from ${layerRows(sql, layer)} t
    where ${whereClause(sql, layer, filter)} and ${after} and t.id <= ${range.lastId}
    order by t.id
    limit ${limit}`;
  return rows.map((r) => ({ id: r.id, geometry: r.g, properties: r.p }));
}

/**
 * The same batch as GeoJSON Feature texts joined by PostGIS (`,\n` between them) and read as raw
 * bytes: no row objects, no re-encoding. `last` is the batch's last id (the next cursor).
 */
export async function exportGeoJsonBatch(
  sql: Sql,
  layer: LayerDef,
  filter: LayerFilter,
  srid: ExportSrid,
  range: { after: number | string | null; lastId: number | string },
  limit: number,
): Promise<{ text: Buffer; n: number; last: string | null }> {
  const after = range.after === null ? sql`true` : sql`t.id > ${range.after}`;
  const [row] = await sql`
    select string_agg(json_build_object(
        'type', 'Feature', 'id', t.id,
        'geometry', ${geometryJson(sql, sql`t.geom`, srid)}::json,
        'properties', ${propertiesObject(sql, layer)})::text, ',
' order by t.id) as f,
      count(*)::int as n, max(t.id)::text as last
    from (
      select * from ${layerRows(sql, layer)} t
      where ${whereClause(sql, layer, filter)} and ${after} and t.id <= ${range.lastId}
      order by t.id
      limit ${limit}
    ) t`.raw();
  const [text, n, last] = row as unknown as (Buffer | null)[];
  return {
    text: text ?? Buffer.alloc(0),
    n: Number(n!.toString()),
    last: last === null ? null : last.toString(),
  };
}
