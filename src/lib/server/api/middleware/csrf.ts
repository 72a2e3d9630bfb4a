import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './session';
import type { AppEnv, RouteDeps } from '../types';
import { ApiError } from '../../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages: a browser always sends Origin (or
 * Sec-Fetch-Site) on such requests, and a cross-site one is refused. Bodies must declare JSON,
 * GeoJSON or CSV, which a cross-site form cannot send without a CORS preflight we never grant.
 */
/**
 * A request authenticated by a Bearer token alone is not checked for its origin: a browser never
 * adds that header by itself, so a cross-site page can only send one it already knows (and the
 * header forces a CORS preflight we never grant). Basic credentials are different: once a browser
 * has answered our challenge it replays them to this site on its own, cross-site requests
 * included, so a Basic request (and any request carrying the cookie) keeps the check. QGIS and
 * GDAL only read, and send no Origin, so the check never stands in their way.
 */
export function csrfGuard(auditDenied: RouteDeps['auditDenied']): MiddlewareHandler<AppEnv> {
  return async function csrfGuard(c, next) {
    if (SAFE.has(c.req.method)) return next();
    const crossSiteCannotForge =
      c.get('token')?.scheme === 'bearer' && !getCookie(c, SESSION_COOKIE);
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    // Hosts, not whole origins: behind adapter-node without ORIGIN set, the request URL says
    // https even when the browser spoke plain http to localhost.
    const crossHost = origin !== undefined && hostOf(origin) !== new URL(c.req.url).host;
    if (
      !crossSiteCannotForge &&
      (crossHost || (site && site !== 'same-origin' && site !== 'none'))
    ) {
      await auditDenied(c, 'denied', {
        status: 403,
        reason: 'cross_site',
        origin: origin ?? null,
        site: site ?? null,
      });
      throw new ApiError(403, 'cross_site', 'Cross-site requests may not change data.');
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const hasBody = c.req.header('content-length') !== '0' && c.req.raw.body !== null;
    if (hasBody && !['application/json', 'application/geo+json', 'text/csv'].includes(type)) {
      await auditDenied(c, 'denied', { status: 415, reason: 'content_type', content_type: type });
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Send the body as application/json (or text/csv for imports).',
      );
    }
    await next();
  };
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" or garbage: never our host
  }
}
