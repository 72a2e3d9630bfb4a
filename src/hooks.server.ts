import type { Handle, ServerInit } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';

/** Boot the database at server start, so progress shows in the console before the first request. */
export const init: ServerInit = async () => {
  await getRuntime();
};

/** Headers for pages (the API sets its own); the CSP itself comes from kit.csp. */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  if (!event.url.pathname.startsWith('/api/')) {
    response.headers.set('X-Content-Type-Options', 'nosniff');
    response.headers.set('X-Frame-Options', 'DENY');
    response.headers.set('Referrer-Policy', 'no-referrer');
    response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(self)');
  }
  return response;
};
