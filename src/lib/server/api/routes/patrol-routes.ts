import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AGENCIES, PROVINCES } from '../../../domain';
import * as routes from '../../services/patrol-routes';
import type { AppEnv, RouteDeps } from '../app';
import { ApiError } from '../../errors';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { text } from '../../text';
import { jsonBody } from '../validate';

const routeFields = {
  name: text({ max: 200 }),
  province: z.enum(PROVINCES),
  agency: z.enum(AGENCIES),
  unit: text({ max: 200 }).nullish(),
  radius_m: z.number().finite().gt(0).max(20_000).default(500),
  shifts_per_week: z.number().finite().min(0).max(84).default(7),
  // Structure and values are checked by checkGeometry, with messages a planner can act on.
  geometry: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be a GeoJSON LineString object',
  }),
};
const createBody = z.object(routeFields).strict();
const updateBody = z
  .object({ ...routeFields, version: z.number().int().min(1).max(p.INT4_MAX) })
  .strict();

function routeId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(404, 'not_found', `No patrol route '${raw}'`);
  return Number(raw);
}

export function patrolRouteRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const edit = requirePermission('edit_routes', deps.auditDenied);

  /** Runs a write and records it, whether it succeeds or is refused. */
  async function audited<T>(
    c: Context<AppEnv>,
    action: string,
    target: string,
    run: () => Promise<T>,
    details: (r: T) => object,
  ) {
    try {
      const result = await run();
      await deps.audit(c, { action, target, outcome: 'ok', details: { ...details(result) } });
      return result;
    } catch (error) {
      if (error instanceof ApiError) {
        await deps.audit(c, {
          action,
          target,
          outcome: 'failed',
          details: { status: error.status, code: error.code },
        });
      }
      throw error;
    }
  }

  return new Hono<AppEnv>()
    .get('/patrol-routes', view, async function listRoutes(c) {
      const q = readQuery(c, ['province', 'agency']);
      const features = await routes.listRoutesFor(sql, {
        province: p.province(q.province),
        agency: p.agencies(q.agency),
      });
      return c.json({ type: 'FeatureCollection', features });
    })
    .post('/patrol-routes', edit, async function createRoute(c) {
      const body = await jsonBody(c, createBody);
      const row = await audited(
        c,
        'patrol_route.create',
        'patrol_routes',
        () => routes.createRoute(sql, c.get('user')!, body),
        (r) => ({
          id: r.id,
          version_after: r.version,
        }),
      );
      return c.json(row.feature, 201, { Location: `/api/patrol-routes/${row.id}` });
    })
    .get('/patrol-routes/:id', view, async function getRoute(c) {
      return c.json((await routes.getRoute(sql, routeId(c))).feature);
    })
    .put('/patrol-routes/:id', edit, async function updateRoute(c) {
      const id = routeId(c);
      const { version, ...input } = await jsonBody(c, updateBody);
      const { after } = await audited(
        c,
        'patrol_route.update',
        `patrol_routes/${id}`,
        () => routes.updateRoute(sql, c.get('user')!, id, version, input),
        (r) => ({
          id,
          version_before: r.before.version,
          version_after: r.after.version,
        }),
      );
      return c.json(after.feature);
    })
    .delete('/patrol-routes/:id', edit, async function deleteRoute(c) {
      const id = routeId(c);
      const q = readQuery(c, ['version']);
      if (q.version === undefined)
        throw p.missing('version', 'the version being deleted, e.g. ?version=3');
      const version = p.integer('version', q.version, 1, p.INT4_MAX, 1);
      await audited(
        c,
        'patrol_route.delete',
        `patrol_routes/${id}`,
        () => routes.deleteRoute(sql, c.get('user')!, id, version),
        (r) => ({
          id,
          version_before: r.version,
        }),
      );
      return c.body(null, 204);
    });
}
