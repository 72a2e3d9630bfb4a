import type { Handle, ServerInit } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { pageOrigins, widenPageCsp } from '$lib/server/basemap/page-policy';
import {
  asJsonError,
  isApiPath,
  malformedPath,
  pathDecodes,
} from '$lib/server/api/framework-errors';
import { compressResponse } from '$lib/server/http/compress';

/** Boot the database at server start, so progress shows in the console before the first request. */
export const init: ServerInit = async () => {
  const { config } = await getRuntime();
  void pageOrigins(config.basemap); // a remote basemap style is read now, not on the first page
};

/**
 * Under /api every answer is JSON, also the ones SvelteKit gives itself (this runs before it
 * decodes the path for routing). Pages get their headers here; the CSP comes from kit.csp,
 * opened here for the configured basemap's origins only (kit.csp is fixed at build time).
 *
 * Compression is here rather than in the Hono app (hono/compress: gzip only, API only) so that
 * one place covers every dynamic answer: the API's JSON, GeoJSON and CSV, the pages' HTML and
 * SvelteKit's own error pages. It streams through zlib on libuv's thread pool, off the event loop.
 * Static files never get here (adapter-node's sirv serves build/client first, precompressed).
 */
export const handle: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  if (isApiPath(pathname)) {
    if (!pathDecodes(pathname)) return malformedPath();
    return compressResponse(event.request, asJsonError(await resolve(event)));
  }
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
  await widenPageCsp(response.headers, (await getRuntime()).config.basemap);
  return compressResponse(event.request, response);
};
