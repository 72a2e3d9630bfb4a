import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { appendAudit } from '../repositories/audit';
import { ApiError, errorBody, tooLarge } from '../errors';
import { auditTrail } from './audit-trail';
import { clientAddress } from './middleware/client-address';
import { csrfGuard } from './middleware/csrf';
import { dbQueue } from './middleware/db-queue';
import { basicChallenge, sessionUser } from './middleware/session';
import { spoolUpload } from './middleware/upload-spool';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { basemapRoutes } from './routes/basemap';
import { briefingRoutes } from './routes/briefing';
import { effortRoutes } from './routes/effort';
import { exportRoutes } from './routes/export';
import { coverageRoutes } from './routes/coverage';
import { crossingRoutes } from './routes/crossings';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/import';
import { hotspotRoutes } from './routes/hotspots';
import { layerRoutes } from './routes/layers';
import { objectRoutes } from './routes/objects';
import { ogcRoutes } from './routes/ogc';
import { patrolRouteRoutes } from './routes/patrol-routes';
import { planRoutes } from './routes/plans';
import { reportAnalysisRoutes } from './routes/report-analysis';
import { patrolsRoutes } from './routes/patrols';
import { seizureRoutes } from './routes/seizures';
import { seizureRecordRoutes } from './routes/seizure-records';
import { reportRoutes } from './routes/reports';
import { statsRoutes } from './routes/stats';
import { suggestRoutes } from './routes/suggest';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import type { AppDeps, AppEnv, RouteDeps } from './types';

export type { AppDeps, AppEnv, RouteDeps } from './types';

/** Routes whose bodies are files, up to `maxImportBytes`. */
const IMPORT_PATH = /^\/api\/import\/[a-z_]+\/?$/;

/**
 * The whole HTTP API as a Hono app under /api. It knows nothing of SvelteKit: the SvelteKit
 * catch-all route hands requests to `app.fetch`, and tests call `app.request()` directly.
 */
export function createApp(deps: AppDeps) {
  const logError = deps.logError ?? ((e, id) => console.error(`[${id}]`, e));
  const now = deps.now ?? (() => new Date());
  const { sql } = deps.db;
  const { config } = deps;
  const routeDeps: RouteDeps = {
    ...deps,
    now,
    ...auditTrail(sql, now),
    auth: {
      sql,
      now,
      audit: (entry, tx) => appendAudit(tx ?? sql, { at: now(), ...entry }),
      policy: {
        idleMinutes: config.sessionIdleMinutes,
        absoluteHours: config.sessionAbsoluteHours,
        maxFailuresPerUser: config.loginMaxFailuresPerUser,
        maxFailuresPerClient: config.loginMaxFailuresPerClient,
        maxFailuresPerAccount: config.loginMaxFailuresPerAccount,
        baseDelaySeconds: config.loginDelayBaseSeconds,
        maxDelaySeconds: config.loginDelayMaxSeconds,
        failureWindowMinutes: config.loginFailureWindowMinutes,
      },
    },
  };

  const app = new Hono<AppEnv>({ strict: false }).basePath('/api');

  app.use(requestId());
  app.use(clientAddress(config.trustedProxies));
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
    }),
  );
  const limitBody = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: () => {
      throw tooLarge(config.maxBodyBytes);
    },
  });
  // Imports take larger bodies, written to disk as they arrive rather than read into memory.
  const spool = spoolUpload(config.maxImportBytes);
  app.use(function bodyLimit(c, next) {
    const isImport = c.req.method === 'POST' && IMPORT_PATH.test(c.req.path);
    return isImport ? spool(c, next) : limitBody(c, next);
  });
  app.use(async function noStore(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const embedded = deps.db.engine === 'pglite';
  app.use(
    dbQueue({
      concurrency: config.dbConcurrency ?? (embedded ? 1 : 8),
      maxHeavy: config.dbMaxHeavy ?? (embedded ? 1 : 2),
      maxPerClient: config.queueMaxPerClient,
      maxWaiting: config.queueMaxWaiting,
      maxWaitMs: config.queueMaxWaitMs,
      defaultLimit: config.defaultLimit,
    }),
  );
  app.use(basicChallenge());
  app.use(sessionUser(() => routeDeps));
  app.use(csrfGuard(routeDeps.auditDenied));

  app.route('/', healthRoutes(routeDeps));
  app.route('/', basemapRoutes(routeDeps));
  app.route('/', authRoutes(routeDeps));
  app.route('/', layerRoutes(routeDeps));
  app.route('/', ogcRoutes(routeDeps));
  app.route('/', statsRoutes(routeDeps));
  app.route('/', hotspotRoutes(routeDeps));
  app.route('/', effortRoutes(routeDeps));
  app.route('/', suggestRoutes(routeDeps));
  app.route('/', seizureRoutes(routeDeps));
  app.route('/', seizureRecordRoutes(routeDeps));
  app.route('/', briefingRoutes(routeDeps));
  app.route('/', patrolRouteRoutes(routeDeps));
  app.route('/', planRoutes(routeDeps));
  app.route('/', patrolsRoutes(routeDeps));
  app.route('/', crossingRoutes(routeDeps));
  app.route('/', coverageRoutes(routeDeps));
  app.route('/', exportRoutes(routeDeps));
  app.route('/', auditRoutes(routeDeps));
  app.route('/', userRoutes(routeDeps));
  app.route('/', tokenRoutes(routeDeps));
  app.route('/', importRoutes(routeDeps));
  // Before the report routes (helper "reports"): /reports/exchange and /reports/flags are not ids.
  app.route('/', reportAnalysisRoutes(routeDeps));
  app.route('/', reportRoutes(routeDeps));
  app.route('/', objectRoutes(routeDeps));

  app.notFound((c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const wait = (err.details as { retry_after_s?: unknown } | undefined)?.retry_after_s;
      if (typeof wait === 'number') c.header('Retry-After', String(wait));
      // A body refused as too large may be partly unread (refused on its Content-Length, or
      // past the limit): close the connection after the answer, or the server would wait on
      // the rest of that body and the client's next request on the connection would hang.
      if (err.status === 413) c.header('Connection', 'close');
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      return c.json(errorBody('http_error', err.message || 'Request failed'), err.status);
    }
    // The server's own body limit (adapter-node's BODY_SIZE_LIMIT) fails the body stream with an
    // error carrying status 413 while Hono reads it: still "too large", not an internal error.
    if ((err as { status?: unknown }).status === 413) {
      c.header('Connection', 'close');
      const e = tooLarge(
        IMPORT_PATH.test(c.req.path) ? config.maxImportBytes : config.maxBodyBytes,
      );
      return c.json(errorBody(e.code, e.message, e.details), 413);
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
