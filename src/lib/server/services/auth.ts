import type { Client, Sql } from '../db/client';
import { ApiError } from '../errors';
import { dummyHash, verifyPassword } from '../auth/passwords';
import type { Role, UserAgency } from '../auth/roles';
import { hashToken, newToken } from '../auth/tokens';
import type { AuditEntry } from '../repositories/audit';
import {
  releaseAfterSuccess,
  reserveLoginAttempt,
  type ThrottleKey,
} from '../repositories/login-throttle';
import * as sessions from '../repositories/sessions';
import { findUserByName } from '../repositories/users';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  agency: UserAgency;
  /** Named unit (units.id) or null: reports distributed to named units reach it. */
  unit: string | null;
}

export interface AuthPolicy {
  idleMinutes: number;
  absoluteHours: number;
  /**
   * Attempts allowed before delays start: for one username from one client, for one client
   * over all usernames, and for one username over all clients (a guessing attack spread
   * over many addresses). Past them each attempt waits twice as long as the one before.
   */
  maxFailuresPerUser: number;
  maxFailuresPerClient: number;
  maxFailuresPerAccount: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Counters with no attempt for this long start again from zero. */
  failureWindowMinutes: number;
}

export interface AuthDeps {
  sql: Client;
  now: () => Date;
  policy: AuthPolicy;
  /** Appends to the audit log; with `tx`, inside that transaction. */
  audit: (entry: Omit<AuditEntry, 'at'>, tx?: Sql) => Promise<void>;
}

const MINUTE = 60_000;
// Writing last_seen_at on every request would turn each read into a write.
const TOUCH_EVERY_MS = MINUTE;

/** The login throttle's keys for this attempt. */
export function throttleKeys(policy: AuthPolicy, username: string, client: string): ThrottleKey[] {
  return [
    { scope: 'pair', key: JSON.stringify([username, client]), free: policy.maxFailuresPerUser },
    { scope: 'client', key: client, free: policy.maxFailuresPerClient },
    { scope: 'user', key: username, free: policy.maxFailuresPerAccount },
  ];
}

/**
 * Checks a username and password and opens a session. Each attempt is first reserved in the
 * login throttle (atomically, in the database, so the limits hold across app instances and
 * under simultaneous attempts); a refused one is a 429 with the seconds to wait.
 */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; client: string },
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const { sql, policy } = deps;
  const now = deps.now();
  const keys = throttleKeys(policy, input.username, input.client);
  const reservation = await reserveLoginAttempt(sql, keys, now, {
    baseDelayS: policy.baseDelaySeconds,
    maxDelayS: policy.maxDelaySeconds,
    forgetAfterMinutes: policy.failureWindowMinutes,
  });
  if (!reservation.allowed) {
    throw new ApiError(
      429,
      'too_many_attempts',
      `Too many failed sign-ins. Try again in ${reservation.retryAfterS} s.`,
      { retry_after_s: reservation.retryAfterS },
    );
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
  const sessionUser = {
    id: user.id,
    username: user.username,
    role: user.role,
    agency: user.agency,
    unit: user.unit,
  };
  await sql.begin(async (tx) => {
    await releaseAfterSuccess(tx, keys);
    const idleCutoff = new Date(now.getTime() - policy.idleMinutes * MINUTE);
    await sessions.deleteExpiredSessions(tx, now, idleCutoff);
    await sessions.insertSession(tx, hashToken(token), user.id, now, expiresAt);
    await deps.audit({ action: 'login', outcome: 'ok', user: sessionUser }, tx);
  });
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
  const { id, username, role, agency, unit } = s.user;
  return { id, username, role, agency, unit };
}

export async function logout(deps: AuthDeps, token: string): Promise<void> {
  await sessions.deleteSession(deps.sql, hashToken(token));
}
