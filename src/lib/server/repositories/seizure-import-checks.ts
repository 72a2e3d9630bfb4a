import type postgres from 'postgres';
import type { Sql } from '../db/client';

/**
 * The province whose outline contains each point (the first by id where outlines touch), or
 * null, in input order: one statement for the whole batch.
 */
export async function provincesAt(
  sql: Sql,
  points: readonly { lon: number; lat: number }[],
): Promise<(string | null)[]> {
  if (points.length === 0) return [];
  const payload = points.map((p, i) => ({ i, lon: p.lon, lat: p.lat }));
  const rows = await sql<{ i: number; province: string | null }[]>`
    select e.i,
      (select p.id from provinces p
        where ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(e.lon, e.lat), 4326))
        order by p.id limit 1) as province
    from json_to_recordset(${sql.json(payload as postgres.JSONValue)}::json)
      as e(i integer, lon float8, lat float8)`;
  const byIndex = new Map(rows.map((r) => [r.i, r.province]));
  return points.map((_, i) => byIndex.get(i) ?? null);
}

/** Which of these case references some stored seizure already carries. */
export async function storedCaseRefs(sql: Sql, refs: readonly string[]): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const rows = await sql<{ case_ref: string }[]>`
    select distinct s.case_ref from unnest(${refs as string[]}::text[]) as r(ref)
      join seizures s on s.case_ref = r.ref`;
  return new Set(rows.map((r) => r.case_ref));
}
