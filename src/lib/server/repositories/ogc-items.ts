import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { LayerDef } from './layer-registry';
import {
  featureJson,
  layerRows,
  whereClause,
  type FeatureOutput,
  type LayerFilter,
} from './layers';
import type { Viewer } from './visibility';

/** One key of the order: an allowlisted column (from the queryables), NULLs always last. */
export interface SortKey {
  column: string;
  desc: boolean;
}

/** Where a keyset page starts: after (or, backward, before) the row with these keys. */
export interface KeysetPosition {
  /** The sort keys' values as PostgreSQL prints them (null for NULL), one per sort key. */
  values: (string | null)[];
  id: string;
  backward: boolean;
}

export interface ItemsQuery {
  /** The layers API's own filters (province, 4326 bbox, category, agency). */
  filter: LayerFilter;
  /** Further conditions on `t` (a bbox in another CRS, datetime, a CQL2 filter). */
  where: Fragment[];
  sort: SortKey[];
  position?: KeysetPosition;
  limit: number;
  offset: number;
  output: FeatureOutput;
}

export interface ItemsPage {
  /** The features as GeoJSON, comma-separated UTF-8 (empty for no rows). */
  features: Buffer;
  returned: number;
  /** The keys (`[...sort values, id]`, as text) of the first and last rows, or null. */
  first: (string | null)[] | null;
  last: (string | null)[] | null;
}

const and = (sql: Sql, parts: Fragment[]) => parts.reduce((a, b) => sql`${a} and ${b}`);

function matching(sql: Sql, layer: LayerDef, q: Pick<ItemsQuery, 'filter' | 'where'>): Fragment {
  return and(sql, [whereClause(sql, layer, q.filter), ...q.where]);
}

/**
 * `order by` for the sort keys then the id; `reverse` flips every direction (and where NULLs
 * go), for reading a `prev` page backward.
 */
function orderBy(sql: Sql, sort: SortKey[], reverse: boolean): Fragment {
  const keys = sort.map(({ column, desc }) => {
    const down = desc !== reverse;
    return sql`t.${sql(column)} ${down ? sql`desc` : sql`asc`} ${reverse ? sql`nulls first` : sql`nulls last`}`;
  });
  keys.push(reverse ? sql`t.id desc` : sql`t.id asc`);
  return keys.reduce((a, b) => sql`${a}, ${b}`);
}

/** Rows strictly beyond `value` of one key, in the direction of reading. */
function beyond(sql: Sql, key: SortKey, value: string | null, backward: boolean): Fragment {
  const col = sql`t.${sql(key.column)}`;
  if (!backward) {
    // NULLs come last: after a NULL only NULLs follow, which the id decides.
    if (value === null) return sql`false`;
    return key.desc
      ? sql`(${col} < ${value} or ${col} is null)`
      : sql`(${col} > ${value} or ${col} is null)`;
  }
  if (value === null) return sql`${col} is not null`;
  return key.desc ? sql`${col} > ${value}` : sql`${col} < ${value}`;
}

/**
 * The keyset condition: rows after (before) the position in the order `sort, id`, written as
 * the lexicographic expansion `k1 > v1 or (k1 = v1 and (k2 > v2 or ...))`. On the default sort
 * (id alone) it is `t.id > $id`, which the primary key answers at any depth.
 */
export function keysetCondition(sql: Sql, sort: SortKey[], at: KeysetPosition): Fragment {
  const terms: Fragment[] = [];
  const equal: Fragment[] = [];
  sort.forEach((key, i) => {
    const value = at.values[i];
    terms.push(and(sql, [...equal, beyond(sql, key, value, at.backward)]));
    const col = sql`t.${sql(key.column)}`;
    equal.push(value === null ? sql`${col} is null` : sql`${col} = ${value}`);
  });
  terms.push(and(sql, [...equal, at.backward ? sql`t.id < ${at.id}` : sql`t.id > ${at.id}`]));
  return sql`(${terms.reduce((a, b) => sql`${a} or ${b}`)})`;
}

