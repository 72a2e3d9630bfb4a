import type { Sql } from '../db/client';

/**
 * The named units of both forces (reference data from migration 0010): the posts, stations and
 * teams a report may be distributed to.
 */
export interface Unit {
  id: string;
  agency: 'customs' | 'border_guard';
  province: string;
  name_vi: string;
  name_en: string;
}

/** Every unit, by province, then agency, then id, so a select lists them in a stable order. */
export function listUnits(sql: Sql): Promise<Unit[]> {
  return sql<Unit[]>`
    select id, agency, province, name_vi, name_en from units
    order by province collate "C", agency collate "C", id collate "C"`;
}

/** The units among `ids` that exist, with their agencies (unknown ids are simply absent). */
export function unitsByIds(sql: Sql, ids: readonly string[]): Promise<Unit[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql<Unit[]>`
    select id, agency, province, name_vi, name_en from units
    where id = any(${ids as string[]}::text[]) order by id collate "C"`;
}
