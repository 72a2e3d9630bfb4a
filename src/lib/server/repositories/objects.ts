import type { Fragment } from 'postgres';
import type { Sql } from '../db/client';
import { visibleTo, type Viewer } from './visibility';

/**
 * The suspicious-object register's rows. Every read ANDs the one visibility predicate
 * (visibility.ts), so an object outside the caller's distribution is neither returned nor
 * counted; writes are the service's, inside the route's audited transaction.
 */

export interface ObjectRow {
  id: number;
  kind: string;
  identifier: string;
  description: string;
  province: string;
  distribution: 'own_agency' | 'both' | 'units';
  tlp: string;
  agency: 'customs' | 'border_guard';
  unit: string | null;
  author_id: number | null;
  author: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ObjectFilter {
  province?: string;
  kind?: string;
  /** Matched (case-insensitively, as a substring) against identifier and description. */
  q?: string;
}

const COLUMNS = (sql: Sql) => sql`
  o.id, o.kind, o.identifier, o.description, o.province, o.distribution, o.tlp, o.agency,
  o.unit, o.author_id, o.author_name as author, o.version, o.created_at, o.updated_at`;

/** `%`, `_` and `\` typed by a person are literal characters, not patterns. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereClause(sql: Sql, viewer: Viewer, f: ObjectFilter): Fragment {
  const province = f.province ? sql`and o.province = ${f.province}` : sql``;
  const kind = f.kind ? sql`and o.kind = ${f.kind}` : sql``;
  const q = f.q
    ? sql`and (o.identifier ilike ${likePattern(f.q)} or o.description ilike ${likePattern(f.q)})`
    : sql``;
  return sql`where ${visibleTo(sql, viewer, 'suspicious_objects', 'o')} ${province} ${kind} ${q}`;
}

export async function countObjects(sql: Sql, viewer: Viewer, f: ObjectFilter): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from suspicious_objects o ${whereClause(sql, viewer, f)}`;
  return row.n;
}

/** Visible objects matching `f`, last changed first; every one when `limit` is null. */
export function listObjects(
  sql: Sql,
  viewer: Viewer,
  f: ObjectFilter,
  limit: number | null,
  offset: number,
): Promise<ObjectRow[]> {
  const page = limit === null ? sql`` : sql`limit ${limit} offset ${offset}`;
  return sql<ObjectRow[]>`
    select ${COLUMNS(sql)} from suspicious_objects o ${whereClause(sql, viewer, f)}
    order by o.updated_at desc, o.id desc ${page}`;
}

/** The object if `viewer` may see it (else undefined, exactly as for a missing id). */
export async function getObject(
  sql: Sql,
  viewer: Viewer,
  id: number,
  lock = false,
): Promise<ObjectRow | undefined> {
  const [row] = await sql<ObjectRow[]>`
    select ${COLUMNS(sql)} from suspicious_objects o
    where o.id = ${id} and ${visibleTo(sql, viewer, 'suspicious_objects', 'o')}
    ${lock ? sql`for update` : sql``}`;
  return row;
}

/** Named units of each object among `ids`, sorted. */
export async function unitsOf(sql: Sql, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await sql<{ object_id: number; unit: string }[]>`
    select object_id, unit from object_units where object_id = any(${ids}::int[])
    order by object_id, unit collate "C"`;
  for (const r of rows) out.set(r.object_id, [...(out.get(r.object_id) ?? []), r.unit]);
  return out;
}

export async function setUnits(sql: Sql, id: number, units: string[]): Promise<void> {
  await sql`delete from object_units where object_id = ${id}`;
  if (units.length === 0) return;
  await sql`
    insert into object_units (object_id, unit)
    select ${id}, u from unnest(${units}::text[]) as u`;
}

/** Which of `ids` name no unit. */
export async function unknownUnits(sql: Sql, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ u: string }[]>`
    select u from unnest(${ids}::text[]) as u
    where not exists (select 1 from units where units.id = u) order by u`;
  return rows.map((r) => r.u);
}

export interface ObjectValues {
  kind: string;
  identifier: string;
  description: string;
  province: string;
  distribution: string;
  tlp: string;
}

export async function insertObject(
  sql: Sql,
  v: ObjectValues,
  author: { id: number; username: string; agency: string; unit: string | null },
  now: Date,
): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into suspicious_objects (kind, identifier, description, province, distribution, tlp,
      agency, unit, author_id, author_name, created_at, updated_at)
    values (${v.kind}, ${v.identifier}, ${v.description}, ${v.province}, ${v.distribution},
      ${v.tlp}, ${author.agency}, ${author.unit}, ${author.id}, ${author.username}, ${now}, ${now})
    returning id`;
  return row.id;
}

/** Replaces the values at `version`; false when the version moved on. */
export async function updateObject(
  sql: Sql,
  id: number,
  version: number,
  v: ObjectValues,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update suspicious_objects set kind = ${v.kind}, identifier = ${v.identifier},
      description = ${v.description}, province = ${v.province},
      distribution = ${v.distribution}, tlp = ${v.tlp}, version = version + 1, updated_at = ${now}
    where id = ${id} and version = ${version} returning id`;
  return rows.length === 1;
}

/** The object of `agency` with this kind and identifier (case-insensitive), if any. */
export async function sameIdentity(
  sql: Sql,
  v: { kind: string; identifier: string; agency: string },
  exceptId = 0,
): Promise<number | undefined> {
  const [row] = await sql<{ id: number }[]>`
    select id from suspicious_objects
    where kind = ${v.kind} and lower(identifier) = lower(${v.identifier})
      and agency = ${v.agency} and id <> ${exceptId}`;
  return row?.id;
}

/** Marks a sighting's arrival on the object (its list is ordered by it), version unchanged. */
export async function touchObject(sql: Sql, id: number, now: Date): Promise<void> {
  await sql`update suspicious_objects set updated_at = ${now} where id = ${id}`;
}
