import type { RequestHandler } from './$types';
import { getRuntime } from '$lib/server/runtime';

/** Every /api request goes to the Hono app; SvelteKit only carries it there. */
const toHono: RequestHandler = async ({ request, getClientAddress }) => {
  const { app } = await getRuntime();
  return app.fetch(request, { clientAddress: getClientAddress() });
};

export const GET = toHono;
export const POST = toHono;
export const PUT = toHono;
export const PATCH = toHono;
export const DELETE = toHono;
export const OPTIONS = toHono;
export const HEAD = toHono;
export const fallback = toHono;
