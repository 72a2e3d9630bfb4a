import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../../auth/roles';
import type { AppEnv } from '../types';
import { ApiError } from '../../errors';

type Audit = (
  c: Parameters<MiddlewareHandler<AppEnv>>[0],
  outcome: 'denied',
  details: object,
) => Promise<void>;

/**
 * 401 without a session, 403 when the role lacks the permission; both are recorded as denied
 * requests in the audit log.
 */
export function requirePermission(permission: Permission, audit: Audit): MiddlewareHandler<AppEnv> {
  return async function requirePermission(c, next) {
    const user = c.get('user');
    if (!user) {
      await audit(c, 'denied', { status: 401, permission });
      throw new ApiError(401, 'unauthenticated', 'Sign in to use this resource.');
    }
    if (!can(user.role, permission)) {
      await audit(c, 'denied', { status: 403, permission });
      throw new ApiError(
        403,
        'forbidden',
        `The ${user.role} role may not do this (needs '${permission}').`,
      );
    }
    await next();
  };
}

/**
 * Only a signed-in person, not an API token, may do this (create or revoke tokens, manage users):
 * a token that leaked must not be able to make itself new tokens or accounts.
 */
export function requireSession(audit: Audit): MiddlewareHandler<AppEnv> {
  return async function requireSession(c, next) {
    if (c.get('token')) {
      await audit(c, 'denied', { status: 403, reason: 'token_not_allowed' });
      throw new ApiError(
        403,
        'token_not_allowed',
        'An API token may not do this: sign in with your password.',
      );
    }
    if (!c.get('user')) {
      await audit(c, 'denied', { status: 401 });
      throw new ApiError(401, 'unauthenticated', 'Sign in to use this resource.');
    }
    await next();
  };
}
