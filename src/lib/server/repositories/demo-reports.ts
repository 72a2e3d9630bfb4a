import type { Sql } from '../db/client';
import type { Anchor } from '../seed/reports';
import type { ReportValues } from './reports';

/**
 * SQL of the synthetic information reports: placing a planned anchor on the loaded geodata and
 * writing reports with their units, handovers, events and seizure links as the reports API
 * would have left them. Only the demo's first start writes here.
 */

/** Removes earlier synthetic reports and objects (tagged in title / description); real ones stay. */
export async function deleteSyntheticReports(sql: Sql, tag: string): Promise<number> {
  await sql`delete from suspicious_objects where starts_with(description, ${tag})`;
  const rows = await sql`delete from reports where starts_with(title, ${tag}) returning id`;
  return rows.length;
}

export async function userIds(sql: Sql, usernames: string[]): Promise<Map<string, number>> {
  const rows = await sql<{ id: number; username: string }[]>`
    select id, username from users where username = any(${usernames}::text[])`;
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** The province's newest synthetic seizures, newest first. */
export function recentSeizures(
  sql: Sql,
  province: string,
  n: number,
): Promise<{ id: number; occurred_at: Date; geojson: string }[]> {
  return sql<{ id: number; occurred_at: Date; geojson: string }[]>`
    select id, occurred_at, ST_AsGeoJSON(geom, 6) as geojson from seizures
    where province = ${province} and synthetic
    order by occurred_at desc, id desc limit ${n}`;
}

/**
 * The anchor as GeoJSON (6 decimals) and, for a named place, its `layer:code`. An offset from a
 * gate that would leave the province is mirrored, and dropped if that leaves it too.
 */
export async function placeAnchor(
  sql: Sql,
  province: string,
  a: Anchor,
): Promise<{ geojson: string; place: string | null } | undefined> {
  if (a.type === 'inland') return inlandPoint(sql, province, a.seed, a.minFrontierM);
  const layer = a.type === 'gate' ? 'border_gates' : a.layer;
  const table = sql(layer);
  const feature = sql`
    select code, geom from ${table} where province = ${province}
    order by code offset (${a.nth}::int % greatest(1,
      (select count(*)::int from ${table} where province = ${province}))) limit 1`;
  let rows: { geojson: string; place: string | null }[];
  if (a.type === 'along') {
    // A river on the frontier runs along the outline: step along the line until the point,
    // as stored (6 decimals), lies inside the province.
    rows = await sql`
      select ST_AsGeoJSON(c.pt, 6) as geojson, null as place
      from (${feature}) f join provinces pr on pr.id = ${province}
      cross join lateral (
        select k, ST_SnapToGrid(ST_LineInterpolatePoint(f.geom,
          (${a.at}::float8 + k * 0.05) - floor(${a.at}::float8 + k * 0.05)), 0.000001) as pt
        from generate_series(0, 19) as k) c
      where ST_Contains(pr.geom, c.pt) order by c.k limit 1`;
  } else if (a.type === 'stretch') {
    rows = await sql`
      select ST_AsGeoJSON(ST_LineSubstring(f.geom, ${a.from}, ${Math.min(a.to, 1)}), 6) as geojson,
        null as place
      from (${feature}) f`;
  } else if (a.type === 'place') {
    rows = await sql`
      select ST_AsGeoJSON(f.geom, 6) as geojson, ${layer} || ':' || f.code as place
      from (${feature}) f`;
  } else {
    const shifted = (sign: number) => sql`
      ST_Transform(ST_Translate(ST_Transform(f.geom, 32648),
        ${sign * a.eastM}::float8, ${sign * a.northM}::float8), 4326)`;
    const inside = (sign: number) => sql`ST_Contains(pr.geom, ${shifted(sign)})`;
    const point = sql`case when ${inside(1)} then ${shifted(1)}
      when ${inside(-1)} then ${shifted(-1)} else f.geom end`;
    const shape = a.radiusM
      ? sql`ST_Transform(ST_Buffer(ST_Transform(${point}, 32648), ${a.radiusM}::float8, 8), 4326)`
      : point;
    rows = await sql`
      select ST_AsGeoJSON(${shape}, 6) as geojson, null as place
      from (${feature}) f join provinces pr on pr.id = ${province}`;
  }
  return rows[0];
}

/** A seeded random point of the province at least `minM` metres from the frontier. */
async function inlandPoint(
  sql: Sql,
  province: string,
  seed: number,
  minM: number,
): Promise<{ geojson: string; place: null } | undefined> {
  const [row] = await sql<{ geojson: string; place: null }[]>`
    select ST_AsGeoJSON(d.geom, 6) as geojson, null as place
    from provinces pr
    cross join lateral ST_Dump(ST_GeneratePoints(pr.geom, 40, ${seed}::int)) with ordinality
      as d(path, geom, n)
    where pr.id = ${province}
      and not exists (select 1 from frontier_segments f
        where ST_DWithin(ST_Transform(f.geom, 32648), ST_Transform(d.geom, 32648), ${minM}))
    order by d.n limit 1`;
  return row;
}

/** A synthetic report as the demo writes it: a register row with its whole state at once. */
export interface SeedReportRow extends Omit<ReportValues, 'geometry' | 'category'> {
  category: string;
  /** GeoJSON geometry, as text (the seed builds it in SQL). */
  geojson: string;
  agency: string;
  unit: string;
  author_id: number | null;
  author_name: string;
  status: 'open' | 'closed';
  closed_at: Date | null;
  close_reason: string | null;
  version: number;
  updated_at: Date;
}

export async function insertReport(sql: Sql, r: SeedReportRow, units: string[]): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into reports (title, kind, category, province, geom, place, reliability, credibility,
      distribution, tlp, observed_from, observed_to, received_at, text, agency, unit, author_id,
      author_name, status, closed_at, close_reason, version, created_at, updated_at)
    values (${r.title}, ${r.kind}, ${r.category}, ${r.province},
      ST_SetSRID(ST_GeomFromGeoJSON(${r.geojson}), 4326), ${r.place}, ${r.reliability},
      ${r.credibility}, ${r.distribution}, ${r.tlp}, ${r.observed_from}, ${r.observed_to},
      ${r.received_at}, ${r.text}, ${r.agency}, ${r.unit}, ${r.author_id}, ${r.author_name},
      ${r.status}, ${r.closed_at}, ${r.close_reason}, ${r.version}, ${r.received_at},
      ${r.updated_at})
    returning id`;
  await sql`
    insert into report_units (report_id, unit)
    select ${row.id}, u from unnest(${units}::text[]) as u`;
  return row.id;
}

export interface SeedHandover {
  agency: string;
  delivered_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
  assessment: string | null;
  assessment_reason: string | null;
  assessed_at: Date | null;
  assessed_by: number | null;
  action_taken: string | null;
}

export async function insertHandover(sql: Sql, reportId: number, h: SeedHandover): Promise<void> {
  await sql`
    insert into report_handovers (report_id, agency, delivered_at, acknowledged_at,
      acknowledged_by, assessment, assessment_reason, assessed_at, assessed_by, action_taken)
    values (${reportId}, ${h.agency}, ${h.delivered_at}, ${h.acknowledged_at},
      ${h.acknowledged_by}, ${h.assessment}, ${h.assessment_reason}, ${h.assessed_at},
      ${h.assessed_by}, ${h.action_taken})`;
}

export interface SeedEvent {
  at: Date;
  action: string;
  user_id: number | null;
  username: string;
  agency: string;
  unit: string | null;
  details: Record<string, unknown>;
}

export async function insertEvents(sql: Sql, reportId: number, events: SeedEvent[]): Promise<void> {
  for (const e of events) {
    await sql`
      insert into report_events (report_id, at, action, user_id, username, agency, unit, details)
      values (${reportId}, ${e.at}, ${e.action}, ${e.user_id}, ${e.username}, ${e.agency},
        ${e.unit}, ${sql.json(e.details as never)})`;
  }
}

export async function linkSeizure(
  sql: Sql,
  reportId: number,
  seizureId: number,
  at: Date,
): Promise<void> {
  await sql`
    insert into report_seizures (report_id, seizure_id, linked_at)
    values (${reportId}, ${seizureId}, ${at})`;
}
