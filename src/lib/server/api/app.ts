import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { appendAudit, type AuditEntry } from '../repositories/audit';
import type { AuthDeps, SessionUser } from '../services/auth';
import { auditFromRequest } from './context';
import { ApiError, errorBody, tooLarge } from '../errors';
import { csrfGuard } from './middleware/csrf';
import { sessionUser } from './middleware/session';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { layerRoutes } from './routes/layers';
import { patrolRouteRoutes } from './routes/patrol-routes';
import { userRoutes } from './routes/users';

export interface AppDeps {
  db: Pick<Database, 'sql' | 'engine'>;
  config: Config;
  /** The current time; tests move it to expire sessions. */
  now?: () => Date;
  /** Where unexpected errors are reported; defaults to console.error. */
  logError?: (error: unknown, requestId: string) => void;
}

export type AppEnv = {
  Bindings: { clientAddress?: string };
  Variables: { requestId: string; user?: SessionUser };
};

/** What every route module receives: the deps plus the shared helpers built from them. */
export interface RouteDeps extends AppDeps {
  now: () => Date;
  auth: AuthDeps;
  /** Appends to the audit log with the request's id, client and user. */
  audit: (c: Context<AppEnv>, entry: Omit<AuditEntry, 'at'>) => Promise<void>;
  /** The same, shaped for requirePermission's denied entries. */
  auditDenied: (c: Context<AppEnv>, outcome: 'denied', details: object) => Promise<void>;
}

/**
 * The whole HTTP API as a Hono app under /api. It knows nothing of SvelteKit: the SvelteKit
 * catch-all route hands requests to `app.fetch`, and tests call `app.request()` directly.
 */
export function createApp(deps: AppDeps) {
  const logError = deps.logError ?? ((e, id) => console.error(`[${id}]`, e));
  const now = deps.now ?? (() => new Date());
  const { sql } = deps.db;
  const { config } = deps;
  const write = (entry: Omit<AuditEntry, 'at'>) => appendAudit(sql, { at: now(), ...entry });
  const audit: RouteDeps['audit'] = (c, entry) => write(auditFromRequest(c, entry));
  const routeDeps: RouteDeps = {
    ...deps,
    now,
    audit,
    auditDenied: (c, outcome, details) => {
      // Middleware that runs before routing sees the wildcard; name the path then.
      const route = c.req.routePath.endsWith('*') ? c.req.path : c.req.routePath;
      return audit(c, {
        action: `${c.req.method} ${route}`,
        target: c.req.path,
        outcome,
        details: { ...details },
      });
    },
    auth: {
      sql,
      now,
      audit: write,
      policy: {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
        maxFailuresPerUser: config.loginMaxFailuresPerUser,
        maxFailuresPerClient: config.loginMaxFailuresPerClient,
        failureWindowMinutes: config.loginFailureWindowMinutes,
      },
    },
  };

  const app = new Hono<AppEnv>({ strict: false }).basePath('/api');

  app.use(requestId());
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(
    bodyLimit({
      maxSize: config.maxBodyBytes,
      onError: () => {
        throw tooLarge(config.maxBodyBytes);
      },
    }),
  );
  app.use(async function noStore(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(sessionUser(() => routeDeps.auth));
  app.use(csrfGuard(routeDeps.auditDenied));

  app.route('/', healthRoutes(routeDeps));
  app.route('/', authRoutes(routeDeps));
  app.route('/', layerRoutes(routeDeps));
  app.route('/', patrolRouteRoutes(routeDeps));
  app.route('/', auditRoutes(routeDeps));
  app.route('/', userRoutes(routeDeps));

  app.notFound((c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      return c.json(errorBody('http_error', err.message || 'Request failed'), err.status);
    }
    const id = c.get('requestId');
    if ((err as { code?: unknown }).code === '57014') {
      // PostgreSQL cancelled the query at statement_timeout: the client may narrow and retry.
      return c.json(
        errorBody(
          'timeout',
          'The query took too long and was cancelled. Narrow the filters and retry.',
          {
            request_id: id,
          },
        ),
        503,
      );
    }
    logError(err, id);
    // Internals (SQL, stack) stay in the log; the client gets the id to quote.
    return c.json(errorBody('internal', 'Internal server error', { request_id: id }), 500);
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
