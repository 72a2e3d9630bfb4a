import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { LAYERS, type LayerDef } from './layer-registry';
import { selectFeature, whereClause, type LayerFilter } from './layers';

/**
 * Seizure records one at a time, as the records table and its form see them. Bulk inserts (the
 * seed, imports) stay in ./seizure-writes. Identifiers come only from the allowlists below.
 */

/** A record as the table lists it and the API returns it. */
export interface SeizureRecord {
  id: number;
  version: number;
  occurred_at: Date;
  province: string;
  category: string;
  goods: string | null;
  quantity: number | null;
  unit: string | null;
  value_vnd: number | null;
  subjects: number;
  transport_mode: string;
  lead_agency: string;
  case_ref: string | null;
  source: string;
  synthetic: boolean;
  lon: number;
  lat: number;
  updated_at: Date | null;
}

/** What a hand-kept record holds, its point already in lon/lat and its province decided. */
export interface RecordValues {
  occurred_at: Date;
  province: string;
  category: string;
  goods: string | null;
  quantity: number | null;
  unit: string | null;
  value_vnd: number | null;
  subjects: number;
  transport_mode: string;
  lead_agency: string;
  case_ref: string | null;
  lon: number;
  lat: number;
}

/**
 * What the table may be sorted by (request value -> expression). Text sorts by code point of the
 * lower-cased text ("C" collation), so both engines and every server locale give one order. Only
 * columns that may be empty say where empties go (last): on the others the plain order lets the
 * (occurred_at, id) index serve the default, newest-first page.
 */
const SORT_EXPRESSIONS = {
  occurred_at: (sql: Sql) => sql`t.occurred_at`,
  value_vnd: (sql: Sql) => sql`t.value_vnd`,
  category: (sql: Sql) => sql`t.category collate "C"`,
  case_ref: (sql: Sql) => sql`lower(t.case_ref) collate "C"`,
  province: (sql: Sql) => sql`t.province collate "C"`,
  subjects: (sql: Sql) => sql`t.subjects`,
} as const;
const NULLABLE: readonly SortKey[] = ['value_vnd', 'case_ref'];
export const SORT_KEYS = Object.keys(SORT_EXPRESSIONS) as SortKey[];
export type SortKey = keyof typeof SORT_EXPRESSIONS;

export interface RecordQuery {
  filter: Omit<LayerFilter, 'bbox'>;
  /** Case-insensitive "contains" on case_ref and goods. */
  q?: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const layer = LAYERS.seizures;

// bigint and numeric come back as strings through postgres.js: cast to float8.
const recordColumns = (sql: Sql) => sql`
  t.id, t.version, t.occurred_at, t.province, t.category, t.goods, t.quantity, t.unit,
  t.value_vnd::float8 as value_vnd, t.subjects, t.transport_mode, t.lead_agency, t.case_ref,
  t.source, t.synthetic, ST_X(t.geom) as lon, ST_Y(t.geom) as lat, t.updated_at`;

/** `%`, `_` and the escape character itself match literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function recordWhere(sql: Sql, query: Pick<RecordQuery, 'filter' | 'q'>): Fragment {
  const filters = whereClause(sql, layer, query.filter);
  if (!query.q) return filters;
  const pattern = likePattern(query.q);
  return sql`${filters} and (t.case_ref ilike ${pattern} or t.goods ilike ${pattern})`;
}

/** One page of records in the asked order, id breaking ties; empty values last either way. */
export async function listRecords(sql: Sql, query: RecordQuery): Promise<SeizureRecord[]> {
  const key = SORT_EXPRESSIONS[query.sort](sql);
  const dir = query.dir === 'asc' ? sql`asc` : sql`desc`;
  const nulls = NULLABLE.includes(query.sort) ? sql`nulls last` : sql``;
  return sql<SeizureRecord[]>`
    select ${recordColumns(sql)} from seizures t
    where ${recordWhere(sql, query)}
    order by ${key} ${dir} ${nulls}, t.id ${dir}
    limit ${query.limit} offset ${query.offset}`;
}

export async function countRecords(
  sql: Sql,
  query: Pick<RecordQuery, 'filter' | 'q'>,
): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from seizures t where ${recordWhere(sql, query)}`;
  return row.n;
}

/** One record; `lock` takes its row lock for the rest of the transaction (edits, deletes). */
export async function getRecord(
  sql: Sql,
  id: number,
  lock = false,
): Promise<SeizureRecord | undefined> {
  const [row] = await sql<SeizureRecord[]>`
    select ${recordColumns(sql)} from seizures t where t.id = ${id}
    ${lock ? sql`for update` : sql``}`;
  return row;
}

/** The seizure layer's feature (map popups) with the record's version among its properties. */
const FEATURE_LAYER: LayerDef = { ...layer, columns: [...layer.columns, 'version'] };

export function selectRecordFeature(sql: Sql, id: number): Promise<string | undefined> {
  return selectFeature(sql, FEATURE_LAYER, id);
}

/** A VN-2000 / UTM 48N (EPSG:3405) point in lon/lat degrees, transformed by PostGIS. */
export async function fromVn2000(sql: Sql, x: number, y: number): Promise<[number, number]> {
  const [row] = await sql<{ lon: number; lat: number }[]>`
    select ST_X(g) as lon, ST_Y(g) as lat
    from (select ST_Transform(ST_SetSRID(ST_MakePoint(${x}, ${y}), 3405), 4326) as g) p`;
  if (!row || !Number.isFinite(row.lon) || !Number.isFinite(row.lat))
    throw new Error('PostGIS did not transform the VN-2000 point');
  return [row.lon, row.lat];
}

/** Each loaded province and whether its outline holds the point (the boundary counts). */
export async function provincesAt(
  sql: Sql,
  lon: number,
  lat: number,
): Promise<{ id: string; inside: boolean }[]> {
  return sql<{ id: string; inside: boolean }[]>`
    select p.id, coalesce(ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)), false) as inside
    from provinces p order by p.id`;
}

/**
 * Key of the transaction-level advisory lock under which a case reference is checked and
 * written, so two records cannot take one reference at once. Importers writing references take
 * it too (`lockCaseRefs`). An arbitrary constant, the same everywhere.
 */
export const CASE_REF_LOCK_KEY = 7_236_010;

export async function lockCaseRefs(sql: Sql): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CASE_REF_LOCK_KEY})`;
}

