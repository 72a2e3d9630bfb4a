import type { Sql } from '../db/client';
import type { Province } from '../../domain';

/** Rows fetched per round trip: bounds the rows held at once (postgres.js makes an object each). */
export const POINT_BATCH = 50_000;

export interface PointsExtent {
  count: number;
  /** Day number (days since 1970-01-01, Vietnam time) of the first seizure, null without any. */
  firstDay: number | null;
  /** Centre of the points' extent (degrees), the origin their offsets are counted from. */
  centre: [number, number] | null;
}

/** One seizure as the points body needs it: day as a Vietnam-time day number. */
export interface PointRow {
  id: number;
  lon: number;
  lat: number;
  day: number;
  category: string;
  agency: string;
  /** How many of `breaks` the value reaches (0 without a value). */
  value_class: number;
}

const where = (sql: Sql, province: Province | undefined) =>
  province ? sql`province = ${province}` : sql`true`;

/** Count, first day and centre of the seizures of `province` (or of both). */
export async function pointsExtent(sql: Sql, province?: Province): Promise<PointsExtent> {
  const [row] = await sql<
    { n: number; first: number | null; lon: number | null; lat: number | null }[]
  >`
    select count(*)::int as n,
      floor(extract(epoch from min(occurred_at)) / 86400 + 7.0 / 24)::int as first,
      ((ST_XMin(ST_Extent(geom)) + ST_XMax(ST_Extent(geom))) / 2)::float8 as lon,
      ((ST_YMin(ST_Extent(geom)) + ST_YMax(ST_Extent(geom))) / 2)::float8 as lat
    from seizures where ${where(sql, province)}`;
  return {
    count: row.n,
    firstDay: row.first,
    centre: row.lon === null ? null : [row.lon, row.lat!],
  };
}

/**
 * The next batch of points after id `after`, in id order: the keyset keeps every batch an index
 * range scan, whatever its depth. Days are counted in Vietnam time (UTC+7, no daylight saving).
 */
export async function pointBatch(
  sql: Sql,
  province: Province | undefined,
  after: number,
  breaks: readonly number[],
  limit = POINT_BATCH,
): Promise<PointRow[]> {
  const classes = breaks.map((b) => sql`(coalesce(value_vnd, 0) >= ${b})::int`);
  return sql<PointRow[]>`
    select id, ST_X(geom)::float8 as lon, ST_Y(geom)::float8 as lat,
      floor(extract(epoch from occurred_at) / 86400 + 7.0 / 24)::int as day,
      category, lead_agency as agency,
      ${classes.reduce((a, b) => sql`${a} + ${b}`)} as value_class
    from seizures
    where ${where(sql, province)} and id > ${after}
    order by id
    limit ${limit}`;
}
