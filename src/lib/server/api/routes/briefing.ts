import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { hotspotQuery } from '../hotspot-params';
import { readQuery } from '../query';
import { SEIZURE_FILTER_PARAMS } from '../seizure-filter';
import * as briefing from '../../services/briefing';
import { viewerOf } from '../../repositories/visibility';

/**
 * The printed briefing's content for one province and period: the seizure filters, the hot-spot
 * grid at its defaults. Commanders, analysts and admins hold the 'briefing' permission.
 */
export function briefingRoutes(deps: RouteDeps) {
  const allowed = requirePermission('briefing', deps.auditDenied);
  return new Hono<AppEnv>().get('/briefing', allowed, async function readBriefing(c) {
    const q = readQuery(c, SEIZURE_FILTER_PARAMS);
    const user = c.get('user');
    const result = await briefing.briefing(
      deps.db.sql,
      hotspotQuery(q),
      deps.now(),
      user && viewerOf(user),
    );
    // The briefing carries seizure figures and hot spots: audited like a read of the layer.
    await deps.audit(c, {
      action: 'briefing.read',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: q, cases: result.figures.cases },
    });
    // Its exchange section counts reports: a read of the register, audited as the panel's is.
    await deps.audit(c, {
      action: 'report.exchange.read',
      target: 'reports',
      outcome: 'ok',
      details: {
        via: 'briefing',
        filters: { province: q.province, from: q.from ?? null, to: q.to ?? null },
        passed: Object.fromEntries(result.exchange.agencies.map((a) => [a.agency, a.passed])),
      },
    });
    return c.json(result);
  });
}
