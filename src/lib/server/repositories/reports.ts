import type postgres from 'postgres';
import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import type { PlaceLayer } from '../../information';
import { likePattern } from './seizure-records';
import { visibleTo, type Viewer } from './visibility';

/**
 * Information reports one row at a time and in pages. Every read joins the caller's visibility
 * predicate (./visibility.ts): a report outside the caller's distribution is not found, not
 * counted and not locked. Identifiers come only from the allowlists below.
 */

/** A report row as the API returns it, before its handovers, links and `can` are added. */
export interface ReportRow {
  id: number;
  title: string;
  kind: string;
  category: string | null;
  province: string;
  geometry: { type: string; coordinates: unknown };
  place: string | null;
  place_name: { vi: string; en: string } | null;
  reliability: string;
  credibility: number;
  rating: string;
  distribution: 'own_agency' | 'both' | 'units';
  tlp: string;
  observed_from: Date | null;
  observed_to: Date | null;
  received_at: Date;
  text: string;
  agency: 'customs' | 'border_guard';
  unit: string | null;
  author: string;
  author_id: number | null;
  status: 'open' | 'closed';
  closed_at: Date | null;
  close_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** What a report holds once its geometry and province are decided. */
export interface ReportValues {
  title: string;
  kind: string;
  category: string | null;
  province: string;
  /** GeoJSON geometry in lon/lat (already checked). */
  geometry: object;
  place: string | null;
  reliability: string;
  credibility: number;
  distribution: string;
  tlp: string;
  observed_from: Date | null;
  observed_to: Date | null;
  received_at: Date;
  text: string;
}

// The named place's names, looked up in its own layer (code after the colon).
const placeName = (sql: Sql) => sql`
  case split_part(t.place, ':', 1)
    when 'border_gates' then (select json_build_object('vi', x.name_vi, 'en', x.name_en)
      from border_gates x where x.code = split_part(t.place, ':', 2))
    when 'trails' then (select json_build_object('vi', x.name_vi, 'en', x.name_en)
      from trails x where x.code = split_part(t.place, ':', 2))
    when 'waterways' then (select json_build_object('vi', x.name_vi, 'en', x.name_en)
      from waterways x where x.code = split_part(t.place, ':', 2))
  end`;

const reportColumns = (sql: Sql) => sql`
  t.id, t.title, t.kind, t.category, t.province, ST_AsGeoJSON(t.geom, 6)::json as geometry,
  t.place, ${placeName(sql)} as place_name, t.reliability, t.credibility,
  t.reliability || t.credibility::text as rating, t.distribution, t.tlp, t.observed_from,
  t.observed_to, t.received_at, t.text, t.agency, t.unit, t.author_name as author, t.author_id,
  t.status, t.closed_at, t.close_reason, t.version, t.created_at, t.updated_at`;

/** Sort keys (request value -> expression); rating ascending is best first (A1, A2, ... F6). */
const SORT_EXPRESSIONS = {
  received_at: (sql: Sql) => [sql`t.received_at`],
  updated_at: (sql: Sql) => [sql`t.updated_at`],
  rating: (sql: Sql) => [sql`t.reliability collate "C"`, sql`t.credibility`],
} as const;
export type ReportSortKey = keyof typeof SORT_EXPRESSIONS;
export const REPORT_SORT_KEYS = Object.keys(SORT_EXPRESSIONS) as ReportSortKey[];

export interface ReportFilter {
  province?: string;
  status?: 'open' | 'closed';
  kinds?: string[];
  categories?: string[];
  tlps?: string[];
  agencies?: string[];
  /** received_at window, `to` exclusive. */
  from?: Date;
  to?: Date;
  /** Case-insensitive "contains" on title and text. */
  q?: string;
}

export interface ReportQuery extends ReportFilter {
  sort: ReportSortKey;
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}

function reportWhere(sql: Sql, viewer: Viewer | undefined, f: ReportFilter): Fragment {
  const parts: Fragment[] = [visibleTo(sql, viewer, 'reports', 't')];
  if (f.province) parts.push(sql`t.province = ${f.province}`);
  if (f.status) parts.push(sql`t.status = ${f.status}`);
  if (f.kinds) parts.push(sql`t.kind = any(${f.kinds}::text[])`);
  if (f.categories) parts.push(sql`t.category = any(${f.categories}::text[])`);
  if (f.tlps) parts.push(sql`t.tlp = any(${f.tlps}::text[])`);
  if (f.agencies) parts.push(sql`t.agency = any(${f.agencies}::text[])`);
  if (f.from) parts.push(sql`t.received_at >= ${f.from}`);
  if (f.to) parts.push(sql`t.received_at < ${f.to}`);
  if (f.q) {
    const pattern = likePattern(f.q);
    parts.push(sql`(t.title ilike ${pattern} or t.text ilike ${pattern})`);
  }
  return parts.reduce((acc, part) => sql`${acc} and ${part}`);
}

export async function listReports(
  sql: Sql,
  viewer: Viewer | undefined,
  query: ReportQuery,
): Promise<ReportRow[]> {
  const dir = query.dir === 'asc' ? sql`asc` : sql`desc`;
  const keys = SORT_EXPRESSIONS[query.sort](sql).reduce(
    (acc, key) => sql`${acc}${key} ${dir}, `,
    sql``,
  );
  return sql<ReportRow[]>`
    select ${reportColumns(sql)} from reports t
    where ${reportWhere(sql, viewer, query)}
    order by ${keys} t.id ${dir}
    limit ${query.limit} offset ${query.offset}`;
}

export async function countReports(
  sql: Sql,
  viewer: Viewer | undefined,
  filter: ReportFilter,
): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from reports t where ${reportWhere(sql, viewer, filter)}`;
  return row.n;
}

/**
 * One report if the viewer may see it; `lock` holds its row for the rest of the transaction
 * (writes), taken only on a report the viewer sees.
 */
export async function getReport(
  sql: Sql,
  viewer: Viewer | undefined,
  id: number,
  lock = false,
): Promise<ReportRow | undefined> {
  const [row] = await sql<ReportRow[]>`
    select ${reportColumns(sql)} from reports t
    where t.id = ${id} and ${visibleTo(sql, viewer, 'reports', 't')}
    ${lock ? sql`for update of t` : sql``}`;
  return row;
}

/** The rows of `ids` in that order (a page already filtered by visibility). */
export async function getReports(sql: Sql, ids: number[]): Promise<ReportRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<ReportRow[]>`
    select ${reportColumns(sql)} from reports t where t.id = any(${ids}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

const geometryOf = (sql: Sql, v: ReportValues) =>
  sql`ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(v.geometry as postgres.JSONValue)}::text), 4326)`;

export async function insertReport(
  sql: Sql,
  v: ReportValues,
  author: { id: number; username: string; agency: string; unit: string | null },
  now: Date,
): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into reports (title, kind, category, province, geom, place, reliability, credibility,
      distribution, tlp, observed_from, observed_to, received_at, text, agency, unit, author_id,
      author_name, created_at, updated_at)
    values (${v.title}, ${v.kind}, ${v.category}, ${v.province}, ${geometryOf(sql, v)},
      ${v.place}, ${v.reliability}, ${v.credibility}, ${v.distribution}, ${v.tlp},
      ${v.observed_from}, ${v.observed_to}, ${v.received_at}, ${v.text}, ${author.agency},
      ${author.unit}, ${author.id}, ${author.username}, ${now}, ${now})
    returning id`;
  return id;
}

/** Replaces the values at `version` and counts it up; false when the version is stale. */
export async function updateReport(
  sql: Sql,
  id: number,
  version: number,
  v: ReportValues,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update reports set title = ${v.title}, kind = ${v.kind}, category = ${v.category},
      province = ${v.province}, geom = ${geometryOf(sql, v)}, place = ${v.place},
      reliability = ${v.reliability}, credibility = ${v.credibility},
      distribution = ${v.distribution}, tlp = ${v.tlp}, observed_from = ${v.observed_from},
      observed_to = ${v.observed_to}, received_at = ${v.received_at}, text = ${v.text},
      version = version + 1, updated_at = ${now}
    where id = ${id} and version = ${version}
    returning id`;
  return rows.length === 1;
}

/** Closes (with the reason) or reopens a report at `version`; false when it is stale. */
export async function setStatus(
  sql: Sql,
  id: number,
  version: number,
  change: { status: 'open' | 'closed'; reason: string | null },
  now: Date,
): Promise<boolean> {
  const closedAt = change.status === 'closed' ? now : null;
  const rows = await sql`
    update reports set status = ${change.status}, closed_at = ${closedAt},
      close_reason = ${change.reason}, version = version + 1, updated_at = ${now}
    where id = ${id} and version = ${version}
    returning id`;
  return rows.length === 1;
}

/** Replaces the named units a report is distributed to. */
export async function setUnits(sql: Sql, id: number, units: string[]): Promise<void> {
  await sql`delete from report_units where report_id = ${id}`;
  if (units.length === 0) return;
  await sql`
    insert into report_units (report_id, unit)
    select ${id}, u from unnest(${units}::text[]) as u`;
}

/** Named units of each report among `ids`, sorted. */
export async function unitsOf(sql: Sql, ids: number[]): Promise<Map<number, string[]>> {
  const rows = ids.length
    ? await sql<{ report_id: number; unit: string }[]>`
        select report_id, unit from report_units where report_id = any(${ids}::int[])
        order by report_id, unit collate "C"`
    : [];
  return group(
    rows,
    (r) => r.report_id,
    (r) => r.unit,
  );
}

export function group<R, V>(
  rows: readonly R[],
  key: (r: R) => number,
  value: (r: R) => V,
): Map<number, V[]> {
  const map = new Map<number, V[]>();
  for (const r of rows) {
    const list = map.get(key(r)) ?? [];
    list.push(value(r));
    map.set(key(r), list);
  }
  return map;
}

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
