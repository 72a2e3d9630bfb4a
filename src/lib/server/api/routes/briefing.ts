import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { hotspotQuery } from '../hotspot-params';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS } from '../seizure-filter';
import * as briefing from '../../services/briefing';

/**
 * The printed briefing's content for one province and period: the seizure filters, the hot-spot
 * grid at its defaults. Commanders, analysts and admins hold the 'briefing' permission.
 */
export function briefingRoutes(deps: RouteDeps) {
  const allowed = requirePermission('briefing', deps.auditDenied);
  return new Hono<AppEnv>().get('/briefing', allowed, async function readBriefing(c) {
    const q = readQuery(c, SEIZURE_FILTER_PARAMS);
    const result = await briefing.briefing(deps.db.sql, hotspotQuery(q), deps.now());
    // The briefing carries seizure figures and hot spots: audited like a read of the layer.
    await deps.audit(c, {
      action: 'briefing.read',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: q, cases: result.figures.cases },
    });
    return c.json(result);
  });
}
