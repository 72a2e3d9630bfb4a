import { Hono } from 'hono';
import { z } from 'zod';
import { AGENCIES, CATEGORIES } from '../../../domain';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { DEFAULT_CELL_M } from '../../services/hotspot-query';
import * as p from '../params';
import { jsonBody } from '../validate';
import { coverage } from '../../services/coverage';
import { planLines } from '../plan-lines-body';
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

const body = z
  .object({
    ...planLines,
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
