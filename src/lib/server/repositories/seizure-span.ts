import type { Sql } from '../db/client';

/**
 * The last day (YYYY-MM-DD, Vietnam time) with a seizure in `province`, or null without any:
 * an open risk window ends there, so a plan over older records still has risk to cover.
 */
export async function lastSeizureDay(sql: Sql, province: string): Promise<string | null> {
  const [row] = await sql<{ day: string | null }[]>`
    select to_char((max(occurred_at) at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') as day
    from seizures where province = ${province}`;
  return row?.day ?? null;
}
