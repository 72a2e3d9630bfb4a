import type { Sql } from '../db/client';

/**
 * Counts one request refused without a signed-in user, for its client and time window, and
 * returns the count so far in that window (1 for the first).
 */
export async function countAnonymousDenial(
  sql: Sql,
  d: { client: string; windowStart: Date; at: Date; action: string },
): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    insert into anonymous_denials as a (client, window_start, count, first_at, last_at, last_action)
    values (${d.client}, ${d.windowStart}, 1, ${d.at}, ${d.at}, ${d.action})
    on conflict (client, window_start) do update
      set count = a.count + 1, last_at = excluded.last_at, last_action = excluded.last_action
    returning count`;
  return row.count;
}

/**
 * The start of the fixed window holding `at`, `minutes` long, counted from the epoch.
 * @example windowStart(new Date('2026-01-01T10:14:59Z'), 10) // 2026-01-01T10:10:00Z
 */
export function windowStart(at: Date, minutes: number): Date {
  const ms = minutes * 60_000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}