/** The id of a record other than `exceptId` holding `ref` (case-insensitively), if any. */
export async function caseRefHolder(
  sql: Sql,
  ref: string,
  exceptId = 0,
): Promise<number | undefined> {
  const [row] = await sql<{ id: number }[]>`
    select id from seizures
    where case_ref is not null and lower(case_ref) = lower(${ref}) and id <> ${exceptId}
    order by id limit 1`;
  return row?.id;
}

const point = (sql: Sql, v: RecordValues) =>
  sql`ST_SetSRID(ST_MakePoint(${v.lon}, ${v.lat}), 4326)`;

/** Inserts a hand-kept record (source `manual`); the table's trigger fills the UTM columns. */
export async function insertRecord(sql: Sql, v: RecordValues): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into seizures (occurred_at, province, category, goods, quantity, unit, value_vnd,
      subjects, transport_mode, lead_agency, case_ref, source, synthetic, geom, updated_at)
    values (${v.occurred_at}, ${v.province}, ${v.category}, ${v.goods}, ${v.quantity}, ${v.unit},
      ${v.value_vnd}, ${v.subjects}, ${v.transport_mode}, ${v.lead_agency}, ${v.case_ref},
      'manual', false, ${point(sql, v)}, now())
    returning id`;
  return id;
}

/**
 * Replaces a record's values if it is still at `version`, and counts the version up. Source and
 * the synthetic mark stay; the goods catalogue code goes when the goods text changes (it would
 * name the old goods). False when the version is stale or the record is gone.
 */
export async function updateRecord(
  sql: Sql,
  id: number,
  version: number,
  v: RecordValues,
): Promise<boolean> {
  const rows = await sql`
    update seizures set occurred_at = ${v.occurred_at}, province = ${v.province},
      category = ${v.category},
      goods_code = case when goods is not distinct from ${v.goods}::text then goods_code end,
      goods = ${v.goods}, quantity = ${v.quantity}, unit = ${v.unit}, value_vnd = ${v.value_vnd},
      subjects = ${v.subjects}, transport_mode = ${v.transport_mode},
      lead_agency = ${v.lead_agency}, case_ref = ${v.case_ref}, geom = ${point(sql, v)},
      version = version + 1, updated_at = now()
    where id = ${id} and version = ${version}
    returning id`;
  return rows.length === 1;
}

/** Deletes a record at `version`; false when the version is stale or the record is gone. */
export async function deleteRecord(sql: Sql, id: number, version: number): Promise<boolean> {
  const rows =
    await sql`delete from seizures where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}
