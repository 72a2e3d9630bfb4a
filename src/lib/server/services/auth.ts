import type { Sql } from '../db/client';
import { ApiError } from '../errors';
import { dummyHash, verifyPassword } from '../auth/passwords';
import type { Role, UserAgency } from '../auth/roles';
import { hashToken, newToken } from '../auth/tokens';
import { recentLoginFailures, type AuditEntry } from '../repositories/audit';
import * as sessions from '../repositories/sessions';
import { findUserByName } from '../repositories/users';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  agency: UserAgency;
}

export interface AuthPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /** Failed logins allowed per username, and per client address, within the window. */
  maxFailuresPerUser: number;
  maxFailuresPerClient: number;
  failureWindowMinutes: number;
}

export interface AuthDeps {
  sql: Sql;
  now: () => Date;
  policy: AuthPolicy;
  audit: (entry: Omit<AuditEntry, 'at'>) => Promise<void>;
}

const MINUTE = 60_000;
// Writing last_seen_at on every request would turn each read into a write.
const TOUCH_EVERY_MS = MINUTE;

/**
 * Checks a username and password and opens a session. Failed attempts are recorded in the audit
 * log, which is also what the rate limit counts, so the limit holds across app instances.
 */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; client: string },
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { sql, policy } = deps;
  const now = deps.now();
  const since = new Date(now.getTime() - policy.failureWindowMinutes * MINUTE);
  const failures = await recentLoginFailures(sql, since, input.username, input.client);
  if (
    failures.byUser >= policy.maxFailuresPerUser ||
    failures.byClient >= policy.maxFailuresPerClient
  ) {
    await deps.audit({
      action: 'login',
      outcome: 'denied',
      username: input.username,
      details: { reason: 'rate_limited' },
    });
    throw new ApiError(429, 'too_many_attempts', 'Too many failed logins. Try again later.', {
      retry_after_s: policy.failureWindowMinutes * 60,
    });
  }
  const user = await findUserByName(sql, input.username);
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok || user.disabled) {
    const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled';
    await deps.audit({
      action: 'login',
      outcome: 'failed',
      username: input.username,
      details: { reason },
    });
    // One message for every cause: a caller cannot learn which usernames exist.
    throw new ApiError(
      401,
      'login_failed',
      'Wrong username or password, or the account is disabled.',
    );
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 60 * MINUTE);
  await sessions.deleteExpiredSessions(
    sql,
    now,
    new Date(now.getTime() - policy.idleMinutes * MINUTE),
  );
  await sessions.insertSession(sql, hashToken(token), user.id, now, expiresAt);
  const sessionUser = {
    id: user.id,
    username: user.username,
    role: user.role,
    agency: user.agency,
  };
  await deps.audit({ action: 'login', outcome: 'ok', user: sessionUser });
  return { token, user: sessionUser, expiresAt };
}

/** The user behind a session token, or undefined when it is unknown, expired, idle or disabled. */
export async function authenticate(
  deps: AuthDeps,
  token: string,
): Promise<SessionUser | undefined> {
  const now = deps.now();
  const hash = hashToken(token);
  const s = await sessions.findSession(deps.sql, hash);
  if (!s) return undefined;
  const idleFor = now.getTime() - s.last_seen_at.getTime();
  if (s.user.disabled || s.expires_at <= now || idleFor >= deps.policy.idleMinutes * MINUTE) {
    await sessions.deleteSession(deps.sql, hash);
    return undefined;
  }
  if (idleFor >= TOUCH_EVERY_MS) await sessions.touchSession(deps.sql, hash, now);
  const { id, username, role, agency } = s.user;
  return { id, username, role, agency };
}

export async function logout(deps: AuthDeps, token: string): Promise<void> {
  await sessions.deleteSession(deps.sql, hashToken(token));
}
