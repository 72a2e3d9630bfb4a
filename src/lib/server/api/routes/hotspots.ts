import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../types';
import { requirePermission } from '../middleware/authorize';
import { readQuery } from '../query';
import { HOTSPOT_PARAMS, hotspotQuery } from '../hotspot-params';
import * as hotspots from '../../services/hotspots';

/** Hot spots over a province's hex grid (DESIGN.md sections 6 and 7). */
export function hotspotRoutes(deps: RouteDeps) {
  const view = requirePermission('view', deps.auditDenied);
  return new Hono<AppEnv>().get('/hotspots', view, async function hotspotMap(c) {
    const q = readQuery(c, HOTSPOT_PARAMS);
    const result = await hotspots.hotspots(deps.db.sql, hotspotQuery(q));
    // Where seizures concentrate is as sensitive as the seizures: audited like a read of them.
    await deps.audit(c, {
      action: 'hotspots.read',
      target: 'seizures',
      outcome: 'ok',
      details: { filters: q, cells: result.summary.cells, points: result.summary.points },
    });
    c.header('Content-Type', 'application/geo+json; charset=utf-8');
    return c.body(JSON.stringify(result));
  });
}
