import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AGENCIES, CATEGORIES, PROVINCES } from '../../../domain';
import * as plans from '../../services/plans';
import type { AppEnv, RouteDeps } from '../types';
import { ApiError } from '../../errors';
import { requirePermission } from '../middleware/authorize';
import * as p from '../params';
import { readQuery } from '../query';
import { text } from '../../text';
import { jsonBody } from '../validate';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && yearOk(v), 'not a real date');
const yearOk = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 1990;
};

const planFields = {
  name: text({ max: 200 }),
  agency: z.enum(AGENCIES),
  unit: text({ max: 200 }).nullish(),
  note: text({ max: 2000, multiline: true }).nullish(),
  risk_from: isoDate.nullish(),
  risk_to: isoDate.nullish(),
  risk_categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).nullish(),
};

// A route of a plan: the routes API's body without province (the plan's), with the id of a
// route already in the plan when it is kept. A route's own version may come back from a GET and
// is ignored: the plan's version guards the whole set.
const routeInput = z
  .object({
    id: z.number().int().min(1).max(p.INT4_MAX).optional(),
    version: z.number().int().min(1).max(p.INT4_MAX).optional(),
    name: text({ max: 200 }),
    agency: z.enum(AGENCIES),
    unit: text({ max: 200 }).nullish(),
    radius_m: z.number().finite().gt(0).max(20_000).default(500),
    shifts_per_week: z.number().finite().min(0).max(84).default(7),
    geometry: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
      message: 'must be a GeoJSON LineString object',
    }),
  })
  .strict();

const createBody = z
  .object({
    ...planFields,
    province: z.enum(PROVINCES),
    routes: z.array(routeInput).default([]),
  })
  .strict();
// Province may be repeated as read, never changed: a plan's routes are checked against it.
const updateBody = z
  .object({
    ...planFields,
    version: z.number().int().min(1).max(p.INT4_MAX),
    province: z.enum(PROVINCES).optional(),
    routes: z.array(routeInput),
  })
  .strict();
const copyBody = z.object({ name: text({ max: 200 }) }).strict();

function planId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(404, 'not_found', `No patrol plan '${raw}'`);
  return Number(raw);
}

const withoutVersion = (routes: z.infer<typeof routeInput>[]) =>
  routes.map(({ version: _version, ...r }) => r);

export function planRoutes(deps: RouteDeps) {
  const { sql } = deps.db;
  const view = requirePermission('view', deps.auditDenied);
  const edit = requirePermission('edit_routes', deps.auditDenied);

  return new Hono<AppEnv>()
    .get('/plans', view, async function listPlans(c) {
      const q = readQuery(c, ['province']);
      const list = await plans.listPlans(sql, p.province(q.province));
      await deps.audit(c, {
        action: 'plan.list',
        target: 'patrol_plans',
        outcome: 'ok',
        details: { filters: q, number_returned: list.length },
      });
      return c.json({ plans: list });
    })
    .post('/plans', edit, async function createPlan(c) {
      const { province, routes, ...input } = await jsonBody(c, createBody);
      const plan = await deps.auditedWrite(
        c,
        { action: 'plan.create', target: 'patrol_plans' },
        (tx) => plans.createPlan(tx, c.get('user')!, province, input, withoutVersion(routes)),
        (r) => ({ id: r.id, version_after: r.version, routes: r.route_count }),
      );
      return c.json(plan, 201, { Location: `/api/plans/${plan.id}` });
    })
    .get('/plans/:id', view, async function getPlan(c) {
      const id = planId(c);
      const plan = await deps.auditedRead(
        c,
        { action: 'plan.read', target: `patrol_plans/${id}` },
        () => plans.getPlan(sql, id),
        (r) => ({ id, version: r.version }),
      );
      return c.json(plan);
    })
    .put('/plans/:id', edit, async function updatePlan(c) {
      const id = planId(c);
      const { version, province, routes, ...input } = await jsonBody(c, updateBody);
      const result = await deps.auditedWrite(
        c,
        { action: 'plan.update', target: `patrol_plans/${id}` },
        (tx) =>
          plans.updatePlan(
            tx,
            c.get('user')!,
            id,
            version,
            input,
            withoutVersion(routes),
            province,
          ),
        (r) => ({
          id,
          version_before: r.before.version,
          version_after: r.after.version,
          routes_inserted: r.inserted,
          routes_updated: r.updated,
          routes_deleted: r.deleted,
        }),
      );
      return c.json(result.after);
    })
    .delete('/plans/:id', edit, async function deletePlan(c) {
      const id = planId(c);
      const q = readQuery(c, ['version']);
      if (q.version === undefined)
        throw p.missing('version', 'the version being deleted, e.g. ?version=3');
      const version = p.integer('version', q.version, 1, p.INT4_MAX, 1);
      await deps.auditedWrite(
        c,
        { action: 'plan.delete', target: `patrol_plans/${id}` },
        (tx) => plans.deletePlan(tx, c.get('user')!, id, version),
        (r) => ({ id, version_before: r.version, routes: r.route_count }),
      );
      return c.body(null, 204);
    })
    .post('/plans/:id/copy', edit, async function copyPlan(c) {
      const id = planId(c);
      const { name } = await jsonBody(c, copyBody);
      const plan = await deps.auditedWrite(
        c,
        { action: 'plan.copy', target: `patrol_plans/${id}` },
        (tx) => plans.copyPlan(tx, c.get('user')!, id, name),
        (r) => ({ id: r.id, copied_from: id, routes: r.route_count }),
      );
      return c.json(plan, 201, { Location: `/api/plans/${plan.id}` });
    });
}
