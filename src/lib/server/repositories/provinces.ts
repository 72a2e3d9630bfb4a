import type { Sql } from '../db/client';

/** Ids of the provinces whose outlines are loaded. */
export async function loadedProvinceIds(sql: Sql): Promise<Set<string>> {
  const rows = await sql<{ id: string }[]>`select id from provinces`;
  return new Set(rows.map((r) => r.id));
}
