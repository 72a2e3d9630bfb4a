import type { Sql } from '../db/client';
import { group } from './reports';
import { visibleTo, type Viewer } from './visibility';

/**
 * What a report is linked to: the seizures it led to, the patrols that checked it, and the
 * suspicious objects sighted in it. Callers pass only ids of reports the viewer already sees;
 * objects are filtered by their own distribution too.
 */

export type LinkKind = 'seizure' | 'patrol';

/** Table and column per link kind: identifiers from code, never from a request. */
const LINKS = {
  seizure: { table: 'report_seizures', column: 'seizure_id', target: 'seizures' },
  patrol: { table: 'report_patrols', column: 'patrol_id', target: 'patrols' },
} as const;

export async function linkTargetExists(sql: Sql, kind: LinkKind, id: number): Promise<boolean> {
  const { target } = LINKS[kind];
  const rows = await sql`select 1 from ${sql(target)} where id = ${id}`;
  return rows.length === 1;
}

/** Adds a link; false when it was already there. */
export async function insertLink(
  sql: Sql,
  kind: LinkKind,
  reportId: number,
  id: number,
  now: Date,
): Promise<boolean> {
  const { table, column } = LINKS[kind];
  const rows = await sql`
    insert into ${sql(table)} (report_id, ${sql(column)}, linked_at)
    values (${reportId}, ${id}, ${now})
    on conflict do nothing returning report_id`;
  return rows.length === 1;
}

/** Removes a link; false when there was none. */
export async function deleteLink(
  sql: Sql,
  kind: LinkKind,
  reportId: number,
  id: number,
): Promise<boolean> {
  const { table, column } = LINKS[kind];
  const rows = await sql`
    delete from ${sql(table)} where report_id = ${reportId} and ${sql(column)} = ${id}
    returning report_id`;
  return rows.length === 1;
}

/** Linked ids of each report among `ids`, ascending. */
export async function linkedIds(
  sql: Sql,
  kind: LinkKind,
  ids: number[],
): Promise<Map<number, number[]>> {
  if (ids.length === 0) return new Map();
  const { table, column } = LINKS[kind];
  const rows = await sql<{ report_id: number; id: number }[]>`
    select report_id, ${sql(column)} as id from ${sql(table)}
    where report_id = any(${ids}::int[]) order by report_id, ${sql(column)}`;
  return group(
    rows,
    (r) => r.report_id,
    (r) => r.id,
  );
}

/** Suspicious objects sighted in each report, only those the viewer may see, by id. */
export async function visibleObjects(
  sql: Sql,
  viewer: Viewer | undefined,
  ids: number[],
): Promise<Map<number, { id: number; kind: string }[]>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ report_id: number; id: number; kind: string }[]>`
    select distinct s.report_id, o.id, o.kind
    from object_sightings s join suspicious_objects o on o.id = s.object_id
    where s.report_id = any(${ids}::int[]) and ${visibleTo(sql, viewer, 'suspicious_objects', 'o')}
    order by s.report_id, o.id`;
  return group(
    rows,
    (r) => r.report_id,
    (r) => ({ id: r.id, kind: r.kind }),
  );
}
