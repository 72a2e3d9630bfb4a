import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { ApiError, errorBody } from './errors';
import { healthRoutes } from './routes/health';
import { layerRoutes } from './routes/layers';

export interface AppDeps {
  db: Pick<Database, 'sql' | 'engine'>;
  config: Config;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (error: unknown, requestId: string) => void;
}

export type AppEnv = {
  Bindings: { clientAddress?: string };
  Variables: { requestId: string };
};

/**
 * The whole HTTP API as a Hono app under /api. It knows nothing of SvelteKit: the SvelteKit
 * catch-all route hands requests to `app.fetch`, and tests call `app.request()` directly.
 */
export function createApp(deps: AppDeps) {
  const logError = deps.logError ?? ((e, id) => console.error(`[${id}]`, e));
  const app = new Hono<AppEnv>({ strict: false }).basePath('/api');

  app.use(requestId());
  app.route('/', healthRoutes(deps));
  app.route('/', layerRoutes(deps));

  app.notFound((c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404));

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      return c.json(errorBody('http_error', err.message || 'Request failed'), err.status);
    }
    const id = c.get('requestId');
    logError(err, id);
    // Internals (SQL, stack) stay in the log; the client gets the id to quote.
    return c.json(errorBody('internal', 'Internal server error', { request_id: id }), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
