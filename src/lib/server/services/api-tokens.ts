import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import { can } from '../auth/roles';
import { hashToken, newToken } from '../auth/tokens';
import * as tokens from '../repositories/api-tokens';
import { blockedForSeconds, reserveLoginAttempt } from '../repositories/login-throttle';
import { throttleKeys, type AuthDeps, type SessionUser } from './auth';

const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * last_used_at is written at most once a minute per token, with one `token.use` audit row: QGIS
 * asks for a page of features many times a second, and a write (and a log row) per request would
 * turn every read into a write. The audit rows a request writes anyway (layer reads, exports)
 * name the token on every use; this row records, once a minute, that and from where it was used.
 */
const TOUCH_EVERY_MS = MINUTE;

export type TokenScheme = 'bearer' | 'basic';

export interface TokenCredentials {
  scheme: TokenScheme;
  token: string;
  /** For Basic: the username given, which must be the token's owner. */
  username?: string;
}

export interface CreatedToken {
  id: number;
  name: string;
  token: string;
  expires_at: Date;
}

/** A new token for `user`; the secret is returned here once and only its hash is stored. */
export async function createToken(
  tx: Sql,
  user: SessionUser,
  input: { name: string; expiresInDays: number },
  now: Date,
): Promise<CreatedToken> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY);
  const row = await tokens.insertToken(tx, {
    userId: user.id,
    name: input.name,
    tokenHash: hashToken(token),
    now,
    expiresAt,
  });
  return { id: row.id, name: row.name, token, expires_at: row.expires_at };
}

/** Revokes one of the user's own tokens; 404 for another user's token or none. */
export async function revokeToken(tx: Sql, user: SessionUser, id: number, now: Date) {
  const row = await tokens.revokeToken(tx, user.id, id, now);
  if (!row) throw new ApiError(404, 'not_found', `No token ${id}.`);
  return row;
}

export function listTokens(sql: Sql, user: SessionUser) {
  return tokens.listTokens(sql, user.id);
}

/**
 * Reads `Authorization: Bearer <token>` or `Basic base64(<username>:<token>)`; undefined for no
 * header or another scheme (which then counts as no credentials).
 */
export function parseAuthorization(header: string | undefined): TokenCredentials | undefined {
  const m = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  if (m[1].toLowerCase() === 'bearer') return { scheme: 'bearer', token: m[2] };
  const decoded = Buffer.from(m[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Usernames are stored lower case; sign-in lower-cases them too.
  if (colon < 0) return { scheme: 'basic', username: decoded.toLowerCase(), token: '' };
  return {
    scheme: 'basic',
    username: decoded.slice(0, colon).toLowerCase(),
    token: decoded.slice(colon + 1),
  };
}

/** One refusal for every cause, so a caller learns nothing about which part was wrong. */
const refused = () =>
  new ApiError(401, 'token_invalid', 'The token is unknown, expired or revoked, or not yours.');

/**
 * The user a token stands for. Bad credentials are throttled with the login throttle's counters
 * (Basic counts against the username like a wrong password) and audited as failed `token.use`.
 * Unlike a login, an attempt is not reserved before the check: that would make every request of
 * a busy QGIS session a write. A 256-bit token cannot be guessed in the few extra attempts that
 * simultaneous requests could slip past a counter that is only written on failure.
 */
export async function authenticateToken(
  deps: AuthDeps,
  cred: TokenCredentials,
  client: string,
): Promise<{ user: SessionUser; tokenId: number }> {
  const { sql, policy } = deps;
  const now = deps.now();
  const keys =
    cred.scheme === 'basic'
      ? throttleKeys(policy, cred.username ?? '', client)
      : throttleKeys(policy, '', client).filter((k) => k.scope === 'client');
  const wait = await blockedForSeconds(sql, keys, now);
  if (wait > 0) {
    throw new ApiError(
      429,
      'too_many_attempts',
      `Too many failed sign-ins. Try again in ${wait} s.`,
      { retry_after_s: wait },
    );
  }
  // Ours are 43 base64url characters; anything else is not worth a lookup.
  const found = /^[A-Za-z0-9_-]{43}$/.test(cred.token)
    ? await tokens.findToken(sql, hashToken(cred.token))
    : undefined;
  const reason = !found
    ? 'unknown_token'
    : cred.scheme === 'basic' && cred.username !== found.user.username
      ? 'wrong_user'
      : found.revoked_at
        ? 'revoked'
        : found.expires_at <= now
          ? 'expired'
          : found.user.disabled
            ? 'disabled'
            : // Reading layers into QGIS or GDAL is export-like: an owner who may no longer
              // export (a changed role) can no longer use the token either.
              !can(found.user.role, 'export')
              ? 'role'
              : undefined;
  if (reason) {
    await reserveLoginAttempt(sql, keys, now, {
      baseDelayS: policy.baseDelaySeconds,
      maxDelayS: policy.maxDelaySeconds,
      forgetAfterMinutes: policy.failureWindowMinutes,
    });
    await deps.audit({
      action: 'token.use',
      outcome: 'failed',
      user: null,
      username: cred.username,
      // A known token under the wrong username is a sign it leaked: name it for the admins.
      tokenId: found?.id,
      details: { reason, scheme: cred.scheme },
    });
    throw refused();
  }
  const { id, username, role, agency, unit } = found!.user;
  const user = { id, username, role, agency, unit };
  const last = found!.last_used_at?.getTime();
  if (last === undefined || now.getTime() - last >= TOUCH_EVERY_MS) {
    await sql.begin(async (tx) => {
      await tokens.touchToken(tx, found!.id, now);
      const details = { scheme: cred.scheme };
      await deps.audit(
        { action: 'token.use', outcome: 'ok', user, tokenId: found!.id, details },
        tx,
      );
    });
  }
  return { user, tokenId: found!.id };
}
