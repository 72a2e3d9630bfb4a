import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, RouteDeps } from '../types';
import { ApiError } from '../../errors';
import { requirePermission } from '../middleware/authorize';
import { jsonBody } from '../validate';
import { suggest } from '../../services/suggest';
import { viewerOf } from '../../repositories/visibility';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date, YYYY-MM-DD');
const suggestBody = z
  .object({
    budget_km: z.number().finite().gt(0).max(1000),
    radius_m: z.number().finite().gt(0).max(20_000),
    piece_km: z.number().finite().min(0.1).max(50).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();

function planId(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new ApiError(404, 'not_found', `No plan '${raw}'`);
  return Number(raw);
}

/** Suggested route pieces for a plan (DESIGN.md section 6): a read, so `view` is enough. */
export function suggestRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().post('/plans/:id/suggest', view, async function suggestPieces(c) {
    const id = planId(c);
    const body = await jsonBody(c, suggestBody);
    const user = c.get('user');
    const result = await suggest(deps.db.sql, id, body, deps.now(), user && viewerOf(user));
    // The risk surface is made of seizures: audited like a read of them.
    await deps.audit(c, {
      action: 'plan.suggest',
      target: 'patrol_plans',
      outcome: 'ok',
      details: {
        id,
        budget_km: body.budget_km,
        radius_m: body.radius_m,
        suggestions: result.suggestions.length,
      },
    });
    return c.json(result);
  });
}
