import type { Sql } from '../db/client';
import { visibleTo, type Viewer } from './visibility';

/**
 * Sightings of suspicious objects. A sighting is read only through its object (the visibility
 * predicate on the object row) and, when it came from a report, only if that report is visible
 * too: a sighting must not show where a report the caller may not see was made.
 */

export interface SightingRow {
  id: number;
  object_id: number;
  seen_at: Date;
  lon: number;
  lat: number;
  source: 'report' | 'seizure' | 'seen';
  report_id: number | null;
  seizure_id: number | null;
  note: string;
  agency: string;
  /** EPSG:32648 metres, for the cluster rule. */
  x: number;
  y: number;
  /** Distance to the nearest frontier segment, metres; null when no frontier is loaded. */
  frontier_m: number | null;
}

/** The visible sightings of the objects `ids`, by object, oldest first. */
export function sightingsOf(sql: Sql, viewer: Viewer, ids: number[]): Promise<SightingRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql<SightingRow[]>`
    select s.id, s.object_id, s.seen_at,
      round(ST_X(s.geom)::numeric, 6)::float8 as lon, round(ST_Y(s.geom)::numeric, 6)::float8 as lat,
      s.source, s.report_id, s.seizure_id, s.note, s.agency,
      ST_X(p.utm) as x, ST_Y(p.utm) as y,
      (select min(ST_Distance(ST_Transform(f.geom, 32648), p.utm)) from frontier_segments f)
        as frontier_m
    from object_sightings s
    join suspicious_objects o on o.id = s.object_id
    cross join lateral (select ST_Transform(s.geom, 32648) as utm) p
    where s.object_id = any(${ids}::int[])
      and ${visibleTo(sql, viewer, 'suspicious_objects', 'o')}
      and (s.report_id is null or exists (
        select 1 from reports r
        where r.id = s.report_id and ${visibleTo(sql, viewer, 'reports', 'r')}))
    order by s.object_id, s.seen_at, s.id`;
}

/** Where and when a visible report speaks of: its representative point, observed or received. */
export async function reportPlace(
  sql: Sql,
  viewer: Viewer,
  reportId: number,
): Promise<{ lon: number; lat: number; seen_at: Date } | undefined> {
  const [row] = await sql<{ lon: number; lat: number; seen_at: Date }[]>`
    select ST_X(ST_PointOnSurface(r.geom)) as lon, ST_Y(ST_PointOnSurface(r.geom)) as lat,
      coalesce(r.observed_to, r.observed_from, r.received_at) as seen_at
    from reports r where r.id = ${reportId} and ${visibleTo(sql, viewer, 'reports', 'r')}`;
  return row;
}

/** Where and when a seizure record happened. Seizures are visible to every role that may view. */
export async function seizurePlace(
  sql: Sql,
  seizureId: number,
): Promise<{ lon: number; lat: number; seen_at: Date } | undefined> {
  const [row] = await sql<{ lon: number; lat: number; seen_at: Date }[]>`
    select ST_X(geom) as lon, ST_Y(geom) as lat, occurred_at as seen_at
    from seizures where id = ${seizureId}`;
  return row;
}

/** A sighting to record: its row without the id and the derived metres. */
export type NewSighting = Omit<SightingRow, 'id' | 'x' | 'y' | 'frontier_m'> & {
  author_id: number | null;
};

/** Inserts a sighting; undefined when the object already has one from that report or seizure. */
export async function insertSighting(
  sql: Sql,
  s: NewSighting,
  now: Date,
): Promise<number | undefined> {
  const [row] = await sql<{ id: number }[]>`
    insert into object_sightings (object_id, seen_at, geom, source, report_id, seizure_id, note,
      agency, author_id, created_at)
    values (${s.object_id}, ${s.seen_at}, ST_SetSRID(ST_MakePoint(${s.lon}, ${s.lat}), 4326),
      ${s.source}, ${s.report_id}, ${s.seizure_id}, ${s.note}, ${s.agency}, ${s.author_id}, ${now})
    on conflict do nothing
    returning id`;
  return row?.id;
}
