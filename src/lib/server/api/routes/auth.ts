import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { permissionsOf } from '../../auth/roles';
import * as auth from '../../services/auth';
import type { AppEnv, RouteDeps } from '../types';
import { clientOf } from '../context';
import { ApiError } from '../../errors';
import { SESSION_COOKIE } from '../middleware/session';
import { text } from '../../text';
import { jsonBody } from '../validate';

const credentials = z.object({
  // Normalised and refused like any text, so escapes never reach the audit log or the limit.
  username: text({ max: 100 }).transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(1024),
});

export function authRoutes(deps: RouteDeps) {
  return new Hono<AppEnv>()
    .post('/auth/login', async function login(c) {
      const body = await jsonBody(c, credentials);
      const session = await auth
        .login(
          // A login attempt is about the name tried, never the browser's current session user.
          { ...deps.auth, audit: (e, tx) => deps.audit(c, { user: null, ...e }, tx) },
          { ...body, client: clientOf(c) },
        )
        .catch(async (error) => {
          if (error instanceof ApiError && error.status === 429) {
            const details = { status: 429, reason: 'rate_limited' };
            await deps.auditDenied(c, 'denied', details, { username: body.username });
          }
          throw error;
        });
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: deps.config.cookieSecure,
        path: '/',
        expires: session.expiresAt,
      });
      return c.json({ user: { ...session.user, permissions: permissionsOf(session.user.role) } });
    })
    .post('/auth/logout', async function logout(c) {
      const token = getCookie(c, SESSION_COOKIE);
      const user = c.get('user');
      if (token) await auth.logout(deps.auth, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      if (user) await deps.audit(c, { action: 'logout', outcome: 'ok' });
      return c.json({ ok: true });
    })
    .get('/auth/me', function me(c) {
      const user = c.get('user');
      if (!user) throw new ApiError(401, 'unauthenticated', 'Not signed in.');
      return c.json({ user: { ...user, permissions: permissionsOf(user.role) } });
    });
}
