import type { Sql } from '../db/client';
import type { User } from './users';

/** What a token's owner sees of it: never the hash. */
export interface ApiTokenView {
  id: number;
  name: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface TokenWithOwner {
  id: number;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user: User;
}

export async function insertToken(
  sql: Sql,
  t: { userId: number; name: string; tokenHash: string; now: Date; expiresAt: Date },
): Promise<ApiTokenView> {
  const [row] = await sql<ApiTokenView[]>`
    insert into api_tokens (user_id, name, token_hash, created_at, expires_at)
    values (${t.userId}, ${t.name}, ${t.tokenHash}, ${t.now}, ${t.expiresAt})
    returning id, name, created_at, expires_at, revoked_at, last_used_at`;
  return row;
}

/** The owner's tokens, newest first. */
export function listTokens(sql: Sql, userId: number): Promise<ApiTokenView[]> {
  return sql<ApiTokenView[]>`
    select id, name, created_at, expires_at, revoked_at, last_used_at
    from api_tokens where user_id = ${userId} order by created_at desc, id desc`;
}

/** The token with this hash and its (enabled or not) owner; validity is the caller's decision. */
export async function findToken(sql: Sql, tokenHash: string): Promise<TokenWithOwner | undefined> {
  const [row] = await sql<
    (User & {
      t_id: number;
      expires_at: Date;
      revoked_at: Date | null;
      last_used_at: Date | null;
    })[]
  >`
    select u.id, u.username, u.role, u.agency, u.unit, u.disabled, u.created_at,
      t.id as t_id, t.expires_at, t.revoked_at, t.last_used_at
    from api_tokens t join users u on u.id = t.user_id
    where t.token_hash = ${tokenHash}`;
  if (!row) return undefined;
  const { t_id, expires_at, revoked_at, last_used_at, ...user } = row;
  return { id: t_id, expires_at, revoked_at, last_used_at, user };
}

export async function touchToken(sql: Sql, id: number, now: Date): Promise<void> {
  await sql`update api_tokens set last_used_at = ${now} where id = ${id}`;
}

/**
 * Revokes one of the owner's tokens (a second revoke keeps the first time). Undefined when the
 * owner has no such token: another user's token is as unknown as a missing one.
 */
export async function revokeToken(
  sql: Sql,
  userId: number,
  id: number,
  now: Date,
): Promise<ApiTokenView | undefined> {
  const [row] = await sql<ApiTokenView[]>`
    update api_tokens set revoked_at = coalesce(revoked_at, ${now})
    where id = ${id} and user_id = ${userId}
    returning id, name, created_at, expires_at, revoked_at, last_used_at`;
  return row;
}
