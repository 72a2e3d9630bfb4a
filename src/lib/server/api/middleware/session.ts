import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticate, type AuthDeps } from '../../services/auth';
import type { AppEnv } from '../types';

export const SESSION_COOKIE = 'brm_session';

/** Puts the signed-in user (if any) on the context; deciding what they may do is later. */
export function sessionUser(deps: () => AuthDeps): MiddlewareHandler<AppEnv> {
  return async function sessionUser(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    // Tokens are 43 base64url characters; anything else cannot be one of ours.
    if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
      const user = await authenticate(deps(), token);
      if (user) c.set('user', user);
    }
    await next();
  };
}
