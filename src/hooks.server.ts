import type { Handle, ServerInit } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { pageOrigins, widenPageCsp } from '$lib/server/basemap/page-policy';
import {
  asJsonError,
  isApiPath,
  malformedPath,
  pathDecodes,
} from '$lib/server/api/framework-errors';

/** Boot the database at server start, so progress shows in the console before the first request. */
export const init: ServerInit = async () => {
  const { config } = await getRuntime();
  void pageOrigins(config.basemap); // a remote basemap style is read now, not on the first page
};

/**
 * Under /api every answer is JSON, also the ones SvelteKit gives itself (this runs before it
 * decodes the path for routing). Pages get their headers here; the CSP comes from kit.csp,
 * opened here for the configured basemap's origins only (kit.csp is fixed at build time).
 */
export const handle: Handle = async ({ event, resolve }) => {
  const { pathname } = event.url;
  if (isApiPath(pathname)) {
    if (!pathDecodes(pathname)) return malformedPath();
    return asJsonError(await resolve(event));
  }
  const response = await resolve(event);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
  await widenPageCsp(response.headers, (await getRuntime()).config.basemap);
  return response;
};
