import type postgres from 'postgres';
import type { Sql } from '../db/client';

export interface PatrolFeature {
  type: 'Feature';
  id: number;
  geometry: { type: 'LineString'; coordinates: number[][] };
  properties: Record<string, unknown>;
}

export interface PatrolInsert {
  province: string;
  agency: string;
  unit?: string | null;
  started_at: string;
  ended_at: string;
  result: 'nothing_found' | 'seizures';
  note?: string | null;
  source: 'route' | 'gpx' | 'geojson';
  route_id?: number | null;
  /** A checked LineString; null when the line is copied from `route_id`. */
  geometry: object | null;
}

const featureSql = (sql: Sql) => sql`
  json_build_object(
    'type', 'Feature',
    'id', t.id,
    'geometry', ST_AsGeoJSON(t.geom, 7)::json,
    'properties', json_build_object(
      'id', t.id, 'province', t.province, 'agency', t.agency, 'unit', t.unit,
      'started_at', t.started_at, 'ended_at', t.ended_at,
      'length_km', round((ST_Length(t.geom::geography) / 1000)::numeric, 3),
      'result', t.result, 'note', t.note,
      'seizure_ids', coalesce((select json_agg(ps.seizure_id order by ps.seizure_id)
        from patrol_seizures ps where ps.patrol_id = t.id), '[]'::json),
      'source', t.source, 'route_id', t.route_id, 'synthetic', t.synthetic,
      'created_by', (select username from users u where u.id = t.created_by),
      'created_at', t.created_at
    )
  )`;

export interface PatrolFilter {
  province?: string;
  agency?: string[];
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** Keyset cursor: the last row's start time and id (newest first). */
export interface PatrolCursor {
  started_at: Date;
  id: number;
}

const patrolWhere = (sql: Sql, f: PatrolFilter) => sql`
  ${f.province ? sql`t.province = ${f.province}` : sql`true`}
  and ${f.agency ? sql`t.agency in ${sql(f.agency)}` : sql`true`}
  and ${f.from ? sql`t.started_at >= ${f.from}` : sql`true`}
  and ${f.to ? sql`t.started_at < ${f.to}` : sql`true`}`;

/** Newest first; a page starts after `after` in that order. */
export async function listPatrols(
  sql: Sql,
  filter: PatrolFilter,
  page: { limit: number; after?: PatrolCursor },
): Promise<{ feature: PatrolFeature; started_at: Date }[]> {
  const a = page.after;
  return sql<{ feature: PatrolFeature; started_at: Date }[]>`
    select ${featureSql(sql)} as feature, t.started_at from patrols t
    where ${patrolWhere(sql, filter)}
      and ${a ? sql`(t.started_at, t.id) < (${a.started_at}, ${a.id})` : sql`true`}
    order by t.started_at desc, t.id desc limit ${page.limit}`;
}

export async function countPatrols(sql: Sql, filter: PatrolFilter): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from patrols t where ${patrolWhere(sql, filter)}`;
  return row.n;
}

export async function getPatrol(sql: Sql, id: number): Promise<PatrolFeature | undefined> {
  const [row] = await sql<{ f: PatrolFeature }[]>`
    select ${featureSql(sql)} as f from patrols t where t.id = ${id}`;
  return row?.f;
}

/** The given ids that are not seizures of `province` (unknown or elsewhere). */
export async function seizuresNotIn(sql: Sql, ids: number[], province: string): Promise<number[]> {
  if (!ids.length) return [];
  const found = await sql<{ id: number }[]>`
    select id from seizures where id in ${sql(ids)} and province = ${province}`;
  const ok = new Set(found.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

export async function insertPatrol(
  sql: Sql,
  input: PatrolInsert,
  seizureIds: number[],
  userId: number,
): Promise<number> {
  const geom = input.geometry
    ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${sql.json(input.geometry as postgres.JSONValue)}::text), 4326)`
    : sql`(select geom from patrol_routes where id = ${input.route_id!})`;
  const [{ id }] = await sql<{ id: number }[]>`
    insert into patrols (route_id, province, agency, unit, started_at, ended_at, result, note,
      source, created_by, geom)
    values (${input.route_id ?? null}, ${input.province}, ${input.agency}, ${input.unit ?? null},
      ${input.started_at}, ${input.ended_at}, ${input.result}, ${input.note ?? null},
      ${input.source}, ${userId}, ${geom})
    returning id`;
  if (seizureIds.length) {
    await sql`insert into patrol_seizures ${sql(seizureIds.map((s) => ({ patrol_id: id, seizure_id: s })))}`;
  }
  return id;
}
