import { errorBody } from '../errors';

/**
 * JSON answers for /api requests that never reach the Hono app: SvelteKit refuses some itself
 * (a path that does not decode) and would answer those, and its own failures, with an HTML page.
 * Every response under /api is `{"error": {...}}` JSON with the API's headers. Knows nothing of
 * SvelteKit: src/hooks.server.ts calls these.
 */

export const isApiPath = (pathname: string) => pathname === '/api' || pathname.startsWith('/api/');

/** Whether SvelteKit can decode the path for routing (it answers 400 Malformed URI otherwise). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURI(pathname);
    return true;
  } catch {
    return false;
  }
}

const CODES: Record<number, [code: string, message: string]> = {
  400: ['bad_request', 'Bad request.'],
  403: ['forbidden', 'Forbidden.'],
  404: ['not_found', 'Not found.'],
  405: ['method_not_allowed', 'Method not allowed.'],
  413: ['payload_too_large', 'Request body too large.'],
};

export function jsonError(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify(errorBody(code, message)), {
    status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'referrer-policy': 'no-referrer',
    },
  });
}

export const malformedPath = () =>
  jsonError(400, 'malformed_path', 'The URL path has malformed percent-encoding.');

/** An error response that is not JSON, replaced by one that is; anything else passes through. */
export function asJsonError(response: Response): Response {
  const type = response.headers.get('content-type') ?? '';
  if (response.status < 400 || /[/+]json\b/i.test(type)) return response;
  // Internals stay out of the body, as the API's own 500s do.
  const [code, message] =
    CODES[response.status] ??
    (response.status >= 500
      ? ['internal', 'Internal server error']
      : ['http_error', 'Request failed.']);
  return jsonError(response.status, code, message);
}