/** `json_build_array(k1::text, ..., t.id::text)::text`: the row's position, for cursors. */
function positionOf(sql: Sql, sort: SortKey[]): Fragment {
  const keys = [...sort.map((k) => sql`t.${sql(k.column)}::text`), sql`t.id::text`];
  return sql`json_build_array(${keys.reduce((a, b) => sql`${a}, ${b}`)})::text`;
}

/**
 * One page of items in the order `sort, id`: chosen first (by keyset position or offset), and
 * only its rows written as GeoJSON by PostGIS and joined into one value that arrives as bytes.
 * A backward page is read in reverse and put back in order before joining.
 */
export async function selectItems(sql: Sql, layer: LayerDef, q: ItemsQuery): Promise<ItemsPage> {
  const backward = q.position?.backward ?? false;
  const where = q.position
    ? and(sql, [matching(sql, layer, q), keysetCondition(sql, q.sort, q.position)])
    : matching(sql, layer, q);
  const [row] = await sql`
    select string_agg(f, ',' order by rn) as f, count(*)::int as n,
      (array_agg(k order by rn))[1] as first, (array_agg(k order by rn desc))[1] as last
    from (
      select ${featureJson(sql, layer, q.output)} as f, ${positionOf(sql, q.sort)} as k,
        row_number() over (order by ${orderBy(sql, q.sort, false)}) as rn
      from (
        select * from ${layerRows(sql, layer)} t
        where ${where}
        order by ${orderBy(sql, q.sort, backward)}
        limit ${q.limit} offset ${q.offset}
      ) t
    ) x`.raw();
  const [features, n, first, last] = row as unknown as (Buffer | null)[];
  const keys = (b: Buffer | null) =>
    b === null ? null : (JSON.parse(b.toString()) as (string | null)[]);
  return {
    features: features ?? Buffer.alloc(0),
    returned: Number(n!.toString()),
    first: keys(first),
    last: keys(last),
  };
}

export async function countItems(
  sql: Sql,
  layer: LayerDef,
  q: Pick<ItemsQuery, 'filter' | 'where'>,
): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from ${layerRows(sql, layer)} t where ${matching(sql, layer, q)}`;
  return row.n;
}

/**
 * The first and last instants of the layer's time column, or null for an empty layer (of what
 * `viewer` may see, for a restricted layer).
 */
export async function timeExtent(
  sql: Sql,
  layer: LayerDef,
  viewer?: Viewer,
): Promise<[Date, Date] | null> {
  if (!layer.timeColumn) return null;
  const col = sql`t.${sql(layer.timeColumn)}`;
  const [row] = await sql<{ a: Date | null; b: Date | null }[]>`
    select min(${col}) as a, max(${col}) as b from ${layerRows(sql, layer)} t
    where ${whereClause(sql, layer, { viewer })}`;
  return row.a && row.b ? [row.a, row.b] : null;
}

/**
 * Rows whose geometry meets a bbox given in another CRS: the envelope is transformed to the
 * column's SRID (not the column to the envelope's), so the GiST index is used.
 */
export function bboxCondition(
  sql: Sql,
  [w, s, e, n]: [number, number, number, number],
  srid: number,
): Fragment {
  return sql`t.geom && ST_Transform(ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, ${srid}::int), 4326)`;
}

/** Rows whose time falls in the window (`end` exclusive or inclusive as the window says). */
export function timeCondition(
  sql: Sql,
  layer: LayerDef,
  w: { start?: Date; end?: Date; endExclusive: boolean },
): Fragment {
  const col = sql`t.${sql(layer.timeColumn!)}`;
  const parts: Fragment[] = [];
  if (w.start) parts.push(sql`${col} >= ${w.start}`);
  if (w.end) parts.push(w.endExclusive ? sql`${col} < ${w.end}` : sql`${col} <= ${w.end}`);
  return parts.length ? and(sql, parts) : sql`true`;
}

/** The geometry to write in the output CRS: transformed, and lat/lon for EPSG:4326 proper. */
export function outputGeometry(sql: Sql, srid: 4326 | 3405, latFirst: boolean): Fragment {
  const g = srid === 4326 ? sql`t.geom` : sql`ST_Transform(t.geom, ${srid}::int)`;
  return latFirst ? sql`ST_FlipCoordinates(${g})` : g;
}
