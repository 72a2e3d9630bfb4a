import { Hono } from 'hono';
import { z } from 'zod';
import { AGENCIES, CATEGORIES, PROVINCES } from '../../../domain';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { DEFAULT_CELL_M } from '../hotspot-params';
import * as p from '../params';
import { jsonBody } from '../validate';
import { MAX_LINES, coverage } from '../../services/coverage';
import { viewerOf } from '../../repositories/visibility';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date, YYYY-MM-DD')
  .refine((v) => {
    try {
      p.instant('date', v);
      return true;
    } catch {
      return false;
    }
  }, 'not a real calendar date');

const draftLine = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  // Structure and values are checked by checkGeometry, with messages a planner can act on.
  geometry: z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be a GeoJSON LineString object',
  }),
  properties: z.object({
    radius_m: z.number().finite().gt(0).max(20_000),
    shifts_per_week: z.number().finite().min(0).max(84).default(7),
    name: z.string().max(200).nullish(),
  }),
});

const body = z
  .object({
    province: z.enum(PROVINCES),
    plan: z.number().int().min(1).max(p.INT4_MAX).optional(),
    routes: z.array(z.number().int().min(1).max(p.INT4_MAX)).max(MAX_LINES).optional(),
    draft: z
      .object({ type: z.literal('FeatureCollection'), features: z.array(draftLine).max(MAX_LINES) })
      .optional(),
    from: day.optional(),
    to: day.optional(),
    category: z.array(z.enum(CATEGORIES)).min(1).optional(),
    agency: z.array(z.enum(AGENCIES)).min(1).optional(),
    cell: z.number().finite().min(100).max(20_000).optional(),
  })
  .strict()
  .refine((b) => b.plan !== undefined || b.routes?.length || b.draft?.features.length, {
    message: 'give at least one of plan, routes or draft',
  });

/** What a plan, routes or a draft cover of a province's frontier, crossings and risk. */
export function coverageRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().post('/coverage', view, async function planCoverage(c) {
    const b = await jsonBody(c, body);
    const user = c.get('user');
    const result = await coverage(
      deps.db.sql,
      { ...b, cellM: b.cell ?? DEFAULT_CELL_M, viewer: user && viewerOf(user) },
      deps.now(),
    );
    // Seizures captured and risk shares read the seizures: audited like the hot spots.
    await deps.audit(c, {
      action: 'coverage.read',
      target: `coverage/${b.province}`,
      outcome: 'ok',
      details: {
        plan: b.plan ?? null,
        routes: b.routes?.length ?? 0,
        draft_lines: b.draft?.features.length ?? 0,
        window: result.window,
        covered_km: result.covered_km,
      },
    });
    return c.json(result);
  });
}
