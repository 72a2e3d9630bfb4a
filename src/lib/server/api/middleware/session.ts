import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../../errors';
import { authenticate } from '../../services/auth';
import { authenticateToken, parseAuthorization } from '../../services/api-tokens';
import { clientOf } from '../context';
import type { AppEnv, RouteDeps } from '../types';

export const SESSION_COOKIE = 'brm_session';

/** The challenge that makes QGIS, GDAL (and a browser) send Basic credentials. */
export const BASIC_CHALLENGE = 'Basic realm="Border Risk Map"';

/**
 * Puts the signed-in user (if any) on the context; deciding what they may do is later. An
 * `Authorization: Bearer` or `Basic` header is an API token and takes the place of the cookie;
 * bad token credentials are a 401 at once, never an anonymous request.
 */
export function sessionUser(deps: () => RouteDeps): MiddlewareHandler<AppEnv> {
  return async function sessionUser(c, next) {
    const credentials = parseAuthorization(c.req.header('authorization'));
    if (credentials) {
      const d = deps();
      // Failures and uses are logged with this request's id and client.
      const auth: RouteDeps['auth'] = { ...d.auth, audit: (e, tx) => d.audit(c, e, tx) };
      const found = await authenticateToken(auth, credentials, clientOf(c)).catch(async (e) => {
        if (e instanceof ApiError && e.status === 429) {
          const details = { status: 429, reason: 'rate_limited', scheme: credentials.scheme };
          await d.auditDenied(c, 'denied', details);
        }
        throw e;
      });
      c.set('user', found.user);
      c.set('token', { id: found.tokenId, scheme: credentials.scheme });
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    // Tokens are 43 base64url characters; anything else cannot be one of ours.
    if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
      const user = await authenticate(deps().auth, token);
      if (user) c.set('user', user);
    }
    await next();
  };
}

/**
 * Adds the Basic challenge to a 401 for token credentials that failed, and to every 401 under
 * /api/ogc: QGIS and GDAL (in its default "any" mode) send their credentials only after one.
 */
export function basicChallenge(): MiddlewareHandler<AppEnv> {
  return async function basicChallenge(c, next) {
    await next();
    if (c.res.status !== 401) return;
    const ogc = c.req.path === '/api/ogc' || c.req.path.startsWith('/api/ogc/');
    if (ogc || parseAuthorization(c.req.header('authorization'))) {
      c.res.headers.set('WWW-Authenticate', BASIC_CHALLENGE);
    }
  };
}
