import type { Sql } from '../../src/lib/server/db/client';

export interface TableSum {
  rows: number;
  md5: string;
}

/**
 * Row count and a checksum of every table in `schema`: md5 over the rows' text in a fixed
 * order. Two databases with equal sums hold the same rows, column for column.
 */
export async function tableChecksums(sql: Sql, schema: string): Promise<Record<string, TableSum>> {
  const tables = await sql<{ name: string }[]>`
    select tablename as name from pg_tables where schemaname = ${schema} order by tablename`;
  const sums: Record<string, TableSum> = {};
  for (const { name } of tables) {
    const [sum] = await sql<TableSum[]>`
      select count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\n' order by t::text)), '') as md5
      from ${sql(schema)}.${sql(name)} t`;
    sums[name] = sum;
  }
  return sums;
}
