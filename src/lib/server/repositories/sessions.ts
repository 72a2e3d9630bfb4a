import type { Sql } from '../db/client';
import type { User } from './users';

export interface SessionRow {
  user: User;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export async function insertSession(
  sql: Sql,
  tokenHash: string,
  userId: number,
  now: Date,
  expiresAt: Date,
) {
  await sql`
    insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
    values (${tokenHash}, ${userId}, ${now}, ${now}, ${expiresAt})`;
}

/** The session and its (enabled or not) user; expiry is the caller's decision. */
export async function findSession(sql: Sql, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await sql<(User & { s_created: Date; last_seen_at: Date; expires_at: Date })[]>`
    select u.id, u.username, u.role, u.agency, u.unit, u.disabled, u.created_at,
      s.created_at as s_created, s.last_seen_at, s.expires_at
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash}`;
  if (!row) return undefined;
  const { s_created, last_seen_at, expires_at, ...user } = row;
  return { user, created_at: s_created, last_seen_at, expires_at };
}

export async function touchSession(sql: Sql, tokenHash: string, now: Date) {
  await sql`update sessions set last_seen_at = ${now} where token_hash = ${tokenHash}`;
}

export async function deleteSession(sql: Sql, tokenHash: string) {
  await sql`delete from sessions where token_hash = ${tokenHash}`;
}

export async function deleteUserSessions(sql: Sql, username: string): Promise<number> {
  const r =
    await sql`delete from sessions where user_id = (select id from users where username = ${username})`;
  return r.count;
}

export async function deleteExpiredSessions(sql: Sql, now: Date, idleCutoff: Date) {
  await sql`delete from sessions where expires_at <= ${now} or last_seen_at <= ${idleCutoff}`;
}
