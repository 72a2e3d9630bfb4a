import type { Client, Sql } from '../db/client';

export type ThrottleScope = 'pair' | 'client' | 'user';

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
  /** Attempts allowed before delays start. */
  free: number;
}

export interface ThrottleTiming {
  /** The first delay; each attempt after it doubles the delay, up to maxDelayS. */
  baseDelayS: number;
  maxDelayS: number;
  /** A counter with no attempt for this long starts again from zero. */
  forgetAfterMinutes: number;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterS: number };

/**
 * The delay after the `n`th attempt beyond the free ones, in seconds: base, then doubling.
 * @example delayAfter(1, { baseDelayS: 15, maxDelayS: 900, forgetAfterMinutes: 60 }) // 15
 * @example delayAfter(4, { baseDelayS: 15, maxDelayS: 900, forgetAfterMinutes: 60 }) // 120
 */
export function delayAfter(n: number, t: ThrottleTiming): number {
  return Math.min(t.baseDelayS * 2 ** (n - 1), t.maxDelayS);
}

/**
 * Reserves one login attempt under every key, or refuses it while any key is in its delay.
 * The rows are locked for the check and the count, so simultaneous attempts are counted one by
 * one: of 100 guesses at once, only the free ones get through to the password check.
 */
export async function reserveLoginAttempt(
  sql: Client,
  keys: ThrottleKey[],
  now: Date,
  timing: ThrottleTiming,
): Promise<Reservation> {
  // A fixed lock order, so two reservations never wait on each other's rows.
  const ordered = [...keys].sort((a, b) => (a.scope + a.key < b.scope + b.key ? -1 : 1));
  return sql.begin(async (tx) => {
    const rows = [];
    for (const k of ordered) {
      await tx`
        insert into login_throttle (scope, key, attempts, last_at) values (${k.scope}, ${k.key}, 0, ${now})
        on conflict (scope, key) do nothing`;
      const [row] = await tx<{ attempts: number; last_at: Date; blocked_until: Date | null }[]>`
        select attempts, last_at, blocked_until from login_throttle
        where scope = ${k.scope} and key = ${k.key} for update`;
      rows.push({ ...k, ...row });
    }
    const waits = rows
      .filter((r) => r.blocked_until && r.blocked_until > now)
      .map((r) => r.blocked_until!.getTime() - now.getTime());
    if (waits.length) return { allowed: false, retryAfterS: Math.ceil(Math.max(...waits) / 1000) };
    const forgetMs = timing.forgetAfterMinutes * 60_000;
    for (const r of rows) {
      const attempts = now.getTime() - r.last_at.getTime() >= forgetMs ? 1 : r.attempts + 1;
      const over = attempts - r.free + 1;
      const blockedUntil =
        over >= 1 ? new Date(now.getTime() + delayAfter(over, timing) * 1000) : null;
      await tx`
        update login_throttle set attempts = ${attempts}, last_at = ${now}, blocked_until = ${blockedUntil}
        where scope = ${r.scope} and key = ${r.key}`;
    }
    return { allowed: true } as const;
  });
}

/**
 * After a successful login: the pair (this user from this client) starts afresh, and the
 * attempt no longer counts against the client or the account.
 */
export async function releaseAfterSuccess(sql: Sql, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    if (k.scope === 'pair') {
      await sql`delete from login_throttle where scope = 'pair' and key = ${k.key}`;
    } else {
      await sql`
        update login_throttle set attempts = greatest(attempts - 1, 0),
          blocked_until = case when attempts - 1 < ${k.free} then null else blocked_until end
        where scope = ${k.scope} and key = ${k.key}`;
    }
  }
}

/**
 * How long any of these keys is still blocked, in whole seconds (0: not blocked). Reading only:
 * a check that passes writes nothing, so a client that keeps succeeding costs no writes.
 */
export async function blockedForSeconds(sql: Sql, keys: ThrottleKey[], now: Date): Promise<number> {
  let until = 0;
  for (const k of keys) {
    const [row] = await sql<{ blocked_until: Date | null }[]>`
      select blocked_until from login_throttle where scope = ${k.scope} and key = ${k.key}`;
    const t = row?.blocked_until?.getTime() ?? 0;
    if (t > until) until = t;
  }
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}
